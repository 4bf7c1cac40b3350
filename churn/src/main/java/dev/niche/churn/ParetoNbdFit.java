package dev.niche.churn;

import dev.niche.core.Checks;
import dev.niche.core.Estimate;
import dev.niche.core.FitDiagnostics;

/**
 * A Pareto/NBD model fitted by maximum likelihood (see {@link ParetoNbd}): the four parameters
 * with observed-information standard errors, and the optimiser's diagnostics. When
 * {@code diagnostics().onBoundary()} is true the supremum lies on the edge of the parameter
 * space (e.g. {@code s, β → ∞} with {@code s/β} fixed: dropout rates without heterogeneity) and
 * the affected standard errors are NaN. The per-customer methods of {@link RepeatPurchaseFit}
 * evaluate the model at the estimates.
 *
 * @param r shape of the gamma distribution of purchase rates
 * @param alpha rate of that gamma, in the data's time unit
 * @param s shape of the gamma distribution of dropout rates
 * @param beta rate of that gamma, in the data's time unit
 * @param diagnostics convergence, evaluations, maximised log-likelihood, boundary flag, message
 */
public record ParetoNbdFit(Estimate r, Estimate alpha, Estimate s, Estimate beta,
    FitDiagnostics diagnostics) implements RepeatPurchaseFit {

  /**
   * Creates a fit.
   *
   * @param r shape estimate
   * @param alpha rate estimate
   * @param s dropout shape estimate
   * @param beta dropout rate estimate
   * @param diagnostics diagnostics
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an estimate is not positive
   */
  public ParetoNbdFit {
    Checks.notNull(r, "r");
    Checks.notNull(alpha, "alpha");
    Checks.notNull(s, "s");
    Checks.notNull(beta, "beta");
    Checks.notNull(diagnostics, "diagnostics");
    Checks.positive(r.value(), "r");
    Checks.positive(alpha.value(), "alpha");
    Checks.positive(s.value(), "s");
    Checks.positive(beta.value(), "beta");
  }

  /**
   * The model at the estimated parameters.
   *
   * @return the model
   */
  @Override
  public ParetoNbd model() {
    return ParetoNbd.of(r.value(), alpha.value(), s.value(), beta.value());
  }
}
