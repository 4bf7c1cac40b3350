package dev.niche.core.internal;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;

/**
 * Maximises a smooth function with an analytic gradient inside a box {@code |z_i| <= limit_i}:
 * BFGS on the inverse Hessian (Nocedal &amp; Wright 2006, "Numerical Optimization", 2nd ed.,
 * algorithm 6.1) with a backtracking Armijo line search, projected onto the box (coordinates at a
 * bound whose gradient points out of the box are held fixed). The initial inverse Hessian is the
 * inverse of the negated forward-difference Hessian of the gradient when that is negative
 * definite, so a start near the maximum takes Newton's step at once; otherwise the identity,
 * rescaled after the first step by {@code sᵀy / yᵀy} (eq. 6.20). Not part of the API.
 *
 * <p>It stops when every free component of the gradient is at most {@code tolerance}, when the
 * line search can no longer raise the value (rounding level), or after the iteration limit; the
 * result says which.
 */
public final class QuasiNewton {

  /** A function with its gradient; returns the value and writes the gradient. */
  public interface Smooth {
    /**
     * Evaluates the function and its gradient.
     *
     * @param z the point (not modified)
     * @param gradient receives the gradient; NaN entries mark a point to avoid
     * @return the value, {@code -∞} or a very low finite value where undefined
     */
    double valueAndGradient(double[] z, double[] gradient);
  }

  /**
   * The outcome of a maximisation.
   *
   * @param point the best point reached
   * @param value the value there
   * @param gradient the gradient there
   * @param converged true if the projected gradient met the tolerance
   * @param iterations the iterations taken
   */
  public record Result(
      double[] point, double value, double[] gradient, boolean converged, int iterations) {}

  private static final double ARMIJO = 1e-4;
  private static final int HALVINGS = 40;
  /** Largest move of one coordinate in one step: a factor e^2 ≈ 7.4 on a log scale. */
  private static final double MAX_STEP = 2.0;

  /** Steps shorter than this in every internal coordinate change nothing that matters. */
  private static final double MIN_STEP = 1e-11;
  /** Relative size of the rounding error of a log-likelihood summed over many rows. */
  static final double ROUNDING = 1e-14;

  private QuasiNewton() {}

  /**
   * Hager &amp; Zhang's approximate Wolfe condition (2005, "A new conjugate gradient method with
   * guaranteed descent and an efficient line search", SIAM J. Optim. 16(1), eq. 4.1): near the
   * maximum the value changes by less than its rounding error, so a step is also accepted when
   * the value has not fallen by more than that and the slope along the direction has fallen to
   * at most 0.9 of its initial value in size (the gradient, computed without cancellation, still
   * tells progress).
   */
  static boolean approximateWolfe(
      double fNew, double fx, double roundingLevel, double newSlope, double slope) {
    return fNew >= fx - roundingLevel && Math.abs(newSlope) <= 0.9 * slope;
  }

  /**
   * Maximises {@code f} from {@code start}.
   *
   * @param f the function and its gradient
   * @param start the start, inside the box (not modified)
   * @param limits the box half-widths
   * @param relativeTolerance the largest acceptable free gradient component, relative to
   *     {@code max(1, |f|)}
   * @param iterations the iteration limit
   * @param maxEvaluations the evaluation budget; past it every evaluation reports a NaN
   *     gradient, which ends the search as not converged
   * @return the best point reached
   */
  public static Result maximize(Smooth function, double[] start, double[] limits,
      double relativeTolerance, int iterations, int maxEvaluations) {
    return maximize(function, start, limits, relativeTolerance, iterations, maxEvaluations, null);
  }

