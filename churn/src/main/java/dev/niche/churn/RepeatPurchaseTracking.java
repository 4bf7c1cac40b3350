package dev.niche.churn;

import dev.niche.core.activity.ActivityUnit;
import java.time.LocalDate;

/**
 * Tracking of a cohort's repeat purchases period by period (weekly for a model in weeks), actual
 * against expected, over the calibration and holdout periods: the tracking plots of Fader, Hardie
 * &amp; Lee (2005, figures of weekly and cumulative repeat transactions).
 *
 * <p>Period {@code k} ({@code k = 0..periods-1}) covers the days {@code d} with
 * {@code k <= (d - start) / unit.days() < k + 1}. The actual count is the number of repeat purchase
 * days in it (see {@link dev.niche.core.activity.CustomerSummaries#repeatPurchasesByPeriod}); the
 * expected cumulative count at the end of period {@code k} is
 * {@code Σ_i E[X(max(0, k + 1 − s_i))]}, with {@code s_i} customer i's first purchase day in units
 * since {@code start} and {@code E[X(t)]} the model's expectation for a new customer
 * ({@link RepeatPurchaseModel#expectedPurchasesNewCustomer}); incremental counts are the
 * differences. Immutable and thread-safe; arrays are copied on access.
 */
public final class RepeatPurchaseTracking {

  private final LocalDate start;
  private final ActivityUnit unit;
  private final double calibrationPeriods;
  private final double[] actual;
  private final double[] expectedCumulative;

  RepeatPurchaseTracking(LocalDate start, ActivityUnit unit, double calibrationPeriods,
      double[] actual, double[] expectedCumulative) {
    this.start = start;
    this.unit = unit;
    this.calibrationPeriods = calibrationPeriods;
    this.actual = actual;
    this.expectedCumulative = expectedCumulative;
  }

  /**
   * The first day of period 0: the earliest first purchase of the customers.
   *
   * @return the start day
   */
  public LocalDate start() {
    return start;
  }

  /**
   * The length of one period.
   *
   * @return the summaries' unit
   */
  public ActivityUnit unit() {
    return unit;
  }

  /**
   * The number of whole periods from {@link #start()} to the holdout end (at least 1); a last,
   * incomplete period is left out, so that every period is comparable.
   *
   * @return the number of periods
   */
  public int periods() {
    return actual.length;
  }

  /**
   * Where the calibration period ends, in periods since {@link #start()} (e.g. 38.86 weeks for
   * CDNOW): the line between fit and forecast on a tracking plot.
   *
   * @return the calibration end in periods
   */
  public double calibrationPeriods() {
    return calibrationPeriods;
  }

  /**
   * Actual repeat purchases in each period.
   *
   * @return a new array of length {@link #periods()}
   */
  public double[] actualIncremental() {
    return actual.clone();
  }

  /**
   * Expected repeat purchases in each period.
   *
   * @return a new array of length {@link #periods()}
   */
  public double[] expectedIncremental() {
    double[] e = new double[expectedCumulative.length];
    double previous = 0;
    for (int k = 0; k < e.length; k++) {
      e[k] = expectedCumulative[k] - previous;
      previous = expectedCumulative[k];
    }
    return e;
  }

  /**
   * Actual repeat purchases up to the end of each period.
   *
   * @return a new array of length {@link #periods()}
   */
  public double[] actualCumulative() {
    double[] c = new double[actual.length];
    double sum = 0;
    for (int k = 0; k < c.length; k++) {
      sum += actual[k];
      c[k] = sum;
    }
    return c;
  }

  /**
   * Expected repeat purchases up to the end of each period.
   *
   * @return a new array of length {@link #periods()}
   */
  public double[] expectedCumulative() {
    return expectedCumulative.clone();
  }
}
