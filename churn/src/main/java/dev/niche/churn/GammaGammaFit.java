package dev.niche.churn;

import dev.niche.core.Checks;
import dev.niche.core.Estimate;
import dev.niche.core.FitDiagnostics;

/**
 * A Gamma-Gamma spend model fitted by maximum likelihood (see {@link GammaGamma}).
 *
 * @param p shape of the per-transaction spend gamma
 * @param q shape of the gamma of the customers' rate parameters
 * @param gamma rate of that gamma, in money units
 * @param diagnostics convergence, evaluations, maximised log-likelihood, boundary flag, message
 * @param customers the number of customers with {@code x > 0} the model was fitted on
 * @param frequencySpendCorrelation the Pearson correlation of frequency and mean spend over those
 *     customers; the model assumes independence, so values far from 0 warn against it. NaN when
 *     either variable is constant
 */
public record GammaGammaFit(Estimate p, Estimate q, Estimate gamma, FitDiagnostics diagnostics,
    int customers, double frequencySpendCorrelation) {

  /**
   * Creates a fit.
   *
   * @param p estimate of p
   * @param q estimate of q
   * @param gamma estimate of gamma
   * @param diagnostics diagnostics
   * @param customers customers used
   * @param frequencySpendCorrelation correlation of frequency and mean spend
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an estimate is not positive or {@code customers < 1}
   */
  public GammaGammaFit {
    Checks.notNull(p, "p");
    Checks.notNull(q, "q");
    Checks.notNull(gamma, "gamma");
    Checks.notNull(diagnostics, "diagnostics");
    Checks.positive(p.value(), "p");
    Checks.positive(q.value(), "q");
    Checks.positive(gamma.value(), "gamma");
    Checks.positive(customers, "customers");
  }

  /**
   * The model at the estimated parameters.
   *
   * @return the model
   */
  public GammaGamma model() {
    return GammaGamma.of(p.value(), q.value(), gamma.value());
  }

  /**
   * The maximised log-likelihood.
   *
   * @return {@code diagnostics().logLikelihood()}
   */
  public double logLikelihood() {
    return diagnostics.logLikelihood();
  }

  /**
   * The posterior expected spend per transaction; see {@link GammaGamma#expectedSpend}.
   *
   * @param x frequency
   * @param meanSpend mean repeat spend
   * @return {@code E[M | x, m]}; {@code +∞} when {@code px + q <= 1} (the posterior mean does
   *     not exist: a fit to spends with a heavy enough tail has {@code q <= 1}) or when it exceeds
   *     the double range
   * @throws IllegalArgumentException if an argument is invalid
   */
  public double expectedSpend(double x, double meanSpend) {
    return model().expectedSpend(x, meanSpend);
  }
}
