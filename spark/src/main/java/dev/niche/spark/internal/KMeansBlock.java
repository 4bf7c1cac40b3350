package dev.niche.spark.internal;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

/**
 * The rows of one partition as one flat row-major array (what Niche's k-means kernels read),
 * with a 64-bit hash of each row's content. Sampling decisions depend on that hash and the seed
 * only, never on the partition or the row's position, so the same data give the same model
 * however they are partitioned. Immutable after construction. Not part of the API.
 */
public final class KMeansBlock implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Number of rows. */
  public final int n;
  /** Dimension. */
  public final int d;
  /** Rows, row-major, n times d. */
  public final double[] x;
  /** Content hash of each row. */
  public final long[] hash;

  private KMeansBlock(int n, int d, double[] x, long[] hash) {
    this.n = n;
    this.d = d;
    this.x = x;
    this.hash = hash;
  }

  /**
   * Reads a partition of rows whose first field is a vector (or an array of doubles).
   *
   * @param rows the rows
   * @param column the features column name, for messages
   * @return the block (empty when the partition is)
   * @throws IllegalArgumentException if a row is null, not finite, or of another dimension
   */
  public static KMeansBlock of(Iterator<Row> rows, String column) {
    double[] x = new double[1024];
    int n = 0;
    int d = -1;
    int size = 0;
    while (rows.hasNext()) {
      Row r = rows.next();
      if (r.isNullAt(0)) {
        throw new IllegalArgumentException("featuresCol = '" + column + "' holds a null row");
      }
      Object v = r.get(0);
      double[] row = v instanceof Vector ? ((Vector) v).toArray() : toArray(v);
      if (d < 0) {
        d = row.length;
        if (d == 0) {
          throw new IllegalArgumentException("featuresCol = '" + column + "' holds empty rows");
        }
      } else if (row.length != d) {
        throw new IllegalArgumentException("featuresCol = '" + column + "' holds rows of "
            + d + " and of " + row.length + " values");
      }
      if (size + d > x.length) {
        x = Arrays.copyOf(x, Math.max(2 * x.length, size + d));
      }
      for (int j = 0; j < d; j++) {
        double value = row[j];
        if (!Double.isFinite(value)) {
          throw new IllegalArgumentException("featuresCol = '" + column + "' holds " + value
              + " in a row; features must be finite");
        }
        x[size++] = value == 0 ? 0.0 : value;
      }
      n++;
    }
    int dim = Math.max(d, 0);
    long[] hash = new long[n];
    for (int i = 0; i < n; i++) {
      hash[i] = contentHash(x, i * dim, dim);
    }
    return new KMeansBlock(n, dim, Arrays.copyOf(x, size), hash);
  }

  private static double[] toArray(Object v) {
    if (v instanceof scala.collection.Seq) {
      scala.collection.Seq<?> seq = (scala.collection.Seq<?>) v;
      double[] out = new double[seq.size()];
      for (int j = 0; j < out.length; j++) {
        out[j] = ((Number) seq.apply(j)).doubleValue();
      }
      return out;
    }
    throw new IllegalArgumentException("features must be vectors or arrays of doubles, not "
        + v.getClass().getName());
  }

  /**
   * A hash of a row's values (bit patterns, -0.0 read as 0.0), mixed with splitmix64.
   *
   * @param x the array
   * @param off the row's offset
   * @param d the dimension
   * @return the hash
   */
  public static long contentHash(double[] x, int off, int d) {
    long h = 0x9E3779B97F4A7C15L * (d + 1);
    for (int j = 0; j < d; j++) {
      h = mix(h ^ Double.doubleToLongBits(x[off + j]));
    }
    return h;
  }

  /**
   * The splitmix64 finaliser.
   *
   * @param z the input
   * @return a well-mixed 64-bit value
   */
  public static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * A uniform number in [0, 1) determined by a row's hash, the seed and a stream number.
   *
   * @param hash the row's hash
   * @param seed the seed
   * @param stream the stream (e.g. the k-means|| round)
   * @return the uniform
   */
  public static double uniform(long hash, long seed, long stream) {
    long z = mix(hash ^ mix(seed ^ mix(stream)));
    return (z >>> 11) * 0x1.0p-53;
  }

  /**
   * One row as a new array.
   *
   * @param i the row
   * @return its values
   */
  public double[] row(int i) {
    return Arrays.copyOfRange(x, i * d, i * d + d);
  }
}
