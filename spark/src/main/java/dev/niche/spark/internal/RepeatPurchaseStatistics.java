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
 * arrays per partition). The triples reach the fit in one canonical order, ascending by
 * {@code (x, t_x, T)} (each partition sorts its block on its executor, the driver merges the
 * sorted blocks), so the fit is the same for any partitioning of the summaries. Their number is
 * bounded by
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
    // k-way merge of the sorted blocks through a binary heap of block indices.
    int[] heap = new int[blocks.size()];
    int[] cursor = new int[blocks.size()];
    int size = 0;
    for (int b = 0; b < blocks.size(); b++) {
      if (blocks.get(b).x.length > 0) {
        heap[size++] = b;
      }
    }
    for (int i = size / 2 - 1; i >= 0; i--) {
      siftDown(heap, size, i, blocks, cursor);
    }
    for (int at = 0; at < n; at++) {
      int b = heap[0];
      Block block = blocks.get(b);
      int i = cursor[b]++;
      xs[at] = block.x[i];
      txs[at] = block.tx[i];
      ts[at] = block.t[i];
      w[at] = block.customers[i];
      if (cursor[b] == block.x.length) {
        heap[0] = heap[--size];
      }
      siftDown(heap, size, 0, blocks, cursor);
    }
    return new RepeatPurchaseStatistics(xs, txs, ts, w);
  }

  private static void siftDown(int[] heap, int size, int i, List<Block> blocks, int[] cursor) {
    int top = heap[i];
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && precedes(blocks, heap[child + 1], cursor, heap[child])) {
        child++;
      }
      if (!precedes(blocks, heap[child], cursor, top)) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = top;
  }

  /** Whether block a's next triple sorts before block b's next triple. */
  private static boolean precedes(List<Block> blocks, int a, int[] cursor, int b) {
    Block p = blocks.get(a);
    Block q = blocks.get(b);
    return Block.compare(p, cursor[a], q, cursor[b]) < 0;
  }

  /**
   * One partition's triples and counts as primitive arrays, ascending by {@code (x, t_x, T)},
   * or the first null column found.
   */
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
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      double[][] c = columns;
      Arrays.sort(order, (i, j) -> compare(c[0], c[1], c[2], i, c[0], c[1], c[2], j));
      double[][] sorted = new double[4][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < 4; j++) {
          sorted[j][i] = columns[j][order[i]];
        }
      }
      return List.of(new Block(sorted[0], sorted[1], sorted[2], sorted[3], -1)).iterator();
    }

    static int compare(Block p, int i, Block q, int j) {
      return compare(p.x, p.tx, p.t, i, q.x, q.tx, q.t, j);
    }

    private static int compare(double[] px, double[] ptx, double[] pt, int i, double[] qx,
        double[] qtx, double[] qt, int j) {
      int c = Double.compare(px[i], qx[j]);
      if (c == 0) {
        c = Double.compare(ptx[i], qtx[j]);
      }
      return c != 0 ? c : Double.compare(pt[i], qt[j]);
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
