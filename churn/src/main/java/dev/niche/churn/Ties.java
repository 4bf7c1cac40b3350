package dev.niche.churn;

/**
 * How the Cox partial likelihood treats events at the same time.
 *
 * <p>With {@code d} events at time {@code t}, risk-set sum {@code S0} and the events' own sum
 * {@code D0} of risk scores, Breslow (1974) uses {@code S0} as the denominator of each of the
 * {@code d} events; Efron (1977) uses {@code S0 − (j/d) D0} for {@code j = 0..d−1}, a much closer
 * approximation to the exact (discrete-time marginal) likelihood when ties are many. Efron is R's
 * default and the better choice; Breslow is kept for comparison with older software (SAS, Stata
 * defaults). Both agree when there are no ties.
 */
public enum Ties {
  /** Efron's (1977) approximation; R {@code coxph(ties = "efron")}, the default. */
  EFRON,
  /** Breslow's (1974) approximation; R {@code coxph(ties = "breslow")}. */
  BRESLOW
}
