package dev.niche.spark.internal;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import dev.niche.core.activity.ActivityUnit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Customer summaries computed by Spark with the conventions of core's {@code CustomerSummaries},
 * to the last bit: one shuffle by customer gathers each customer's purchases (epoch day, amount)
 * up to the last day that counts, sorted by day and then amount, the canonical order in which
 * core sums spends; frequency, recency, age, spends and holdout frequency then follow from
 * Spark's array functions along that order. Not part of the API.
 */
public final class SummaryAggregation {

  /** Column names of the result, after the customer column. */
  public static final List<String> CALIBRATION_COLUMNS =
      List.of("frequency", "recency", "age", "meanRepeatSpend", "totalSpend");

  private SummaryAggregation() {}

  /**
   * Summaries of transactions.
   *
   * @param transactions the transactions
   * @param customer the customer column
   * @param date the date column
   * @param amount the amount column
   * @param calibrationEnd the calibration end (inclusive)
   * @param holdoutEnd the holdout end (inclusive), or null
   * @param unit the time unit
   * @return one row per customer born by the calibration end
   */
  public static Dataset<Row> summaries(Dataset<Row> transactions, String customer, String date,
      String amount, LocalDate calibrationEnd, LocalDate holdoutEnd, ActivityUnit unit) {
    long end = calibrationEnd.toEpochDay();
    long last = holdoutEnd == null ? end : holdoutEnd.toEpochDay();
    Column id = Columns.notNull(customer, "customerColumn");
    Column day = Columns.failWhen(Columns.ref(date).isNull(),
        lit("dateColumn = '" + date + "' holds a null value"), Columns.epochDay(date));
    Column raw = Columns.ref(amount).cast(DataTypes.DoubleType);
    Column badAmount = raw.isNull().or(isnan(raw)).or(raw.lt(0))
        .or(raw.equalTo(Double.POSITIVE_INFINITY));
    Column money = Columns.failWhen(badAmount,
        concat(lit("amountColumn = '" + amount + "' holds "),
            raw.cast(DataTypes.StringType), lit(" for customer "),
            Columns.ref(customer).cast(DataTypes.StringType),
            lit("; amounts must be finite and >= 0")), raw);
    Dataset<Row> purchases = transactions
        .select(id.as("c"), day.as("d"), money.as("a"))
        .where(col("d").leq(last))
        .groupBy(col("c"))
        .agg(array_sort(collect_list(struct(col("d"), col("a")))).as("p"))
        .where(expr("p[0].d <= " + end))
        .select(col("c"), col("p"),
            expr("filter(p, e -> e.d <= " + end + ")").as("cal"))
        .select(col("c"), col("p"), col("cal"),
            expr("cal[0].d").as("first"),
            expr("element_at(cal, -1).d").as("last"),
            expr("size(array_distinct(transform(cal, e -> e.d))) - 1").as("x"),
            expr("aggregate(cal, 0D, (s, e) -> s + e.a)").as("total"));
    Column total = Columns.failWhen(col("total").equalTo(Double.POSITIVE_INFINITY),
        concat(lit("customer "), col("c").cast(DataTypes.StringType),
            lit(": the amounts of the calibration period sum to more than Double.MAX_VALUE")),
        col("total"));
    List<Column> out = new ArrayList<>();
    out.add(col("c").as(customer));
    out.add(col("x").cast(DataTypes.DoubleType).as("frequency"));
    out.add(col("last").minus(col("first")).cast(DataTypes.DoubleType).divide(lit(unit.days()))
        .as("recency"));
    out.add(lit(end).minus(col("first")).cast(DataTypes.DoubleType).divide(lit(unit.days())).as("age"));
    out.add(expr("IF(x = 0, 0D, aggregate(filter(cal, e -> e.d != first), 0D, (s, e) -> s + e.a)"
        + " / x)").as("meanRepeatSpend"));
    out.add(total.as("totalSpend"));
    if (holdoutEnd != null) {
      out.add(expr("size(array_distinct(transform(filter(p, e -> e.d > " + end
          + "), e -> e.d)))").cast(DataTypes.DoubleType).as("holdoutFrequency"));
    }
    return purchases.select(out.toArray(new Column[0]));
  }
}
