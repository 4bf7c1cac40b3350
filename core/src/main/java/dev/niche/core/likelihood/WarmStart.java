package dev.niche.core.likelihood;

import java.util.List;

/**
 * The covariance that comes with a warm start ({@link MaximumLikelihood.Builder#warmStart}) and
 * the inverse Hessian it implies in internal coordinates. With {@code θ_i = θ_i(z_i)} and
 * {@code J = diag(dθ_i/dz_i)}, the observed-information covariance on the natural scale is
 * {@code Σ = J (-H_z)⁻¹ J}, so BFGS (which maximises over {@code z}) starts from
 * {@code (-H_z)⁻¹ = J⁻¹ Σ J⁻¹}.
 */
final class WarmStart {

  private final double[][] covariance;

  private WarmStart(double[][] covariance) {
    this.covariance = covariance;
  }

  /**
   * Copies a validated covariance.
   *
   * @param covariance square, finite, with a positive diagonal
   * @return the warm start's covariance
   */
  static WarmStart of(double[][] covariance) {
    double[][] copy = new double[covariance.length][];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = covariance[i].clone();
    }
    return new WarmStart(copy);
  }

  /**
   * The inverse Hessian of {@code -ℓ} in internal coordinates at a point.
   *
   * @param parameters the parameters
   * @param z the point in internal coordinates
   * @return {@code J⁻¹ Σ J⁻¹}, or null if it is not finite (the maximiser then takes its own)
   */
  double[][] internalInverse(List<Parameter> parameters, double[] z) {
    int n = z.length;
    double[] jacobian = new double[n];
    for (int i = 0; i < n; i++) {
      jacobian[i] = parameters.get(i).derivative(z[i]);
    }
    double[][] inverse = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        inverse[i][j] = covariance[i][j] / (jacobian[i] * jacobian[j]);
        if (!Double.isFinite(inverse[i][j])) {
          return null;
        }
      }
    }
    return inverse;
  }
}
