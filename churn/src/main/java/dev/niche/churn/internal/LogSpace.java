package dev.niche.churn.internal;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * Logarithms of ratios and sums that stay finite when a parameter under- or overflows: the
 * models' parameters range over all positive doubles, {@code Double.MIN_VALUE} to
 * {@code Double.MAX_VALUE}, so a quotient such as {@code T/α} can overflow although its logarithm
 * is an ordinary number, and a sum such as {@code α + T} can overflow although its logarithm and
 * the quotients by it ({@code T/(α+T)}, {@code (β+T)/(α+T)}) are ordinary numbers. Not part of the
 * API.
 */
public final class LogSpace {

  private static final double LN_2 = 0.6931471805599453;

  private LogSpace() {}

  /**
   * {@code ln(a + b)} for finite {@code a, b >= 0}, not both 0: {@code Math.log(a + b)} while the
   * sum is finite, otherwise {@code ln(a/2 + b/2) + ln 2}. The halves are exact (a subnormal one
   * loses at most its last bit, far below the rounding of the sum), so both forms carry the
   * rounding of one sum and one logarithm.
   *
   * @param a first term, finite, {@code >= 0}
   * @param b second term, finite, {@code >= 0}
   * @return {@code ln(a + b)}, finite (at most {@code ln(2 Double.MAX_VALUE)})
   */
  public static double logOfSum(double a, double b) {
    double sum = a + b;
    return sum <= Double.MAX_VALUE ? Math.log(sum) : Math.log(0.5 * a + 0.5 * b) + LN_2;
  }

  /**
   * {@code n/(a + b)} for finite {@code a, b >= 0}, not both 0: {@code n/(a+b)} while the sum is
   * finite, otherwise {@code (n/2)/(a/2 + b/2)}, one correctly rounded quotient of the halves
   * (where the sum would overflow, {@code t/(α+t)} is not 0 but as close to 1 as {@code α/t} is to
   * 0).
   *
   * @param n numerator, finite
   * @param a first term of the denominator, finite, {@code >= 0}
   * @param b second term of the denominator, finite, {@code >= 0}
   * @return {@code n/(a + b)}
   */
  public static double overSum(double n, double a, double b) {
    double sum = a + b;
    return sum <= Double.MAX_VALUE ? n / sum : (0.5 * n) / (0.5 * a + 0.5 * b);
  }

  /**
   * {@code (a + t)/(b + t)} for finite {@code a, b, t >= 0}, {@code b + t > 0}: the quotient of the
   * sums while both are finite, otherwise the quotient of the halved sums.
   *
   * @param a first term of the numerator, finite, {@code >= 0}
   * @param b first term of the denominator, finite, {@code >= 0}
   * @param t the term both sums share, finite, {@code >= 0}
   * @return {@code (a + t)/(b + t)}
   */
  public static double ratioOfSums(double a, double b, double t) {
    double top = a + t;
    double bottom = b + t;
    return top <= Double.MAX_VALUE && bottom <= Double.MAX_VALUE
        ? top / bottom : (0.5 * a + 0.5 * t) / (0.5 * b + 0.5 * t);
  }

  /**
   * {@code ln(1 + x/y) = ln(x+y) - ln y} for {@code x >= 0}, {@code y > 0}, to full relative
   * precision: {@code log1p(x/y)} while the quotient is finite (then {@code log1p} loses nothing),
   * otherwise {@code ln x - ln y}, exact to rounding because {@code y} is then negligible beside
   * {@code x}.
   *
   * @param x numerator, {@code >= 0}
   * @param y denominator, {@code > 0}
   * @return {@code ln(1 + x/y)}, finite for finite positive arguments
   */
  public static double log1pRatio(double x, double y) {
    double q = x / y;
    return q <= Double.MAX_VALUE ? Math.log1p(q) : Math.log(x) - Math.log(y);
  }

  /**
   * {@code ln B(a, b)}: Commons Math's {@link Beta#logBeta} (accurate for large arguments, DiDonato
   * &amp; Morris 1992), or {@code ln Γ(a) + ln Γ(b) - ln Γ(a+b)} where that is not finite (both
   * arguments below about {@code 10^-150}).
   *
   * @param a first argument, {@code > 0}
   * @param b second argument, {@code > 0}
   * @return {@code ln B(a, b)}
   */
  public static double logBeta(double a, double b) {
    double value = Beta.logBeta(a, b);
    return Double.isFinite(value)
        ? value : Gamma.logGamma(a) + Gamma.logGamma(b) - Gamma.logGamma(a + b);
  }

  /**
   * {@code e^x - 1 - x} without cancellation (Taylor series for {@code |x| < 1/2}).
   *
   * @param x the argument
   * @return {@code e^x - 1 - x}, {@code >= 0}
   */
  public static double expm1MinusX(double x) {
    if (Math.abs(x) >= 0.5) {
      return Math.expm1(x) - x;
    }
    double term = x * x / 2;
    double sum = term;
    for (int n = 3; n < 30 && Math.abs(term) > 1e-17 * sum; n++) {
      term *= x / n;
      sum += term;
    }
    return sum;
  }

  /**
   * The remainder of Stirling's series, {@code δ(x) = ln Γ(x) - (x - 1/2) ln x + x - ln(2π)/2}
   * (A&amp;S 6.1.41), for {@code x >= 10}, to an absolute {@code 10^-16}.
   *
   * @param x the argument, {@code >= 10}
   * @return {@code δ(x)}
   */
  public static double stirlingRemainder(double x) {
    double y = 1 / (x * x);
    return (1.0 / 12 - y * (1.0 / 360 - y * (1.0 / 1260 - y * (1.0 / 1680 - y * (1.0 / 1188
        - y * (691.0 / 360360 - y / 156)))))) / x;
  }
}
