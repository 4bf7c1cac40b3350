package dev.niche.segmentation;

import dev.niche.core.Checks;
import dev.niche.segmentation.internal.Rows;
import dev.niche.segmentation.internal.SquaredDistance;
import java.util.Arrays;

/**
 * Mergeable sufficient statistics of one Lloyd step: for fixed centroids c_1..c_k, per cluster
 * the weighted sum of rows S_m = sum_{x in m} w(x) x and weight W_m = sum_{x in m} w(x), plus the
 * inertia sum_x w(x) ||x - c(x)||^2 and the row count, where c(x) is the nearest centroid (lowest
 * index on ties). Statistics of disjoint partitions {@link #merge merge} into those of their union,
 * so one Lloyd step can run over partitions (threads, files, Spark or Flink tasks) and the new
 * centroids S_m / W_m follow from the merged result. Immutable and thread-safe.
 */
public final class ClusterStatistics {

  private final int k;
  private final int d;
  private final double[] sums;
  private final double[] weights;
  private final double inertia;
  private final long rows;

  private ClusterStatistics(int k, int d, double[] sums, double[] weights, double inertia,
      long rows) {
    this.k = k;
    this.d = d;
    this.sums = sums;
    this.weights = weights;
    this.inertia = inertia;
    this.rows = rows;
  }

  /**
   * The largest {@code k * dimension} that {@link #empty(int, int)} accepts: 2^24 sums (128 MiB),
   * far above any useful number of centroid values. ({@link #of} takes its size from the
   * centroids it is given.)
   */
  public static final int MAX_VALUES = 1 << 24;

  /**
   * Statistics of no rows.
   *
   * @param k number of clusters (&gt;= 1)
   * @param dimension row length (&gt;= 1)
   * @return empty statistics
   * @throws IllegalArgumentException if k or dimension is below 1, or
   *     {@code k * dimension > }{@link #MAX_VALUES}
   */
  public static ClusterStatistics empty(int k, int dimension) {
    Checks.positive(k, "k");
    Checks.positive(dimension, "dimension");
    Checks.argument((long) k * dimension <= MAX_VALUES,
        "k = " + k + " times dimension = " + dimension + " must be <= " + MAX_VALUES
            + " (the statistics hold k * dimension sums)");
    return new ClusterStatistics(k, dimension, new double[k * dimension], new double[k], 0, 0);
  }

  /**
   * Assigns unit-weight rows to their nearest centroid and accumulates.
   *
   * @param rows the rows of one partition (may be empty)
   * @param centroids the centroids of the current step
   * @return the partition's statistics
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the centroids or rows are ragged, not finite, beyond
   *     {@link KMeans#MAX_MAGNITUDE} or of a different dimension
   */
  public static ClusterStatistics of(double[][] rows, double[][] centroids) {
    return of(rows, null, centroids);
  }

