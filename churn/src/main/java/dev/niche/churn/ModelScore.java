package dev.niche.churn;

import dev.niche.core.Checks;

/**
 * One model's score in a {@link ModelComparison}.
 *
 * @param name the model's name
 * @param parameters the number of free parameters k
 * @param logLikelihood {@code ln L} summed over the customers
 * @param aic {@code 2k − 2 ln L}
 * @param bic {@code k ln n − 2 ln L}
 */
public record ModelScore(String name, int parameters, double logLikelihood, double aic,
    double bic) {

  /**
   * Creates a score.
   *
   * @param name name
   * @param parameters parameter count
   * @param logLikelihood log-likelihood
   * @param aic AIC
   * @param bic BIC
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if a value is not finite or the count is negative
   */
  public ModelScore {
    Checks.notNull(name, "name");
    Checks.nonNegative(parameters, "parameters");
    Checks.finite(logLikelihood, "logLikelihood");
    Checks.finite(aic, "aic");
    Checks.finite(bic, "bic");
  }
}
