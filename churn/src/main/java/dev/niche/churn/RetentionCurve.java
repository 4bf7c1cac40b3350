package dev.niche.churn;

import dev.niche.core.Checks;
import java.util.Arrays;

/**
 * The number of customers of one cohort still active at the start of periods {@code t = 0..n}:
 * {@code survivors(0)} is the cohort size, and counts never rise.
 *
 * <p>With {@code N_t = survivors(t)}:
 *
 * <ul>
 *   <li>survival {@code S(t) = N_t / N_0};
 *   <li>period retention rate {@code r_t = N_t / N_{t-1}} for {@code t = 1..n};
 *   <li>period churn rate {@code 1 - r_t};
 *   <li>losses {@code d_t = N_{t-1} - N_t}, the customers lost during period {@code t}.
 * </ul>
 *
 * <p><b>Periods with nobody at risk.</b> When {@code N_{t-1} = 0} nobody is at risk in period
 * {@code t}, and its retention and churn rates are undefined (0 / 0). Because counts never rise,
 * such periods form the tail {@code t = m + 1..n} of the curve, where {@code m =}
 * {@link #periodsAtRisk()}. Rates exist only for {@code t = 1..m}: {@link #retentionRate(int)} and
 * {@link #churnRate(int)} reject a later period, and {@link #retentionRates()} and
 * {@link #churnRates()} have length {@code m}, not {@code n}. No rate is ever NaN.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RetentionCurve {

  private final long[] survivors;

  private RetentionCurve(long[] survivors) {
    this.survivors = survivors;
  }

  /**
   * A curve from survivor counts at {@code t = 0..n}.
   *
   * @param survivors the counts {@code N_0 >= N_1 >= ... >= N_n >= 0}, with {@code N_0 > 0};
   *     copied
   * @return the curve
   * @throws NullPointerException if {@code survivors} is null
   * @throws IllegalArgumentException if it is empty, a count is negative, a count rises, or
   *     {@code N_0 = 0}
   */
  public static RetentionCurve ofCounts(long... survivors) {
    long[] copy = Checks.nonNegative(survivors, "survivors").clone();
    Checks.argument(copy[0] > 0, "survivors[0] = " + copy[0] + " must be > 0 (the cohort size)");
    for (int t = 1; t < copy.length; t++) {
      int at = t;
      Checks.argument(copy[t] <= copy[t - 1], () -> "survivors[" + at + "] = " + copy[at]
          + " must be <= survivors[" + (at - 1) + "] = " + copy[at - 1] + " (counts never rise)");
    }
    return new RetentionCurve(copy);
  }

  /**
   * A curve from the shares of a cohort of {@code base} customers still active at
   * {@code t = 0..n}; counts are {@code round(base * share)}.
   *
   * @param base the cohort size, {@code >= 1}
   * @param shares the shares in [0, 1], not rising (usually {@code shares[0] = 1}); copied
   * @return the curve
   * @throws NullPointerException if {@code shares} is null
   * @throws IllegalArgumentException if {@code base < 1}, {@code shares} is empty, holds a NaN,
   *     an infinity or a value outside [0, 1], rises, or rounds to an empty cohort
   */
  public static RetentionCurve ofProportions(long base, double... shares) {
    Checks.argument(base >= 1, "base = " + base + " must be >= 1");
    Checks.finite(shares, "shares");
    long[] counts = new long[shares.length];
    for (int t = 0; t < shares.length; t++) {
      Checks.inRange(shares[t], 0.0, 1.0, "shares[" + t + "]");
      int at = t;
      Checks.argument(t == 0 || shares[t] <= shares[t - 1], () -> "shares[" + at + "] = "
          + shares[at] + " must be <= shares[" + (at - 1) + "] = " + shares[at - 1]
          + " (shares never rise)");
      counts[t] = Math.round(base * shares[t]);
    }
    return ofCounts(counts);
  }

  /**
   * A curve from percentages of a cohort of {@code base} customers, e.g. {@code 100, 95, 70}:
   * the same as {@link #ofProportions(long, double...)} with every value divided by 100.
   *
   * @param base the cohort size, {@code >= 1}
   * @param percentages the percentages in [0, 100], not rising; copied
   * @return the curve
   * @throws NullPointerException if {@code percentages} is null
   * @throws IllegalArgumentException on the conditions of {@link #ofProportions(long, double...)}
   */
  public static RetentionCurve ofPercentages(long base, double... percentages) {
    Checks.finite(percentages, "percentages");
    double[] shares = new double[percentages.length];
    for (int t = 0; t < shares.length; t++) {
      Checks.inRange(percentages[t], 0.0, 100.0, "percentages[" + t + "]");
      shares[t] = percentages[t] / 100.0;
    }
    return ofProportions(base, shares);
  }

  /**
   * The number of periods {@code n} (the curve has {@code n + 1} counts).
   *
   * @return {@code n >= 0}
   */
  public int periods() {
    return survivors.length - 1;
  }

  /**
   * The cohort size {@code N_0}.
   *
   * @return the count at {@code t = 0}
   */
  public long size() {
    return survivors[0];
  }

  /**
   * The survivors at the start of period {@code t}.
   *
   * @param t the time, {@code 0..periods()}
   * @return {@code N_t}
   * @throws IllegalArgumentException if {@code t} is out of range
   */
  public long survivors(int t) {
    checkTime(t, 0);
    return survivors[t];
  }

  /**
   * All survivor counts.
   *
   * @return a new array {@code N_0..N_n}
   */
  public long[] counts() {
    return survivors.clone();
  }

  /**
   * The customers lost during period {@code t}.
   *
   * @param t the period, {@code 1..periods()}
   * @return {@code d_t = N_{t-1} - N_t}
   * @throws IllegalArgumentException if {@code t} is out of range
   */
  public long lost(int t) {
    checkTime(t, 1);
    return survivors[t - 1] - survivors[t];
  }

  /**
   * The share of the cohort still active at {@code t}.
   *
   * @param t the time, {@code 0..periods()}
   * @return {@code S(t) = N_t / N_0} in [0, 1]
   * @throws IllegalArgumentException if {@code t} is out of range
   */
  public double survival(int t) {
    checkTime(t, 0);
    return (double) survivors[t] / survivors[0];
  }

  /**
   * The survival curve.
   *
   * @return a new array {@code S(0..n)}
   */
  public double[] survivalCurve() {
    double[] s = new double[survivors.length];
    for (int t = 0; t < s.length; t++) {
      s[t] = (double) survivors[t] / survivors[0];
    }
    return s;
  }

  /**
   * The number of periods with somebody at risk: the largest {@code m <= n} with
   * {@code N_{m-1} > 0}. It is {@code n} unless the cohort empties before the last period, in
   * which case it is the period in which the last customer was lost.
   *
   * @return {@code m} in {@code [min(1, n), n]}; the rates are defined for {@code t = 1..m}
   */
  public int periodsAtRisk() {
    int m = periods();
    while (m > 1 && survivors[m - 1] == 0) {
      m--;
    }
    return m;
  }

  /**
   * The retention rate of period {@code t}: the share of those active at {@code t - 1} still
   * active at {@code t}.
   *
   * @param t the period, {@code 1..periodsAtRisk()}
   * @return {@code r_t = N_t / N_{t-1}} in [0, 1]
   * @throws IllegalArgumentException if {@code t} is out of {@code [1, periods()]}, or nobody is
   *     at risk in period {@code t} ({@code N_{t-1} = 0}: the rate is undefined)
   */
  public double retentionRate(int t) {
    checkAtRisk(t);
    return (double) survivors[t] / survivors[t - 1];
  }

  /**
   * The churn rate of period {@code t}.
   *
   * @param t the period, {@code 1..periodsAtRisk()}
   * @return {@code 1 - r_t = d_t / N_{t-1}} in [0, 1]
   * @throws IllegalArgumentException if {@code t} is out of {@code [1, periods()]}, or nobody is
   *     at risk in period {@code t} ({@code N_{t-1} = 0}: the rate is undefined)
   */
  public double churnRate(int t) {
    checkAtRisk(t);
    return (double) (survivors[t - 1] - survivors[t]) / survivors[t - 1];
  }

  /**
   * The retention rates of the periods with somebody at risk.
   *
   * @return a new array of length {@link #periodsAtRisk()}; element {@code t - 1} is {@code r_t}
   */
  public double[] retentionRates() {
    double[] r = new double[periodsAtRisk()];
    for (int t = 1; t <= r.length; t++) {
      r[t - 1] = (double) survivors[t] / survivors[t - 1];
    }
    return r;
  }

  /**
   * The churn rates of the periods with somebody at risk.
   *
   * @return a new array of length {@link #periodsAtRisk()}; element {@code t - 1} is
   *     {@code 1 - r_t}
   */
  public double[] churnRates() {
    double[] c = new double[periodsAtRisk()];
    for (int t = 1; t <= c.length; t++) {
      c[t - 1] = (double) (survivors[t - 1] - survivors[t]) / survivors[t - 1];
    }
    return c;
  }

  /**
   * The first {@code periods + 1} counts, e.g. to fit a model on the early years and compare
   * its projection with the rest.
   *
   * @param periods the number of periods to keep, {@code 0..periods()}
   * @return the truncated curve
   * @throws IllegalArgumentException if {@code periods} is out of range
   */
  public RetentionCurve truncate(int periods) {
    checkTime(periods, 0);
    return new RetentionCurve(Arrays.copyOf(survivors, periods + 1));
  }

  /**
   * The same curve with every count multiplied by {@code factor}.
   *
   * @param factor the multiplier, {@code >= 1}
   * @return the scaled curve
   * @throws IllegalArgumentException if {@code factor < 1} or a count overflows
   */
  public RetentionCurve scale(long factor) {
    Checks.argument(factor >= 1, "factor = " + factor + " must be >= 1");
    // Counts never rise, so survivors[0] is the largest: if it does not overflow, none does.
    Checks.argument(survivors[0] <= Long.MAX_VALUE / factor,
        () -> "factor = " + factor + " overflows survivors[0] = " + survivors[0]);
    long[] c = new long[survivors.length];
    for (int t = 0; t < c.length; t++) {
      c[t] = survivors[t] * factor;
    }
    return new RetentionCurve(c);
  }

  private void checkAtRisk(int t) {
    checkTime(t, 1);
    Checks.argument(survivors[t - 1] > 0, () -> "t = " + t + ": nobody is at risk in period "
        + t + " (survivors[" + (t - 1) + "] = 0), so its rates are undefined; rates exist for t "
        + "in [1, " + periodsAtRisk() + "]");
  }

  private void checkTime(int t, int first) {
    Checks.argument(t >= first && t <= periods(),
        () -> "t = " + t + " must be in [" + first + ", " + periods() + "]");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetentionCurve && Arrays.equals(survivors, ((RetentionCurve) o).survivors);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(survivors);
  }

  @Override
  public String toString() {
    return "RetentionCurve" + Arrays.toString(survivors);
  }
}
