package dev.niche.churn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SummaryPairsTest {

  @Test
  void pairsAreNumberedInOrderOfFirstOccurrence() {
    //          row:  0  1  2  3  4  5  6
    int[] x = {1, 0, 1, 2, 0, 2, 0};
    double[] tx = {1, 0, 1, 1, 0, 1, 0};
    double[] ages = {5, 5, 5, 5, 6, 5, 5};
    double[] w = {1, 2, 3, 4, 5, 6, 7};
    SummaryPairs p = SummaryPairs.of(x, tx, ages, w);
    // (x, T) pairs: (1,5) -> 0, (0,5) -> 1, (2,5) -> 2, (0,6) -> 3.
    assertArrayEquals(new int[] {1, 0, 2, 0}, p.ageX);
    assertArrayEquals(new double[] {5, 5, 5, 6}, p.age);
    // x = 0 rows summed per pair: (0,5) gets rows 1 and 6, (0,6) row 4.
    assertArrayEquals(new double[] {0, 9, 0, 5}, p.aloneWeight);
    // (x, t_x) pairs of the rows with x > 0 (rows 0, 2, 3, 5): (1,1) -> 0, (2,1) -> 1.
    assertArrayEquals(new int[] {1, 2}, p.recencyX);
    assertArrayEquals(new double[] {1, 1}, p.recency);
    assertArrayEquals(new int[] {0, 0, 2, 2}, p.rowAge);
    assertArrayEquals(new int[] {0, 0, 1, 1}, p.rowRecency);
    assertArrayEquals(new double[] {1, 3, 4, 6}, p.rowWeight);
    assertArrayEquals(new double[] {14, 4, 10}, p.weightByFrequency);
  }

  @Test
  void manyRowsOnFewPairsMapToTheSamePairs() {
    int n = 600;
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] ages = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      int k = i % 60;
      x[i] = 1 + k % 3;
      tx[i] = k % 4;
      ages[i] = 10 + k % 5;
      w[i] = 1;
    }
    SummaryPairs p = SummaryPairs.of(x, tx, ages, w);
    // (x, T) = (1 + k mod 3, 10 + k mod 5): 15 pairs; (x, t_x) = (1 + k mod 3, k mod 4): 12 pairs.
    assertEquals(15, p.ageX.length);
    assertEquals(12, p.recencyX.length);
    for (int i = 0; i < n; i++) {
      int a = p.rowAge[i];
      int r = p.rowRecency[i];
      assertEquals(x[i], p.ageX[a], "row " + i);
      assertEquals(ages[i], p.age[a], "row " + i);
      assertEquals(x[i], p.recencyX[r], "row " + i);
      assertEquals(tx[i], p.recency[r], "row " + i);
      // rows repeat with period 60, so a row's pairs are those of its first occurrence
      assertEquals(p.rowAge[i % 60], a, "row " + i);
      assertEquals(p.rowRecency[i % 60], r, "row " + i);
    }
  }

  @Test
  void negativeZeroEqualsZeroAndIsStoredAsPositiveZero() {
    SummaryPairs p = SummaryPairs.of(new int[] {1, 1, 0, 0}, new double[] {-0.0, 0.0, 0, 0},
        new double[] {-0.0, 0.0, -0.0, 0.0}, new double[] {1, 1, 1, 1});
    // (1, 0) and (0, 0) as age pairs; one recency pair (1, 0).
    assertArrayEquals(new int[] {1, 0}, p.ageX);
    assertEquals(0L, Double.doubleToRawLongBits(p.age[0]));
    assertEquals(0L, Double.doubleToRawLongBits(p.age[1]));
    assertArrayEquals(new double[] {0, 2}, p.aloneWeight);
    assertArrayEquals(new int[] {1}, p.recencyX);
    assertEquals(0L, Double.doubleToRawLongBits(p.recency[0]));
    assertArrayEquals(new int[] {0, 0}, p.rowAge);
    assertArrayEquals(new int[] {0, 0}, p.rowRecency);
  }
}
