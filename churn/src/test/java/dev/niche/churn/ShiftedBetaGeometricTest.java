package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.apache.commons.math3.special.Beta;
import org.junit.jupiter.api.Test;

class ShiftedBetaGeometricTest {

  /**
   * Fader &amp; Hardie (2007), "How to Project Customer Retention", J. Interactive Marketing
   * 21(1): fitted on years 0..7 of Table 1 (seven periods), Regular alpha = 0.704,
   * beta = 1.182; High End alpha = 0.668, beta = 3.806.
   */
  @Test
  void reproducesFaderHardie2007() {
    SbgFit regular = ShiftedBetaGeometric.fit(RetentionCurve.ofCounts(SeedData.REGULAR).truncate(7));
    assertEquals(0.704, regular.alpha().value(), 5e-4);
    assertEquals(1.182, regular.beta().value(), 5e-4);
    assertFalse(regular.diagnostics().onBoundary());
    assertTrue(regular.diagnostics().converged());
    assertTrue(regular.alpha().standardError() > 0 && regular.alpha().standardError() < 0.2);
    SbgFit high = ShiftedBetaGeometric.fit(RetentionCurve.ofCounts(SeedData.HIGH_END).truncate(7));
    assertEquals(0.668, high.alpha().value(), 5e-4);
    assertEquals(3.806, high.beta().value(), 5e-4);
    assertFalse(high.isGeometricLimit());
    // The maximised log-likelihood, recomputed here from the formula at the estimates.
    assertEquals(independentLogLikelihood(regular.alpha().value(), regular.beta().value(),
        SeedData.REGULAR, 7), regular.logLikelihood(), 1e-9);
    // Heterogeneity matters: the sBG beats the constant-churn model by a wide margin.
    assertTrue(regular.logLikelihood() - regular.geometricLogLikelihood() > 50);
  }

  /**
   * Projections for years 8..12 (Fader &amp; Hardie 2007, Figure 3 / Table 1 holdout): at the
   * published parameters the sBG projects 1000 S(t); the fit must reproduce those projections
   * (within 0.5 customer) and they track the actual survivors (within 2.5% Regular, 4.5% High End,
   * the paper's point that the sBG projects well while it underestimates slightly).
   */
  @Test
  void projectsYearsEightToTwelve() {
    check(SeedData.REGULAR, 0.704, 1.182, 0.025);
    check(SeedData.HIGH_END, 0.668, 3.806, 0.045);
  }

  private static void check(long[] actual, double alpha, double beta, double tolerance) {
    SbgFit fit = ShiftedBetaGeometric.fit(RetentionCurve.ofCounts(actual).truncate(7));
    double[] projected = fit.projectedSurvivors(12);
    ShiftedBetaGeometric published = ShiftedBetaGeometric.of(alpha, beta);
    for (int t = 8; t <= 12; t++) {
      double fromPaper = 1000 * published.survival(t);
      assertEquals(fromPaper, projected[t], 0.5, "t = " + t);
      assertEquals(actual[t], projected[t], tolerance * actual[t], "t = " + t);
    }
  }

  /**
   * Fader &amp; Hardie (2010), "Customer-Base Valuation in a Contractual Setting", Marketing
   * Science 29(1), eq. 6 and the worked example: d = 0.10, alpha = 3.80, beta = 15.20,
   * DERL for n = 1..5 (0..4 renewals) = 3.31, 3.45, 3.59, 3.72, 3.84.
   */
  @Test
  void derlOfFaderHardie2010() {
    ShiftedBetaGeometric m = ShiftedBetaGeometric.of(3.80, 15.20);
    double[] published = {3.31, 3.45, 3.59, 3.72, 3.84};
    for (int renewals = 0; renewals < 5; renewals++) {
      double derl = m.discountedExpectedResidualLifetime(0.10, renewals);
      assertEquals(published[renewals], derl, 0.005);
      // The defining sum, eq. 6: Σ_{t>=n} S(t)/S(n-1) / 1.1^{t-n}.
      int n = renewals + 1;
      double sum = 0;
      for (int t = n; t < 3000; t++) {
        sum += m.survival(t) / m.survival(n - 1) / Math.pow(1.1, t - n);
      }
      assertEquals(sum, derl, 1e-9);
    }
  }