  /**
   * Assigns weighted rows to their nearest centroid and accumulates.
   *
   * @param rows the rows of one partition (may be empty)
   * @param weights one weight per row (each 0 or in [{@link KMeans#MIN_POSITIVE_WEIGHT},
   *     {@link KMeans#MAX_MAGNITUDE}]), or null for unit weights
   * @param centroids the centroids of the current step
   * @return the partition's statistics
   * @throws NullPointerException if rows or centroids is null
   * @throws IllegalArgumentException if the inputs are ragged, not finite, beyond
   *     {@link KMeans#MAX_MAGNITUDE}, negative, of a different dimension or of mismatched length
   */
  public static ClusterStatistics of(double[][] rows, double[] weights, double[][] centroids) {
    Checks.notNull(centroids, "centroids");
    double[] c = Rows.flatten(centroids, "centroids");
    int k = centroids.length;
    int d = centroids[0].length;
    Checks.notNull(rows, "rows");
    if (weights != null) {
      Checks.sameLength(weights.length, "weights", rows.length, "rows");
      if (weights.length > 0) {
        Rows.checkWeights(weights, "weights");
      }
    }
    double[] sums = new double[k * d];
    double[] w = new double[k];
    double inertia = 0;
    for (int i = 0; i < rows.length; i++) {
      double[] x = Checks.notNull(rows[i], "rows[" + i + "]");
      Checks.sameLength(x.length, "rows[" + i + "]", d, "centroids[0]");
      Rows.checkValues(x, "rows[" + i + "]");
      double wi = weights == null ? 1.0 : weights[i];
      int best = 0;
      double bd = Double.POSITIVE_INFINITY;
      for (int m = 0; m < k; m++) {
        double v = SquaredDistance.between(x, 0, c, m * d, d);
        if (v < bd) {
          bd = v;
          best = m;
        }
      }
      for (int j = 0; j < d; j++) {
        sums[best * d + j] += wi * x[j];
      }
      w[best] += wi;
      inertia += wi * bd;
    }
    return new ClusterStatistics(k, d, sums, w, inertia, rows.length);
  }

  /**
   * The statistics of the union of two disjoint partitions (computed with the same centroids).
   *
   * @param other the other partition's statistics
   * @return the merged statistics (this and other are unchanged)
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if k or the dimension differ
   */
  public ClusterStatistics merge(ClusterStatistics other) {
    Checks.notNull(other, "other");
    Checks.argument(other.k == k && other.d == d,
        "cannot merge statistics of k = " + other.k + ", dimension = " + other.d
            + " into k = " + k + ", dimension = " + d);
    double[] s = sums.clone();
    for (int t = 0; t < s.length; t++) {
      s[t] += other.sums[t];
    }
    double[] w = weights.clone();
    for (int m = 0; m < k; m++) {
      w[m] += other.weights[m];
    }
    return new ClusterStatistics(k, d, s, w, inertia + other.inertia, rows + other.rows);
  }

  /**
   * The centroids after this Lloyd step: S_m / W_m, or the previous centroid for a cluster that
   * received no weight (re-seeding needs all rows, which partitions do not have).
   *
   * @param previous the centroids the statistics were computed with
   * @return the new centroids
   * @throws NullPointerException if {@code previous} is null
   * @throws IllegalArgumentException if its shape differs
   */
  public double[][] centroids(double[][] previous) {
    int pd = Checks.rectangular(previous, "previous");
    Checks.argument(previous.length == k && pd == d,
        "previous is " + previous.length + " x " + pd + " but must be " + k + " x " + d);
    double[][] out = new double[k][];
    for (int m = 0; m < k; m++) {
      if (weights[m] > 0) {
        out[m] = new double[d];
        for (int j = 0; j < d; j++) {
          out[m][j] = sums[m * d + j] / weights[m];
        }
      } else {
        out[m] = previous[m].clone();
      }
    }
    return out;
  }

  /**
   * Per-cluster weighted sums S_m.
   *
   * @return a copy, k rows of d values
   */
  public double[][] sums() {
    double[][] out = new double[k][];
    for (int m = 0; m < k; m++) {
      out[m] = Arrays.copyOfRange(sums, m * d, m * d + d);
    }
    return out;
  }

  /**
   * Per-cluster total weights W_m (counts for unit weights).
   *
   * @return a copy
   */
  public double[] weights() {
    return weights.clone();
  }

  /**
   * Inertia of the rows against the centroids the statistics were computed with.
   *
   * @return sum of w(x) ||x - c(x)||^2
   */
  public double inertia() {
    return inertia;
  }

  /**
   * Number of rows accumulated.
   *
   * @return the count
   */
  public long rows() {
    return rows;
  }

  /**
   * Number of clusters.
   *
   * @return k
   */
  public int k() {
    return k;
  }

  /**
   * Row dimension.
   *
   * @return d
   */
  public int dimension() {
    return d;
  }
}
