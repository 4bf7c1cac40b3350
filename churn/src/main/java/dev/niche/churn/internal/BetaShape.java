package dev.niche.churn.internal;

/**
 * The beta density in the logit variable, {@code p^a (1-p)^b / B(a, b)} as a function of
 * {@code u = ln((1-p)/p)} (the density of {@code u} when {@code p ~ Beta(a, b)}), written about
 * its mode {@code u_m = ln(b/a)} so that it keeps its digits for any {@code a, b > 0}, including
 * {@code a, b ~ 10^15} where {@code a ln p} and {@code ln B(a, b)} are huge and cancel. Not part
 * of the API.
 *
 * <p>With {@code p_m = a/(a+b)}, {@code q_m = 1 - p_m} and {@code d = u - u_m},
 *
 * <pre>
 * ln[p^a (1-p)^b / B(a, b)] = c_0 - (a+b) h(d),
 * h(d) = ln(p_m e^(-q_m d) + q_m e^(p_m d)) = log1p(p_m φ(-q_m d) + q_m φ(p_m d)),
 * φ(y) = e^y - 1 - y >= 0,
 * c_0 = a ln p_m + b ln q_m - ln B(a, b)
 *     = ½ ln(a q_m / (2π)) + δ(a+b) - δ(a) - δ(b)     (a, b >= 10),
 * </pre>
 *
 * the second {@code h} because {@code p_m (-q_m d) + q_m p_m d = 0} (two positive terms, no
 * cancellation), the second {@code c_0} by Stirling's series with remainder {@code δ}
 * ({@link LogSpace#stirlingRemainder}, A&amp;S 6.1.41).
 */
final class BetaShape {

  /** The mode {@code u_m = ln(b/a)}. */
  final double centre;
  /** The standard deviation of {@code u} for large {@code a, b}: {@code 1/sqrt(a b/(a+b))}. */
  final double width;

  private final double pm;
  private final double qm;
  private final double logPm;
  private final double logQm;
  private final double size;
  private final double logMode;

  BetaShape(double a, double b, double logBeta) {
    logPm = -LogSpace.log1pRatio(b, a);
    logQm = -LogSpace.log1pRatio(a, b);
    pm = Math.exp(logPm);
    qm = Math.exp(logQm);
    size = a + b;
    centre = Math.log(b) - Math.log(a);
    width = Math.exp(-0.5 * (Math.log(a) + logQm));
    logMode = a >= 10 && b >= 10
        ? 0.5 * (Math.log(a) + logQm - Math.log(2 * Math.PI)) + LogSpace.stirlingRemainder(size)
            - LogSpace.stirlingRemainder(a) - LogSpace.stirlingRemainder(b)
        : a * logPm + b * logQm - logBeta;
  }

  /** {@code ln[p^a (1-p)^b / B(a, b)]} at {@code u = centre + d}. */
  double logDensity(double d) {
    // ln of the two terms of h's log1p argument, each finite even when p_m or q_m underflows.
    double l1 = logPm + logPhi(-qm * d);
    double l2 = logQm + logPhi(pm * d);
    double max = Math.max(l1, l2);
    double logSum = max == Double.NEGATIVE_INFINITY
        ? max : max + Math.log1p(Math.exp(Math.min(l1, l2) - max));
    double h = logSum < 0 ? Math.log1p(Math.exp(logSum)) : logSum + Math.log1p(Math.exp(-logSum));
    return logMode - size * h;
  }

  /** {@code ln φ(y) = ln(e^y - 1 - y)}, finite for large {@code y}. */
  private static double logPhi(double y) {
    if (y >= 1) {
      return y + Math.log1p(-(1 + y) * Math.exp(-y));
    }
    return Math.log(LogSpace.expm1MinusX(y));
  }
}
