package dev.niche.churn;

import dev.niche.churn.internal.BgNbdData;
import dev.niche.core.Checks;
import dev.niche.core.activity.ActivityUnit;
import dev.niche.core.activity.CustomerSummaries;

/**
 * Discounted expected residual customer value over a finite horizon from a purchase model and a
 * {@link GammaGamma} spend model (Fader, Hardie &amp; Lee 2005, "RFM and CLV"; the discrete-time
 * sum used by practitioners in place of their continuous DERL). The purchase model is a
 * continuous-time {@link RepeatPurchaseModel} ({@link BgNbd}, Pareto/NBD) or the discrete-time
 * {@link BgBb}.
 *
 * <p>Time is explicit. The purchase model's parameters are in a <em>model unit</em> (the unit of
 * the summaries they were fitted on, e.g. {@link ActivityUnit#WEEKS} for CDNOW). Value is
 * accumulated over {@code K} <em>periods</em> of another (or the same) unit, each of length
 * {@code L = period.days / modelUnit.days} model units. A discount rate is given either per period
 * or per year; an annual rate {@code D} is converted to the period by compounding,
 * {@code d = (1 + D)^(period.days / 365.25) - 1}. Cash flows are discounted at the end of the
 * period in which they occur. For a continuous-time model:
 *
 * <pre>
 * CLV(x, t_x, T, m) = E[M | x, m] · Σ_{k=1..K} ( E[Y(kL) | x, t_x, T] - E[Y((k-1)L) | x, t_x, T] )
 *                                   / (1 + d)^k
 * </pre>
 *
 * with {@code E[Y(t) | x, t_x, T]} the model's expected purchases in {@code (T, T+t]} and
 * {@code E[M | x, m]} the Gamma-Gamma expected spend per purchase (independence of spend and
 * purchasing is the models' assumption).
 *
 * <p>For the BG/BB, the model unit is the spacing of the transaction opportunities (e.g.
 * {@link ActivityUnit#YEARS} for yearly donations), each period is one opportunity (the horizon's
 * period must equal the model unit), {@code x, t_x} and {@code n} are counts of opportunities, and
 * the value is the finite-horizon discounted expected residual transactions (DERT, Fader, Hardie
 * &amp; Shang 2010, section 4.3, truncated to {@code K} opportunities) times the expected spend:
 *
 * <pre>
 * CLV(x, t_x, n, m) = E[M | x, m] · Σ_{k=1..K} P(transaction at opportunity n+k | x, t_x, n)
 *                                   / (1 + d)^k,
 * P(transaction at n+k | x, t_x, n) = B(α+x+1, β+n-x)/B(α,β) · B(γ, δ+n+k)/B(γ,δ) / L(α,β,γ,δ | x, t_x, n)
 * </pre>
 *
 * <p>(as {@code K → ∞} with {@code d > 0} this tends to the paper's DERT, whose closed form uses
 * {@code ₂F₁(1, δ+n+1; γ+δ+n+1; 1/(1+d))}). The result is in the money unit of the spend data.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CustomerValue {

  private static final double DAYS_PER_YEAR = 365.25;

  /** The largest horizon, in periods. */
  public static final int MAX_PERIODS = 100_000;

  private final RepeatPurchaseModel purchases;
  private final BgBb opportunities;
  private final GammaGamma spend;
  private final ActivityUnit modelUnit;
  private final double periodLength;
  private final int periods;
  private final double discountRate;

  private CustomerValue(Builder b) {
    this.purchases = b.purchases;
    this.opportunities = b.opportunities;
    this.spend = b.spend;
    this.modelUnit = b.modelUnit;
    this.periodLength = b.period.days() / b.modelUnit.days();
    this.periods = b.periods;
    this.discountRate = b.annual
        ? Math.pow(1 + b.rate, b.period.days() / DAYS_PER_YEAR) - 1
        : b.rate;
  }

  /**
   * Starts configuring a value calculation.
   *
   * @param purchases the BG/NBD purchase model
   * @param spend the Gamma-Gamma spend model
   * @return a builder; {@code modelUnit}, {@code period}, {@code periods} and a discount rate are
   *     required
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(BgNbd purchases, GammaGamma spend) {
    return builder((RepeatPurchaseModel) purchases, spend);
  }

  /**
   * Starts configuring a value calculation from any continuous-time purchase model (BG/NBD,
   * Pareto/NBD).
   *
   * @param purchases the purchase model
   * @param spend the Gamma-Gamma spend model
   * @return a builder; {@code modelUnit}, {@code period}, {@code periods} and a discount rate are
   *     required
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(RepeatPurchaseModel purchases, GammaGamma spend) {
    return new Builder(Checks.notNull(purchases, "purchases"), null,
        Checks.notNull(spend, "spend"));
  }

  /**
   * Starts configuring a value calculation from a fitted continuous-time purchase model.
   *
   * @param purchases the fitted purchase model
   * @param spend the fitted Gamma-Gamma
   * @return a builder
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(RepeatPurchaseFit purchases, GammaGammaFit spend) {
    return builder(Checks.notNull(purchases, "purchases").model(),
        Checks.notNull(spend, "spend").model());
  }

  /**
   * Starts configuring a value calculation from the discrete-time BG/BB: the model unit is the
   * spacing of the opportunities, and the horizon's period must equal it.
   *
   * @param purchases the BG/BB model
   * @param spend the Gamma-Gamma spend model
   * @return a builder
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(BgBb purchases, GammaGamma spend) {
    return new Builder(null, Checks.notNull(purchases, "purchases"),
        Checks.notNull(spend, "spend"));
  }

  /**
   * Starts configuring a value calculation from a fitted BG/BB.
   *
   * @param purchases the fitted BG/BB
   * @param spend the fitted Gamma-Gamma
   * @return a builder
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(BgBbFit purchases, GammaGammaFit spend) {
    return builder(Checks.notNull(purchases, "purchases").model(),
        Checks.notNull(spend, "spend").model());
  }

  /**
   * Starts configuring a value calculation from fitted models.
   *
   * @param purchases the fitted BG/NBD
   * @param spend the fitted Gamma-Gamma
   * @return a builder
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(BgNbdFit purchases, GammaGammaFit spend) {
    return builder(Checks.notNull(purchases, "purchases").model(),
        Checks.notNull(spend, "spend").model());
  }

  /**
   * The value of one customer. For a continuous-time model the arguments are the summary in model
   * units; for the BG/BB they are counts of opportunities ({@code x} transactions, the last at
   * opportunity {@code t_x}, out of {@code n = age}), whole numbers with
   * {@code 0 <= x <= t_x <= n}.
   *
   * @param x frequency (whole number {@code >= 0})
   * @param tx recency in model units, in {@code [0, T]}, 0 when {@code x = 0}
   * @param age age T in model units (BG/BB: the number of opportunities n)
   * @param meanSpend mean repeat spend, {@code >= 0}
   * @return the discounted expected value over the horizon; {@code +∞} when the expected spend
   *     is infinite (see {@link GammaGamma#expectedSpend}) or the value exceeds
   *     {@code Double.MAX_VALUE} (a mean spend near the top of the double range)
   * @throws IllegalArgumentException if an argument is invalid
   */
  public double value(double x, double tx, double age, double meanSpend) {
    if (opportunities != null) {
      double[] p = opportunities.transactionProbabilities(periods, x, tx, age, "");
      return discounted(p, spend.expectedSpend(x, meanSpend));
    }
    int xi = BgNbdData.frequency(x, "x");
    Checks.nonNegative(tx, "tx");
    Checks.nonNegative(age, "age");
    BgNbdData.customer(xi, tx, age, "");
    return compute(xi, tx, age, spend.expectedSpend(xi, meanSpend));
  }

  /**
   * The values of many customers (see {@link #value}).
   *
   * @param x frequencies
   * @param tx recencies in model units (BG/BB: opportunity of the last transaction)
   * @param age ages in model units (BG/BB: opportunities)
   * @param meanSpend mean repeat spend per customer
   * @return a new array of values; an element is {@code +∞} where {@link #value} is infinite
   *     (infinite expected spend, or a value beyond {@code Double.MAX_VALUE})
   * @throws IllegalArgumentException if the arrays are invalid (argument and index named)
   */
  public double[] values(double[] x, double[] tx, double[] age, double[] meanSpend) {
    Checks.nonNegative(meanSpend, "meanSpend");
    Checks.sameLength(x, "x", meanSpend, "meanSpend");
    if (opportunities != null) {
      Checks.nonEmpty(x, "x");
      Checks.sameLength(x, "x", tx, "tx");
      Checks.sameLength(x, "x", age, "age");
      double[] v = new double[x.length];
      for (int i = 0; i < v.length; i++) {
        double[] p = opportunities.transactionProbabilities(periods, x[i], tx[i], age[i],
            "[" + i + "]");
        v[i] = discounted(p, spend.expectedSpend(x[i], meanSpend[i]));
      }
      return v;
    }
    BgNbdData d = BgNbdData.of(x, tx, age);
    double[] v = new double[d.x.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = compute(d.x[i], d.tx[i], d.age[i], spend.expectedSpend(d.x[i], meanSpend[i]));
    }
    return v;
  }

  /**
   * The values of all customers of a set of summaries, whose unit must be the model unit.
   *
   * @param summaries the summaries (frequency, recency, age, mean repeat spend)
   * @return a new array of values, in the summaries' order
   * @throws NullPointerException if {@code summaries} is null
   * @throws IllegalArgumentException if the summaries are empty or in another unit than the
   *     model unit (a weekly model must not be fed daily summaries), or if the purchase model
   *     is the BG/BB (which needs counts of opportunities, not continuous times)
   */
  public double[] values(CustomerSummaries summaries) {
    Checks.notNull(summaries, "summaries");
    Checks.argument(opportunities == null, "a BG/BB value needs (x, t_x, n) in opportunities: "
        + "use values(x, tx, n, meanSpend)");
    Checks.argument(summaries.unit() == modelUnit, "summaries are in " + summaries.unit()
        + " but the model unit is " + modelUnit);
    Checks.argument(summaries.size() > 0, "summaries must not be empty");
    return values(summaries.frequency(), summaries.recency(), summaries.age(),
        summaries.meanRepeatSpend());
  }

  /**
   * The discount rate per period actually used.
   *
   * @return {@code d}
   */
  public double discountRatePerPeriod() {
    return discountRate;
  }

  /**
   * The length of one period in model units, {@code L}.
   *
   * @return the period length
   */
  public double periodLength() {
    return periodLength;
  }

  /**
   * The number of periods in the horizon, {@code K}.
   *
   * @return the horizon in periods
   */
  public int periods() {
    return periods;
  }

  private double compute(int x, double tx, double age, double expectedSpend) {
    double[] increments = new double[periods];
    double previous = 0;
    for (int k = 1; k <= periods; k++) {
      double cumulative = purchases.expectedPurchases(k * periodLength, x, tx, age);
      increments[k - 1] = cumulative - previous;
      previous = cumulative;
    }
    return discounted(increments, expectedSpend);
  }

  /** {@code expectedSpend · Σ_k increments[k-1] / (1 + d)^k}. */
  private double discounted(double[] increments, double expectedSpend) {
    double sum = 0;
    double factor = 1;
    for (double increment : increments) {
      factor /= 1 + discountRate;
      sum += increment * factor;
    }
    return sum == 0 ? 0.0 : sum * expectedSpend;
  }

  /** Configures a {@link CustomerValue}; validates each setting as it is given. */
  public static final class Builder {
    private final RepeatPurchaseModel purchases;
    private final BgBb opportunities;
    private final GammaGamma spend;
    private ActivityUnit modelUnit;
    private ActivityUnit period;
    private int periods;
    private double rate = Double.NaN;
    private boolean annual;

    private Builder(RepeatPurchaseModel purchases, BgBb opportunities, GammaGamma spend) {
      this.purchases = purchases;
      this.opportunities = opportunities;
      this.spend = spend;
    }

    /**
     * The time unit the BG/NBD model was fitted in (required).
     *
     * @param unit the unit of {@code t_x}, {@code T} and {@code alpha}
     * @return this builder
     * @throws NullPointerException if {@code unit} is null
     */
    public Builder modelUnit(ActivityUnit unit) {
      this.modelUnit = Checks.notNull(unit, "unit");
      return this;
    }

    /**
     * The discounting period and the horizon in periods (required), e.g.
     * {@code horizon(ActivityUnit.MONTHS, 12)} for one year in monthly steps.
     *
     * @param period the length of one period
     * @param count the number of periods, in {@code [1, MAX_PERIODS]}
     * @return this builder
     * @throws NullPointerException if {@code period} is null
     * @throws IllegalArgumentException if {@code count} is out of range
     */
    public Builder horizon(ActivityUnit period, int count) {
      this.period = Checks.notNull(period, "period");
      Checks.argument(count >= 1 && count <= MAX_PERIODS,
          "count = " + count + " must be in [1, " + MAX_PERIODS + "]");
      this.periods = count;
      return this;
    }

    /**
     * An annual discount rate, converted to the period by compounding:
     * {@code d = (1 + rate)^(period.days / 365.25) - 1}.
     *
     * @param rate the annual rate, e.g. 0.10 for 10 % a year; finite and {@code > -1}
     * @return this builder
     * @throws IllegalArgumentException if {@code rate} is not finite or {@code <= -1}
     */
    public Builder annualDiscountRate(double rate) {
      Checks.finite(rate, "rate");
      Checks.argument(rate > -1, "rate = " + rate + " must be > -1");
      this.rate = rate;
      this.annual = true;
      return this;
    }

    /**
     * A discount rate per period, used as given.
     *
     * @param rate the rate per period; finite and {@code > -1}
     * @return this builder
     * @throws IllegalArgumentException if {@code rate} is not finite or {@code <= -1}
     */
    public Builder discountRatePerPeriod(double rate) {
      Checks.finite(rate, "rate");
      Checks.argument(rate > -1, "rate = " + rate + " must be > -1");
      this.rate = rate;
      this.annual = false;
      return this;
    }

    /**
     * Builds the calculation.
     *
     * @return the configured {@link CustomerValue}
     * @throws IllegalStateException if the model unit, horizon or discount rate is missing, or
     *     if a BG/BB horizon's period differs from the model unit (one period per opportunity)
     */
    public CustomerValue build() {
      if (modelUnit == null) {
        throw new IllegalStateException("modelUnit(...) is required");
      }
      if (period == null) {
        throw new IllegalStateException("horizon(period, count) is required");
      }
      if (opportunities != null && period != modelUnit) {
        throw new IllegalStateException("a BG/BB values one period per opportunity: the "
            + "horizon's period " + period + " must equal the model unit " + modelUnit);
      }
      if (Double.isNaN(rate)) {
        throw new IllegalStateException(
            "annualDiscountRate(...) or discountRatePerPeriod(...) is required");
      }
      return new CustomerValue(this);
    }
  }
}
