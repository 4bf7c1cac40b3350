package dev.niche.core.likelihood;

/**
 * A log-likelihood that also supplies its analytic Hessian with respect to the natural-scale
 * parameters. {@link MaximumLikelihood} recognises it and finishes each search with Newton steps
 * on this Hessian instead of finite differences of the gradient: from a
 * {@linkplain MaximumLikelihood.Builder#warmStart warm start} it takes Newton steps at once
 * (one evaluation per step instead of one per parameter), and the standard errors come from the
 * analytic Hessian at the maximum. In internal coordinates {@code z} the chain rule gives
 * {@code ∂²ℓ/∂z_i∂z_j = ∂²ℓ/∂θ_i∂θ_j θ_i' θ_j' + δ_ij ∂ℓ/∂θ_i θ_i''}.
 *
 * <p>Implementations must be deterministic and side-effect free, and the value and gradient must
 * agree with {@link #valueAndGradient}. Where the Hessian cannot be computed at some point an
 * implementation may write NaN into it: the maximiser then differentiates the gradient
 * numerically at that point.
 */
public interface TwiceDifferentiableLogLikelihood extends DifferentiableLogLikelihood {

  /**
   * Evaluates the log-likelihood, its gradient and its Hessian.
   *
   * @param parameters the parameters on their natural scale, in the order they were declared;
   *     owned by the caller, must not be kept or modified
   * @param gradient receives {@code ∂ℓ/∂θ_i}, one entry per parameter; owned by the caller
   * @param hessian receives {@code ∂²ℓ/∂θ_i∂θ_j}, square of the parameters' order, symmetric;
   *     owned by the caller
   * @return the log-likelihood, as {@link #value} would return it
   */
  double valueGradientAndHessian(double[] parameters, double[] gradient, double[][] hessian);
}
