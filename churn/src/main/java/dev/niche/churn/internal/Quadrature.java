package dev.niche.churn.internal;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.exception.MaxCountExceededException;

/**
 * Composite adaptive Gauss–Legendre quadrature of smooth integrands: the range is cut into pieces
 * no longer than a given scale, and each piece is refined (16-point rules on 2, 4, 8, ...
 * sub-intervals, Commons Math's {@link IterativeLegendreGaussIntegrator}) until two refinements
 * agree to a relative {@code 1e-11} (the
 * integrands here carry rounding noise of about {@code 1e-12} from their large exponents). Not part of the API.
 */
public final class Quadrature {

  private static final int MAX_PIECES = 8192;

  private static final GaussIntegratorFactory FACTORY = new GaussIntegratorFactory();

  private Quadrature() {}

  private static double start(double lo, double hi, int i, int pieces) {
    return i == pieces ? hi : lo + (hi - lo) * i / pieces;
  }

  /**
   * Integrates {@code f} over {@code [lo, hi]}.
   *
   * @param f the integrand, smooth on the scale {@code piece}
   * @param lo lower limit
   * @param hi upper limit, {@code >= lo}
   * @param piece the largest piece length, {@code > 0}
   * @return the integral
   * @throws ArithmeticException if a piece does not converge
   */
  public static double integrate(UnivariateFunction f, double lo, double hi, double piece) {
    if (!(hi > lo)) {
      return 0.0;
    }
    int pieces = (int) Math.min(MAX_PIECES, Math.ceil((hi - lo) / piece));
    // First pass: one 16-point rule per piece, for the order of magnitude of the integral, which
    // sets the absolute accuracy of the adaptive pass (negligible pieces need no relative digits).
    double estimate = 0;
    for (int i = 0; i < pieces; i++) {
      estimate += Math.abs(FACTORY.legendre(16, start(lo, hi, i, pieces),
          start(lo, hi, i + 1, pieces)).integrate(f));
    }
    double absolute = Math.max(1e-300, 1e-14 * estimate);
    double sum = 0;
    for (int i = 0; i < pieces; i++) {
      double a = start(lo, hi, i, pieces);
      double b = start(lo, hi, i + 1, pieces);
      IterativeLegendreGaussIntegrator integrator =
          new IterativeLegendreGaussIntegrator(16, 1e-11, absolute, 1, 64);
      try {
        sum += integrator.integrate(1_000_000, f, a, b);
      } catch (MaxCountExceededException e) {
        throw new ArithmeticException(
            "quadrature did not converge on [" + a + ", " + b + "]: " + e.getMessage());
      }
    }
    return sum;
  }
}
