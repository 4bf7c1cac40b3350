package dev.niche.churn;

import dev.niche.core.Interval;

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
  LOG_LOG;

  /**
   * The interval for a survival estimate {@code s} in (0, 1] whose logarithm has standard error
   * {@code sigma} (Greenwood for Kaplan–Meier, {@code std.chaz} for {@code exp(-H)}).
   */
  Interval interval(double s, double sigma, double z) {
    switch (this) {
      case PLAIN:
        return new Interval(Math.max(0.0, s - z * s * sigma), Math.min(1.0, s + z * s * sigma));
      case LOG:
        return new Interval(Math.exp(Math.log(s) - z * sigma),
            Math.min(1.0, Math.exp(Math.log(s) + z * sigma)));
      case LOG_LOG:
        if (s == 1.0) {
          return new Interval(1.0, 1.0);
        }
        double logLog = Math.log(-Math.log(s));
        double spread = z * sigma / Math.abs(Math.log(s));
        return new Interval(Math.exp(-Math.exp(logLog + spread)),
            Math.exp(-Math.exp(logLog - spread)));
    }
    throw new AssertionError(this);
  }
}
