package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogRankTestTest {

  /**
   * Seed curves. Reference computed by hand from the survdiff formulas (R survival::survdiff;
   * Klein &amp; Moeschberger 2003 §7.3, eqs. 7.3.3-7.3.5): at t = 1..6 the risk sets are
   * (100, 100), (95, 93), (70, 67), (50, 45), (35, 32), (20, 22) and the deaths (5, 7), (25, 26),
   * (20, 22), (15, 13), (15, 10), (10, 8). O = (90, 86), E_1 = Σ d_t n_1t / n_t = 89.5991028,
   * V_11 = Σ d_t (n_t - d_t) n_1t n_2t / (n_t² (n_t - 1)) = 31.0780773, chi² = (O_1 - E_1)² / V_11
   * = 0.00517145 on 1 df, p = 0.94267.
   */
  @Test
  void seedCurvesLogRank() {
    LogRankResult r = LogRankTest.compare(RetentionCurve.ofCounts(SeedData.COMPANY_1),
        RetentionCurve.ofCounts(SeedData.COMPANY_2));
    assertArrayEquals(new double[] {90, 86}, r.observed(), 1e-12);
    assertArrayEquals(new double[] {89.59910278, 86.40089722}, r.expected(), 1e-7);
    assertEquals(31.07807727, r.variance()[0][0], 1e-7);
    assertEquals(-31.07807727, r.variance()[0][1], 1e-7);
    assertEquals(0.005171445452079908, r.chiSquare(), 1e-10);
    assertEquals(1, r.degreesOfFreedom());
    assertEquals(0.9426713331106082, r.pValue(), 1e-9);
    assertEquals(independent(0, SeedData.COMPANY_1, SeedData.COMPANY_2), r.chiSquare(), 1e-12);
  }

  /**
   * Fleming–Harrington rho = 1 (survdiff(..., rho = 1)): weights are the pooled Kaplan–Meier
   * S(t-) = 1, 188/200, 137/200, ...; chi² = 0.167944 on 1 df, p = 0.68195 (hand computation).
   */
  @Test
  void seedCurvesPetoPeto() {
    LogRankResult r = LogRankTest.flemingHarrington(1, RetentionCurve.ofCounts(SeedData.COMPANY_1),
        RetentionCurve.ofCounts(SeedData.COMPANY_2));
    assertArrayEquals(new double[] {56.45, 57.715}, r.observed(), 1e-10);
    assertArrayEquals(new double[] {58.1, 56.065}, r.expected(), 1e-10);
    assertEquals(16.21073549, r.variance()[0][0], 1e-7);
    assertEquals(0.16794426146673622, r.chiSquare(), 1e-10);
    assertEquals(0.6819453072993069, r.pValue(), 1e-9);
    assertEquals(1.0, r.rho());
  }

  @Test
  void threeGroupsAgainstAnIndependentComputation() {
    long[] third = {100, 80, 60, 45};
    LogRankResult r = LogRankTest.compare(RetentionCurve.ofCounts(SeedData.COMPANY_1),
        RetentionCurve.ofCounts(SeedData.COMPANY_2), RetentionCurve.ofCounts(third));
    assertEquals(2, r.degreesOfFreedom());
    assertEquals(independent(0, SeedData.COMPANY_1, SeedData.COMPANY_2, third), r.chiSquare(),
        1e-9);
    // With 2 df the upper tail is exp(-chi²/2).
    assertEquals(Math.exp(-r.chiSquare() / 2), r.pValue(), 1e-12);
    double sumO = 0;
    double sumE = 0;
    for (int j = 0; j < 3; j++) {
      sumO += r.observed()[j];
      sumE += r.expected()[j];
    }
    assertEquals(sumO, sumE, 1e-9);
    assertTrue(r.pValue() > 0 && r.pValue() < 1, r.toString());
  }

  @Test
  void identicalCurvesGiveNoEvidence() {
    RetentionCurve c = RetentionCurve.ofCounts(SeedData.COMPANY_1);
    LogRankResult r = LogRankTest.compare(c, c);
    assertEquals(0.0, r.chiSquare(), 1e-20);
    assertEquals(1.0, r.pValue(), 1e-12);
    LogRankResult none = LogRankTest.compare(RetentionCurve.ofCounts(5, 5),
        RetentionCurve.ofCounts(7, 7));
    assertEquals(0, none.degreesOfFreedom());
    assertEquals(1.0, none.pValue());
  }

  @Test
  void badInput() {
    RetentionCurve c = RetentionCurve.ofCounts(SeedData.COMPANY_1);
    assertThrows(IllegalArgumentException.class, () -> LogRankTest.compare(c));
    assertThrows(NullPointerException.class, () -> LogRankTest.compare(c, null));
    assertThrows(IllegalArgumentException.class,
        () -> LogRankTest.flemingHarrington(-1, c, c));
    assertThrows(IllegalArgumentException.class,
        () -> LogRankTest.flemingHarrington(Double.NaN, c, c));
  }

  /**
   * The seed curves expanded to one row per customer (losses of period t are events at t, the
   * last survivors censored at 6) give the grouped test exactly, for log-rank and rho = 1.
   */
  @Test
  void individualRowsOfTheSeedCurvesGiveTheGroupedTest() {
    long[][] curves = {SeedData.COMPANY_1, SeedData.COMPANY_2};
    int n = (int) (SeedData.COMPANY_1[0] + SeedData.COMPANY_2[0]);
    double[] durations = new double[n];
    boolean[] events = new boolean[n];
    int[] groups = new int[n];
    int row = 0;
    for (int g = 0; g < 2; g++) {
      long[] c = curves[g];
      for (int t = 1; t < c.length; t++) {
        for (long i = 0; i < c[t - 1] - c[t]; i++) {
          durations[row] = t;
          events[row] = true;
          groups[row++] = g + 1;
        }
      }
      for (long i = 0; i < c[c.length - 1]; i++) {
        durations[row] = c.length - 1;
        groups[row++] = g + 1;
      }
    }
    for (double rho : new double[] {0, 1}) {
      LogRankResult grouped = LogRankTest.flemingHarrington(rho,
          RetentionCurve.ofCounts(SeedData.COMPANY_1), RetentionCurve.ofCounts(SeedData.COMPANY_2));
      LogRankResult individual = LogRankTest.builder(durations, events, groups)
          .flemingHarrington(rho).compare();
      assertArrayEquals(grouped.observed(), individual.observed(), 1e-12);
      assertArrayEquals(grouped.expected(), individual.expected(), 1e-12);
      assertEquals(grouped.chiSquare(), individual.chiSquare(), 1e-12);
      assertEquals(grouped.pValue(), individual.pValue(), 1e-12);
      assertArrayEquals(new int[] {1, 2}, individual.groups());
      assertArrayEquals(new int[] {0, 1}, grouped.groups());
    }
    assertEquals(LogRankTest.compare(durations, events, groups).chiSquare(),
        LogRankTest.builder(durations, events, groups).flemingHarrington(0, 0).compare()
            .chiSquare(), 0);
  }

  @Test
  void groupsWithoutExpectedEventsAreLeftOutOfTheStatistic() {
    // Group 9 leaves (censored) before the first event: E = 0, as R survdiff drops it.
    double[] t = {1, 1, 2, 3, 4, 5, 6, 7, 0.5, 0.5};
    boolean[] e = {true, false, true, true, true, false, true, true, false, false};
    int[] g = {1, 1, 1, 1, 2, 2, 2, 2, 9, 9};
    LogRankResult r = LogRankTest.compare(t, e, g);
    assertEquals(0.0, r.expected()[2], 0);
    assertEquals(1, r.degreesOfFreedom());
    LogRankResult two = LogRankTest.compare(java.util.Arrays.copyOf(t, 8),
        java.util.Arrays.copyOf(e, 8), java.util.Arrays.copyOf(g, 8));
    assertEquals(two.chiSquare(), r.chiSquare(), 1e-12);
    // A stratum per group: nothing left to compare within strata.
    LogRankResult within = LogRankTest.builder(t, e, g).strata(g).compare();
    assertEquals(0.0, within.chiSquare(), 0);
    assertEquals(1.0, within.pValue(), 0);
    assertEquals(0, within.degreesOfFreedom());
  }

  @Test
  void badIndividualInput() {
    double[] t = {1, 2, 3};
    boolean[] e = {true, true, false};
    IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
        () -> LogRankTest.compare(t, e, new int[] {4, 4, 4}));
    assertEquals("groups holds 1 distinct label(s) [4]; need >= 2", one.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> LogRankTest.compare(t, e, new int[] {1, 2}));
    assertThrows(IllegalArgumentException.class,
        () -> LogRankTest.compare(t, new boolean[] {true}, new int[] {1, 2, 1}));
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> LogRankTest.compare(new double[] {1, Double.NaN, 2}, e, new int[] {1, 2, 1}));
    assertTrue(nan.getMessage().contains("durations[1]"), nan.getMessage());
    assertThrows(NullPointerException.class, () -> LogRankTest.compare(t, e, null));
    assertThrows(NullPointerException.class, () -> LogRankTest.compare(null, e, new int[3]));
    LogRankBuilder b = LogRankTest.builder(t, e, new int[] {1, 2, 1});
    assertThrows(IllegalArgumentException.class, () -> b.strata(new int[] {1}));
    assertThrows(NullPointerException.class, () -> b.strata(null));
    assertThrows(IllegalArgumentException.class, () -> b.flemingHarrington(-0.5));
    IllegalArgumentException gamma = assertThrows(IllegalArgumentException.class,
        () -> b.flemingHarrington(1, Double.POSITIVE_INFINITY));
    assertTrue(gamma.getMessage().startsWith("gamma = Infinity"), gamma.getMessage());
    int[] many = new int[LogRankTest.MAX_GROUPS + 1];
    double[] d = new double[many.length];
    boolean[] ev = new boolean[many.length];
    for (int i = 0; i < many.length; i++) {
      many[i] = i;
      d[i] = i + 1;
    }
    assertThrows(IllegalArgumentException.class, () -> LogRankTest.compare(d, ev, many));
    int[] hundredOne = java.util.Arrays.copyOf(many, LogRankTest.MAX_PAIRWISE_GROUPS + 1);
    assertThrows(IllegalArgumentException.class, () -> LogRankTest.pairwise(
        java.util.Arrays.copyOf(d, hundredOne.length),
        java.util.Arrays.copyOf(ev, hundredOne.length), hundredOne));
    PairwiseLogRank pairs = LogRankTest.pairwise(t, e, new int[] {1, 2, 1});
    assertThrows(IllegalArgumentException.class, () -> pairs.comparison(1, 3));
    assertThrows(IllegalArgumentException.class, () -> pairs.adjustedPValue(1, 1));
  }

  /** A direct transcription of the survdiff formulas, separate from the production code. */
  private static double independent(double rho, long[]... groups) {
    int k = groups.length;
    int horizon = 0;
    for (long[] g : groups) {
      horizon = Math.max(horizon, g.length - 1);
    }
    double[] u = new double[k];
    double[][] v = new double[k][k];
    double km = 1;
    for (int t = 1; t <= horizon; t++) {
      double[] n = new double[k];
      double[] d = new double[k];
      double nt = 0;
      double dt = 0;
      for (int j = 0; j < k; j++) {
        if (t < groups[j].length) {
          n[j] = groups[j][t - 1];
          d[j] = groups[j][t - 1] - groups[j][t];
        }
        nt += n[j];
        dt += d[j];
      }
      double w = Math.pow(km, rho);
      for (int j = 0; j < k; j++) {
        u[j] += w * (d[j] - dt * n[j] / nt);
        for (int l = 0; l < k; l++) {
          v[j][l] += w * w * dt * (nt - dt) / (nt - 1) * n[j] / nt * ((j == l ? 1 : 0) - n[l] / nt);
        }
      }
      km *= 1 - dt / nt;
    }
    if (k == 2) {
      return u[1] * u[1] / v[1][1];
    }
    // k = 3: solve the 2 x 2 system on groups 2..3 by Cramer's rule.
    double a = v[1][1];
    double b = v[1][2];
    double c = v[2][1];
    double dd = v[2][2];
    double det = a * dd - b * c;
    double x1 = (dd * u[1] - b * u[2]) / det;
    double x2 = (-c * u[1] + a * u[2]) / det;
    return u[1] * x1 + u[2] * x2;
  }
}
