package dev.niche.core.internal;

import java.util.function.ToDoubleFunction;

/**
 * Central finite-difference gradients and Hessians of a scalar function on primitive arrays.
 *
 * <p>Steps are relative, {@code h_i = s·max(1, |x_i|)}: {@code s = 6e-6 ≈ ε^(1/3)} for gradients
 * and {@code s = 1e-4 ≈ ε^(1/4)} for Hessians, which balance the O(h²) truncation error of central
 * differences against their O(ε/h) and O(ε/h²) rounding errors. Not part of the API.
 */
public final class NumericalDerivatives {

  private static final double RELATIVE_STEP = 1.0e-4;
  private static final double GRADIENT_STEP = 6.0e-6;

  private NumericalDerivatives() {}

  /**
   * The Hessian step used for a coordinate.
   *
   * @param x the coordinate's value
   * @return the finite-difference step
   */
  public static double step(double x) {
    return RELATIVE_STEP * Math.max(1.0, Math.abs(x));
  }

  private static double gradientStep(double x) {
    return GRADIENT_STEP * Math.max(1.0, Math.abs(x));
  }

  /**
   * Central-difference gradient.
   *
   * @param f the function
   * @param x the point (not modified)
   * @return the gradient at {@code x}
   */
  public static double[] gradient(ToDoubleFunction<double[]> f, double[] x) {
    int n = x.length;
    double[] g = new double[n];
    double[] y = x.clone();
    for (int i = 0; i < n; i++) {
      double h = gradientStep(x[i]);
      y[i] = x[i] + h;
      double up = f.applyAsDouble(y);
      y[i] = x[i] - h;
      double down = f.applyAsDouble(y);
      y[i] = x[i];
      g[i] = (up - down) / (2 * h);
    }
    return g;
  }

  /**
   * Central-difference Hessian, symmetric by construction: diagonal entries from
   * {@code (f(x+h) - 2f(x) + f(x-h)) / h²}, off-diagonal entries from the four-point formula.
   *
   * @param f the function
   * @param x the point (not modified)
   * @param fx {@code f(x)}, already known to the caller
   * @return the Hessian at {@code x}
   */
  public static double[][] hessian(ToDoubleFunction<double[]> f, double[] x, double fx) {
    int n = x.length;
    double[][] hess = new double[n][n];
    double[] y = x.clone();
    double[] h = new double[n];
    for (int i = 0; i < n; i++) {
      h[i] = step(x[i]);
    }
    for (int i = 0; i < n; i++) {
      y[i] = x[i] + h[i];
      double up = f.applyAsDouble(y);
      y[i] = x[i] - h[i];
      double down = f.applyAsDouble(y);
      y[i] = x[i];
      hess[i][i] = (up - 2 * fx + down) / (h[i] * h[i]);
      for (int j = 0; j < i; j++) {
        y[i] = x[i] + h[i];
        y[j] = x[j] + h[j];
        double pp = f.applyAsDouble(y);
        y[j] = x[j] - h[j];
        double pm = f.applyAsDouble(y);
        y[i] = x[i] - h[i];
        double mm = f.applyAsDouble(y);
        y[j] = x[j] + h[j];
        double mp = f.applyAsDouble(y);
        y[i] = x[i];
        y[j] = x[j];
        double value = (pp - pm - mp + mm) / (4 * h[i] * h[j]);
        hess[i][j] = value;
        hess[j][i] = value;
      }
    }
    return hess;
  }
}
