package dev.niche.core.internal;

import dev.niche.core.Checks;

/**
 * The Gauss hypergeometric function {@code 2F1(a, b; c; z)} for real arguments and {@code z < 1}.
 *
 * <p>For {@code 0 <= z < 1} it sums the defining series
 * {@code Σ_n (a)_n (b)_n / ((c)_n n!) zⁿ} (Abramowitz & Stegun 15.1.1) until a term no longer changes
 * the sum in the last bits. For {@code z < 0} it first applies Pfaff's transformation
 * {@code 2F1(a, b; c; z) = (1 - z)^(-a) 2F1(a, c - b; c; z / (z - 1))} (A&S 15.3.4), which maps
 * {@code z} into {@code [0, 1)}. Used by churn's DERL (Fader & Hardie 2010) and BG/NBD conditional
 * expectations (Fader, Hardie & Lee 2005). Not part of the API.
 */
public final class Hypergeometric {

  private static final int MAX_TERMS = 1_000_000;

  private Hypergeometric() {}

  /**
   * Evaluates {@code 2F1(a, b; c; z)}.
   *
   * @param a first numerator parameter
   * @param b second numerator parameter
   * @param c denominator parameter, not zero or a negative integer
   * @param z the argument, {@code < 1}
   * @return the function value
   * @throws IllegalArgumentException if {@code z >= 1}, {@code c} is a non-positive integer, or
   *     an argument is not finite
   * @throws ArithmeticException if the series fails to converge within a million terms
   */
  public static double f21(double a, double b, double c, double z) {
    Checks.finite(a, "a");
    Checks.finite(b, "b");
    Checks.finite(c, "c");
    Checks.finite(z, "z");
    Checks.argument(z < 1, "z = " + z + " must be < 1");
    Checks.argument(c > 0 || c != Math.rint(c),
        "c = " + c + " must not be zero or a negative integer");
    if (z < 0) {
      return Math.pow(1 - z, -a) * series(a, c - b, c, z / (z - 1));
    }
    return series(a, b, c, z);
  }

  private static double series(double a, double b, double c, double z) {
    double sum = 1.0;
    double term = 1.0;
    for (int n = 0; n < MAX_TERMS; n++) {
      // Two ratios of similar numbers: no overflow of (a+n)(b+n) when b ~ 1e308.
      term *= (a + n) / (n + 1) * ((b + n) / (c + n)) * z;
      double next = sum + term;
      if (next == sum && Math.abs(term) <= Math.ulp(sum)) {
        return next;
      }
      sum = next;
      if (term == 0.0) {
        return sum;
      }
    }
    throw new ArithmeticException(
        "2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge in " + MAX_TERMS
            + " terms");
  }
}
