package dev.niche.spark.internal;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Customer summaries compressed by Spark to the sufficient statistics of BG/NBD and Pareto/NBD:
 * the distinct {@code (x, t_x, T)} triples with the number of customers sharing each (one
 * partially aggregated groupBy; only the triples reach the driver). Their number is bounded by
 * the data's time resolution, about {@code x_max · d² / 2} for {@code d} distinct day counts,
 * not by the number of customers. The weighted likelihood over the triples equals the
 * likelihood over every customer, since it is a sum over customers. Not part of the API.
 */
public final class RepeatPurchaseStatistics {

  private final double[] frequency;
  private final double[] recency;
  private final double[] age;
  private final double[] customers;

  private RepeatPurchaseStatistics(double[] frequency, double[] recency, double[] age,
      double[] customers) {
    this.frequency = frequency;
    this.recency = recency;
    this.age = age;
    this.customers = customers;
  }

  /**
   * Aggregates summaries to distinct triples with counts.
   *
   * @param summaries customer summaries
   * @param x the frequency column (checked numeric by the caller)
   * @param tx the recency column
   * @param t the age column
   * @return the statistics
   * @throws IllegalArgumentException if the Dataset is empty or a value is null
   */
  public static RepeatPurchaseStatistics collect(Dataset<?> summaries, String x, String tx,
      String t) {
    List<Row> rows = summaries
        .select(Columns.ref(x).cast(DataTypes.DoubleType).as("x"),
            Columns.ref(tx).cast(DataTypes.DoubleType).as("tx"),
            Columns.ref(t).cast(DataTypes.DoubleType).as("T"))
        .groupBy(col("x"), col("tx"), col("T"))
        .agg(count(lit(1)).as("n"))
        .collectAsList();
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("dataset must not be empty");
    }
    int n = rows.size();
    double[] xs = new double[n];
    double[] txs = new double[n];
    double[] ts = new double[n];
    double[] w = new double[n];
    String[] names = {x, tx, t};
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      for (int j = 0; j < 3; j++) {
        if (r.isNullAt(j)) {
          throw new IllegalArgumentException("column '" + names[j] + "' holds a null value");
        }
      }
      xs[i] = r.getDouble(0);
      txs[i] = r.getDouble(1);
      ts[i] = r.getDouble(2);
      w[i] = r.getLong(3);
    }
    return new RepeatPurchaseStatistics(xs, txs, ts, w);
  }

  /**
   * The distinct frequencies x, one per triple.
   *
   * @return the array (owned; callers must not modify it)
   */
  public double[] frequency() {
    return frequency;
  }

  /**
   * The recencies t_x, one per triple.
   *
   * @return the array (owned)
   */
  public double[] recency() {
    return recency;
  }

  /**
   * The ages T, one per triple.
   *
   * @return the array (owned)
   */
  public double[] age() {
    return age;
  }

  /**
   * The number of customers per triple (the fit's weights).
   *
   * @return the array (owned)
   */
  public double[] customers() {
    return customers;
  }
}
