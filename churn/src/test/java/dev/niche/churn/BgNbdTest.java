package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.niche.churn.internal.BgNbdSimulation;
import dev.niche.core.Estimate;
import dev.niche.core.internal.Hypergeometric;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.special.Beta;
import org.junit.jupiter.api.Test;

class BgNbdTest {

  // Published CDNOW estimates (Fader, Hardie & Lee 2005, Marketing Science 24(2), section 5).
  private static final BgNbd CDNOW = BgNbd.of(0.243, 4.414, 0.793, 2.426);

  @Test
  void recoversSimulatedParameters() {
    double r = 0.5;
    double alpha = 5.0;
    double a = 0.8;
    double b = 2.5;
    BgNbdSimulation s = BgNbdSimulation.draw(r, alpha, a, b, 20_000, 30, 78, 20050402L);
    BgNbdFit fit = BgNbd.fit(s.x, s.tx, s.age);
    assertTrue(fit.diagnostics().converged(), fit.diagnostics().message());
    assertFalse(fit.diagnostics().onBoundary());
    within(r, fit.r());
    within(alpha, fit.alpha());
    within(a, fit.a());
    within(b, fit.b());
  }

  private static void within(double truth, Estimate e) {
    assertTrue(e.standardError() > 0, "standard error " + e);
    assertEquals(truth, e.value(), 4 * e.standardError(), "estimate " + e + " vs truth " + truth);
  }

