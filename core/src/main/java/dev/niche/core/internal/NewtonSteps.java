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
   * One Newton step from a point where the gradient is already small, on the forward-difference
   * Hessian there ({@link #forwardHessian}): taken, without halving, when that Hessian is negative
   * definite, the new point's value and gradient are finite, its largest gradient component is
   * smaller, and its value is not below the old one by more than rounding (or, when the model's
   * predicted rise is itself below rounding, the gradient has at least halved). The Hessian returned is
   * the one at {@code start}, within the step (a fraction of the gradient's size) of the new point.
   *
   * @param f the function
   * @param start the point (not modified)
   * @param value the value at {@code start}
   * @param gradient the gradient at {@code start} (not modified)
   * @param limits the box half-widths
   * @return the point after the step (or {@code start}), with that Hessian
   */
  public static Polished finish(QuasiNewton.Smooth f, double[] start, double value,
      double[] gradient, double[] limits) {
    int n = start.length;
    double[][] h = forwardHessian(f, start, gradient, limits);
    double[][] negated = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        negated[i][j] = -h[i][j];
      }
    }
    double[][] inverse = QuasiNewton.inversePositiveDefinite(negated);
    if (inverse != null) {
      double[] step = new double[n];
      QuasiNewton.direction(inverse, gradient, new boolean[n], step);
      double[] candidate = new double[n];
      for (int i = 0; i < n; i++) {
        candidate[i] = LocalMaximum.clamp(start[i] + step[i], limits[i]);
      }
      double[] g = new double[n];
      double fNew = f.valueAndGradient(candidate, g);
      double roundingLevel = QuasiNewton.ROUNDING * Math.max(1.0, Math.abs(value));
      double rise = 0;
      for (int i = 0; i < n; i++) {
        rise += gradient[i] * (candidate[i] - start[i]);
      }
      // Near the maximum the quadratic model's rise, gᵀ(-H)⁻¹g / 2, can be far below the rounding
      // of a sum over many rows: the value cannot tell the points apart, the gradient can.
      boolean level = fNew >= value - roundingLevel
          || rise <= 2 * roundingLevel && maxAbs(g) <= 0.5 * maxAbs(gradient);
      if (Double.isFinite(fNew) && QuasiNewton.finite(g) && level
          && maxAbs(g) < maxAbs(gradient)) {
        return new Polished(candidate, fNew, g, h);
      }
    }
    return new Polished(start.clone(), value, gradient.clone(), h);
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
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

  /**
   * The forward-difference Hessian of an analytic gradient, symmetrised: column {@code j} is
   * {@code (g(z + h e_j) - g(z)) / h} with {@code h = 1e-6 max(1, |z_j|)} (stepping inwards at the
   * edge of the box). Half the gradient evaluations of {@link #hessian}, at a truncation error of
   * {@code O(h)} relative, about {@code 1e-6}: ample for standard errors, and what a fit on many
   * rows, where each evaluation is costly, uses.
   *
   * @param f the function
   * @param z the point (not modified)
   * @param g the gradient at {@code z} (not modified)
   * @param limits the box half-widths
   * @return the Hessian; entries are not finite where a gradient there was not
   */
  public static double[][] forwardHessian(
      QuasiNewton.Smooth f, double[] z, double[] g, double[] limits) {
    int n = z.length;
    double[][] h = new double[n][n];
    double[] y = z.clone();
    double[] moved = new double[n];
    for (int j = 0; j < n; j++) {
      double step = 1e-6 * Math.max(1.0, Math.abs(z[j]));
      double to = z[j] + step <= limits[j] ? z[j] + step : z[j] - step;
      y[j] = to;
      f.valueAndGradient(y, moved);
      y[j] = z[j];
      for (int i = 0; i < n; i++) {
        h[i][j] = (moved[i] - g[i]) / (to - z[j]);
      }
    }
    return QuasiNewton.symmetric(h);
  }
}
