package dev.niche.churn;

import dev.niche.core.Checks;
import dev.niche.core.Estimate;
import dev.niche.core.FitDiagnostics;

/**
 * A BG/BB model fitted by maximum likelihood (see {@link BgBb}).
 *
 * @param alpha first parameter of the beta of transaction probabilities
 * @param beta second parameter of that beta
 * @param gamma first parameter of the beta of dropout probabilities
 * @param delta second parameter of that beta
 * @param diagnostics convergence, evaluations, maximised log-likelihood, boundary flag, message
 */
public record BgBbFit(Estimate alpha, Estimate beta, Estimate gamma, Estimate delta,
    FitDiagnostics diagnostics) {

  /**
   * Creates a fit.
   *
   * @param alpha estimate of alpha
   * @param beta estimate of beta
   * @param gamma estimate of gamma
   * @param delta estimate of delta
   * @param diagnostics diagnostics
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an estimate is not positive
   */
  public BgBbFit {
    Checks.notNull(diagnostics, "diagnostics");
    Checks.positive(Checks.notNull(alpha, "alpha").value(), "alpha");
    Checks.positive(Checks.notNull(beta, "beta").value(), "beta");
    Checks.positive(Checks.notNull(gamma, "gamma").value(), "gamma");
    Checks.positive(Checks.notNull(delta, "delta").value(), "delta");
  }

  /**
   * The model at the estimated parameters.
   *
   * @return the model
   */
  public BgBb model() {
    return BgBb.of(alpha.value(), beta.value(), gamma.value(), delta.value());
  }

  /**
   * The maximised log-likelihood.
   *
   * @return {@code diagnostics().logLikelihood()}
   */
  public double logLikelihood() {
    return diagnostics.logLikelihood();
  }
}