  @Test
  void closedFormsAgainstSums() {
    ShiftedBetaGeometric m = ShiftedBetaGeometric.of(3.8, 15.2);
    // The sums use S(t) = B(alpha, beta + t) / B(alpha, beta) directly (O(1) per term), so the
    // 2e5-term sums stay linear; survival(t) itself is checked against the same form at spread t.
    double logB = Beta.logBeta(3.8, 15.2);
    double mean = 0;
    double del = 0;
    for (int t = 0; t < 200_000; t++) {
      double s = Math.exp(Beta.logBeta(3.8, 15.2 + t) - logB);
      mean += s;
      del += s / Math.pow(1.1, t);
    }
    for (int t : new int[] {50, 1_000, 20_000, 199_999}) {
      double s = Math.exp(Beta.logBeta(3.8, 15.2 + t) - logB);
      assertEquals(s, m.survival(t), 1e-9 * s);
    }
    // E[T] = (alpha + beta - 1) / (alpha - 1) = 18 / 2.8; the tail beyond 2e5 is O(t^-2.8).
    assertEquals(18 / 2.8, m.expectedLifetime(), 1e-12);
    assertEquals(mean, m.expectedLifetime(), 1e-6);
    assertEquals(del, m.expectedDiscountedLifetime(0.1), 1e-9);
    // S(t) = B(alpha, beta + t) / B(alpha, beta).
    for (int t = 0; t < 20; t++) {
      assertEquals(Math.exp(Beta.logBeta(3.8, 15.2 + t) - Beta.logBeta(3.8, 15.2)),
          m.survival(t), 1e-12);
      if (t >= 1) {
        assertEquals(m.survival(t - 1) - m.survival(t), m.churnProbability(t), 1e-15);
        assertEquals(m.survival(t) / m.survival(t - 1), m.retentionRate(t), 1e-14);
      }
    }
    assertEquals(Double.POSITIVE_INFINITY, ShiftedBetaGeometric.of(0.7, 1.2).expectedLifetime());
    assertEquals(1 / (3.8 + 15.2 + 1), m.polarization(), 1e-15);
  }

  @Test
  void productStaysExactForHugeParameters() {
    ShiftedBetaGeometric huge = ShiftedBetaGeometric.of(1e12, 3e12);
    ShiftedBetaGeometric limit = ShiftedBetaGeometric.geometric(0.25);
    for (int t = 0; t < 10; t++) {
      assertEquals(limit.survival(t), huge.survival(t), 1e-10);
    }
    assertEquals(limit.discountedExpectedResidualLifetime(0.1, 2),
        0.75 * 1.1 / 0.35, 1e-12);
    assertEquals(Double.POSITIVE_INFINITY, limit.alpha());
    assertEquals(4.0, limit.expectedLifetime(), 1e-15);
    assertEquals(1.1 / 0.35, limit.expectedDiscountedLifetime(0.1), 1e-12);
  }

  /**
   * The seed's curves have falling retention (company 1: 0.95, 0.74, 0.71, 0.70, 0.57, 0.50),
   * which the sBG cannot produce: no interior maximum, the supremum is the geometric limit with
   * churn D / E = 90 / 370 (company 1) and 86 / 359 (company 2).
   */
  @Test
  void seedCurvesHitTheGeometricBoundary() {
    SbgFit one = ShiftedBetaGeometric.fit(RetentionCurve.ofCounts(SeedData.COMPANY_1));
    assertTrue(one.isGeometricLimit());
    assertTrue(one.diagnostics().onBoundary());
    assertTrue(one.diagnostics().message().contains("geometric"), one.diagnostics().message());
    assertEquals(90.0 / 370, one.meanChurnProbability().value(), 1e-15);
    assertEquals(90 * Math.log(90.0 / 370) + 280 * Math.log(280.0 / 370), one.logLikelihood(),
        1e-9);
    assertEquals(0.0, one.polarization().value());
    assertThrows(IllegalStateException.class, one::alpha);
    assertThrows(IllegalStateException.class, one::beta);
    assertEquals(100 * Math.pow(280.0 / 370, 8), one.projectedSurvivors(8)[8], 1e-9);
    SbgFit two = ShiftedBetaGeometric.fit(RetentionCurve.ofCounts(SeedData.COMPANY_2));
    assertTrue(two.isGeometricLimit());
    assertEquals(86.0 / 359, two.model().meanChurnProbability(), 1e-15);
  }

