package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionCurveTest {

  @Test
  void ratesOfTheSeedCurve() {
    RetentionCurve c = RetentionCurve.ofCounts(SeedData.COMPANY_1);
    assertEquals(6, c.periods());
    assertEquals(100, c.size());
    assertEquals(0.5, c.survival(3), 0);
    assertEquals(25, c.lost(2));
    // r_2 = 70 / 95, churn 25 / 95.
    assertEquals(70.0 / 95, c.retentionRate(2), 1e-15);
    assertEquals(25.0 / 95, c.churnRate(2), 1e-15);
    assertArrayEquals(new double[] {0.95, 70.0 / 95, 50.0 / 70, 35.0 / 50, 20.0 / 35, 0.5},
        c.retentionRates(), 1e-15);
    assertArrayEquals(new double[] {1, .95, .7, .5, .35, .2, .1}, c.survivalCurve(), 1e-15);
  }

  @Test
  void proportionsAndPercentagesWithABase() {
    RetentionCurve fromPercent =
        RetentionCurve.ofPercentages(100, 100, 95, 70, 50, 35, 20, 10);
    assertEquals(RetentionCurve.ofCounts(SeedData.COMPANY_1), fromPercent);
    RetentionCurve fromShares = RetentionCurve.ofProportions(1000, 1, 0.93, 0.67, 0.45);
    assertArrayEquals(new long[] {1000, 930, 670, 450}, fromShares.counts());
  }

  @Test
  void ratesStopWhereNobodyIsAtRisk() {
    RetentionCurve c = RetentionCurve.ofCounts(10, 4, 0, 0, 0);
    assertEquals(4, c.periods());
    assertEquals(2, c.periodsAtRisk());
    assertEquals(0.0, c.retentionRate(2));
    assertEquals(1.0, c.churnRate(2));
    assertArrayEquals(new double[] {0.4, 0.0}, c.retentionRates());
    assertArrayEquals(new double[] {0.6, 1.0}, c.churnRates());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> c.retentionRate(3));
    assertEquals("t = 3: nobody is at risk in period 3 (survivors[2] = 0), so its rates are "
        + "undefined; rates exist for t in [1, 2]", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> c.churnRate(4));
    assertThrows(IllegalArgumentException.class, () -> c.churnRate(5));
    RetentionCurve empty = RetentionCurve.ofCounts(10, 0);
    assertEquals(1, empty.periodsAtRisk());
    assertArrayEquals(new double[] {1.0}, empty.churnRates());
    RetentionCurve single = RetentionCurve.ofCounts(7);
    assertEquals(0, single.periodsAtRisk());
    assertEquals(0, single.retentionRates().length);
    assertEquals(0, single.churnRates().length);
    RetentionCurve full = RetentionCurve.ofCounts(SeedData.COMPANY_1);
    assertEquals(full.periods(), full.periodsAtRisk());
  }

  @Test
  void badInputIsRejectedWithTheArgumentsName() {
    IllegalArgumentException rising =
        assertThrows(IllegalArgumentException.class, () -> RetentionCurve.ofCounts(100, 90, 95));
    assertTrue(rising.getMessage().contains("survivors[2] = 95"), rising.getMessage());
    IllegalArgumentException negative =
        assertThrows(IllegalArgumentException.class, () -> RetentionCurve.ofCounts(100, -1));
    assertTrue(negative.getMessage().contains("survivors[1] = -1"), negative.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RetentionCurve.ofCounts());
    assertThrows(IllegalArgumentException.class, () -> RetentionCurve.ofCounts(0, 0));
    assertThrows(NullPointerException.class, () -> RetentionCurve.ofCounts((long[]) null));
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> RetentionCurve.ofProportions(100, 1, Double.NaN));
    assertTrue(nan.getMessage().contains("shares[1]"), nan.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> RetentionCurve.ofProportions(100, 1, 1.2));
    assertThrows(IllegalArgumentException.class,
        () -> RetentionCurve.ofProportions(100, 0.5, 0.6));
    assertThrows(IllegalArgumentException.class, () -> RetentionCurve.ofProportions(0, 1));
    assertThrows(IllegalArgumentException.class,
        () -> RetentionCurve.ofPercentages(100, 100, 101));
    RetentionCurve c = RetentionCurve.ofCounts(SeedData.COMPANY_2);
    assertThrows(IllegalArgumentException.class, () -> c.survival(7));
    assertThrows(IllegalArgumentException.class, () -> c.survival(-1));
    assertThrows(IllegalArgumentException.class, () -> c.retentionRate(0));
    assertThrows(IllegalArgumentException.class, () -> c.scale(0));
    IllegalArgumentException overflow =
        assertThrows(IllegalArgumentException.class, () -> c.scale(Long.MAX_VALUE / 99));
    assertEquals("factor = " + Long.MAX_VALUE / 99 + " overflows survivors[0] = 100",
        overflow.getMessage());
    long most = Long.MAX_VALUE / 100;
    assertEquals(100 * most, c.scale(most).size());
    assertArrayEquals(new long[] {2_000, 1_860}, RetentionCurve.ofCounts(1_000, 930).scale(2)
        .counts());
  }

  @Test
  void callersArrayIsCopied() {
    long[] counts = {10, 5};
    RetentionCurve c = RetentionCurve.ofCounts(counts);
    counts[1] = 7;
    assertEquals(5, c.survivors(1));
    c.counts()[1] = 1;
    assertEquals(5, c.survivors(1));
  }

  @Test
  void survivalNeverRisesAndRatesStayInTheUnitInterval() {
    qt().forAll(integers().between(1, 100_000),
            lists().of(integers().between(0, 1000)).ofSizeBetween(0, 30))
        .checkAssert((size, drops) -> {
          RetentionCurve c = RetentionCurve.ofCounts(countsFrom(size, drops));
          double[] s = c.survivalCurve();
          assertEquals(1.0, s[0]);
          double[] rates = c.retentionRates();
          double[] churn = c.churnRates();
          assertEquals(c.periodsAtRisk(), rates.length);
          assertEquals(rates.length, churn.length);
          for (int t = 1; t < s.length; t++) {
            assertTrue(s[t] <= s[t - 1] && s[t] >= 0 && s[t] <= 1);
            if (t > rates.length) {
              assertEquals(0, c.survivors(t - 1));
              int at = t;
              assertThrows(IllegalArgumentException.class, () -> c.retentionRate(at));
              continue;
            }
            assertTrue(c.survivors(t - 1) > 0);
            double r = c.retentionRate(t);
            assertTrue(r >= 0 && r <= 1);
            assertEquals(r, rates[t - 1]);
            double ch = c.churnRate(t);
            assertEquals(ch, churn[t - 1]);
            assertEquals(1.0, r + ch, 1e-15);
          }
        });
  }

  /** Builds a valid curve: start at size and subtract each drop, floored at zero. */
  static long[] countsFrom(int size, List<Integer> drops) {
    long[] counts = new long[drops.size() + 1];
    counts[0] = size;
    for (int t = 1; t < counts.length; t++) {
      counts[t] = Math.max(0, counts[t - 1] - drops.get(t - 1));
    }
    return counts;
  }
}
