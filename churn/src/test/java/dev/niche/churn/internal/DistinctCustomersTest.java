package dev.niche.churn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DistinctCustomersTest {

  @Test
  void identicalRowsMergeInOrderOfFirstOccurrenceWithSummedWeights() {
    DistinctCustomers d = DistinctCustomers.of(
        new int[] {2, 0, 2, 1, 0, 7, 2},
        new double[] {3, 0, 3, 1, 0, 7, 3},
        new double[] {5, 5, 5, 5, 5, 9, 5},
        new double[] {1, 2, 0.5, 1, 1, 0, 0.25});
    // (2, 3, 5): 1 + 0.5 + 0.25; (0, 0, 5): 2 + 1; (1, 1, 5): 1; (7, 7, 9) has weight 0: dropped.
    assertEquals(3, d.size());
    assertArrayEquals(new int[] {2, 0, 1}, d.x);
    assertArrayEquals(new double[] {3, 0, 1}, d.tx);
    assertArrayEquals(new double[] {5, 5, 5}, d.age);
    assertArrayEquals(new double[] {1.75, 3, 1}, d.weight);
  }

  @Test
  void rowsThatDifferInOneValueStaySeparate() {
    DistinctCustomers d = DistinctCustomers.of(
        new int[] {1, 2, 1, 1, 1},
        new double[] {1, 1, 2, 1, 1},
        new double[] {5, 5, 5, 6, 5},
        new double[] {1, 1, 1, 1, 1});
    assertArrayEquals(new int[] {1, 2, 1, 1}, d.x);
    assertArrayEquals(new double[] {1, 1, 2, 1}, d.tx);
    assertArrayEquals(new double[] {5, 5, 5, 6}, d.age);
    assertArrayEquals(new double[] {2, 1, 1, 1}, d.weight);
  }

  @Test
  void manyRepeatsOfFewRowsFillTheTableAndMergeExactly() {
    // 100 distinct rows, each repeated 10 times in interleaved order: 1000 input rows.
    int distinct = 100;
    int n = 10 * distinct;
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] age = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      int k = i % distinct;
      x[i] = k % 7;
      tx[i] = k % 7 == 0 ? 0 : k / 7;
      age[i] = 20 + k / 7;
      w[i] = 1 + i / distinct;
    }
    DistinctCustomers d = DistinctCustomers.of(x, tx, age, w);
    assertEquals(distinct, d.size());
    for (int k = 0; k < distinct; k++) {
      assertEquals(k % 7, d.x[k], "x of row " + k);
      assertEquals(k % 7 == 0 ? 0 : k / 7, d.tx[k], "tx of row " + k);
      assertEquals(20 + k / 7, d.age[k], "age of row " + k);
      assertEquals(55, d.weight[k], "weight of row " + k); // 1 + 2 + ... + 10
    }
    assertEquals(5500, d.totalWeight());
  }

  @Test
  void negativeZeroEqualsZeroAndIsStoredAsPositiveZero() {
    DistinctCustomers d = DistinctCustomers.of(
        new int[] {0, 0, 0},
        new double[] {-0.0, 0.0, -0.0},
        new double[] {-0.0, 0.0, 0.0},
        new double[] {1, 1, 1});
    assertEquals(1, d.size());
    assertEquals(3, d.weight[0]);
    assertEquals(0L, Double.doubleToRawLongBits(d.tx[0]));
    assertEquals(0L, Double.doubleToRawLongBits(d.age[0]));
  }

  @Test
  void weightedMeans() {
    // weights 2 and 1: mean x = (2*1 + 1*4) / 3 = 2, mean T = (2*3 + 1*6) / 3 = 4.
    DistinctCustomers d = DistinctCustomers.of(
        new int[] {1, 4}, new double[] {1, 2}, new double[] {3, 6}, new double[] {2, 1});
    assertEquals(3, d.totalWeight());
    assertEquals(2, d.meanFrequency(), 1e-15);
    assertEquals(4, d.meanAge(), 1e-15);
  }

  @Test
  void meansOfASingleRowAreItsValues() {
    DistinctCustomers d = DistinctCustomers.of(
        new int[] {3}, new double[] {2}, new double[] {7.5}, new double[] {4});
    assertEquals(3, d.meanFrequency(), 1e-15);
    assertEquals(7.5, d.meanAge(), 1e-15);
  }

  @Test
  void validatedRejectsDataWithoutRepeatPurchases() {
    // x > 0 only on a row of weight 0: the weighted mean frequency is 0.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DistinctCustomers.validated(new double[] {0, 2, 0}, new double[] {0, 3, 0},
            new double[] {5, 6, 7}, new double[] {1, 0, 2}));
    assertTrue(e.getMessage().contains("no repeat purchase"), e.getMessage());
    DistinctCustomers d = DistinctCustomers.validated(new double[] {0, 2, 0},
        new double[] {0, 3, 0}, new double[] {5, 6, 5}, null);
    assertArrayEquals(new int[] {0, 2}, d.x);
    assertArrayEquals(new double[] {2, 1}, d.weight);
  }
}
