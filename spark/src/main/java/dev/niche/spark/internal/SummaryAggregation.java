package dev.niche.spark.internal;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;

import dev.niche.core.activity.ActivityUnit;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.StructType;

/**
 * Customer summaries computed by Spark with the conventions of core's {@code CustomerSummaries},
 * to the last bit. The plan is one narrow projection (customer, epoch day as an int, amount as a
 * double, bad values failing the job with their column), a filter of the days that count, one
 * shuffle by customer and a radix sort by customer within each partition; a {@link SummaryScan}
 * then reads each customer's adjacent rows once, puts them in core's canonical order (day, then
 * amount) and sums along it as core does. No per-customer arrays are built by Spark, nothing is
 * shuffled twice and only the purchases' three columns are shuffled. Not part of the API.
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
    DataType idType = transactions.schema().apply(customer).dataType();
    Column id = Columns.notNull(customer, "customerColumn");
    if (idType instanceof FloatType || idType instanceof DoubleType) {
      // -0.0 and 0.0 are one customer (as in a groupBy): adding 0 turns -0.0 into 0.0.
      id = id.plus(lit(0).cast(idType)).cast(idType);
    }
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
    StructType out = new StructType().add(customer, idType, false);
    for (String c : CALIBRATION_COLUMNS) {
      out = out.add(c, DataTypes.DoubleType, false);
    }
    if (holdoutEnd != null) {
      out = out.add("holdoutFrequency", DataTypes.DoubleType, false);
    }
    return transactions
        .select(id.as("c"), day.as("d"), money.as("a"))
        .where(col("d").leq(last))
        .repartition(col("c"))
        .sortWithinPartitions(col("c"))
        .mapPartitions(new SummaryScan(end, unit.days(), holdoutEnd != null), Encoders.row(out));
  }
}
