package dev.niche.spark.internal;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.year;

import dev.niche.churn.CohortPeriod;
import dev.niche.churn.CohortTable;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * A cohort table aggregated by Spark: per customer the first and last activity day (one shuffle
 * by customer), mapped to period indices, then the number of customers per (first, last) period
 * pair (a second, tiny aggregation). Only those pairs reach the driver, where
 * {@link CohortTable#fromSpanCounts} does the suffix sums. Not part of the API.
 */
public final class CohortAggregation {

  private CohortAggregation() {}

  /**
   * Aggregates a cohort table.
   *
   * @param events the activity records
   * @param customer the customer column
   * @param date the date column
   * @param period the period
   * @param observedUntil a later observation end, or null
   * @return the table
   */
  public static CohortTable table(Dataset<Row> events, String customer, String date,
      CohortPeriod period, LocalDate observedUntil) {
    Column day = Columns.failWhen(Columns.ref(date).isNull(),
        lit("dateColumn = '" + date + "' holds a null value"), Columns.epochDay(date));
    Column id = Columns.notNull(customer, "customerColumn");
    List<Row> pairs = spanCounts(events.select(id.as("c"), day.as("d")), period)
        .collectAsList();
    if (pairs.isEmpty()) {
      throw new IllegalArgumentException("events must not be empty");
    }
    int n = pairs.size();
    long[] first = new long[n];
    long[] last = new long[n];
    long[] customers = new long[n];
    long end = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      Row r = pairs.get(i);
      first[i] = r.getLong(0);
      last[i] = r.getLong(1);
      customers[i] = r.getLong(2);
      end = Math.max(end, last[i]);
    }
    if (observedUntil != null) {
      long until = period.indexOf(observedUntil);
      if (until < end) {
        throw new IllegalArgumentException("observedUntil = " + observedUntil
            + " precedes activity in " + period.start(end));
      }
      end = until;
    }
    return CohortTable.fromSpanCounts(period, end, first, last, customers);
  }

  /**
   * The customers per (first period, last period) pair of (c, d) rows: customer and epoch day.
   *
   * @param rows customer {@code c} and epoch day {@code d}
   * @param period the period
   * @return rows (first, last, customers) of longs
   */
  public static Dataset<Row> spanCounts(Dataset<Row> rows, CohortPeriod period) {
    return rows.groupBy(col("c")).agg(min(col("d")).as("f"), max(col("d")).as("l"))
        .select(periodIndex(col("f"), period).as("first"),
            periodIndex(col("l"), period).as("last"))
        .groupBy(col("first"), col("last")).agg(count(lit(1)).as("customers"));
  }

  /**
   * The period index ({@link CohortPeriod#indexOfEpochDay}) of an epoch-day column, as a Spark
   * expression.
   *
   * @param epochDay an integer column of epoch days
   * @param period the period
   * @return a long column
   */
  public static Column periodIndex(Column epochDay, CohortPeriod period) {
    Column d = epochDay.cast(DataTypes.LongType);
    Column date = date_from_unix_date(epochDay.cast(DataTypes.IntegerType));
    switch (period) {
      case DAY:
        return d;
      case WEEK:
        return floor(d.plus(3).divide(7)).cast(DataTypes.LongType);
      case MONTH:
        return year(date).cast(DataTypes.LongType).multiply(12).plus(month(date)).minus(1);
      case QUARTER:
        return year(date).cast(DataTypes.LongType).multiply(4)
            .plus(floor(month(date).minus(1).divide(3))).cast(DataTypes.LongType);
      case YEAR:
        return year(date).cast(DataTypes.LongType);
    }
    throw new AssertionError(period);
  }
}
