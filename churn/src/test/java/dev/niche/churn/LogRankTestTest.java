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
