package dev.niche.core.likelihood;

/**
 * A log-likelihood as a function of parameters on their natural scale.
 *
 * <p>Implementations must be deterministic and side-effect free. They may return
 * {@link Double#NEGATIVE_INFINITY} (or NaN) where the parameters are impossible for the data;
 * the optimiser treats such points as worse than any finite value.
 */
@FunctionalInterface
public interface LogLikelihood {

  /**
   * Evaluates the log-likelihood.
   *
   * @param parameters the parameters on their natural scale, in the order they were declared;
   *     the array is owned by the caller and must not be kept or modified
   * @return the log-likelihood
   */
  double value(double[] parameters);
}
