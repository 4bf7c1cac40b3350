package dev.niche.churn;

import dev.niche.churn.internal.RetentionLikelihood;
import dev.niche.core.Checks;

/**
 * The beta-discrete-Weibull (BdW) model of contractual retention with duration dependence
 * (Fader, Hardie, Liu, Davin &amp; Steenburgh 2018, "'How to Project Customer Retention'
 * Revisited: The Role of Duration Dependence", Journal of Interactive Marketing 43, 1-16).
 *
 * <p>A customer with churn parameter {@code θ ~ Beta(α, β)} survives {@code t} periods with
 * probability {@code (1 - θ)^(t^c)} (discrete Weibull): {@code c < 1} means her churn propensity
 * falls with tenure, {@code c > 1} that it rises. Integrating over θ,
 *
 * <pre>
 *   S(t)     = B(α, β + t^c) / B(α, β)
 *   P(T = t) = S(t - 1) - S(t),       r_t = S(t) / S(t - 1)
 * </pre>
 *
 * {@code c = 1} is the {@link ShiftedBetaGeometric}. Unlike the sBG, the BdW can produce falling
 * or U-shaped retention. {@code ln S} is computed from log-gamma ratios that avoid cancellation
 * for large {@code α, β}. As {@code α, β → ∞} with {@code α / (α + β) = θ} the model tends to
 * the homogeneous discrete Weibull {@code S(t) = (1 - θ)^(t^c)}, represented exactly by
 * {@link #discreteWeibull(double, double)}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class BetaDiscreteWeibull {

  /** The longest projection, in periods, that {@code expectedSurvivors} makes (one array). */
  public static final int MAX_PERIODS = 1_000_000;

  private final double alpha;
  private final double beta;
  private final double c;
  private final double theta;
  private final boolean limit;

  private BetaDiscreteWeibull(double alpha, double beta, double c, double theta, boolean limit) {
    this.alpha = alpha;
    this.beta = beta;
    this.c = c;
    this.theta = theta;
    this.limit = limit;
  }

  /**
   * The BdW model.
   *
   * @param alpha α, finite and &gt; 0
   * @param beta β, finite and &gt; 0
   * @param c the duration-dependence exponent, finite and &gt; 0
   * @return the model
   * @throws IllegalArgumentException if a parameter is not finite or not positive
   */
  public static BetaDiscreteWeibull of(double alpha, double beta, double c) {
    Checks.positive(alpha, "alpha");
    Checks.positive(beta, "beta");
    Checks.positive(c, "c");
    return new BetaDiscreteWeibull(alpha, beta, c, alpha / (alpha + beta), false);
  }

  /**
   * The homogeneous limit ({@code α, β → ∞}, {@code α / (α + β) = θ}):
   * {@code S(t) = (1 - θ)^(t^c)}.
   *
   * @param churnProbability θ in [0, 1]
   * @param c the exponent, finite and &gt; 0
   * @return the limiting model
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static BetaDiscreteWeibull discreteWeibull(double churnProbability, double c) {
    Checks.inRange(churnProbability, 0.0, 1.0, "churnProbability");
    Checks.positive(c, "c");
    return new BetaDiscreteWeibull(
        Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, c, churnProbability, true);
  }

  /**
   * Fits the model by maximum likelihood and compares it with the sBG; see {@link BdwFit}.
   *
   * @param curve the observed survivors, at least 2 periods
   * @return the fit
   * @throws NullPointerException if {@code curve} is null
   * @throws IllegalArgumentException if the curve has fewer than 2 periods, no loss, or loses
   *     everyone in period 1 (then c is not identified)
   */
  public static BdwFit fit(RetentionCurve curve) {
    return BdwFit.fit(curve);
  }

  /**
   * Tells whether this is the homogeneous (discrete Weibull) limit.
   *
   * @return true for {@link #discreteWeibull(double, double)} models
   */
  public boolean isDiscreteWeibullLimit() {
    return limit;
  }

  /**
   * α of the Beta mixing distribution.
   *
   * @return α, or {@code +∞} in the limit
   */
  public double alpha() {
    return alpha;
  }

  /**
   * β of the Beta mixing distribution.
   *
   * @return β, or {@code +∞} in the limit
   */
  public double beta() {
    return beta;
  }

  /**
   * The duration-dependence exponent.
   *
   * @return c (1: no duration dependence, the sBG)
   */
  public double c() {
    return c;
  }

  /**
   * The mean of the churn parameter, {@code α / (α + β)}: the first period's churn probability.
   *
   * @return θ̄ in [0, 1]
   */
  public double meanChurnProbability() {
    return theta;
  }

  /**
   * The probability of still being a customer at time {@code t}.
   *
   * @param t the number of periods, {@code >= 0}
   * @return {@code S(t)}
   * @throws IllegalArgumentException if {@code t < 0}
   */
  public double survival(int t) {
    Checks.nonNegative(t, "t");
    return Math.exp(logSurvival(t));
  }

  /**
   * The retention rate of period {@code t}.
   *
   * @param t the period, {@code >= 1}
   * @return {@code S(t) / S(t-1)}
   * @throws IllegalArgumentException if {@code t < 1}
   */
  public double retentionRate(int t) {
    Checks.positive(t, "t");
    return Math.exp(logRetention(t));
  }

  /**
   * The probability of churning in period {@code t}.
   *
   * @param t the period, {@code >= 1}
   * @return {@code S(t-1) - S(t)}
   * @throws IllegalArgumentException if {@code t < 1}
   */
  public double churnProbability(int t) {
    Checks.positive(t, "t");
    return Math.exp(logSurvival(t - 1)) * -Math.expm1(logRetention(t));
  }

  /**
   * Expected survivors of a cohort at {@code t = 0..periods}.
   *
   * @param size the cohort size, finite and {@code >= 0}
   * @param periods the horizon, in {@code [0, MAX_PERIODS]}
   * @return a new array {@code size · S(t)}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public double[] expectedSurvivors(double size, int periods) {
    Checks.nonNegative(size, "size");
    Checks.argument(periods >= 0 && periods <= MAX_PERIODS,
        "periods = " + periods + " must be in [0, " + MAX_PERIODS + "]");
    double[] n = new double[periods + 1];
    for (int t = 0; t <= periods; t++) {
      n[t] = size * Math.exp(logSurvival(t));
    }
    return n;
  }

  /**
   * The expected discounted lifetime {@code Σ_{t>=0} S(t) / (1+d)^t}, summed until the terms no
   * longer change the total (at most 100,000 terms).
   *
   * @param discountRate {@code d}, finite and &gt; 0
   * @return the expected discounted lifetime
   * @throws IllegalArgumentException if {@code d} is not finite or not positive
   */
  public double expectedDiscountedLifetime(double discountRate) {
    Checks.positive(discountRate, "discountRate");
    double sum = 0;
    double logDiscount = Math.log1p(discountRate);
    for (int t = 0; t < 100_000; t++) {
      double term = Math.exp(logSurvival(t) - t * logDiscount);
      sum += term;
      if (term <= 1e-17 * sum) {
        break;
      }
    }
    return sum;
  }

  private double logRetention(int t) {
    if (limit) {
      // (t^c - (t-1)^c) ln(1-θ), the increment of t^c without cancellation.
      if (theta == 0) {
        return 0.0;
      }
      double increment = Math.exp(c * Math.log(t)) * -Math.expm1(c * Math.log1p(-1.0 / t));
      return increment * Math.log1p(-theta);
    }
    return RetentionLikelihood.betaDiscreteWeibullLogRetention(alpha, beta, c, t);
  }

  private double logSurvival(int t) {
    if (limit) {
      return t == 0 || theta == 0 ? 0.0 : Math.pow(t, c) * Math.log1p(-theta);
    }
    return RetentionLikelihood.betaDiscreteWeibullLogSurvival(alpha, beta, c, t);
  }

  @Override
  public String toString() {
    return limit
        ? "BetaDiscreteWeibull{discrete Weibull limit, churn=" + theta + ", c=" + c + "}"
        : "BetaDiscreteWeibull{alpha=" + alpha + ", beta=" + beta + ", c=" + c + "}";
  }
}
