package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

/**
 * BG/NBD and Pareto/NBD at the edges of the double range: every parameter value from
 * {@code Double.MIN_VALUE} to {@code Double.MAX_VALUE} gives finite, accurate probabilities,
 * log-likelihoods and expectations (issue 16 item 5, issue 18 item 2). References: mpmath at 50
 * digits from the integral forms (src/test/resources/reference/repeat_purchase_limits.py) and the
 * closed-form limits of the models.
 */
class RepeatPurchaseLimitsTest {

  /**
   * BG/NBD (Fader, Hardie &amp; Lee 2005, eqs. 9–10): r, α, a, b, t, x, t_x, T, E[Y(t) | x, t_x,
   * T] (E[X(t)] when x = T = 0), from repeat_purchase_limits.py.
   */
  private static final double[][] BG_NBD = {
    {1e308, 1, 1, 1, 1, 0, 0, 0, 709.7734243070676},
    {1e308, 1, 1, 1, 1, 1, 1, 1, 708.08027712650766},
    {1e200, 1e-100, 0.5, 2, 39, 0, 0, 0, 1.6603456126737721e+151},
    {0.1229867197055571, 0.15073605396674533, 1.302846631430164e13, 1.2830693169963209e19, 39, 0,
      0, 0, 31.815710462048922},
    {0.243, 4.414, 1e9, 1e16, 520, 2, 30.43, 38.86, 26.952847847759875},
  };

  /**
   * Pareto/NBD (Schmittlein, Morrison &amp; Colombo 1987; Fader &amp; Hardie 2005 note): r, α, s,
   * β, x, t_x, T, ln L, P(alive), E[Y(39) | x, t_x, T], from repeat_purchase_limits.py.
   */
  private static final double[][] PARETO_NBD = {
    {1, Double.MIN_VALUE, 1, 1, 1, 0.5, 2, -745.07424797713329, 0.15712233173152321,
      1.2439645236069494},
    {1, 1, 1, Double.MIN_VALUE, 1, 0.5, 2, -745.12804346315839, 0.11053752575095667,
      0.44516039150801713},
    {0.55, 1e-300, 0.61, 11.67, 2, 30.43, 38.86, -390.16124679131231, 0.85918550463973502,
      1.8256459265310302},
    {0.55, 10.58, 0.61, 1e-300, 2, 30.43, 38.86, -432.22594373135776, 0.82795554456211838,
      1.3246613064178623},
  };

  @Test
  void bgNbdExpectationsMatchHighPrecisionReferencesAtTheEdges() {
    for (double[] c : BG_NBD) {
      BgNbd m = BgNbd.of(c[0], c[1], c[2], c[3]);
      double e = c[5] == 0 && c[7] == 0
          ? m.expectedPurchasesNewCustomer(c[4])
          : m.expectedPurchases(c[4], c[5], c[6], c[7]);
      assertEquals(c[8], e, 1e-10 * c[8], m::toString);
    }
  }

  @Test
  void bgNbdTendsToTheNbdAndToGeometricDropout() {
    // a → 0: p = 0 almost surely, nobody drops out, E[X(t)] = r t / α (the NBD's mean).
    assertEquals(0.243 * 39 / 4.414, BgNbd.of(0.243, 4.414, 1e-300, 2.426)
        .expectedPurchasesNewCustomer(39), 1e-12);
    // a, b → ∞ with a/(a+b) = p: E[X(t)] = (1 - (α/(α+pt))^r)/p (dropout p for everyone);
    // the beta's variance p(1-p)/(a+b+1) ~ 1e-16 is below the tolerance.
    double p = 0.2;
    double limit = -Math.expm1(-0.243 * Math.log1p(p * 39 / 4.414)) / p;
    assertEquals(limit, BgNbd.of(0.243, 4.414, 2e14, 8e14).expectedPurchasesNewCustomer(39),
        1e-10 * limit);
    // r → ∞ (rate 1e308 per unit): a customer buys until dropping out, so with a = b = 1 the
    // repeat purchases in any window are geometric: P(X = n) = B(2, n)/B(1, 1) = 1/(n(n+1)).
    BgNbd fast = BgNbd.of(1e308, 1, 1, 1);
    for (int n = 1; n <= 5; n++) {
      assertEquals(1.0 / (n * (n + 1.0)), fast.probabilityOfPurchases(1, n), 1e-14);
    }
    assertEquals(0.0, fast.probabilityOfPurchases(1, 0), 1e-300);
  }

  @Test
  void bgNbdLogLikelihoodHasItsLimitsAtTinyParameters() {
    // α → 0: L = Γ(r+x)α^r/Γ(r) B(a,b+x)/B(a,b) [(α+T)^-(r+x) + a/(b+x-1) (α+t_x)^-(r+x)]
    //   with r = a = b = 1, x = 1, t_x = 0.5, T = 1: α · 1/2 · (1 + 4) = 2.5 α.
    assertEquals(Math.log(2.5) + Math.log(Double.MIN_VALUE),
        BgNbd.of(1, Double.MIN_VALUE, 1, 1).logLikelihood(1, 0.5, 1), 1e-12);
    // b → 0: B(a,b+1)/B(a,b) a/b → 1, so L = r α^r (α+t_x)^-(r+1) = 1/2.25 for x = 1.
    assertEquals(-Math.log(2.25), BgNbd.of(1, 1, 1, Double.MIN_VALUE).logLikelihood(1, 0.5, 1),
        1e-12);
    assertEquals(0.0, BgNbd.of(1, 1, 1, Double.MIN_VALUE).probabilityAlive(1, 0.5, 1), 1e-300);
  }

