package dev.niche.churn;

import dev.niche.core.Checks;
import dev.niche.core.internal.Hypergeometric;

/**
 * The shifted-beta-geometric (sBG) model of contractual retention (Fader &amp; Hardie 2007,
 * "How to Project Customer Retention", Journal of Interactive Marketing 21(1), 76-90).
 *
 * <p>Each customer renews each period with her own constant probability {@code 1 - θ}; churn
 * probabilities {@code θ} vary across customers as Beta(α, β). With {@code T >= 1} the period in
 * which a customer churns:
 *
 * <pre>
 *   P(T = t) = B(α + 1, β + t - 1) / B(α, β) = S(t - 1) α / (α + β + t - 1)
 *   S(t)     = B(α, β + t) / B(α, β)          = Π_{i=0}^{t-1} (β + i) / (α + β + i)
 *   r_t      = S(t) / S(t - 1)                = (β + t - 1) / (α + β + t - 1)
 * </pre>
 *
 * The retention rate {@code r_t} rises with {@code t} (the sorting effect of heterogeneity).
 * Survival is evaluated as the product above, which stays exact for huge {@code α, β}.
 *
 * <p><b>Geometric limit.</b> As {@code α, β → ∞} with {@code α / (α + β) = θ} fixed, every
 * customer has the same churn probability and {@code S(t) = (1 - θ)^t}: constant retention.
 * Data whose retention does not rise (such as falling retention) have their likelihood supremum
 * there; {@link #geometric(double)} represents that limit exactly, and then {@link #alpha()} and
 * {@link #beta()} are {@code +∞}.
 *
 * <p>Value (Fader &amp; Hardie 2010, "Customer-Base Valuation in a Contractual Setting: The Perils
 * of Ignoring Heterogeneity", Marketing Science 29(1), 85-93), with discount rate {@code d} per
 * period and one payment at the start of each period the customer is active:
 *
 * <pre>
 *   E[T]                 = Σ_{t>=0} S(t)           = (α + β - 1) / (α - 1)     (α &gt; 1)
 *   DEL(d)               = Σ_{t>=0} S(t) / (1+d)^t = 2F1(1, β; α + β; 1/(1+d))
 *   DERL(d | n-1 renewals) = Σ_{t>=n} S(t)/S(n-1) / (1+d)^{t-n}
 *                        = (β + n - 1) / (α + β + n - 1) · 2F1(1, β + n; α + β + n; 1/(1+d))
 * </pre>
 *
 * (their eq. 6): the expected discounted number of further payments of a customer who has just
 * made her {@code (n-1)}-th renewal and faces her {@code n}-th renewal decision.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ShiftedBetaGeometric {

  /** The longest projection, in periods, that {@code expectedSurvivors} makes (one array). */
  public static final int MAX_PERIODS = 1_000_000;

  private final double alpha;
  private final double beta;
  private final double theta;
  private final boolean geometric;

  private ShiftedBetaGeometric(double alpha, double beta, double theta, boolean geometric) {
    this.alpha = alpha;
    this.beta = beta;
    this.theta = theta;
    this.geometric = geometric;
  }

  /**
   * The sBG model with Beta(α, β) heterogeneity in churn probabilities.
   *
   * @param alpha α, finite and &gt; 0
   * @param beta β, finite and &gt; 0
   * @return the model
   * @throws IllegalArgumentException if a parameter is not finite or not positive
   */
  public static ShiftedBetaGeometric of(double alpha, double beta) {
    Checks.positive(alpha, "alpha");
    Checks.positive(beta, "beta");
    return new ShiftedBetaGeometric(alpha, beta, alpha / (alpha + beta), false);
  }

  /**
   * The geometric limit of the sBG ({@code α, β → ∞}, {@code α / (α + β) = θ}): every customer
   * churns with the same probability {@code θ} each period.
   *
   * @param churnProbability θ in [0, 1]
   * @return the limiting model
   * @throws IllegalArgumentException if θ is not in [0, 1]
   */
  public static ShiftedBetaGeometric geometric(double churnProbability) {
    Checks.inRange(churnProbability, 0.0, 1.0, "churnProbability");
    return new ShiftedBetaGeometric(
        Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, churnProbability, true);
  }

  /**
   * Fits the model by maximum likelihood; see {@link SbgFit}.
   *
   * @param curve the observed survivors {@code N_0..N_n}, {@code n >= 1}
   * @return the fit
   * @throws NullPointerException if {@code curve} is null
   * @throws IllegalArgumentException if the curve has no period
   */
  public static SbgFit fit(RetentionCurve curve) {
    return SbgFit.fit(curve);
  }

  /**
   * Tells whether this is the geometric (constant churn) limit.
   *
   * @return true for {@link #geometric(double)} models
   */
  public boolean isGeometricLimit() {
    return geometric;
  }

  /**
   * α of the Beta mixing distribution.
   *
   * @return α, or {@code +∞} in the geometric limit
   */
  public double alpha() {
    return alpha;
  }

  /**
   * β of the Beta mixing distribution.
   *
   * @return β, or {@code +∞} in the geometric limit
   */
  public double beta() {
    return beta;
  }

  /**
   * The mean churn probability {@code E[θ] = α / (α + β)}, i.e. the first period's churn rate.
   *
   * @return the mean churn probability in [0, 1]
   */
  public double meanChurnProbability() {
    return theta;
  }

  /**
   * The polarization index {@code φ = 1 / (α + β + 1)} of the churn probabilities (0: everyone
   * alike, 1: each customer churns at once or never).
   *
   * @return φ in [0, 1); 0 in the geometric limit
   */
  public double polarization() {
    return geometric ? 0.0 : 1.0 / (alpha + beta + 1);
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
    if (geometric) {
      return Math.pow(1 - theta, t);
    }
    double s = 1.0;
    for (int i = 0; i < t; i++) {
      s *= (beta + i) / (alpha + beta + i);
    }
    return s;
  }

  /**
   * The retention rate of period {@code t}, {@code S(t) / S(t-1)}.
   *
   * @param t the period, {@code >= 1}
   * @return {@code r_t = (β + t - 1) / (α + β + t - 1)}; {@code 1 - θ} in the geometric limit
   * @throws IllegalArgumentException if {@code t < 1}
   */
  public double retentionRate(int t) {
    Checks.positive(t, "t");
    return geometric ? 1 - theta : (beta + t - 1) / (alpha + beta + t - 1);
  }

  /**
   * The probability of churning in period {@code t}.
   *
   * @param t the period, {@code >= 1}
   * @return {@code P(T = t)}
   * @throws IllegalArgumentException if {@code t < 1}
   */
  public double churnProbability(int t) {
    Checks.positive(t, "t");
    if (geometric) {
      return theta * Math.pow(1 - theta, t - 1);
    }
    return survival(t - 1) * alpha / (alpha + beta + t - 1);
  }

  /**
   * Expected survivors of a cohort at {@code t = 0..periods}.
   *
   * @param size the cohort size {@code N_0}, finite and {@code >= 0}
   * @param periods the horizon, in {@code [0, MAX_PERIODS]}
   * @return a new array {@code size · S(t)}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public double[] expectedSurvivors(double size, int periods) {
    Checks.nonNegative(size, "size");
    Checks.argument(periods >= 0 && periods <= MAX_PERIODS,
        "periods = " + periods + " must be in [0, " + MAX_PERIODS + "]");
    double[] n = new double[periods + 1];
    double s = 1.0;
    for (int t = 0; t <= periods; t++) {
      n[t] = size * s;
      s *= geometric ? 1 - theta : (beta + t) / (alpha + beta + t);
    }
    return n;
  }

  /**
   * The expected lifetime in periods, counting the first: {@code E[T] = Σ_{t>=0} S(t)}.
   *
   * @return {@code (α + β - 1) / (α - 1)} for {@code α > 1}, {@code 1/θ} in the geometric
   *     limit; {@code +∞} when {@code α <= 1} or {@code θ = 0} (the mean does not exist)
   */
  public double expectedLifetime() {
    if (geometric) {
      return theta == 0 ? Double.POSITIVE_INFINITY : 1 / theta;
    }
    return alpha > 1 ? (alpha + beta - 1) / (alpha - 1) : Double.POSITIVE_INFINITY;
  }

  /**
   * The expected discounted lifetime of a new customer, {@code DEL(d) = Σ_{t>=0} S(t)/(1+d)^t}
   * (Fader &amp; Hardie 2010 eq. 5): multiply by the net cash flow per period for the expected
   * customer lifetime value.
   *
   * @param discountRate {@code d}, finite and &gt; 0
   * @return {@code 2F1(1, β; α + β; 1/(1+d))}; {@code (1+d)/(d+θ)} in the geometric limit
   * @throws IllegalArgumentException if {@code d} is not finite or not positive
   */
  public double expectedDiscountedLifetime(double discountRate) {
    Checks.positive(discountRate, "discountRate");
    if (geometric) {
      return (1 + discountRate) / (discountRate + theta);
    }
    return Hypergeometric.f21(1, beta, alpha + beta, 1 / (1 + discountRate));
  }

  /**
   * The discounted expected residual lifetime of a customer who has made {@code renewals}
   * renewals ({@code n - 1} in Fader &amp; Hardie 2010, eq. 6), evaluated just before her next
   * renewal decision.
   *
   * @param discountRate {@code d}, finite and &gt; 0
   * @param renewals the renewals made so far, {@code n - 1 >= 0}
   * @return {@code (β+n-1)/(α+β+n-1) · 2F1(1, β+n; α+β+n; 1/(1+d))};
   *     {@code (1-θ)(1+d)/(d+θ)} in the geometric limit
   * @throws IllegalArgumentException if an argument is out of range
   */
  public double discountedExpectedResidualLifetime(double discountRate, int renewals) {
    Checks.positive(discountRate, "discountRate");
    Checks.nonNegative(renewals, "renewals");
    if (geometric) {
      return (1 - theta) * (1 + discountRate) / (discountRate + theta);
    }
    int n = renewals + 1;
    return (beta + n - 1) / (alpha + beta + n - 1)
        * Hypergeometric.f21(1, beta + n, alpha + beta + n, 1 / (1 + discountRate));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ShiftedBetaGeometric)) {
      return false;
    }
    ShiftedBetaGeometric m = (ShiftedBetaGeometric) o;
    return geometric == m.geometric && Double.compare(alpha, m.alpha) == 0
        && Double.compare(beta, m.beta) == 0 && Double.compare(theta, m.theta) == 0;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(alpha) * 31 * 31 + Double.hashCode(beta) * 31 + Double.hashCode(theta);
  }

  @Override
  public String toString() {
    return geometric
        ? "ShiftedBetaGeometric{geometric limit, churn=" + theta + "}"
        : "ShiftedBetaGeometric{alpha=" + alpha + ", beta=" + beta + "}";
  }
}
