package dev.niche.churn;

/**
 * A model of repeat buying in a non-contractual setting with known parameters: customers buy at
 * random while "alive" and drop out unobserved (BG/NBD: {@link BgNbd}; Pareto/NBD).
 *
 * <p>A customer is summarised by three numbers, all in one time unit of the caller's choice (the
 * unit the model's parameters were fitted in, see
 * {@link dev.niche.core.activity.CustomerSummaries}):
 *
 * <ul>
 *   <li>{@code x}, the frequency: the number of repeat purchases, a whole number {@code >= 0};
 *   <li>{@code tx}, the recency: the time of the last purchase since the first, in
 *       {@code [0, T]}, and 0 when {@code x = 0};
 *   <li>{@code T}, the age: the time from the first purchase to the end of the calibration
 *       period, finite and {@code >= 0}.
 * </ul>
 *
 * <p>Contract of every implementation: methods reject an invalid summary or horizon with
 * {@link IllegalArgumentException} naming the argument; for every valid argument and every
 * parameter value the model accepts (including those a fit returns on the boundary of the
 * parameter space), results are finite: probabilities in {@code [0, 1]}, expectations
 * non-negative and non-decreasing in the horizon {@code t}. Implementations are immutable and
 * thread-safe.
 */
public interface RepeatPurchaseModel {

  /**
   * The log-likelihood of one customer's summary.
   *
   * @param x frequency (whole number {@code >= 0})
   * @param tx recency, in {@code [0, T]}, 0 when {@code x = 0}
   * @param T age, finite and {@code >= 0}
   * @return {@code ln L(parameters | x, t_x, T)}, finite
   * @throws IllegalArgumentException if the summary is invalid
   */
  @SuppressWarnings("ParameterName") // T is the literature's name for the customer's age.
  double logLikelihood(double x, double tx, double T);

  /**
   * The probability that a customer with this history is still alive at the end of the
   * calibration period (at age {@code T}).
   *
   * @param x frequency (whole number {@code >= 0})
   * @param tx recency, in {@code [0, T]}, 0 when {@code x = 0}
   * @param T age, finite and {@code >= 0}
   * @return {@code P(alive | x, t_x, T)} in {@code [0, 1]}
   * @throws IllegalArgumentException if the summary is invalid
   */
  @SuppressWarnings("ParameterName")
  double probabilityAlive(double x, double tx, double T);

  /**
   * The expected number of purchases in the next {@code t} time units, {@code (T, T+t]}, of a
   * customer with this history, {@code E[Y(t) | x, t_x, T]}.
   *
   * @param t the horizon in the model's time unit, finite and {@code >= 0}
   * @param x frequency (whole number {@code >= 0})
   * @param tx recency, in {@code [0, T]}, 0 when {@code x = 0}
   * @param T age, finite and {@code >= 0}
   * @return the expectation, finite, {@code >= 0}, non-decreasing in {@code t}, 0 at {@code t = 0}
   * @throws IllegalArgumentException if {@code t} or the summary is invalid
   */
  @SuppressWarnings("ParameterName")
  double expectedPurchases(double t, double x, double tx, double T);

  /**
   * The expected number of repeat purchases of a new customer in the {@code t} time units after
   * the first purchase, {@code E[X(t)]}.
   *
   * @param t the time since the first purchase, in the model's time unit, finite and {@code >= 0}
   * @return the expectation, finite, {@code >= 0}, non-decreasing in {@code t}, 0 at {@code t = 0}
   * @throws IllegalArgumentException if {@code t} is negative or not finite
   */
  double expectedPurchasesNewCustomer(double t);

  /**
   * The probability that a new customer makes exactly {@code n} repeat purchases in the {@code t}
   * time units after the first purchase, {@code P(X(t) = n)}.
   *
   * @param t the time since the first purchase, in the model's time unit, finite and {@code >= 0}
   * @param n the number of repeat purchases, {@code >= 0}
   * @return the probability, in {@code [0, 1]}; over {@code n = 0, 1, 2, ...} they sum to 1
   * @throws IllegalArgumentException if {@code t} is negative or not finite, or {@code n < 0}
   */
  double probabilityOfPurchases(double t, int n);

  /**
   * The number of free parameters of the model (for information criteria).
   *
   * @return the parameter count, e.g. 4 for BG/NBD and Pareto/NBD
   */
  int parameterCount();
}
