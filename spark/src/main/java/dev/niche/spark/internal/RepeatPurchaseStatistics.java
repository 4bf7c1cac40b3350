package dev.niche.spark.internal;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Customer summaries compressed by Spark to the sufficient statistics of BG/NBD and Pareto/NBD:
 * the distinct {@code (x, t_x, T)} triples with the number of customers sharing each (one
 * partially aggregated groupBy; only the triples reach the driver, as one block of primitive
 * arrays per partition). Their number is bounded by
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
    // Each partition of the distinct triples travels to the driver as four primitive arrays
    // (Rows are decoded on the executors, in parallel), not as one driver-side Row per triple.
    List<Block> blocks = summaries
        .select(Columns.ref(x).cast(DataTypes.DoubleType).as("x"),
            Columns.ref(tx).cast(DataTypes.DoubleType).as("tx"),
            Columns.ref(t).cast(DataTypes.DoubleType).as("T"))
        .groupBy(col("x"), col("tx"), col("T"))
        .agg(count(lit(1)).as("n"))
        .javaRDD()
        .mapPartitions(Block::of)
        .collect();
    int n = 0;
    String[] names = {x, tx, t};
    for (Block b : blocks) {
      if (b.nullColumn >= 0) {
        throw new IllegalArgumentException("column '" + names[b.nullColumn]
            + "' holds a null value");
      }
      n += b.x.length;
    }
    if (n == 0) {
      throw new IllegalArgumentException("dataset must not be empty");
    }
    double[] xs = new double[n];
    double[] txs = new double[n];
    double[] ts = new double[n];
    double[] w = new double[n];
    int at = 0;
    for (Block b : blocks) {
      int m = b.x.length;
      System.arraycopy(b.x, 0, xs, at, m);
      System.arraycopy(b.tx, 0, txs, at, m);
      System.arraycopy(b.t, 0, ts, at, m);
      System.arraycopy(b.customers, 0, w, at, m);
      at += m;
    }
    return new RepeatPurchaseStatistics(xs, txs, ts, w);
  }

  /** One partition's triples and counts as primitive arrays, or the first null column found. */
  private static final class Block implements Serializable {
    private static final long serialVersionUID = 1L;

    final double[] x;
    final double[] tx;
    final double[] t;
    final double[] customers;
    final int nullColumn;

    private Block(double[] x, double[] tx, double[] t, double[] customers, int nullColumn) {
      this.x = x;
      this.tx = tx;
      this.t = t;
      this.customers = customers;
      this.nullColumn = nullColumn;
    }

    static Iterator<Block> of(Iterator<Row> rows) {
      double[][] columns = new double[4][64];
      int n = 0;
      while (rows.hasNext()) {
        Row r = rows.next();
        for (int j = 0; j < 3; j++) {
          if (r.isNullAt(j)) {
            double[] none = new double[0];
            return List.of(new Block(none, none, none, none, j)).iterator();
          }
        }
        if (n == columns[0].length) {
          for (int j = 0; j < 4; j++) {
            columns[j] = Arrays.copyOf(columns[j], 2 * n);
          }
        }
        columns[0][n] = r.getDouble(0);
        columns[1][n] = r.getDouble(1);
        columns[2][n] = r.getDouble(2);
        columns[3][n] = r.getLong(3);
        n++;
      }
      return List.of(new Block(Arrays.copyOf(columns[0], n), Arrays.copyOf(columns[1], n),
          Arrays.copyOf(columns[2], n), Arrays.copyOf(columns[3], n), -1)).iterator();
    }
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
