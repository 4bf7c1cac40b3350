package dev.niche.core.internal;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Asymptotic covariance of maximum-likelihood estimates from the observed information: with
 * {@code H} the Hessian of the log-likelihood in internal coordinates {@code z} and
 * {@code D = diag(dθ/dz)}, {@code Cov(θ) = D (−H)⁻¹ D} (delta method). Parameters on the boundary
 * are left out of the inversion and get NaN rows and columns. Not part of the API.
 */
public final class ObservedInformation {

  private ObservedInformation() {}

  /**
   * The covariance on the natural scale.
   *
   * @param hessian the Hessian in internal coordinates
   * @param jacobian {@code dθ_i/dz_i} at the maximum
   * @param atBoundary which parameters went to the boundary
   * @return the covariance (NaN for boundary parameters), or null if the information of the
   *     interior parameters is not positive definite
   */
  public static double[][] covariance(double[][] hessian, double[] jacobian, boolean[] atBoundary) {
    int n = jacobian.length;
    int[] interior = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (!atBoundary[i]) {
        interior[m++] = i;
      }
    }
    double[][] covariance = unknown(n);
    if (m == 0) {
      return covariance;
    }
    double[][] information = new double[m][m];
    for (int a = 0; a < m; a++) {
      for (int b = 0; b < m; b++) {
        information[a][b] = -hessian[interior[a]][interior[b]];
      }
    }
    RealMatrix inverse;
    try {
      inverse = new CholeskyDecomposition(new Array2DRowRealMatrix(information))
          .getSolver().getInverse();
    } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
      return null;
    }
    for (int a = 0; a < m; a++) {
      int i = interior[a];
      for (int b = 0; b < m; b++) {
        int j = interior[b];
        covariance[i][j] = jacobian[i] * inverse.getEntry(a, b) * jacobian[j];
      }
    }
    return covariance;
  }

  /**
   * A covariance matrix of NaNs.
   *
   * @param n the order
   * @return an {@code n × n} matrix filled with NaN
   */
  public static double[][] unknown(int n) {
    double[][] nan = new double[n][n];
    for (double[] row : nan) {
      Arrays.fill(row, Double.NaN);
    }
    return nan;
  }
}
