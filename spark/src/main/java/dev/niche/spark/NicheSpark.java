package dev.niche.spark;

import dev.niche.churn.CohortPeriod;
import dev.niche.churn.CohortTable;
import dev.niche.churn.KaplanMeier;
import dev.niche.churn.LogRankResult;
import dev.niche.core.activity.ActivityUnit;
import dev.niche.spark.internal.CohortAggregation;
import dev.niche.spark.internal.Columns;
import dev.niche.spark.internal.RiskSets;
import dev.niche.spark.internal.SummaryAggregation;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Niche's aggregations on Spark: cohort tables, customer summaries and survival estimates from
 * Datasets too large for one JVM. Spark does the per-row work (one shuffle by customer, or an
 * aggregation by distinct duration); only small sufficient statistics reach the driver, where
 * Niche's in-process models finish the job. Every result equals the in-process one on the same
 * records.
 *
 * <p>Column arguments name top-level columns (any characters; no escaping needed). Arguments are
 * checked before any Spark job starts: a null gives a {@link NullPointerException}, an absent or
 * mistyped column an {@link IllegalArgumentException} naming the argument and the Dataset's
 * columns. Bad values (nulls, negative amounts, NaN) are found while the job runs and fail it
 * with a message naming the column and the value (Spark wraps it in its own exception).
 *
 * <p>Static methods only; thread-safe as far as the SparkSession is.
 */
public final class NicheSpark {

  /** Name of the frequency column of {@link #customerSummaries}: repeat purchase days x. */
  public static final String FREQUENCY = "frequency";
  /** Name of the recency column: t_x, first to last purchase day, in the unit. */
  public static final String RECENCY = "recency";
  /** Name of the age column: T, first purchase day to the calibration end, in the unit. */
  public static final String AGE = "age";
  /** Name of the mean repeat spend column (0 when x = 0). */
  public static final String MEAN_REPEAT_SPEND = "meanRepeatSpend";
  /** Name of the total spend column (first purchase included). */
  public static final String TOTAL_SPEND = "totalSpend";
  /** Name of the holdout frequency column: purchase days in (calibration end, holdout end]. */
  public static final String HOLDOUT_FREQUENCY = "holdoutFrequency";

  private NicheSpark() {}

  /**
   * The cohort table of activity records, aggregated by Spark: per customer the first and last
   * activity day, then the number of customers per (first period, last period) pair; only those
   * pairs are collected, and {@link CohortTable#fromSpanCounts} builds the table on the driver.
   * The table has the counts, curves and estimates of the in-process table built from the same
   * records; it has no customer identities, so it does not merge.
   *
   * @param events activity records, one row per activity
   * @param customerColumn the customer column (any type; compared by value)
   * @param dateColumn the activity date column (date, or timestamp taken in the session time
   *     zone)
   * @param period the period of cohorts and ages
   * @return the cohort table, observed up to the period of the latest activity
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a column is absent or mistyped, or there are no events
   */
  public static CohortTable cohortTable(Dataset<Row> events, String customerColumn,
      String dateColumn, CohortPeriod period) {
    return cohortTable(events, customerColumn, dateColumn, period, null);
  }

  /**
   * As {@link #cohortTable(Dataset, String, String, CohortPeriod)}, observed up to a later date
   * (as {@link CohortTable.Builder#observedUntil}).
   *
   * @param events activity records
   * @param customerColumn the customer column
   * @param dateColumn the activity date column
   * @param period the period of cohorts and ages
   * @param observedUntil a day in the last observed period, or null for the latest activity
   * @return the cohort table
   * @throws NullPointerException if an argument other than {@code observedUntil} is null
   * @throws IllegalArgumentException if a column is absent or mistyped, there are no events, or
   *     {@code observedUntil} precedes some activity
   */
  public static CohortTable cohortTable(Dataset<Row> events, String customerColumn,
      String dateColumn, CohortPeriod period, LocalDate observedUntil) {
    StructType schema = Columns.dataset(events, "events").schema();
    Columns.field(schema, customerColumn, "customerColumn");
    Columns.date(schema, dateColumn, "dateColumn");
    Objects.requireNonNull(period, "period must not be null");
    return CohortAggregation.table(events, customerColumn, dateColumn, period, observedUntil);
  }

