package dev.niche.core.likelihood;

/**
 * A log-likelihood that also supplies its analytic gradient with respect to the natural-scale
 * parameters. {@link MaximumLikelihood} recognises it and maximises by BFGS with a line search on
 * the internal coordinates (the chain rule {@code ∂ℓ/∂z_i = ∂ℓ/∂θ_i · dθ_i/dz_i} maps the gradient
 * through each {@link Parameter}'s transform), with Newton steps on the finite-difference Hessian
 * of the gradient at the end; plain {@link LogLikelihood}s keep the derivative-free search.
 *
 * <p>Implementations must be deterministic and side-effect free, and {@link #value} must agree
 * with {@link #valueAndGradient}'s value. Where the gradient cannot be computed at some point
 * (e.g. a special function out of its accurate range) an implementation may write NaN into it:
 * the maximiser then differentiates {@link #value} numerically at that point.
 */
public interface DifferentiableLogLikelihood extends LogLikelihood {

  /**
   * Evaluates the log-likelihood and its gradient.
   *
   * @param parameters the parameters on their natural scale, in the order they were declared;
   *     owned by the caller, must not be kept or modified
   * @param gradient receives {@code ∂ℓ/∂θ_i}, one entry per parameter; owned by the caller
   * @return the log-likelihood, as {@link #value} would return it
   */
  double valueAndGradient(double[] parameters, double[] gradient);
}