  @Test
  void degenerateCurves() {
    SbgFit none = ShiftedBetaGeometric.fit(RetentionCurve.ofCounts(10, 10, 10));
    assertTrue(none.diagnostics().onBoundary());
    assertEquals(1.0, none.model().survival(5));
    SbgFit all = ShiftedBetaGeometric.fit(RetentionCurve.ofCounts(10, 0, 0));
    assertTrue(all.diagnostics().onBoundary());
    assertEquals(0.0, all.model().survival(1));
  }

  @Test
  void badInput() {
    assertThrows(IllegalArgumentException.class, () -> ShiftedBetaGeometric.of(0, 1));
    assertThrows(IllegalArgumentException.class, () -> ShiftedBetaGeometric.of(1, Double.NaN));
    assertThrows(IllegalArgumentException.class,
        () -> ShiftedBetaGeometric.of(1, Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> ShiftedBetaGeometric.geometric(1.5));
    ShiftedBetaGeometric m = ShiftedBetaGeometric.of(1, 2);
    assertThrows(IllegalArgumentException.class, () -> m.survival(-1));
    assertThrows(IllegalArgumentException.class, () -> m.retentionRate(0));
    assertThrows(IllegalArgumentException.class, () -> m.expectedDiscountedLifetime(0));
    assertThrows(IllegalArgumentException.class,
        () -> m.discountedExpectedResidualLifetime(0.1, -1));
    assertThrows(IllegalArgumentException.class, () -> m.expectedSurvivors(-1, 3));
    assertThrows(NullPointerException.class, () -> ShiftedBetaGeometric.fit(null));
    assertThrows(IllegalArgumentException.class,
        () -> ShiftedBetaGeometric.fit(RetentionCurve.ofCounts(5)));
  }

  /**
   * Multiplying every count by k multiplies the log-likelihood by k (each term is a count times
   * a log-probability), so the maximiser is unchanged: alpha and beta stay, logLik scales by k.
   */
  @Test
  void fitIsInvariantToTheCountsBase() {
    qt().withExamples(8).forAll(integers().between(3, 12), integers().between(2, 50))
        .checkAssert((years, k) -> {
          for (long[] data : new long[][] {SeedData.REGULAR, SeedData.HIGH_END}) {
            RetentionCurve c = RetentionCurve.ofCounts(data).truncate(years);
            SbgFit base = ShiftedBetaGeometric.fit(c);
            SbgFit scaled = ShiftedBetaGeometric.fit(c.scale(k));
            assertEquals(base.alpha().value(), scaled.alpha().value(),
                1e-4 * base.alpha().value());
            assertEquals(base.beta().value(), scaled.beta().value(), 1e-4 * base.beta().value());
            assertEquals(k * base.logLikelihood(), scaled.logLikelihood(),
                1e-7 * Math.abs(scaled.logLikelihood()));
            // Standard errors shrink by sqrt(k).
            assertEquals(base.alpha().standardError() / Math.sqrt(k),
                scaled.alpha().standardError(), 0.02 * base.alpha().standardError());
          }
        });
  }

  private static double independentLogLikelihood(double a, double b, long[] counts, int years) {
    double ll = 0;
    for (int t = 1; t <= years; t++) {
      double p = Math.exp(Beta.logBeta(a + 1, b + t - 1) - Beta.logBeta(a, b));
      ll += (counts[t - 1] - counts[t]) * Math.log(p);
    }
    return ll + counts[years] * (Beta.logBeta(a, b + years) - Beta.logBeta(a, b));
  }
}
