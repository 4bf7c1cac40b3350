package dev.niche.churn;

import dev.niche.core.Checks;
import dev.niche.core.FitDiagnostics;

/**
 * A {@link RepeatPurchaseModel} fitted by maximum likelihood to customer summaries (e.g.
 * {@link BgNbdFit}), so that models can be compared and used interchangeably.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface RepeatPurchaseFit {

  /**
   * The model at the estimated parameters.
   *
   * @return the model, never null
   */
  RepeatPurchaseModel model();

  /**
   * How the maximisation went: convergence, evaluations, maximised log-likelihood, boundary flag
   * and message.
   *
   * @return the diagnostics, never null
   */
  FitDiagnostics diagnostics();

  /**
   * The maximised log-likelihood, summed over the (weighted) customers the model was fitted to.
   *
   * @return {@code diagnostics().logLikelihood()}
   */
  default double logLikelihood() {
    return diagnostics().logLikelihood();
  }

  /**
   * Akaike's information criterion {@code 2k − 2 ln L}, with {@code k = model().parameterCount()}.
   *
   * @return the AIC, smaller is better among models fitted to the same summaries
   */
  default double aic() {
    return 2.0 * model().parameterCount() - 2.0 * logLikelihood();
  }

  /**
   * The Bayesian (Schwarz) information criterion {@code k ln n − 2 ln L}.
   *
   * @param observations the number of customers {@code n} the model was fitted to, {@code >= 1}
   * @return the BIC, smaller is better among models fitted to the same summaries
   * @throws IllegalArgumentException if {@code observations < 1}
   */
  default double bic(long observations) {
    Checks.argument(observations >= 1, "observations = " + observations + " must be >= 1");
    return model().parameterCount() * Math.log(observations) - 2.0 * logLikelihood();
  }

  /**
   * The probability that a customer is alive; see
   * {@link RepeatPurchaseModel#probabilityAlive(double, double, double)}.
   *
   * @param x frequency
   * @param tx recency
   * @param age age T
   * @return {@code P(alive | x, t_x, T)}
   * @throws IllegalArgumentException if the summary is invalid
   */
  default double probabilityAlive(double x, double tx, double age) {
    return model().probabilityAlive(x, tx, age);
  }

  /**
   * Expected purchases in the next {@code t} time units; see
   * {@link RepeatPurchaseModel#expectedPurchases(double, double, double, double)}.
   *
   * @param t the horizon
   * @param x frequency
   * @param tx recency
   * @param age age T
   * @return {@code E[Y(t) | x, t_x, T]}
   * @throws IllegalArgumentException if an argument is invalid
   */
  default double expectedPurchases(double t, double x, double tx, double age) {
    return model().expectedPurchases(t, x, tx, age);
  }

  /**
   * Expected repeat purchases of a new customer in {@code (0, t]}; see
   * {@link RepeatPurchaseModel#expectedPurchasesNewCustomer(double)}.
   *
   * @param t the time since the first purchase
   * @return {@code E[X(t)]}
   * @throws IllegalArgumentException if {@code t} is invalid
   */
  default double expectedPurchasesNewCustomer(double t) {
    return model().expectedPurchasesNewCustomer(t);
  }

  /**
   * The probability of exactly {@code n} repeat purchases of a new customer in {@code (0, t]};
   * see {@link RepeatPurchaseModel#probabilityOfPurchases(double, int)}.
   *
   * @param t the time since the first purchase
   * @param n the number of repeat purchases
   * @return {@code P(X(t) = n)}
   * @throws IllegalArgumentException if an argument is invalid
   */
  default double probabilityOfPurchases(double t, int n) {
    return model().probabilityOfPurchases(t, n);
  }
}
