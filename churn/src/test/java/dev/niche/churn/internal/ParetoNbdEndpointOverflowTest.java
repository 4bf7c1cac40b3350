package dev.niche.churn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arrays;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The Pareto/NBD endpoint terms where {@code α + t} or {@code β + t} exceeds the double range:
 * {@link ParetoNbdPass} (the fit's per-endpoint {@code E}, {@code ln G} and their gradients),
 * {@link ParetoNbdTerms} (the model's) and {@link ParetoNbdScore} (the fit's objective) against
 * the same quantities at parameters and times scaled down by {@code c = 2^k}, where nothing
 * overflows and the pass takes its ordinary path, and across the threshold of the overflow.
 *
 * <p>The reference is the model's exact scaling (Fader &amp; Hardie 2005, "A note on deriving the
 * Pareto/NBD model and related expressions": {@code E(t) = ln(α^r β^s (α+t)^-(r+x) (β+t)^-s)}
 * and {@code G(t)} the endpoint term of {@code A2 = s α^r β^s ∫ (α+τ)^-(r+x) (β+τ)^-(s+1) dτ}):
 * replacing {@code (α, β, t)} by {@code (cα, cβ, ct)} gives {@code E - x ln c} and
 * {@code ln G - x ln c} (powers {@code c^(r+s-(r+x)-s)}; the series' argument
 * {@code w = |α-β|/(max(α,β)+t)} and {@code (α+t)/(β+t)} are unchanged), the derivatives in
 * {@code r, s} unchanged and those in {@code α, β} divided by {@code c}. With {@code c} a power of
 * 2 the scaled arguments and {@code c ∂/∂α} are exact, so the only differences are rounding;
 * derivatives of order {@code 1/(α+t) < 2^-1022} are subnormal, whose spacing {@code 2^-1074}
 * becomes {@code 2^-52} after multiplying by {@code c = 2^1022}, below the tolerance.
 */
class ParetoNbdEndpointOverflowTest {

  private static final int K = 1022;
  private static final double LOG_C = K * Math.log(2);

  /** Whether {@code α + t} or {@code β + t} overflows. */
  private static boolean overflows(double alpha, double beta, double t) {
    return alpha + t == Double.POSITIVE_INFINITY || beta + t == Double.POSITIVE_INFINITY;
  }

  /** E, ln G, ∇E, ∇ln G of one endpoint of a fresh pass: {E, ln G, ∇E (4), ∇ln G (4)}. */
  private static double[] pass(double r, double alpha, double s, double beta, int x, double t) {
    ParetoNbdPass pass = new ParetoNbdPass(r, alpha, s, beta, x);
    double[] g = new double[4];
    double[] e = new double[4];
    double logG = pass.endpoint(x, t, g, 0, e, 0);
    return new double[] {pass.alive, logG, e[0], e[1], e[2], e[3], g[0], g[1], g[2], g[3]};
  }

  private static final String[] NAMES = {
    "E", "ln G", "dE/dr", "dE/dalpha", "dE/ds", "dE/dbeta",
    "dlnG/dr", "dlnG/dalpha", "dlnG/ds", "dlnG/dbeta"};

  /**
   * {@code scaled} (the endpoint at {@code cα, cβ, ct}) mapped back by the scaling relation
   * ({@code + x ln c} on the values, {@code × c} on the α and β derivatives) equals
   * {@code reference} to a relative {@code 10^-12}.
   */
  private static void assertScaled(double[] reference, double[] scaled, int x, int k,
      String where) {
    double logC = k * Math.log(2);
    for (int i = 0; i < reference.length; i++) {
      double back = i < 2 ? scaled[i] + x * logC
          : i % 2 == 1 ? Math.scalb(scaled[i], k) : scaled[i];
      assertTrue(Double.isFinite(scaled[i]), where + " " + NAMES[i] + " = " + scaled[i]);
      assertEquals(reference[i], back, 1e-12 * (1 + Math.abs(reference[i])),
          where + " " + NAMES[i]);
    }
  }

  @Test
  void passEndpointsBeyondTheDoubleRangeFollowTheScalingRelation() {
    qt().withExamples(300).withShrinkCycles(0)
        .forAll(arrays().ofClass(doubles().between(0.05, 5), Double.class).withLength(2),
            arrays().ofClass(doubles().between(0.2, 3.99), Double.class).withLength(2),
            doubles().between(0, 3.99),
            integers().between(0, 6))
        .checkAssert((shapes, rates, t, x) -> {
          double r = shapes[0];
          double s = shapes[1];
          double alpha = rates[0];
          double beta = rates[1];
          double bigAlpha = Math.scalb(alpha, K);
          double bigBeta = Math.scalb(beta, K);
          double bigT = Math.scalb(t, K);
          String where = "r, alpha, s, beta = " + r + ", " + alpha + ", " + s + ", " + beta
              + " x " + x + " t " + t + " overflows " + overflows(bigAlpha, bigBeta, bigT);
          assertScaled(pass(r, alpha, s, beta, x, t), pass(r, bigAlpha, s, bigBeta, x, bigT), x,
              K, where);
          double logAlive = ParetoNbdTerms.logAlive(r, alpha, s, beta, x, t) - x * LOG_C;
          assertEquals(logAlive, ParetoNbdTerms.logAlive(r, bigAlpha, s, bigBeta, x, bigT),
              1e-12 * (1 + Math.abs(logAlive)), where + " Terms E");
          double logG = ParetoNbdTerms.logG(r, alpha, s, beta, x, t) - x * LOG_C;
          assertEquals(logG, ParetoNbdTerms.logG(r, bigAlpha, s, bigBeta, x, bigT),
              1e-12 * (1 + Math.abs(logG)), where + " Terms ln G");
        });
  }

