package dev.niche.churn;

import static dev.niche.churn.BgNbdTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.niche.churn.internal.BgNbdSimulation;
import dev.niche.core.Estimate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GammaGammaTest {

  @Test
  void recoversSimulatedParameters() {
    // Gamma-Gamma generative process (Fader & Hardie 2013, section 2): nu ~ Gamma(q, rate gamma);
    // a customer's x transactions are Gamma(p, rate nu); m is their mean. x = 0 rows are ignored.
    double p = 6.0;
    double q = 4.0;
    double gamma = 15.0;
    int n = 6000;
    SplittableRandom random = new SplittableRandom(20130101L);
    double[] x = new double[n];
    double[] m = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextInt(8);
      double nu = BgNbdSimulation.gamma(random, q) / gamma;
      double total = 0;
      for (int j = 0; j < x[i]; j++) {
        total += BgNbdSimulation.gamma(random, p) / nu;
      }
      m[i] = x[i] == 0 ? 0 : total / x[i];
    }
    GammaGammaFit fit = GammaGamma.fit(x, m);
    assertTrue(fit.diagnostics().converged(), fit.diagnostics().message());
    assertFalse(fit.diagnostics().onBoundary());
    within(p, fit.p());
    within(q, fit.q());
    within(gamma, fit.gamma());
    // Independent by construction: the correlation is sampling noise.
    assertEquals(0.0, fit.frequencySpendCorrelation(), 0.05);
    assertTrue(fit.customers() > 0.8 * n);
  }

  private static void within(double truth, Estimate e) {
    assertTrue(e.standardError() > 0, "standard error " + e);
    assertEquals(truth, e.value(), 4 * e.standardError(), "estimate " + e + " vs truth " + truth);
  }

  @Test
  void expectedSpendByHand() {
    // CDNOW estimates (FHL 2005, "RFM and CLV"): p = 6.25, q = 3.74, gamma = 15.44.
    GammaGamma g = GammaGamma.of(6.25, 3.74, 15.44);
    // Population mean p gamma / (q - 1) = 96.5 / 2.74.
    assertEquals(96.5 / 2.74, g.populationMeanSpend(), 1e-12);
    assertEquals(96.5 / 2.74, g.expectedSpend(0, 0), 1e-12);
    // x = 2, m = 22.35: 6.25 (15.44 + 44.7) / (12.5 + 2.74).
    assertEquals(6.25 * (15.44 + 44.7) / 15.24, g.expectedSpend(2, 22.35), 1e-12);
    assertEquals(Double.POSITIVE_INFINITY, GammaGamma.of(1, 0.5, 1).expectedSpend(0, 0));
    assertEquals(Double.POSITIVE_INFINITY, GammaGamma.of(1, 0.5, 1).populationMeanSpend());
  }

  @Test
  void expectedSpendLiesBetweenPopulationAndOwnMean() {
    GammaGamma g = GammaGamma.of(6.25, 3.74, 15.44);
    qt().forAll(integers().between(1, 500), doubles().between(0.01, 1e4))
        .checkAssert((x, m) -> {
          double e = g.expectedSpend(x, m);
          double lo = Math.min(m, g.populationMeanSpend());
          double hi = Math.max(m, g.populationMeanSpend());
          assertTrue(e >= lo * (1 - 1e-12) && e <= hi * (1 + 1e-12), e + " not in " + lo
              + ".." + hi);
        });
  }

  @Test
  void badInputIsRejected() {
    assertMessage("meanSpend[1] = 0.0 must be > 0 when x[1] > 0",
        () -> GammaGamma.fit(new double[] {1, 2, 3}, new double[] {5, 0, 4}));
    assertMessage("meanSpend[0] = NaN",
        () -> GammaGamma.fit(new double[] {1, 2}, new double[] {Double.NaN, 4}));
    assertMessage("x[1] = -2.0", () -> GammaGamma.fit(new double[] {1, -2},
        new double[] {1, 1}));
    assertMessage("length", () -> GammaGamma.fit(new double[] {1, 2}, new double[] {1}));
    assertMessage("at least 2 customers", () -> GammaGamma.fit(new double[] {0, 3},
        new double[] {0, 1}));
    assertMessage("q = -1.0", () -> GammaGamma.of(1, -1, 1));
    assertMessage("meanSpend = -1.0", () -> GammaGamma.of(1, 2, 1).expectedSpend(1, -1));
  }
}
