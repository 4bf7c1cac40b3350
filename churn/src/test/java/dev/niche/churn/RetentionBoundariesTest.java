package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Exact values and messages at the edges of the retention types' ranges, and their value
 * semantics (equals, hashCode, toString): the cases a mutation run found untested.
 */
class RetentionBoundariesTest {

  private static String rejected(Runnable call) {
    return assertThrows(IllegalArgumentException.class, call::run).getMessage();
  }

  @Test
  void retentionCurveRangesAndMessages() {
    RetentionCurve c = RetentionCurve.ofCounts(SeedData.COMPANY_1);
    assertEquals("survivors[2] = 95 must be <= survivors[1] = 90 (counts never rise)",
        rejected(() -> RetentionCurve.ofCounts(100, 90, 95)));
    assertEquals("shares[2] = 0.6 must be <= shares[1] = 0.5 (shares never rise)",
        rejected(() -> RetentionCurve.ofProportions(100, 1, 0.5, 0.6)));
    assertEquals("base = 0 must be >= 1", rejected(() -> RetentionCurve.ofProportions(0, 1)));
    assertArrayEquals(new long[] {1, 1}, RetentionCurve.ofProportions(1, 1, 1).counts());
    assertArrayEquals(new long[] {10, 5, 5},
        RetentionCurve.ofProportions(10, 1, 0.5, 0.5).counts());
    assertEquals("t = 0 must be in [1, 6]", rejected(() -> c.lost(0)));
    assertEquals("t = 7 must be in [1, 6]", rejected(() -> c.lost(7)));
    assertEquals(10, c.lost(6));
    assertEquals("t = 0 must be in [1, 6]", rejected(() -> c.churnRate(0)));
    assertEquals("t = 7 must be in [1, 6]", rejected(() -> c.retentionRate(7)));
    assertEquals(0.5, c.retentionRate(6));
    assertEquals("t = -1 must be in [0, 6]", rejected(() -> c.survivors(-1)));
    assertEquals(10, c.survivors(6));
    assertEquals("t = 7 must be in [0, 6]", rejected(() -> c.truncate(7)));
    assertEquals(RetentionCurve.ofCounts(100), c.truncate(0));
  }