  /**
   * Per-customer summaries over a calibration period, computed by Spark with the conventions of
   * core's {@link dev.niche.core.activity.CustomerSummaries} (same-day purchases merged, only
   * transactions up to the calibration end, times in whole days over the unit's length, mean
   * spend over repeat days, spends summed in core's canonical order so that every value equals
   * the in-process one to the last bit). The result is lazy: one row per customer whose first
   * purchase is on or before the calibration end, with the customer column (same name and type)
   * then {@value #FREQUENCY}, {@value #RECENCY}, {@value #AGE}, {@value #MEAN_REPEAT_SPEND} and
   * {@value #TOTAL_SPEND} (doubles), in no particular order. The job shuffles each purchase once
   * as (customer, epoch day, amount), sorts each partition by customer and summarises every
   * customer in one streaming pass over its adjacent rows (only the current customer's
   * purchases are held, in primitive arrays, while they are put in canonical order).
   *
   * @param transactions the transactions, one row per purchase
   * @param customerColumn the customer column (any type)
   * @param dateColumn the purchase date column (date, or timestamp in the session time zone)
   * @param amountColumn the amount column (numeric, finite, {@code >= 0}; checked as the job runs)
   * @param calibrationEnd the last day (inclusive) of the calibration period
   * @param unit the unit of recency and age
   * @return the summaries
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a column is absent or mistyped, or the customer column
   *     has the name of a result column
   */
  public static Dataset<Row> customerSummaries(Dataset<Row> transactions, String customerColumn,
      String dateColumn, String amountColumn, LocalDate calibrationEnd, ActivityUnit unit) {
    return summaries(transactions, customerColumn, dateColumn, amountColumn, calibrationEnd, null,
        unit);
  }

  /**
   * As {@link #customerSummaries(Dataset, String, String, String, LocalDate, ActivityUnit)}, with
   * a holdout period: one more column, {@value #HOLDOUT_FREQUENCY}, counts each customer's
   * purchase days in {@code (calibrationEnd, holdoutEnd]} (as core's
   * {@code CustomerSummaries.Builder#holdoutEnd}).
   *
   * @param transactions the transactions
   * @param customerColumn the customer column
   * @param dateColumn the purchase date column
   * @param amountColumn the amount column
   * @param calibrationEnd the last day (inclusive) of the calibration period
   * @param holdoutEnd the last day (inclusive) of the holdout period, after the calibration end
   * @param unit the unit of recency and age
   * @return the summaries with holdout frequency
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a column is absent or mistyped, or the holdout end is
   *     not after the calibration end
   */
  public static Dataset<Row> customerSummaries(Dataset<Row> transactions, String customerColumn,
      String dateColumn, String amountColumn, LocalDate calibrationEnd, LocalDate holdoutEnd,
      ActivityUnit unit) {
    Objects.requireNonNull(holdoutEnd, "holdoutEnd must not be null");
    return summaries(transactions, customerColumn, dateColumn, amountColumn, calibrationEnd,
        holdoutEnd, unit);
  }

  private static Dataset<Row> summaries(Dataset<Row> transactions, String customerColumn,
      String dateColumn, String amountColumn, LocalDate calibrationEnd, LocalDate holdoutEnd,
      ActivityUnit unit) {
    StructType schema = Columns.dataset(transactions, "transactions").schema();
    Columns.field(schema, customerColumn, "customerColumn");
    Columns.date(schema, dateColumn, "dateColumn");
    Columns.numeric(schema, amountColumn, "amountColumn");
    Objects.requireNonNull(calibrationEnd, "calibrationEnd must not be null");
    Objects.requireNonNull(unit, "unit must not be null");
    if (holdoutEnd != null && !holdoutEnd.isAfter(calibrationEnd)) {
      throw new IllegalArgumentException("holdoutEnd = " + holdoutEnd
          + " must be after calibrationEnd = " + calibrationEnd);
    }
    if (SummaryAggregation.CALIBRATION_COLUMNS.contains(customerColumn)
        || HOLDOUT_FREQUENCY.equals(customerColumn)) {
      throw new IllegalArgumentException("customerColumn = '" + customerColumn
          + "' clashes with a result column; rename it first (result columns: "
          + SummaryAggregation.CALIBRATION_COLUMNS + ", " + HOLDOUT_FREQUENCY + ")");
    }
    return SummaryAggregation.summaries(transactions, customerColumn, dateColumn, amountColumn,
        calibrationEnd, holdoutEnd, unit);
  }