  @Test
  void paretoNbdMatchesHighPrecisionReferencesAtTheEdges() {
    for (double[] c : PARETO_NBD) {
      ParetoNbd m = ParetoNbd.of(c[0], c[1], c[2], c[3]);
      assertEquals(c[7], m.logLikelihood(c[4], c[5], c[6]), 1e-12 * Math.abs(c[7]), m::toString);
      assertEquals(c[8], m.probabilityAlive(c[4], c[5], c[6]), 1e-10 * c[8], m::toString);
      assertEquals(c[9], m.expectedPurchases(39, c[4], c[5], c[6]), 1e-10 * c[9], m::toString);
    }
  }

  @Test
  void paretoNbdTendsToItsLimitsAsTheRatesUnderflow() {
    // β → 0, s < 1: E[X(t)] = rβ/(α(s-1)) [1 - (β/(β+t))^(s-1)] → r β^s t^(1-s) / (α (1-s)).
    double beta = 1e-300;
    double limit = Math.exp(Math.log(0.55 / 10.58) + 0.61 * Math.log(beta)
        + 0.39 * Math.log(39) - Math.log(0.39));
    assertEquals(limit, ParetoNbd.of(0.55, 10.58, 0.61, beta).expectedPurchasesNewCustomer(39),
        1e-12 * limit);
    // β → 0: everybody leaves at once, so no purchases are made: P(X(t) = 0) = 1.
    ParetoNbd gone = ParetoNbd.of(1, 1, 1, Double.MIN_VALUE);
    assertEquals(1.0, gone.probabilityOfPurchases(1, 0), 1e-12);
    assertEquals(0.0, gone.probabilityOfPurchases(1, 1), 1e-300);
    // α → 0 makes the mean rate r/α overflow: E[X(t)] is documented as +∞ then.
    assertEquals(Double.POSITIVE_INFINITY,
        ParetoNbd.of(1, Double.MIN_VALUE, 1, 1).expectedPurchasesNewCustomer(1));
  }

  @Test
  void bgNbdIsFiniteAndCoherentForEveryDouble() {
    qt().withExamples(60).withShrinkCycles(0)
        .forAll(exponents(), exponents(), exponents(), exponents())
        .checkAssert((lr, la, lA, lB) -> checkModel(
            BgNbd.of(Math.pow(10, lr), Math.pow(10, la), Math.pow(10, lA), Math.pow(10, lB))));
  }

  @Test
  void paretoNbdIsFiniteAndCoherentForEveryDouble() {
    qt().withExamples(60).withShrinkCycles(0)
        .forAll(exponents(), exponents(), exponents(), exponents())
        .checkAssert((lr, la, ls, lb) -> checkModel(
            ParetoNbd.of(Math.pow(10, lr), Math.pow(10, la), Math.pow(10, ls), Math.pow(10, lb))));
  }

  /** Decimal exponents of log-uniform parameters in {@code [1e-300, 1e300]}. */
  private static org.quicktheories.core.Gen<Double> exponents() {
    return doubles().between(-300, 300);
  }

  private static final double[][] CUSTOMERS = {
    {0, 0, 0}, {0, 0, 38}, {1, 2, 38}, {3, 37, 38}, {40, 20, 39},
  };

  private static final double[] HORIZONS = {0, 1e-3, 1, 39, 520};

  /**
   * P(alive) in [0, 1]; ln L finite; expectations non-negative, non-decreasing in t and at most
   * the purchases of a customer who never leaves, (r+x) t/(α+T) (finite whenever that bound is);
   * probabilities of counts in [0, 1] with a sum at most 1.
   */
  private static void checkModel(RepeatPurchaseModel m) {
    double r = m instanceof BgNbd ? ((BgNbd) m).r() : ((ParetoNbd) m).r();
    double alpha = m instanceof BgNbd ? ((BgNbd) m).alpha() : ((ParetoNbd) m).alpha();
    for (double[] c : CUSTOMERS) {
      double p = m.probabilityAlive(c[0], c[1], c[2]);
      assertTrue(p >= 0 && p <= 1, () -> m + " P(alive) = " + p + " for x = " + c[0]);
      double ll = m.logLikelihood(c[0], c[1], c[2]);
      assertTrue(Double.isFinite(ll),
          () -> m + " ln L = " + ll + " for x = " + c[0]);
      double previous = 0;
      for (double t : HORIZONS) {
        double e = m.expectedPurchases(t, c[0], c[1], c[2]);
        double logBound = Math.log(r + c[0]) + Math.log(t) - Math.log(alpha + c[2]);
        checkExpectation(m, e, previous, logBound, "E[Y(" + t + ") | x = " + c[0] + "]");
        previous = e;
      }
    }
    double previous = 0;
    for (double t : HORIZONS) {
      double e = m.expectedPurchasesNewCustomer(t);
      checkExpectation(m, e, previous, Math.log(r) + Math.log(t) - Math.log(alpha),
          "E[X(" + t + ")]");
      previous = e;
    }
    double sum = 0;
    for (int n = 0; n <= 20; n++) {
      double pn = m.probabilityOfPurchases(39, n);
      assertTrue(pn >= 0 && pn <= 1, () -> m + " P(X = n) = " + pn);
      sum += pn;
    }
    double total = sum;
    assertTrue(total <= 1 + 1e-9, () -> m + " sum " + total);
  }

  private static void checkExpectation(
      RepeatPurchaseModel m, double e, double previous, double logBound, String what) {
    boolean withinBound = Double.isFinite(e)
        ? e <= Math.exp(logBound) * (1 + 1e-9) + Double.MIN_NORMAL
        : e == Double.POSITIVE_INFINITY && logBound > Math.log(Double.MAX_VALUE);
    assertTrue(withinBound && e >= previous * (1 - 1e-9),
        () -> m + " " + what + " = " + e + " after " + previous + ", bound e^" + logBound);
  }
}
