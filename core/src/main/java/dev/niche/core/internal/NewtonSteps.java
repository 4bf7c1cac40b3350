package dev.niche.core.internal;

/**
 * Newton's method on an analytic gradient: the last steps to a maximum found by
 * {@link QuasiNewton}, and the Hessian there for the standard errors, both from central
 * differences of the gradient (one gradient per coordinate and direction). Not part of the API.
 */
public final class NewtonSteps {

  private NewtonSteps() {}

  /**
   * A polished maximum.
   *
   * @param point the point
   * @param value the value there
   * @param gradient the gradient there
   * @param hessian the Hessian there (or within {@code 1e-6} of it in every coordinate); its
   *     entries are not finite where a gradient near the point was not
   */
  public record Polished(double[] point, double value, double[] gradient, double[][] hessian) {}

  /**
   * Newton steps {@code z ← z − s H⁻¹ g} on the finite-difference Hessian of the analytic
   * gradient ({@link #hessian}), with step halving until the value does not fall, while that
   * Hessian is negative definite and the value rises; returns the Hessian at the end for the
   * standard errors.
   *
   * @param f the function
   * @param start the point to polish (not modified)
   * @param limits the box half-widths
   * @param iterations the most Newton steps
   * @return the polished point, never worse than {@code start}
   */
  public static Polished polish(QuasiNewton.Smooth f, double[] start, double[] limits, int iterations) {
    int n = start.length;
    double[] x = start.clone();
    double[] g = new double[n];
    double fx = f.valueAndGradient(x, g);
    double[] candidate = new double[n];
    double[] gNew = new double[n];
    double[][] h = null;
    boolean stale = true;
    for (int iteration = 0; iteration < iterations; iteration++) {
      h = hessian(f, x, limits);
      stale = false;
      double[][] negated = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          negated[i][j] = -h[i][j];
        }
      }
      double[][] inverse = QuasiNewton.inversePositiveDefinite(negated);
      if (inverse == null || !QuasiNewton.finite(g)) {
        break;
      }
      double[] step = new double[n];
      QuasiNewton.direction(inverse, g, new boolean[n], step);
      double t = 1.0;
      boolean accepted = false;
      double fNew = fx;
      double slope = 0;
      for (int i = 0; i < n; i++) {
        slope += g[i] * step[i];
      }
      double roundingLevel = QuasiNewton.ROUNDING * Math.max(1.0, Math.abs(fx));
      for (int halving = 0; halving < 20 && !accepted; halving++, t /= 2) {
        double newSlope = 0;
        for (int i = 0; i < n; i++) {
          candidate[i] = LocalMaximum.clamp(x[i] + t * step[i], limits[i]);
        }
        fNew = f.valueAndGradient(candidate, gNew);
        for (int i = 0; i < n; i++) {
          newSlope += gNew[i] * step[i];
        }
        accepted = Double.isFinite(fNew) && QuasiNewton.finite(gNew) && (fNew > fx
            || QuasiNewton.approximateWolfe(fNew, fx, roundingLevel, newSlope, slope));
      }
      if (!accepted) {
        break;
      }
      double moved = 0;
      for (int i = 0; i < n; i++) {
        moved = Math.max(moved, Math.abs(candidate[i] - x[i]));
      }
      System.arraycopy(candidate, 0, x, 0, n);
      System.arraycopy(gNew, 0, g, 0, n);
      fx = fNew;
      stale = moved > 1e-6;
      if (moved < 1e-8) {
        // Newton converges quadratically: the next step would be below rounding.
        break;
      }
    }
    if (stale) {
      h = hessian(f, x, limits);
    }
    return new Polished(x, fx, g, h);
  }

  /**
   * The central-difference Hessian of an analytic gradient, symmetrised: column {@code j} is
   * {@code (g(z + h e_j) - g(z - h e_j)) / 2h} with {@code h = 1e-5 max(1, |z_j|)}; its error is
   * {@code O(h²)} in truncation and {@code O(ε/h)} relative in rounding.
   *
   * @param f the function
   * @param z the point (not modified)
   * @param limits the box half-widths (steps are kept inside)
   * @return the Hessian; entries are not finite where a gradient there was not
   */
  public static double[][] hessian(QuasiNewton.Smooth f, double[] z, double[] limits) {
    int n = z.length;
    double[][] h = new double[n][n];
    double[] y = z.clone();
    double[] up = new double[n];
    double[] down = new double[n];
    for (int j = 0; j < n; j++) {
      double step = 1e-5 * Math.max(1.0, Math.abs(z[j]));
      double hi = Math.min(z[j] + step, limits[j]);
      double lo = Math.max(z[j] - step, -limits[j]);
      y[j] = hi;
      f.valueAndGradient(y, up);
      y[j] = lo;
      f.valueAndGradient(y, down);
      y[j] = z[j];
      for (int i = 0; i < n; i++) {
        h[i][j] = (up[i] - down[i]) / (hi - lo);
      }
    }
    return QuasiNewton.symmetric(h);
  }

}
