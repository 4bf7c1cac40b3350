package dev.niche.churn;

/**
 * How a Kaplan–Meier confidence interval is built from the Greenwood variance, matching the
 * {@code conf.type} options of R {@code survival::survfit} (Therneau). With {@code S} the estimate,
 * {@code σ² = Σ d_i / (n_i (n_i - d_i))} the Greenwood variance of {@code log S} and {@code z} the
 * standard normal quantile of the level:
 */
public enum ConfidenceBand {
  /** {@code conf.type = "plain"}: {@code S ± z S σ}, clipped to [0, 1]. */
  PLAIN,
  /** {@code conf.type = "log"} (R's default): {@code exp(log S ± z σ)}, upper end capped at 1. */
  LOG,
  /**
   * {@code conf.type = "log-log"}: {@code exp(-exp(log(-log S) ∓ z σ / |log S|))}, always inside
   * [0, 1].
   */
  LOG_LOG
}