  /**
   * Maximises {@code f} from {@code start}, with a given initial inverse Hessian (of {@code -f})
   * when one is known, e.g. from a fit on a subsample: it saves the {@code n} gradient
   * evaluations of the finite-difference start and, being close to the truth near a maximum, makes
   * the first steps nearly Newton steps.
   *
   * @param function the function and its gradient
   * @param start the start, inside the box (not modified)
   * @param limits the box half-widths
   * @param relativeTolerance the largest acceptable free gradient component, relative to
   *     {@code max(1, |f|)}
   * @param iterations the iteration limit
   * @param maxEvaluations the evaluation budget
   * @param initialInverse the initial inverse Hessian of {@code -f} (not modified), or null for
   *     the inverse of the finite-difference Hessian of the gradient at the start
   * @return the best point reached
   */
  public static Result maximize(Smooth function, double[] start, double[] limits,
      double relativeTolerance, int iterations, int maxEvaluations, double[][] initialInverse) {
    int[] count = {0};
    Smooth f = (z, gradient) -> {
      double v = function.valueAndGradient(z, gradient);
      if (++count[0] > maxEvaluations) {
        Arrays.fill(gradient, Double.NaN);
      }
      return v;
    };
    int n = start.length;
    double[] x = start.clone();
    double[] g = new double[n];
    double fx = f.valueAndGradient(x, g);
    if (!finite(g) || !Double.isFinite(fx)) {
      return new Result(x, fx, g, false, 0);
    }
    double[][] inverse = initialInverse == null ? initialInverse(f, x, g, limits)
        : copy(initialInverse);
    boolean identity = inverse == null;
    if (identity) {
      inverse = identity(n);
    }
    double[] d = new double[n];
    double[] candidate = new double[n];
    double[] gNew = new double[n];
    double[] s = new double[n];
    double[] y = new double[n];
    boolean[] fixed = new boolean[n];
    int iteration = 0;
    boolean scaled = !identity;
    while (iteration < iterations) {
      double tolerance = relativeTolerance * Math.max(1.0, Math.abs(fx));
      if (projectedNorm(x, g, limits, fixed) <= tolerance) {
        return new Result(x, fx, g, true, iteration);
      }
      iteration++;
      direction(inverse, g, fixed, d);
      if (dot(d, g) <= 0) {
        inverse = identity(n);
        identity = true;
        scaled = false;
        direction(inverse, g, fixed, d);
      }
      double longest = 0;
      for (double di : d) {
        longest = Math.max(longest, Math.abs(di));
      }
      double t = longest > MAX_STEP ? MAX_STEP / longest : 1.0;
      double fNew = Double.NEGATIVE_INFINITY;
      boolean accepted = false;
      double slope = dot(g, d);
      double roundingLevel = ROUNDING * Math.max(1.0, Math.abs(fx));
      for (int h = 0; h < HALVINGS && !accepted && t * longest > MIN_STEP; h++, t /= 2) {
        double rise = 0;
        for (int i = 0; i < n; i++) {
          candidate[i] = LocalMaximum.clamp(x[i] + t * d[i], limits[i]);
          rise += g[i] * (candidate[i] - x[i]);
        }
        fNew = f.valueAndGradient(candidate, gNew);
        accepted = Double.isFinite(fNew) && finite(gNew)
            && (fNew >= fx + ARMIJO * rise && fNew >= fx
                || approximateWolfe(fNew, fx, roundingLevel, dot(gNew, d), slope));
      }
      if (!accepted) {
        if (!identity) {
          inverse = identity(n);
          identity = true;
          scaled = false;
          continue;
        }
        return new Result(x, fx, g, false, iteration);
      }
      double sy = 0;
      double yy = 0;
      for (int i = 0; i < n; i++) {
        s[i] = candidate[i] - x[i];
        y[i] = g[i] - gNew[i];
        sy += s[i] * y[i];
        yy += y[i] * y[i];
      }
      boolean moved = fNew > fx || Math.abs(dot(gNew, d)) < slope;
      System.arraycopy(candidate, 0, x, 0, n);
      System.arraycopy(gNew, 0, g, 0, n);
      fx = fNew;
      if (sy > 1e-12 * Math.sqrt(yy * dot(s, s))) {
        if (!scaled) {
          for (double[] row : inverse) {
            Arrays.fill(row, 0);
          }
          for (int i = 0; i < n; i++) {
            inverse[i][i] = sy / yy;
          }
          scaled = true;
        }
        update(inverse, s, y, sy);
        identity = false;
      }
      if (!moved && projectedNorm(x, g, limits, fixed) > tolerance) {
        // The value no longer changes in floating point: rounding level reached.
        return new Result(x, fx, g, false, iteration);
      }
    }
    return new Result(x, fx, g, projectedNorm(x, g, limits, fixed)
        <= relativeTolerance * Math.max(1.0, Math.abs(fx)), iteration);
  }

