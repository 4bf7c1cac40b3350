package dev.niche.churn;

import dev.niche.core.Checks;
import dev.niche.core.Estimate;
import dev.niche.core.FitDiagnostics;

/**
 * A BG/NBD model fitted by maximum likelihood (see {@link BgNbd}): the four parameters with
 * observed-information standard errors, and the optimiser's diagnostics. When
 * {@code diagnostics().onBoundary()} is true the supremum lies on the edge of the parameter
 * space (e.g. {@code a, b → ∞}: no dropout is identifiable) and the affected standard errors are
 * NaN.
 *
 * @param r shape of the gamma distribution of purchase rates
 * @param alpha rate of that gamma, in the data's time unit
 * @param a first parameter of the beta distribution of dropout probabilities
 * @param b second parameter of that beta
 * @param diagnostics convergence, evaluations, maximised log-likelihood, boundary flag, message
 */
public record BgNbdFit(Estimate r, Estimate alpha, Estimate a, Estimate b,
    FitDiagnostics diagnostics) implements RepeatPurchaseFit {

  /**
   * Creates a fit.
   *
   * @param r shape estimate
   * @param alpha rate estimate
   * @param a beta parameter a
   * @param b beta parameter b
   * @param diagnostics diagnostics
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an estimate is not positive
   */
  public BgNbdFit {
    Checks.notNull(r, "r");
    Checks.notNull(alpha, "alpha");
    Checks.notNull(a, "a");
    Checks.notNull(b, "b");
    Checks.notNull(diagnostics, "diagnostics");
    Checks.positive(r.value(), "r");
    Checks.positive(alpha.value(), "alpha");
    Checks.positive(a.value(), "a");
    Checks.positive(b.value(), "b");
  }

  /**
   * The model at the estimated parameters.
   *
   * @return the model
   */
  @Override
  public BgNbd model() {
    return BgNbd.of(r.value(), alpha.value(), a.value(), b.value());
  }

  /**
   * The maximised log-likelihood.
   *
   * @return {@code diagnostics().logLikelihood()}
   */
  @Override
  public double logLikelihood() {
    return diagnostics.logLikelihood();
  }

  /**
   * The probability that a customer is alive; see {@link BgNbd#probabilityAlive(double, double,
   * double)}.
   *
   * @param x frequency
   * @param tx recency
   * @param age age T
   * @return {@code P(alive | x, t_x, T)}
   * @throws IllegalArgumentException if the summary is invalid
   */
  @Override
  public double probabilityAlive(double x, double tx, double age) {
    return model().probabilityAlive(x, tx, age);
  }

  /**
   * Expected purchases in the next {@code t} time units; see
   * {@link BgNbd#expectedPurchases(double, double, double, double)}.
   *
   * @param t the horizon
   * @param x frequency
   * @param tx recency
   * @param age age T
   * @return {@code E[Y(t) | x, t_x, T]}
   * @throws IllegalArgumentException if an argument is invalid
   */
  @Override
  public double expectedPurchases(double t, double x, double tx, double age) {
    return model().expectedPurchases(t, x, tx, age);
  }

  /**
   * Expected repeat purchases of a new customer in {@code (0, t]}; see
   * {@link BgNbd#expectedPurchasesNewCustomer(double)}.
   *
   * @param t the time since the first purchase
   * @return {@code E[X(t)]}
   * @throws IllegalArgumentException if {@code t} is invalid
   */
  @Override
  public double expectedPurchasesNewCustomer(double t) {
    return model().expectedPurchasesNewCustomer(t);
  }
}