  /** Fixed cases on each branch ({@code α ≥ β}, {@code α < β}), with only one sum overflowing. */
  @Test
  void passEndpointsBeyondTheDoubleRangeOnBothBranches() {
    double[][] cases = {
      // r, alpha, s, beta, t (unscaled): both sums, only α + t, only β + t overflow at 2^1022.
      {0.5, 3.5, 0.6, 2.5, 3.9}, {0.5, 3.5, 0.6, 1e-3, 3.9}, {0.5, 1e-3, 0.6, 3.5, 3.9},
      {2.5, 0.25, 0.3, 3.75, 3.8}, {0.05, 3.9, 4, 0.1, 0.5},
    };
    for (double[] c : cases) {
      for (int x = 0; x <= 5; x++) {
        double bigT = Math.scalb(c[4], K);
        assertTrue(overflows(Math.scalb(c[1], K), Math.scalb(c[3], K), bigT));
        assertScaled(pass(c[0], c[1], c[2], c[3], x, c[4]),
            pass(c[0], Math.scalb(c[1], K), c[2], Math.scalb(c[3], K), x, bigT), x, K,
            Arrays.toString(c) + " x " + x);
      }
    }
  }

  /**
   * At the last {@code t} where {@code α + t} and {@code β + t} are finite (the pass's ordinary
   * path) and the next double (the overflow path), the values and the gradients (in elasticity
   * form, {@code α ∂/∂α}, so that they are of order 1) agree to a relative {@code 10^-12}.
   */
  @Test
  void theOverflowPathContinuesTheOrdinaryPath() {
    double[][] cases = {
      {0.5, 1e308, 0.6, 1}, {0.5, 1, 0.6, 1e308}, {0.8, 9e307, 0.4, 1.2e308},
      {1.2, 1.5e308, 0.7, 1.4e308}, {0.5, 1e300, 0.6, 0.5},
    };
    for (double[] p : cases) {
      double below = lastFinite(p[1], p[3]);
      double above = Math.nextUp(below);
      assertTrue(!overflows(p[1], p[3], below) && overflows(p[1], p[3], above));
      for (int x = 0; x <= 4; x++) {
        double[] ordinary = pass(p[0], p[1], p[2], p[3], x, below);
        double[] beyond = pass(p[0], p[1], p[2], p[3], x, above);
        for (int i = 0; i < ordinary.length; i++) {
          double scale = i == 3 || i == 7 ? p[1] : i == 5 || i == 9 ? p[3] : 1;
          double a = ordinary[i] * scale;
          double b = beyond[i] * scale;
          assertTrue(Double.isFinite(b), Arrays.toString(p) + " x " + x + " " + NAMES[i]);
          assertEquals(a, b, 1e-12 * (1 + Math.abs(a)),
              Arrays.toString(p) + " x " + x + " " + NAMES[i] + " t " + below);
        }
      }
    }
  }

  /** The largest {@code t} with {@code α + t} and {@code β + t} finite. */
  private static double lastFinite(double alpha, double beta) {
    double t = Double.MAX_VALUE - Math.max(alpha, beta);
    while (overflows(alpha, beta, t)) {
      t = Math.nextDown(t);
    }
    while (!overflows(alpha, beta, Math.nextUp(t))) {
      t = Math.nextUp(t);
    }
    return t;
  }

  /**
   * The fit's objective ({@link ParetoNbdScore}, per pair and per row) over customers whose
   * ages and recencies, scaled by {@code 2^1022}, take {@code α + T} past the double range: its
   * value moves by {@code -Σ w x ln c}, its gradient scales as the endpoints'.
   */
  @Test
  void theFitsObjectiveBeyondTheDoubleRangeFollowsTheScalingRelation() {
    int[] x = {0, 1, 2, 5, 0, 3, 1};
    double[] tx = {0, 1.5, 3.1, 0.4, 0, 3.99, 2.2};
    double[] age = {3.2, 3.9, 3.5, 2.5, 0.7, 3.99, 2.2};
    double[] weight = {3, 1, 2, 1, 5, 1, 2};
    double[] bigTx = new double[tx.length];
    double[] bigAge = new double[age.length];
    double shift = 0;
    for (int i = 0; i < x.length; i++) {
      bigTx[i] = Math.scalb(tx[i], K);
      bigAge[i] = Math.scalb(age[i], K);
      shift += weight[i] * x[i] * LOG_C;
    }
    double[][] parameters = {{0.55, 2.5, 0.6, 1.5}, {0.8, 0.5, 0.4, 3.3}, {1.2, 1, 0.7, 1}};
    for (double[] p : parameters) {
      double[] big = {p[0], Math.scalb(p[1], K), p[2], Math.scalb(p[3], K)};
      double[] g = new double[4];
      double[] bigG = new double[4];
      double value = new ParetoNbdScore(x, tx, age, weight).valueAndGradient(p, g);
      double bigValue = new ParetoNbdScore(x, bigTx, bigAge, weight).valueAndGradient(big, bigG);
      String where = Arrays.toString(p);
      assertEquals(value, bigValue + shift, 1e-12 * Math.abs(value), where);
      for (int j = 0; j < 4; j++) {
        double back = j % 2 == 1 ? Math.scalb(bigG[j], K) : bigG[j];
        assertEquals(g[j], back, 1e-11 * (1 + Math.abs(g[j])), where + " gradient " + j);
      }
    }
  }
}