  @Test
  void weightsEqualRepeatedRows() {
    double[] x = {0, 1, 2, 0, 5};
    double[] tx = {0, 3, 10, 0, 30};
    double[] t = {20, 25, 30, 35, 38};
    double[] w = {3, 1, 2, 4, 1};
    BgNbdFit weighted = BgNbd.fit(x, tx, t, w);
    double[] xx = new double[11];
    double[] txx = new double[11];
    double[] tt = new double[11];
    int k = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < w[i]; j++) {
        xx[k] = x[i];
        txx[k] = tx[i];
        tt[k] = t[i];
        k++;
      }
    }
    BgNbdFit expanded = BgNbd.fit(xx, txx, tt);
    assertEquals(expanded.logLikelihood(), weighted.logLikelihood(), 1e-8);
  }

  @Test
  void newCustomerExpectationMatchesDirectIntegration() {
    // E[X(t)] = ∫ (1 - (α/(α+pt))^r)/p Beta(p; a, b) dp (integrating λ out of
    // E[X(t) | λ, p] = (1 - exp(-λpt))/p, FHL 2005 eq. 7), with p = u^(1/a) to remove the
    // singularity of the beta density at 0: p = u^(3/a), p^(a-1) dp = (3/a) u^2 du.
    double r = CDNOW.r();
    double alpha = CDNOW.alpha();
    double a = CDNOW.a();
    double b = CDNOW.b();
    IterativeLegendreGaussIntegrator integrator =
        new IterativeLegendreGaussIntegrator(32, 1e-12, 1e-14);
    for (double t : new double[] {1, 10, 39, 78, 200}) {
      double integral = integrator.integrate(10_000_000, u -> {
        double p = Math.pow(u, 3 / a);
        double g = p == 0 ? r * t / alpha : -Math.expm1(-r * Math.log1p(p * t / alpha)) / p;
        return 3 * u * u * g * Math.pow(1 - p, b - 1);
      }, 0, 1) / (a * Math.exp(Beta.logBeta(a, b)));
      assertEquals(integral, CDNOW.expectedPurchasesNewCustomer(t), 1e-9 * (1 + integral),
          "t = " + t);
    }
  }

  @Test
  void conditionalExpectationMatchesThePaperFormulaWithGauss2F1() {
    // FHL 2005 eq. 10 evaluated literally with core's 2F1 (a != 1), against our Euler-transformed
    // series; and the worked example of the paper: E[Y(39) | x=2, t_x=30.43, T=38.86] = 1.226.
    double r = CDNOW.r();
    double alpha = CDNOW.alpha();
    double a = CDNOW.a();
    double b = CDNOW.b();
    double[][] customers = {{0, 0, 38.86}, {2, 30.43, 38.86}, {1, 1.71, 38.86}, {7, 35, 37},
        {0, 0, 0}, {15, 20, 39}};
    for (double[] c : customers) {
      int x = (int) c[0];
      for (double t : new double[] {0.5, 10, 39, 104}) {
        double aa = alpha + c[2];
        double bracket = 1 - Math.pow(aa / (aa + t), r + x)
            * Hypergeometric.f21(r + x, b + x, a + b + x - 1, t / (aa + t));
        double expected = CDNOW.probabilityAlive(c[0], c[1], c[2]) * (a + b + x - 1) / (a - 1)
            * bracket;
        assertEquals(expected, CDNOW.expectedPurchases(t, c[0], c[1], c[2]),
            1e-10 * (1 + expected), "x=" + x + " t=" + t);
      }
    }
    assertEquals(1.226, CDNOW.expectedPurchases(39, 2, 30.43, 38.86), 5e-4);
    assertEquals(CDNOW.expectedPurchasesNewCustomer(39), CDNOW.expectedPurchases(39, 0, 0, 0),
        1e-14);
  }

  @Test
  void noSingularityAtAEqualsOne() {
    // E[Y(t)] is smooth in a; the paper's form is 0/0 at a = 1.
    BgNbd below = BgNbd.of(0.5, 4, 1 - 1e-7, 2);
    BgNbd at = BgNbd.of(0.5, 4, 1, 2);
    BgNbd above = BgNbd.of(0.5, 4, 1 + 1e-7, 2);
    double e = at.expectedPurchases(20, 3, 10, 30);
    assertTrue(e > 0 && Double.isFinite(e));
    assertEquals(below.expectedPurchases(20, 3, 10, 30), e, 1e-6);
    assertEquals(above.expectedPurchases(20, 3, 10, 30), e, 1e-6);
  }

  @Test
  void probabilityAliveByHand() {
    // x = 2, t_x = 30.43, T = 38.86 at the CDNOW estimates:
    // 1 / (1 + a/(b+1) ((α+T)/(α+t_x))^(r+2)).
    double odds = 0.793 / (2.426 + 1) * Math.pow((4.414 + 38.86) / (4.414 + 30.43), 2.243);
    assertEquals(1 / (1 + odds), CDNOW.probabilityAlive(2, 30.43, 38.86), 1e-14);
    assertEquals(1.0, CDNOW.probabilityAlive(0, 0, 38.86), 0.0);
    double[] p = CDNOW.probabilityAlive(new double[] {0, 2}, new double[] {0, 30.43},
        new double[] {0, 38.86});
    assertEquals(1.0, p[0], 0.0);
    assertEquals(1 / (1 + odds), p[1], 1e-14);
  }

  @Test
  void probabilityAliveIsAProbabilityAndOneWithoutRepeatPurchases() {
    qt().forAll(integers().between(0, 200), doubles().between(0, 1), doubles().between(0, 500),
            doubles().between(0.01, 20))
        .checkAssert((x, share, age, a) -> {
          BgNbd m = BgNbd.of(0.3, 5, a, 2.5);
          double tx = x == 0 ? 0 : share * age;
          double p = m.probabilityAlive(x, tx, age);
          assertTrue(p >= 0 && p <= 1, "P(alive) = " + p);
          if (x == 0) {
            assertEquals(1.0, p, 0.0);
          }
          assertEquals(1.0, m.probabilityAlive(0, 0, 0), 0.0);
        });
  }

  @Test
  void expectedPurchasesAreNonDecreasingInTheHorizon() {
    qt().forAll(integers().between(0, 50), doubles().between(0, 1), doubles().between(0, 100),
            doubles().between(0, 200))
        .checkAssert((x, share, age, t) -> {
          for (double a : new double[] {0.1, 0.793, 1.0, 4.0}) {
            BgNbd m = BgNbd.of(0.4, 3, a, 1.7);
            double tx = x == 0 ? 0 : share * age;
            double e1 = m.expectedPurchases(t, x, tx, age);
            double e2 = m.expectedPurchases(t + 1, x, tx, age);
            assertTrue(e1 >= 0, "E = " + e1);
            assertTrue(e2 >= e1 - 1e-12 * (1 + e1), e1 + " > " + e2);
          }
        });
  }

  @Test
  void badInputIsRejectedWithArgumentAndIndex() {
    double[] ok = {0, 1};
    double[] t = {5, 5};
    assertMessage("x[1] = -1.0", () -> BgNbd.fit(new double[] {0, -1}, new double[] {0, 0}, t));
    assertMessage("x[1] = 1.5", () -> BgNbd.fit(new double[] {0, 1.5}, new double[] {0, 1}, t));
    assertMessage("tx[1] = 6.0 must be <= T[1] = 5.0",
        () -> BgNbd.fit(ok, new double[] {0, 6}, t));
    assertMessage("tx[0] = 1.0 must be 0 when x[0] = 0",
        () -> BgNbd.fit(ok, new double[] {1, 1}, t));
    assertMessage("T[0] = NaN", () -> BgNbd.fit(ok, new double[] {0, 1},
        new double[] {Double.NaN, 5}));
    assertMessage("length", () -> BgNbd.fit(ok, new double[] {0, 1}, new double[] {5}));
    assertMessage("weights[0] = -1.0",
        () -> BgNbd.fit(ok, new double[] {0, 1}, t, new double[] {-1, 1}));
    assertMessage("x must not be empty",
        () -> BgNbd.fit(new double[0], new double[0], new double[0]));
    assertThrows(NullPointerException.class, () -> BgNbd.fit(null, ok, t));
    assertMessage("x has no repeat purchase",
        () -> BgNbd.fit(new double[] {0, 0}, new double[] {0, 0}, t));
    assertMessage("tx = 3.0 must be <= T = 2.0", () -> CDNOW.probabilityAlive(1, 3, 2));
    assertMessage("t = -1.0", () -> CDNOW.expectedPurchases(-1, 1, 1, 2));
    assertMessage("alpha = 0.0", () -> BgNbd.of(1, 0, 1, 1));
  }

  static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }
}
