package dev.niche.core.internal;

/**
 * Newton's method on an analytic Hessian, for a start near the maximum: the finish of a search
 * whose likelihood supplies its second derivatives. Each iteration solves
 * {@code (-H) p = g} and measures the step by the Newton decrement {@code λ² = gᵀ(-H)⁻¹g}, the
 * squared length of the step in units of the standard errors that {@code -H} implies (Nocedal
 * &amp; Wright 2006, "Numerical Optimization", 2nd ed., §3.3; Boyd &amp; Vandenberghe 2004,
 * "Convex Optimization", §9.5.1). It stops at a point where {@code λ <=} {@value #STOP}: the
 * maximum is then within {@value #STOP} standard errors (Newton's convergence is quadratic, so
 * the step before is typically far shorter).
 *
 * <p>A step starts from the given inverse Hessian (a warm start's, e.g. from a fit on a subsample)
 * or from the Hessian at the start. The Hessian is evaluated again at the end of every step longer
 * than {@value #REUSE} standard errors, and kept otherwise: over so short a step it changes by a
 * negligible fraction, and Newton's step on it converges as fast. So the point reported carries a
 * Hessian from within {@value #REUSE} of its standard errors, for those standard errors. A step
 * is taken when the value rises or, within rounding of the value, the gradient shrinks; otherwise
 * it is halved. Not part of the API.
 */
public final class ExactNewton {

  /** A function with its gradient and Hessian. */
  public interface Curved {
    /**
     * Evaluates the function, its gradient and Hessian.
     *
     * @param z the point (not modified)
     * @param gradient receives the gradient
     * @param hessian receives the Hessian
     * @return the value
     */
    double valueGradientAndHessian(double[] z, double[] gradient, double[][] hessian);
  }

  /** Stop when the Newton step is at most this many standard errors long. */
  static final double STOP = 1e-6;
  /** Keep the Hessian over steps at most this many standard errors long. */
  static final double REUSE = 1e-5;
  private static final int HALVINGS = 20;

  private ExactNewton() {}

  /**
   * Newton steps from {@code start}.
   *
   * @param f the function and gradient
   * @param curved the function, gradient and Hessian
   * @param start the start (not modified)
   * @param inverse the inverse of {@code -H} to take the first step on (not modified), or null to
   *     evaluate the Hessian at the start
   * @param limits the box half-widths
   * @param iterations the most Newton steps
   * @return the last point with the Hessian from within {@value #REUSE} standard errors of it, or
   *     null if a Hessian is not negative definite, no step raises the value, or no Hessian was
   *     evaluated (the caller then finishes otherwise)
   */
  public static NewtonSteps.Polished maximize(QuasiNewton.Smooth f, Curved curved,
      double[] start, double[][] inverse, double[] limits, int iterations) {
    int n = start.length;
    double[] x = start.clone();
    double[] g = new double[n];
    double[][] h = null;
    double[][] inv;
    double fx;
    if (inverse == null) {
      h = new double[n][n];
      fx = curved.valueGradientAndHessian(x, g, h);
      inv = negatedInverse(h);
    } else {
      fx = f.valueAndGradient(x, g);
      inv = inverse;
    }
    double[] step = new double[n];
    double[] candidate = new double[n];
    double[] gNew = new double[n];
    for (int iteration = 0; iteration <= iterations; iteration++) {
      if (inv == null || !Double.isFinite(fx) || !QuasiNewton.finite(g)) {
        return null;
      }
      QuasiNewton.direction(inv, g, new boolean[n], step);
      double decrement = 0;
      for (int i = 0; i < n; i++) {
        decrement += g[i] * step[i];
      }
      if (h != null && (decrement <= STOP * STOP || iteration == iterations)) {
        return new NewtonSteps.Polished(x, fx, g, h);
      }
      boolean fresh = h == null || decrement > REUSE * REUSE;
      double[][] hNew = fresh ? new double[n][n] : h;
      double roundingLevel = QuasiNewton.ROUNDING * Math.max(1.0, Math.abs(fx));
      double gMax = maxAbs(g);
      boolean accepted = false;
      double fNew = fx;
      double t = 1;
      for (int halving = 0; halving < HALVINGS && !accepted; halving++, t /= 2) {
        for (int i = 0; i < n; i++) {
          candidate[i] = LocalMaximum.clamp(x[i] + t * step[i], limits[i]);
        }
        fNew = fresh ? curved.valueGradientAndHessian(candidate, gNew, hNew)
            : f.valueAndGradient(candidate, gNew);
        accepted = Double.isFinite(fNew) && QuasiNewton.finite(gNew)
            && (fNew > fx || fNew >= fx - roundingLevel && maxAbs(gNew) < gMax);
      }
      if (!accepted) {
        return h == null ? null : new NewtonSteps.Polished(x, fx, g, h);
      }
      System.arraycopy(candidate, 0, x, 0, n);
      System.arraycopy(gNew, 0, g, 0, n);
      fx = fNew;
      if (fresh) {
        h = hNew;
        inv = negatedInverse(h);
      }
    }
    return null;
  }

  private static double[][] negatedInverse(double[][] h) {
    int n = h.length;
    double[][] negated = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        negated[i][j] = -0.5 * (h[i][j] + h[j][i]);
      }
    }
    return QuasiNewton.inversePositiveDefinite(negated);
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }
}