  @Test
  void retentionCurveIsAValue() {
    RetentionCurve a = RetentionCurve.ofCounts(10, 8, 5);
    RetentionCurve b = RetentionCurve.ofCounts(10, 8, 5);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, RetentionCurve.ofCounts(10, 8, 4));
    assertNotEquals(a, RetentionCurve.ofCounts(10, 8));
    assertNotEquals(a, "RetentionCurve[10, 8, 5]");
    assertNotEquals(a.hashCode(), RetentionCurve.ofCounts(10, 8, 4).hashCode());
    assertEquals("RetentionCurve[10, 8, 5]", a.toString());
  }

  @Test
  void shiftedBetaGeometricValues() {
    ShiftedBetaGeometric m = ShiftedBetaGeometric.of(2, 6);
    assertEquals(2.0, m.alpha());
    assertEquals(6.0, m.beta());
    assertEquals(0.25, m.meanChurnProbability());
    assertEquals(7.0, m.expectedLifetime(), 1e-15);
    assertEquals(Double.POSITIVE_INFINITY, ShiftedBetaGeometric.of(1, 6).expectedLifetime());
    assertEquals(5e9, ShiftedBetaGeometric.of(1 + 1e-9, 5 - 1e-9).expectedLifetime(), 5e3);
    ShiftedBetaGeometric g = ShiftedBetaGeometric.geometric(0.2);
    assertEquals(0.2 * 0.8 * 0.8, g.churnProbability(3), 1e-16);
    assertEquals(0.8, g.retentionRate(5), 1e-16);
    assertEquals(5.0, g.expectedLifetime(), 1e-15);
    assertEquals(Double.POSITIVE_INFINITY, ShiftedBetaGeometric.geometric(0).expectedLifetime());
    assertEquals("t = -1 must be >= 0", rejected(() -> m.survival(-1)));
    assertEquals("t = 0 must be >= 1", rejected(() -> m.retentionRate(0)));
    assertEquals("t = 0 must be >= 1", rejected(() -> m.churnProbability(0)));
    assertEquals("renewals = -1 must be >= 0",
        rejected(() -> m.discountedExpectedResidualLifetime(0.1, -1)));
    assertEquals(1_000_001, m.expectedSurvivors(1, ShiftedBetaGeometric.MAX_PERIODS).length);
    assertEquals("periods = 1000001 must be in [0, 1000000]",
        rejected(() -> m.expectedSurvivors(1, ShiftedBetaGeometric.MAX_PERIODS + 1)));
    assertArrayEquals(new double[] {4}, m.expectedSurvivors(4, 0));
  }

  @Test
  void shiftedBetaGeometricIsAValue() {
    ShiftedBetaGeometric m = ShiftedBetaGeometric.of(2, 6);
    assertEquals(m, ShiftedBetaGeometric.of(2, 6));
    assertEquals(m.hashCode(), ShiftedBetaGeometric.of(2, 6).hashCode());
    assertNotEquals(m, ShiftedBetaGeometric.of(2, 7));
    assertNotEquals(m, ShiftedBetaGeometric.of(3, 6));
    assertNotEquals(m.hashCode(), ShiftedBetaGeometric.of(2, 7).hashCode());
    assertNotEquals(m.hashCode(), ShiftedBetaGeometric.of(3, 6).hashCode());
    assertNotEquals(m, "sBG");
    ShiftedBetaGeometric g = ShiftedBetaGeometric.geometric(0.25);
    assertNotEquals(m, g);
    assertEquals(g, ShiftedBetaGeometric.geometric(0.25));
    assertNotEquals(g, ShiftedBetaGeometric.geometric(0.3));
    assertNotEquals(g.hashCode(), ShiftedBetaGeometric.geometric(0.3).hashCode());
    assertEquals("ShiftedBetaGeometric{alpha=2.0, beta=6.0}", m.toString());
    assertEquals("ShiftedBetaGeometric{geometric limit, churn=0.25}", g.toString());
  }

  private static CohortTable table() {
    return CohortTable.builder(CohortPeriod.MONTH)
        .add(1, LocalDate.of(2024, 1, 5)).add(1, LocalDate.of(2024, 4, 30))
        .add(2, LocalDate.of(2024, 1, 31)).add(3, LocalDate.of(2024, 2, 1))
        .build();
  }

  @Test
  void cohortTableRangesAndMessages() {
    CohortTable t = table();
    assertEquals(CohortPeriod.MONTH, t.period());
    assertEquals(2, t.cohortCount());
    assertEquals(4, t.observedAges(0));
    assertEquals(1, t.active(0, 3));
    assertEquals(2, t.active(0, 0));
    assertEquals("age = 4 must be in [0, 3]: cohort 0 is censored after that",
        rejected(() -> t.active(0, 4)));
    assertEquals("age = -1 must be in [0, 3]: cohort 0 is censored after that",
        rejected(() -> t.active(0, -1)));
    assertEquals("cohort = 2 must be in [0, 1]", rejected(() -> t.active(2, 0)));
    assertEquals("cohort = -1 must be in [0, 1]", rejected(() -> t.cohortPeriodIndex(-1)));
    assertEquals("cohort = 2 must be in [0, 1]", rejected(() -> t.cohortSize(2)));
    assertEquals("cohort = 2 must be in [0, 1]", rejected(() -> t.observedAges(2)));
    assertEquals("cohort = 2 must be in [0, 1]", rejected(() -> t.cohortStart(2)));
    assertEquals(1, t.cohortSize(1));
    assertEquals(CohortPeriod.MONTH.indexOf(LocalDate.of(2024, 2, 1)), t.cohortPeriodIndex(1));
  }

  @Test
  void cohortTableIsAValue() {
    CohortTable t = table();
    assertEquals(t, table());
    assertEquals(t.hashCode(), table().hashCode());
    CohortTable later = CohortTable.builder(CohortPeriod.MONTH)
        .add(1, LocalDate.of(2024, 1, 5)).add(1, LocalDate.of(2024, 4, 30))
        .add(2, LocalDate.of(2024, 1, 31)).add(3, LocalDate.of(2024, 2, 1))
        .observedUntil(LocalDate.of(2024, 5, 1)).build();
    assertNotEquals(t, later);
    assertNotEquals(t.hashCode(), later.hashCode());
    CohortTable other = CohortTable.builder(CohortPeriod.MONTH)
        .add(1, LocalDate.of(2024, 1, 5)).add(1, LocalDate.of(2024, 3, 30))
        .add(2, LocalDate.of(2024, 1, 31)).add(3, LocalDate.of(2024, 4, 1))
        .build();
    assertNotEquals(t, other);
    assertNotEquals(t.hashCode(), other.hashCode());
    assertNotEquals(t, "table");
    long jan = CohortPeriod.MONTH.indexOf(LocalDate.of(2024, 1, 1));
    CohortTable counted = CohortTable.fromSpanCounts(CohortPeriod.MONTH, jan + 3,
        new long[] {jan, jan, jan + 1}, new long[] {jan + 3, jan, jan + 1}, new long[] {1, 1, 1});
    assertNotEquals(t, counted);
    assertEquals(counted, CohortTable.fromSpanCounts(CohortPeriod.MONTH, jan + 3,
        new long[] {jan + 1, jan, jan}, new long[] {jan + 1, jan, jan + 3}, new long[] {1, 1, 1}));
    assertEquals(counted.hashCode(), CohortTable.fromSpanCounts(CohortPeriod.MONTH, jan + 3,
        new long[] {jan + 1, jan, jan}, new long[] {jan + 1, jan, jan + 3},
        new long[] {1, 1, 1}).hashCode());
    assertArrayEquals(t.activeCounts(0), counted.activeCounts(0));
    assertEquals("CohortTable{period=MONTH, customers=3, cohorts=2, end=2024-04-01}",
        t.toString());
  }

  @Test
  void spanCountsAtTheirLimits() {
    long[] one = {5};
    assertEquals("lastPeriods has length 2 but firstPeriods has length 1; they must match",
        rejected(() -> CohortTable.fromSpanCounts(CohortPeriod.DAY, 5, one, new long[] {5, 5},
            one)));
    assertEquals("customers has length 0 but firstPeriods has length 1; they must match",
        rejected(() -> CohortTable.fromSpanCounts(CohortPeriod.DAY, 5, one, one, new long[0])));
    CohortTable sameDay = CohortTable.fromSpanCounts(CohortPeriod.DAY, 5, one, one, one);
    assertArrayEquals(new long[] {5}, sameDay.activeCounts(0));
    assertEquals("lastPeriods[0] = 4 precedes firstPeriods[0] = 5", rejected(
        () -> CohortTable.fromSpanCounts(CohortPeriod.DAY, 5, one, new long[] {4}, one)));
    assertEquals("lastPeriods[0] = 6 is after observationEnd = 5", rejected(
        () -> CohortTable.fromSpanCounts(CohortPeriod.DAY, 5, one, new long[] {6}, one)));
    long half = Integer.MAX_VALUE / 2;
    CohortTable full = CohortTable.fromSpanCounts(CohortPeriod.DAY, 5, new long[] {5, 5},
        new long[] {5, 5}, new long[] {half, Integer.MAX_VALUE - half});
    assertEquals(Integer.MAX_VALUE, full.cohortSize(0));
    assertEquals("the customers of span (5, 5) add up to more than 2147483647", rejected(
        () -> CohortTable.fromSpanCounts(CohortPeriod.DAY, 5, new long[] {5, 5},
            new long[] {5, 5}, new long[] {half + 1, Integer.MAX_VALUE - half})));
    assertEquals("customers[0] = 0 must be in [1, 2147483647]", rejected(
        () -> CohortTable.fromSpanCounts(CohortPeriod.DAY, 5, one, one, new long[] {0})));
    assertTrue(rejected(() -> CohortTable.fromSpanCounts(CohortPeriod.DAY, Long.MAX_VALUE, one,
        one, one)).startsWith("observationEnd = 9223372036854775807 lies outside"));
  }
}
