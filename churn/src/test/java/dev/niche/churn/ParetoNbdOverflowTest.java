package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arrays;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

/**
 * The Pareto/NBD where {@code α + T} or {@code β + T} exceeds the double range (the sums are
 * formed nowhere; their logarithms and the quotients by them are finite): the log-likelihood,
 * {@code P(alive)} and {@code E[Y(t)]} against mpmath at 50 digits from the integral forms
 * (src/test/resources/reference/paretonbd_overflow.py), and against the same quantities at
 * parameters and times scaled down by {@code 2^1022}, where nothing overflows.
 *
 * <p>The scaling relation: with {@code A1 = α^r β^s (α+T)^-(r+x) (β+T)^-s} and
 * {@code A2 = s α^r β^s ∫_{t_x}^T (α+τ)^-(r+x) (β+τ)^-(s+1) dτ} (Fader &amp; Hardie 2005, "A note
 * on deriving the Pareto/NBD model and related expressions", eqs. for {@code L(r, α, s, β | x,
 * t_x, T)}), replacing {@code (α, β, t_x, T)} by {@code (cα, cβ, c t_x, cT)} multiplies
 * {@code A1} by {@code c^(r+s) c^-(r+x) c^-s = c^-x} and {@code A2}, after {@code τ = c u}, by
 * {@code c^(r+s) c^-(r+x) c^-(s+1) c = c^-x}, so
 * {@code ln L(r, cα, s, cβ | x, c t_x, cT) = ln L(r, α, s, β | x, t_x, T) - x ln c};
 * {@code P(alive) = A1/(A1+A2)} is unchanged, and so is {@code E[Y(ct) | x, c t_x, cT]} (the
 * rates {@code λ, μ} scale by {@code 1/c}, the window by {@code c}).
 */
class ParetoNbdOverflowTest {

  private static final double MAX = Double.MAX_VALUE;

  /**
   * r, α, s, β, x, t_x, T, ln L, P(alive), E[Y(39) | x, t_x, T] from paretonbd_overflow.py. Before
   * the fix, row 2 gave ln L = -∞ and P(alive) = NaN, rows 1, 3, 4 P(alive) = 0 and row 4
   * E[Y] = NaN (a sum α + T or β + T formed and overflowing).
   */
  private static final double[][] BEYOND = {
    {0.5, 1e300, 0.6, 1, 2, 1, MAX, -1382.2546261772152, 3.8994176725120288e-206, 0},
    {0.5, 1e300, 0.6, 1, 2, MAX, MAX, -1855.226328106742, 1.0, 5.4236174999414302e-307},
    {0.5, 1e300, 0.6, 1, 0, 0, MAX, -5.9999999694228584e-41, 8.3140548030867894e-190, 0},
    {0.5, MAX, 0.6, MAX, 2, 1, MAX, -1421.0992781445467, 0.40551963925325504,
      1.0996917121291831e-307},
    {0.5, MAX, 0.6, MAX, 2, 1e308, MAX, -1421.796735611644, 0.81454263500118181,
      2.2088838571077315e-307},
    {0.5, 1, 0.6, 1e300, 3, 1e308, MAX, -2494.1092184645935, 0.40414603107829059,
      3.0687068984335746e-307},
    {0.5, 1e300, 0.6, 0.5, 1, 1e308, MAX, -1145.7382286269144, 0.59052695458974854,
      1.9216753950600471e-307},
    {0.5, 1e300, 0.6, 2e300, 4, 1.5e308, MAX, -2857.577219401277, 0.84850800301166209,
      8.2835691371539313e-307},
  };

  @Test
  void matchesHighPrecisionReferencesBeyondTheDoubleRange() {
    for (double[] c : BEYOND) {
      ParetoNbd m = ParetoNbd.of(c[0], c[1], c[2], c[3]);
      String where = m + " x, tx, T = " + c[4] + ", " + c[5] + ", " + c[6];
      // ln L = -6e-41 (x = 0) is ln(1 - 6e-41): an absolute ε is the rounding of that sum.
      assertEquals(c[7], m.logLikelihood(c[4], c[5], c[6]), 1e-12 * Math.abs(c[7]) + 1e-15,
          where);
      assertEquals(c[8], m.probabilityAlive(c[4], c[5], c[6]), 1e-10 * c[8], where);
      // E[Y] of order 1e-307 has the full precision of a normal double; 2e-512 rounds to 0.
      assertEquals(c[9], m.expectedPurchases(39, c[4], c[5], c[6]), 1e-10 * c[9], where);
    }
  }

  /**
   * Scaling {@code α, β, t_x, T} and the horizon by {@code c = 2^1022} (exact in binary) moves
   * {@code α + T} (and often {@code β + T}) past {@code Double.MAX_VALUE}: the log-likelihood
   * moves by {@code -x ln c}, {@code P(alive)} and {@code E[Y]} stay.
   */
  @Test
  void scalingTimesAndRatesPastTheDoubleRangeChangesOnlyWhatTheModelSays() {
    int k = 1022;
    double logC = k * Math.log(2);
    qt().withExamples(150).withShrinkCycles(0)
        .forAll(arrays().ofClass(doubles().between(0.05, 5), Double.class).withLength(2),
            arrays().ofClass(doubles().between(0.3, 3.99), Double.class).withLength(2),
            arrays().ofClass(doubles().between(0, 1), Double.class).withLength(3),
            integers().between(0, 6))
        .checkAssert((shapes, rates, times, x) -> {
          double r = shapes[0];
          double s = shapes[1];
          double alpha = rates[0];
          double beta = rates[1];
          double age = 2 + 1.99 * times[0];
          double tx = x == 0 ? 0 : age * times[1];
          double horizon = 3.99 * times[2];
          ParetoNbd small = ParetoNbd.of(r, alpha, s, beta);
          ParetoNbd large = ParetoNbd.of(r, Math.scalb(alpha, k), s, Math.scalb(beta, k));
          double bigAge = Math.scalb(age, k);
          double bigTx = Math.scalb(tx, k);
          String where = small + " x, tx, T = " + x + ", " + tx + ", " + age + " overflows "
              + (Math.scalb(alpha, k) + bigAge == Double.POSITIVE_INFINITY) + "/"
              + (Math.scalb(beta, k) + bigAge == Double.POSITIVE_INFINITY);
          double expected = small.logLikelihood(x, tx, age) - x * logC;
          assertEquals(expected, large.logLikelihood(x, bigTx, bigAge),
              1e-12 * (1 + Math.abs(expected)), where);
          double p = small.probabilityAlive(x, tx, age);
          assertEquals(p, large.probabilityAlive(x, bigTx, bigAge), 1e-11 * p, where);
          double e = small.expectedPurchases(horizon, x, tx, age);
          assertEquals(e, large.expectedPurchases(Math.scalb(horizon, k), x, bigTx, bigAge),
              1e-11 * e, where);
        });
  }
}
