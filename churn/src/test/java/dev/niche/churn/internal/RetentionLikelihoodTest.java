package dev.niche.churn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

class RetentionLikelihoodTest {

  /** The Stirling difference agrees with the difference of log-gammas where both are exact. */
  @Test
  void logGammaRatioMatchesLogGammaDifferences() {
    for (double x : new double[] {50, 64.5, 200, 1e4}) {
      for (double h : new double[] {0.5, 3, 50}) {
        double expected = Gamma.logGamma(x + h) - Gamma.logGamma(x);
        assertEquals(expected, RetentionLikelihood.logGammaRatio(x, h),
            2e-12 * Math.max(1, Math.abs(expected)), "x = " + x + ", h = " + h);
      }
    }
    assertEquals(Gamma.logGamma(13) - Gamma.logGamma(10),
        RetentionLikelihood.logGammaRatio(10, 3), 1e-13);
    assertEquals(0.0, RetentionLikelihood.logGammaRatio(1e6, 0));
  }

  /** Terms with no loss or nobody left contribute exactly 0, also at θ = 0 or 1. */
  @Test
  void geometricLikelihoodAtTheEndsOfTheUnitInterval() {
    assertEquals(0.0, RetentionLikelihood.geometric(0.0, new long[] {5, 5, 5}));
    assertEquals(0.0, RetentionLikelihood.geometric(1.0, new long[] {5, 0}));
    // D = 8 - 5 = 3 losses over E = 8 + 6 = 14 customer-periods at risk.
    assertEquals(3 * Math.log(0.25) + 11 * Math.log(0.75),
        RetentionLikelihood.geometric(0.25, new long[] {8, 6, 5}), 1e-12);
  }
}
