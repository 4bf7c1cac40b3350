package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Beta;
import org.junit.jupiter.api.Test;

class BetaDiscreteWeibullTest {

  /** S(t) = B(alpha, beta + t^c) / B(alpha, beta) (Fader et al. 2018, eq. 4); c = 1 is the sBG. */
  @Test
  void survivalIsTheBetaRatioAndReducesToTheSbg() {
    BetaDiscreteWeibull m = BetaDiscreteWeibull.of(0.8, 2.5, 1.7);
    for (int t = 0; t < 30; t++) {
      double expected = Math.exp(Beta.logBeta(0.8, 2.5 + Math.pow(t, 1.7)) - Beta.logBeta(0.8, 2.5));
      assertEquals(expected, m.survival(t), 1e-12);
      if (t > 0) {
        assertEquals(m.survival(t - 1) - m.survival(t), m.churnProbability(t), 1e-14);
        assertEquals(m.survival(t) / m.survival(t - 1), m.retentionRate(t), 1e-12);
      }
    }
    BetaDiscreteWeibull one = BetaDiscreteWeibull.of(0.704, 1.182, 1.0);
    ShiftedBetaGeometric sbg = ShiftedBetaGeometric.of(0.704, 1.182);
    for (int t = 0; t < 30; t++) {
      assertEquals(sbg.survival(t), one.survival(t), 1e-13);
    }
    assertEquals(sbg.expectedDiscountedLifetime(0.1), one.expectedDiscountedLifetime(0.1), 1e-9);
    // Huge alpha, beta: the Stirling-difference branch agrees with the discrete Weibull limit.
    BetaDiscreteWeibull huge = BetaDiscreteWeibull.of(2e9, 6e9, 1.5);
    BetaDiscreteWeibull limit = BetaDiscreteWeibull.discreteWeibull(0.25, 1.5);
    for (int t = 0; t < 12; t++) {
      assertEquals(limit.survival(t), huge.survival(t), 1e-8);
    }
  }

  /**
   * The BdW on Fader &amp; Hardie's (2007) data, years 0..7, as in Fader et al. (2018) §4: the
   * maxima were checked independently (scipy Nelder–Mead on the same likelihood, several
   * starts): Regular alpha 0.45561, beta 0.77933, c 1.28345, LL -1679.60283; High End alpha
   * 0.21425, beta 1.42657, c 1.72356, LL -1605.31421. c &gt; 1: individual churn propensities
   * rise with tenure although aggregate retention rises (the paper's key finding).
   */
  @Test
  void fadersHardieDataRevisited() {
    BdwFit regular = BetaDiscreteWeibull.fit(RetentionCurve.ofCounts(SeedData.REGULAR).truncate(7));
    assertEquals(0.45561, regular.alpha().value(), 2e-4);
    assertEquals(0.77933, regular.beta().value(), 2e-4);
    assertEquals(1.28345, regular.c().value(), 2e-4);
    assertEquals(-1679.60283, regular.logLikelihood(), 1e-4);
    // LR against the sBG (LL -1680.26519): 1.3247 on 1 df, not significant.
    LikelihoodRatio lr = regular.versusSbg();
    assertEquals(2 * (-1679.602833 + 1680.265188), lr.statistic(), 1e-4);
    assertEquals(1, lr.degreesOfFreedom());
    assertTrue(lr.pValue() > 0.2 && lr.pValue() < 0.3);
    BdwFit high = BetaDiscreteWeibull.fit(RetentionCurve.ofCounts(SeedData.HIGH_END).truncate(7));
    assertEquals(0.21425, high.alpha().value(), 2e-4);
    assertEquals(1.42657, high.beta().value(), 1e-3);
    assertEquals(1.72356, high.c().value(), 5e-4);
    assertEquals(-1605.31421, high.logLikelihood(), 1e-4);
    assertTrue(high.versusSbg().pValue() < 0.001);
    assertFalse(high.diagnostics().onBoundary());
  }

  /**
   * The seed's falling retention: the BdW captures it with c &gt; 1 and an interior maximum
   * (checked with scipy: company 1 alpha 3.4335, beta 44.906, c 2.0908, LL -186.96955), and the
   * LR test against the sBG's geometric limit (LL -205.27215) is decisive.
   */
  @Test
  void seedCurvesNeedDurationDependence() {
    BdwFit one = BetaDiscreteWeibull.fit(RetentionCurve.ofCounts(SeedData.COMPANY_1));
    assertEquals(2.0908, one.c().value(), 2e-3);
    assertEquals(-186.96955, one.logLikelihood(), 1e-4);
    assertTrue(one.sbg().isGeometricLimit());
    assertEquals(2 * (-186.96955 + 205.27215), one.versusSbg().statistic(), 1e-3);
    assertTrue(one.versusSbg().pValue() < 1e-6);
  }

  /** Expected counts of a known model: the MLE on them is the model (consistency). */
  @Test
  void recoversTheParametersOfExpectedCounts() {
    BetaDiscreteWeibull truth = BetaDiscreteWeibull.of(1.3, 4.0, 0.7);
    long[] counts = new long[11];
    for (int t = 0; t < counts.length; t++) {
      counts[t] = Math.round(1e8 * truth.survival(t));
    }
    BdwFit fit = BetaDiscreteWeibull.fit(RetentionCurve.ofCounts(counts));
    assertEquals(1.3, fit.alpha().value(), 1e-3);
    assertEquals(4.0, fit.beta().value(), 5e-3);
    assertEquals(0.7, fit.c().value(), 1e-3);
    double[] projected = fit.projectedSurvivors(15);
    assertEquals(1e8 * truth.survival(15), projected[15], 1e-3 * projected[15]);
  }

  /** Homogeneous discrete-Weibull data put the maximum at alpha, beta -> infinity. */
  @Test
  void homogeneousDataGiveTheDiscreteWeibullLimit() {
    long[] counts = new long[9];
    for (int t = 0; t < counts.length; t++) {
      counts[t] = Math.round(1e6 * Math.pow(0.8, Math.pow(t, 1.4)));
    }
    BdwFit fit = BetaDiscreteWeibull.fit(RetentionCurve.ofCounts(counts));
    assertTrue(fit.diagnostics().onBoundary(), fit.toString());
    assertTrue(fit.model().isDiscreteWeibullLimit());
    assertEquals(1.4, fit.c().value(), 1e-3);
    assertEquals(0.2, fit.model().meanChurnProbability(), 1e-4);
    assertThrows(IllegalStateException.class, fit::alpha);
  }

  @Test
  void badInput() {
    assertThrows(IllegalArgumentException.class, () -> BetaDiscreteWeibull.of(1, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> BetaDiscreteWeibull.of(1, Double.NaN, 1));
    assertThrows(IllegalArgumentException.class,
        () -> BetaDiscreteWeibull.discreteWeibull(-0.1, 1));
    assertThrows(IllegalArgumentException.class,
        () -> BetaDiscreteWeibull.fit(RetentionCurve.ofCounts(10, 5)));
    assertThrows(IllegalArgumentException.class,
        () -> BetaDiscreteWeibull.fit(RetentionCurve.ofCounts(10, 10, 10)));
    assertThrows(NullPointerException.class, () -> BetaDiscreteWeibull.fit(null));
    assertThrows(IllegalArgumentException.class, () -> BetaDiscreteWeibull.of(1, 1, 1).survival(-1));
    assertThrows(IllegalArgumentException.class, () -> LikelihoodRatio.of(Double.NaN, 0, 1));
  }
}