  /** The inverse of the negated forward-difference Hessian of the gradient, or null. */
  private static double[][] initialInverse(Smooth f, double[] x, double[] g, double[] limits) {
    double[][] negated = NewtonSteps.forwardHessian(f, x, g, limits);
    for (double[] row : negated) {
      for (int i = 0; i < row.length; i++) {
        row[i] = -row[i];
      }
    }
    return inversePositiveDefinite(negated);
  }

  /**
   * The inverse of a symmetric positive definite matrix.
   *
   * @param m the matrix (not modified)
   * @return its inverse, or null if it has a non-finite entry or is not positive definite
   */
  public static double[][] inversePositiveDefinite(double[][] m) {
    for (double[] row : m) {
      if (!finite(row)) {
        return null;
      }
    }
    try {
      return new CholeskyDecomposition(new Array2DRowRealMatrix(m)).getSolver().getInverse()
          .getData();
    } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
      return null;
    }
  }

  static double[][] symmetric(double[][] h) {
    int n = h.length;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double m = 0.5 * (h[i][j] + h[j][i]);
        h[i][j] = m;
        h[j][i] = m;
      }
    }
    return h;
  }

  /** BFGS update of the inverse Hessian of {@code -f}: {@code (I-ρsyᵀ) B (I-ρysᵀ) + ρssᵀ}. */
  static void update(double[][] b, double[] s, double[] y, double sy) {
    int n = s.length;
    double rho = 1.0 / sy;
    double[] by = new double[n];
    double yby = 0;
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int j = 0; j < n; j++) {
        sum += b[i][j] * y[j];
      }
      by[i] = sum;
      yby += y[i] * sum;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        b[i][j] += -rho * (by[i] * s[j] + s[i] * by[j]) + (rho * rho * yby + rho) * s[i] * s[j];
      }
    }
  }

  static void direction(double[][] b, double[] g, boolean[] fixed, double[] d) {
    int n = g.length;
    for (int i = 0; i < n; i++) {
      double sum = 0;
      if (!fixed[i]) {
        for (int j = 0; j < n; j++) {
          if (!fixed[j]) {
            sum += b[i][j] * g[j];
          }
        }
      }
      d[i] = sum;
    }
  }

  /**
   * The largest gradient component of the coordinates not held at a bound of the box by an
   * outward gradient.
   *
   * @param x the point
   * @param g the gradient there
   * @param limits the box half-widths
   * @return the projected gradient's max-norm
   */
  public static double projectedNorm(double[] x, double[] g, double[] limits) {
    return projectedNorm(x, g, limits, new boolean[x.length]);
  }

  /** Largest free gradient component; marks coordinates held at a bound by an outward gradient. */
  private static double projectedNorm(double[] x, double[] g, double[] limits, boolean[] fixed) {
    double norm = 0;
    for (int i = 0; i < x.length; i++) {
      fixed[i] = x[i] >= limits[i] && g[i] > 0 || x[i] <= -limits[i] && g[i] < 0;
      if (!fixed[i]) {
        norm = Math.max(norm, Math.abs(g[i]));
      }
    }
    return norm;
  }

  static boolean finite(double[] v) {
    for (double x : v) {
      if (!Double.isFinite(x)) {
        return false;
      }
    }
    return true;
  }

  private static double dot(double[] u, double[] v) {
    double s = 0;
    for (int i = 0; i < u.length; i++) {
      s += u[i] * v[i];
    }
    return s;
  }

  private static double[][] copy(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }

  private static double[][] identity(int n) {
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      m[i][i] = 1.0;
    }
    return m;
  }
}