  /**
   * The Kaplan–Meier estimate of survival data, with risk sets aggregated by Spark (subjects and
   * events per distinct duration); equal to {@link KaplanMeier#fit(double[], boolean[])} on the
   * same rows.
   *
   * @param data one row per subject
   * @param durationColumn the duration column (numeric, finite, {@code >= 0})
   * @param eventColumn the event column (boolean, or a 0/1 number; 1 = event, 0 = censored)
   * @return the estimate
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a column is absent or mistyped, or there are no rows
   */
  public static KaplanMeier kaplanMeier(Dataset<Row> data, String durationColumn,
      String eventColumn) {
    Columns.dataset(data, "data");
    return estimate(RiskSets.aggregate(data, durationColumn, eventColumn, null), 0,
        Integer.MAX_VALUE);
  }

  /**
   * Kaplan–Meier estimates per group, with risk sets aggregated by Spark in one job.
   *
   * @param data one row per subject
   * @param durationColumn the duration column
   * @param eventColumn the event column
   * @param groupColumn the group column (any type; labels are its string values, not null)
   * @return the estimate per group label, in label order
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a column is absent or mistyped, or there are no rows
   */
  public static Map<String, KaplanMeier> kaplanMeier(Dataset<Row> data, String durationColumn,
      String eventColumn, String groupColumn) {
    Columns.dataset(data, "data");
    Objects.requireNonNull(groupColumn, "groupColumn must not be null");
    RiskSets sets = RiskSets.aggregate(data, durationColumn, eventColumn, groupColumn);
    Map<String, KaplanMeier> out = new LinkedHashMap<>();
    int from = 0;
    String[] groups = sets.groups();
    while (from < groups.length) {
      int to = from;
      while (to < groups.length && groups[to].equals(groups[from])) {
        to++;
      }
      out.put(groups[from], estimate(sets, from, to));
      from = to;
    }
    return out;
  }

  /**
   * The log-rank test of two or more groups (R {@code survdiff(Surv(duration, event) ~ group)}),
   * with risk sets aggregated by Spark: subjects and events per group and distinct duration are
   * collected, and churn's {@code LogRankTest.fromRiskSets} computes the test from the numbers at
   * risk and events per group and time. Equal (to rounding) to churn's
   * {@code LogRankTest.compare(double[], boolean[], int[])} on the same rows.
   *
   * @param data one row per subject
   * @param durationColumn the duration column
   * @param eventColumn the event column
   * @param groupColumn the group column (labels are its string values, not null)
   * @return the test, its groups {@code 0..k-1} being the labels in string order (as
   *     {@link #kaplanMeier(Dataset, String, String, String)}'s keys)
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a column is absent or mistyped, there are no rows, or
   *     fewer than two groups occur
   */
  public static LogRankResult logRank(Dataset<Row> data, String durationColumn,
      String eventColumn, String groupColumn) {
    Columns.dataset(data, "data");
    Objects.requireNonNull(groupColumn, "groupColumn must not be null");
    return RiskSets.aggregate(data, durationColumn, eventColumn, groupColumn).logRank();
  }

  private static KaplanMeier estimate(RiskSets sets, int from, int to) {
    int end = Math.min(to, sets.durations().length);
    double[] t = new double[2 * (end - from)];
    boolean[] observed = new boolean[t.length];
    double[] w = new double[t.length];
    int m = 0;
    for (int i = from; i < end; i++) {
      long events = sets.events()[i];
      long censored = sets.subjects()[i] - events;
      if (events > 0) {
        t[m] = sets.durations()[i];
        observed[m] = true;
        w[m++] = events;
      }
      if (censored > 0) {
        t[m] = sets.durations()[i];
        w[m++] = censored;
      }
    }
    return KaplanMeier.fit(Arrays.copyOf(t, m), Arrays.copyOf(observed, m), Arrays.copyOf(w, m));
  }
}
