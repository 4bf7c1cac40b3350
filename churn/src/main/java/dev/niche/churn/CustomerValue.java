package dev.niche.churn;

import dev.niche.churn.internal.BgNbdData;
import dev.niche.churn.internal.BgNbdExpectation;
import dev.niche.core.Checks;
import dev.niche.core.activity.ActivityUnit;
import dev.niche.core.activity.CustomerSummaries;

/**
 * Discounted expected residual customer value over a finite horizon from a {@link BgNbd}
 * purchase model and a {@link GammaGamma} spend model (Fader, Hardie &amp; Lee 2005, "RFM and
 * CLV"; the discrete-time sum used by practitioners in place of their continuous DERL).
 *
 * <p>Time is explicit. The BG/NBD parameters are in a <em>model unit</em> (the unit of the
 * summaries they were fitted on, e.g. {@link ActivityUnit#WEEKS} for CDNOW). Value is accumulated
 * over {@code K} <em>periods</em> of another (or the same) unit, each of length
 * {@code L = period.days / modelUnit.days} model units. A discount rate is given either per period
 * or per year; an annual rate {@code D} is converted to the period by compounding,
 * {@code d = (1 + D)^(period.days / 365.25) - 1}. Cash flows are discounted at the end of the
 * period in which they occur:
 *
 * <pre>
 * CLV(x, t_x, T, m) = E[M | x, m] · Σ_{k=1..K} ( E[Y(kL) | x, t_x, T] - E[Y((k-1)L) | x, t_x, T] )
 *                                   / (1 + d)^k
 * </pre>
 *
 * with {@code E[Y(t) | x, t_x, T]} the BG/NBD expected purchases in {@code (T, T+t]} and
 * {@code E[M | x, m]} the Gamma-Gamma expected spend per purchase (independence of spend and
 * purchasing is the models' assumption). The result is in the money unit of the spend data.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CustomerValue {

  private static final double DAYS_PER_YEAR = 365.25;

  private final BgNbd purchases;
  private final GammaGamma spend;
  private final ActivityUnit modelUnit;
  private final double periodLength;
  private final int periods;
  private final double discountRate;

  private CustomerValue(Builder b) {
    this.purchases = b.purchases;
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
    return new Builder(Checks.notNull(purchases, "purchases"), Checks.notNull(spend, "spend"));
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
   * The value of one customer.
   *
   * @param x frequency (whole number {@code >= 0})
   * @param tx recency in model units, in {@code [0, T]}, 0 when {@code x = 0}
   * @param age age T in model units
   * @param meanSpend mean repeat spend, {@code >= 0}
   * @return the discounted expected value over the horizon; {@code +∞} when the expected spend
   *     is infinite (see {@link GammaGamma#expectedSpend})
   * @throws IllegalArgumentException if an argument is invalid
   * @throws ArithmeticException if the BG/NBD series fails to converge (see
   *     {@link BgNbd#expectedPurchases(double, double, double, double)})
   */
  public double value(double x, double tx, double age, double meanSpend) {
    int xi = BgNbdData.frequency(x, "x");
    Checks.nonNegative(tx, "tx");
    Checks.nonNegative(age, "age");
    BgNbdData.customer(xi, tx, age, "");
    return compute(xi, tx, age, spend.expectedSpend(xi, meanSpend));
  }

  /**
   * The values of many customers.
   *
   * @param x frequencies
   * @param tx recencies in model units
   * @param age ages in model units
   * @param meanSpend mean repeat spend per customer
   * @return a new array of values
   * @throws IllegalArgumentException if the arrays are invalid (argument and index named)
   */
  public double[] values(double[] x, double[] tx, double[] age, double[] meanSpend) {
    BgNbdData d = BgNbdData.of(x, tx, age);
    Checks.nonNegative(meanSpend, "meanSpend");
    Checks.sameLength(x, "x", meanSpend, "meanSpend");
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
   *     model unit (a weekly model must not be fed daily summaries)
   */
  public double[] values(CustomerSummaries summaries) {
    Checks.notNull(summaries, "summaries");
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
    double pAlive = purchases.probabilityAlive(x, tx, age);
    double previous = 0;
    double sum = 0;
    double factor = 1;
    for (int k = 1; k <= periods; k++) {
      double cumulative = BgNbdExpectation.expected(purchases.r(), purchases.alpha(),
          purchases.a(), purchases.b(), k * periodLength, x, age, pAlive);
      factor /= 1 + discountRate;
      sum += (cumulative - previous) * factor;
      previous = cumulative;
    }
    return sum * expectedSpend;
  }

  /** Configures a {@link CustomerValue}; validates each setting as it is given. */
  public static final class Builder {
    private final BgNbd purchases;
    private final GammaGamma spend;
    private ActivityUnit modelUnit;
    private ActivityUnit period;
    private int periods;
    private double rate = Double.NaN;
    private boolean annual;

    private Builder(BgNbd purchases, GammaGamma spend) {
      this.purchases = purchases;
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
     * @param count the number of periods, {@code >= 1}
     * @return this builder
     * @throws NullPointerException if {@code period} is null
     * @throws IllegalArgumentException if {@code count < 1}
     */
    public Builder horizon(ActivityUnit period, int count) {
      this.period = Checks.notNull(period, "period");
      this.periods = Checks.positive(count, "count");
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
     * @throws IllegalStateException if the model unit, horizon or discount rate is missing
     */
    public CustomerValue build() {
      if (modelUnit == null) {
        throw new IllegalStateException("modelUnit(...) is required");
      }
      if (period == null) {
        throw new IllegalStateException("horizon(period, count) is required");
      }
      if (Double.isNaN(rate)) {
        throw new IllegalStateException(
            "annualDiscountRate(...) or discountRatePerPeriod(...) is required");
      }
      return new CustomerValue(this);
    }
  }
}
