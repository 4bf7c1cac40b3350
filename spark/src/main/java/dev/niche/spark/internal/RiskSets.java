package dev.niche.spark.internal;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import dev.niche.churn.LogRankResult;
import dev.niche.churn.LogRankTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Survival data aggregated by Spark to the counts that Kaplan–Meier and the log-rank test need:
 * per group and distinct duration, the number of subjects and of events. Not part of the API.
 *
 * @param groups the group label per row (null when ungrouped)
 * @param durations the distinct durations
 * @param subjects subjects with that duration (and group)
 * @param events events among them
 */
public record RiskSets(String[] groups, double[] durations, long[] subjects, long[] events) {

  /**
   * Aggregates survival data.
   *
   * @param data the rows
   * @param duration the duration column (numeric, finite, {@code >= 0})
   * @param event the event column (boolean, or numeric 0/1)
   * @param group the group column, or null
   * @return the counts, sorted by group label then duration
   * @throws IllegalArgumentException if a column is absent or of the wrong type, or the data are
   *     empty
   */
  public static RiskSets aggregate(Dataset<Row> data, String duration, String event,
      String group) {
    StructType schema = data.schema();
    Columns.numeric(schema, duration, "durationColumn");
    DataType eventType = Columns.field(schema, event, "eventColumn").dataType();
    if (!(eventType instanceof BooleanType) && !eventType.equals(DataTypes.IntegerType)
        && !eventType.equals(DataTypes.LongType) && !eventType.equals(DataTypes.ShortType)
        && !eventType.equals(DataTypes.ByteType) && !eventType.equals(DataTypes.DoubleType)) {
      throw new IllegalArgumentException("eventColumn = '" + event + "' has type "
          + eventType.simpleString() + " but must be boolean or a 0/1 number");
    }
    if (group != null) {
      Columns.field(schema, group, "groupColumn");
    }
    Column t = Columns.ref(duration).cast(DataTypes.DoubleType);
    Column badT = t.isNull().or(isnan(t)).or(t.lt(0)).or(t.equalTo(Double.POSITIVE_INFINITY));
    Column checkedT = Columns.failWhen(badT, concat(lit("durationColumn = '" + duration
        + "' holds "), t.cast(DataTypes.StringType), lit("; durations must be finite and >= 0")),
        t);
    Column e = Columns.ref(event).cast(DataTypes.DoubleType);
    Column badE = e.isNull().or(e.notEqual(0).and(e.notEqual(1)));
    Column checkedE = Columns.failWhen(badE, concat(lit("eventColumn = '" + event + "' holds "),
        Columns.ref(event).cast(DataTypes.StringType), lit("; events must be 0/1 or boolean")),
        e.cast(DataTypes.LongType));
    Column g = group == null ? lit("") : Columns.notNull(group, "groupColumn")
        .cast(DataTypes.StringType);
    List<Row> rows = data.select(g.as("g"), checkedT.as("t"), checkedE.as("e"))
        .groupBy(col("g"), col("t"))
        .agg(count(lit(1)).as("n"), sum(col("e")).as("d"))
        .orderBy(col("g"), col("t"))
        .collectAsList();
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("data must not be empty");
    }
    int n = rows.size();
    String[] groups = new String[n];
    double[] durations = new double[n];
    long[] subjects = new long[n];
    long[] events = new long[n];
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      groups[i] = group == null ? null : r.getString(0);
      durations[i] = r.getDouble(1);
      subjects[i] = r.getLong(2);
      events[i] = r.getLong(3);
    }
    return new RiskSets(groups, durations, subjects, events);
  }

  /**
   * The distinct group labels in order.
   *
   * @return the labels
   */
  public List<String> labels() {
    List<String> labels = new ArrayList<>();
    for (String g : groups) {
      if (labels.isEmpty() || !labels.get(labels.size() - 1).equals(g)) {
        labels.add(g);
      }
    }
    return labels;
  }

  /**
   * The log-rank test of the groups ({@link LogRankTest#fromRiskSets}): the numbers at risk per
   * group at each distinct duration are the subjects of that group whose duration is at least
   * as long.
   *
   * @return the test, groups {@code 0..k-1} in label order
   * @throws IllegalArgumentException if fewer than two groups occur
   */
  public LogRankResult logRank() {
    List<String> labels = labels();
    int k = labels.size();
    if (k < 2) {
      throw new IllegalArgumentException("groupColumn holds " + k
          + " group(s); the log-rank test needs at least 2");
    }
    double[] times = Arrays.stream(durations).sorted().distinct().toArray();
    long[][] atRisk = new long[k][times.length];
    long[][] died = new long[k][times.length];
    int g = -1;
    for (int i = 0; i < durations.length; i++) {
      if (i == 0 || !groups[i].equals(groups[i - 1])) {
        g++;
      }
      int at = Arrays.binarySearch(times, durations[i]);
      atRisk[g][at] += subjects[i];
      died[g][at] += events[i];
    }
    for (long[] risk : atRisk) {
      for (int t = times.length - 2; t >= 0; t--) {
        risk[t] += risk[t + 1];
      }
    }
    return LogRankTest.fromRiskSets(times, atRisk, died);
  }
}
