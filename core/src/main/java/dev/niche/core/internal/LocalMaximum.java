package dev.niche.core.internal;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Local analysis of a maximum of a smooth function inside a box {@code |z_i| <= limit_i}: Newton
 * polishing, the definiteness of the Hessian, and a probe along the flattest direction that tells
 * an interior maximum from a supremum on the edge of the box. Used by core's maximum likelihood.
 * Not part of the API.
 */
public final class LocalMaximum {

  private LocalMaximum() {}

  /**
   * Damped Newton steps {@code z ← z − s H⁻¹ g} (step halving until the value does not fall),
   * while the central-difference Hessian is negative definite and the value rises.
   *
   * @param f the function to maximise
   * @param start the starting point (not modified)
   * @param limits the box half-widths
   * @param iterations the maximum number of Newton steps
   * @return the polished point, never worse than {@code start}
   */
  public static double[] polish(
      ToDoubleFunction<double[]> f, double[] start, double[] limits, int iterations) {
    double[] z = start.clone();
    double value = f.applyAsDouble(z);
    for (int iteration = 0; iteration < iterations; iteration++) {
      double[] g = NumericalDerivatives.gradient(f, z);
      double[][] h = NumericalDerivatives.hessian(f, z, value);
      double[] step;
      try {
        RealMatrix negative = new Array2DRowRealMatrix(h).scalarMultiply(-1);
        step = new CholeskyDecomposition(negative).getSolver()
            .solve(new ArrayRealVector(g)).toArray();
      } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
        return z;
      }
      double scale = 1.0;
      boolean improved = false;
      for (int halving = 0; halving < 20; halving++) {
        double[] candidate = new double[z.length];
        for (int i = 0; i < z.length; i++) {
          candidate[i] = clamp(z[i] + scale * step[i], limits[i]);
        }
        double candidateValue = f.applyAsDouble(candidate);
        if (candidateValue >= value) {
          improved = candidateValue > value;
          z = candidate;
          value = candidateValue;
          break;
        }
        scale /= 2;
      }
      if (!improved || norm(step) * scale < 1e-12) {
        return z;
      }
    }
    return z;
  }

  /**
   * Follows the flattest direction of the Hessian (the eigenvector of its largest eigenvalue) both
   * ways to the edge of the box.
   *
   * @param f the function
   * @param z the candidate maximum
   * @param value {@code f(z)}
   * @param hessian the Hessian at {@code z}
   * @param limits the box half-widths
   * @return the point at the edge of the box if {@code f} there is at least {@code value} (up to
   *     a relative {@code 1e-7}), else null (also when the Hessian has no eigen-decomposition):
   *     no supremum was found on the edge
   */
  public static double[] probeFlatDirection(ToDoubleFunction<double[]> f, double[] z,
      double value, double[][] hessian, double[] limits) {
    // Eigenvectors and the order of eigenvalues do not change under a positive scale; scaling
    // to a largest entry of 1 keeps the QL iteration converging on huge (1e300) Hessians.
    double largest = 0;
    for (double[] row : hessian) {
      for (double v : row) {
        largest = Math.max(largest, Math.abs(v));
      }
    }
    double scale = largest > 0 && Double.isFinite(largest) ? 1 / largest : 1;
    EigenDecomposition eigen;
    try {
      eigen = new EigenDecomposition(new Array2DRowRealMatrix(hessian).scalarMultiply(scale));
    } catch (MathIllegalStateException e) {
      // No eigenvectors: no flat direction to follow; the caller reports the indefinite Hessian.
      return null;
    }
    double[] eigenvalues = eigen.getRealEigenvalues();
    int flattest = 0;
    for (int i = 1; i < eigenvalues.length; i++) {
      if (eigenvalues[i] > eigenvalues[flattest]) {
        flattest = i;
      }
    }
    double[] direction = eigen.getEigenvector(flattest).toArray();
    double tolerance = 1e-7 * (1 + Math.abs(value));
    for (int sign = -1; sign <= 1; sign += 2) {
      double tMax = Double.POSITIVE_INFINITY;
      for (int i = 0; i < z.length; i++) {
        if (Math.abs(direction[i]) > 1e-12) {
          double room = sign * direction[i] > 0 ? limits[i] - z[i] : limits[i] + z[i];
          tMax = Math.min(tMax, room / Math.abs(direction[i]));
        }
      }
      double[] end = new double[z.length];
      for (int i = 0; i < z.length; i++) {
        end[i] = clamp(z[i] + sign * tMax * direction[i], limits[i]);
      }
      if (f.applyAsDouble(end) >= value - tolerance) {
        return end;
      }
    }
    return null;
  }

  /**
   * Tells whether a symmetric matrix is negative definite (Cholesky of its negation).
   *
   * @param hessian the matrix
   * @return true if negative definite
   */
  public static boolean isNegativeDefinite(double[][] hessian) {
    try {
      new CholeskyDecomposition(new Array2DRowRealMatrix(hessian).scalarMultiply(-1));
      return true;
    } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
      return false;
    }
  }

  /**
   * Clamps a coordinate to {@code [-limit, limit]}.
   *
   * @param z the coordinate
   * @param limit the half-width
   * @return the clamped coordinate
   */
  public static double clamp(double z, double limit) {
    return Math.max(-limit, Math.min(limit, z));
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }
}
