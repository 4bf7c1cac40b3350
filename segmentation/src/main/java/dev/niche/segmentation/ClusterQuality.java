package dev.niche.segmentation;

import dev.niche.core.Checks;
import dev.niche.core.Seeds;
import dev.niche.segmentation.internal.SquaredDistance;
import java.util.SplittableRandom;

/**
 * Internal cluster-quality scores for rows and labels, with the definitions of scikit-learn's
 * {@code sklearn.metrics} ({@code silhouette_score}, {@code calinski_harabasz_score},
 * {@code davies_bouldin_score}, {@code silhouette_samples}). Labels are cluster indices in
 * [0, n) for n rows (so memory is bounded by the data, never by the largest label); clusters are
 * the distinct labels that occur. Every score needs at least 2 clusters, and the silhouette at
 * most n - 1. The scores are scale-free, so rows whose magnitudes would overflow or underflow
 * squared distances (beyond 2^&plusmn;500) are first multiplied by a power of two (exactly):
 * finite rows never give NaN. The caller's arrays are not changed. Stateless and thread-safe.
 */
public final class ClusterQuality {

  private ClusterQuality() {}

  /**
   * Exact mean silhouette (Rousseeuw, "Silhouettes", J. Comput. Appl. Math. 20, 1987):
   * s(i) = (b(i) - a(i)) / max(a(i), b(i)) with a(i) the mean Euclidean distance from row i to the
   * other rows of its cluster and b(i) the smallest mean distance to the rows of another cluster;
   * s(i) = 0 for a row alone in its cluster (as scikit-learn). O(n^2) time, O(n + k) memory.
   *
   * @param data the rows
   * @param labels one label per row, in [0, n)
   * @return the mean silhouette in [-1, 1]
   * @throws NullPointerException if an argument or a row is null
   * @throws IllegalArgumentException if the data are empty, ragged or not finite, the lengths
   *     differ, a label is outside [0, n), or the number of clusters is not in [2, n - 1]
   */
  public static double silhouette(double[][] data, int[] labels) {
    double[] samples = silhouetteSamples(data, labels);
    double total = 0;
    for (double v : samples) {
      total += v;
    }
    return total / samples.length;
  }

  /**
   * The silhouette of every row (scikit-learn's {@code silhouette_samples}, Euclidean): s(i) =
   * (b(i) - a(i)) / max(a(i), b(i)) as in {@link #silhouette(double[][], int[])}, 0 for a row
   * alone in its cluster and 0 when a(i) = b(i) = 0. Their mean, summed in row order, is
   * exactly {@link #silhouette(double[][], int[])}. O(n^2) time, O(n + k) memory.
   *
   * @param data the rows
   * @param labels one label per row, in [0, n)
   * @return n silhouettes in [-1, 1], in row order
   * @throws NullPointerException if an argument or a row is null
   * @throws IllegalArgumentException if the data are empty, ragged or not finite, the lengths
   *     differ, a label is outside [0, n), or the number of clusters is not in [2, n - 1]
   */
  public static double[] silhouetteSamples(double[][] data, int[] labels) {
    Labelled l = Labelled.of(data, labels);
    Checks.argument(l.clusters >= 2 && l.clusters <= l.n - 1,
        "silhouette needs 2 to n - 1 = " + (l.n - 1) + " clusters, got " + l.clusters);
    double[] out = new double[l.n];
    double[] sums = new double[l.k];
    for (int i = 0; i < l.n; i++) {
      out[i] = l.silhouetteOf(i, sums);
    }
    return out;
  }

  /**
   * Sampled mean silhouette for large n: the exact s(i) (against ALL rows) of {@code sampleSize}
   * rows drawn without replacement with the seed; O(sampleSize n) time, O(n) memory. Unlike
   * scikit-learn's {@code sample_size}, which recomputes the silhouette within the subsample,
   * each sampled s(i) here is exact, so the estimate is unbiased for the full mean.
   *
   * @param data the rows
   * @param labels one label per row, in [0, n)
   * @param sampleSize rows to sample (all rows when it is &gt;= n)
   * @param seed the sampling seed
   * @return the estimated mean silhouette
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #silhouette(double[][], int[])}, or if
   *     {@code sampleSize < 1}
   */
  public static double silhouette(double[][] data, int[] labels, int sampleSize, long seed) {
    Checks.positive(sampleSize, "sampleSize");
    Labelled l = Labelled.of(data, labels);
    Checks.argument(l.clusters >= 2 && l.clusters <= l.n - 1,
        "silhouette needs 2 to n - 1 = " + (l.n - 1) + " clusters, got " + l.clusters);
    int s = Math.min(sampleSize, l.n);
    int[] idx = new int[l.n];
    for (int i = 0; i < l.n; i++) {
      idx[i] = i;
    }
    SplittableRandom r = Seeds.random(seed);
    for (int i = 0; i < s; i++) {
      int j = i + r.nextInt(l.n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    double total = 0;
    double[] sums = new double[l.k];
    for (int q = 0; q < s; q++) {
      total += l.silhouetteOf(idx[q], sums);
    }
    return total / s;
  }

  /**
   * Calinski–Harabasz index (Calinski and Harabasz, Comm. Statistics 3, 1974):
   * [B / (k - 1)] / [W / (n - k)] with B = sum_m n_m ||c_m - c||^2 the between-cluster and
   * W = sum_i ||x_i - c(x_i)||^2 the within-cluster dispersion; larger is better. Returns
   * positive infinity when W = 0 but B &gt; 0 (every cluster is a single point; scikit-learn
   * returns 1.0 in that case). When every row is identical, B = W = 0 and the index is 0/0:
   * that is rejected rather than returned as NaN.
   *
   * @param data the rows
   * @param labels one label per row, in [0, n)
   * @return the index (&gt;= 0, or positive infinity)
   * @throws NullPointerException if an argument or a row is null
   * @throws IllegalArgumentException if the inputs are invalid (as for the silhouette), there are
   *     fewer than 2 clusters or not more rows than clusters, or every row is identical
   */
  public static double calinskiHarabasz(double[][] data, int[] labels) {
    Labelled l = Labelled.of(data, labels);
    Checks.argument(l.clusters >= 2 && l.clusters < l.n,
        "Calinski-Harabasz needs 2 to n - 1 = " + (l.n - 1) + " clusters, got " + l.clusters);
    double[] mean = new double[l.d];
    for (int i = 0; i < l.n; i++) {
      for (int j = 0; j < l.d; j++) {
        mean[j] += l.x[i * l.d + j];
      }
    }
    for (int j = 0; j < l.d; j++) {
      mean[j] /= l.n;
    }
    double between = 0;
    for (int m = 0; m < l.k; m++) {
      if (l.size[m] > 0) {
        between += l.size[m] * SquaredDistance.between(l.centroid, m * l.d, mean, 0, l.d);
      }
    }
    double within = l.within();
    Checks.argument(within > 0 || between > 0,
        "data: every row is identical, so the Calinski-Harabasz index is 0/0 (undefined)");
    return (between / (l.clusters - 1)) / (within / (l.n - l.clusters));
  }

  /**
   * Davies–Bouldin index (Davies and Bouldin, IEEE TPAMI 1, 1979): the mean over clusters i of
   * max_{j != i} (s_i + s_j) / ||c_i - c_j|| with s_i the mean Euclidean distance of cluster i's
   * rows to its centroid; smaller is better. A pair of clusters with coincident centroids
   * counts as positive infinity (they cannot be told apart), even when both have zero scatter,
   * so identical rows give positive infinity rather than NaN (scikit-learn returns 0 there).
   *
   * @param data the rows
   * @param labels one label per row, in [0, n)
   * @return the index (&gt;= 0, or positive infinity)
   * @throws NullPointerException if an argument or a row is null
   * @throws IllegalArgumentException if the inputs are invalid (as for the silhouette) or there
   *     are fewer than 2 clusters
   */
  public static double daviesBouldin(double[][] data, int[] labels) {
    Labelled l = Labelled.of(data, labels);
    Checks.argument(l.clusters >= 2, "Davies-Bouldin needs at least 2 clusters, got " + l.clusters);
    double[] scatter = new double[l.k];
    for (int i = 0; i < l.n; i++) {
      int m = l.label[i];
      scatter[m] += Math.sqrt(SquaredDistance.between(l.x, i * l.d, l.centroid, m * l.d, l.d));
    }
    double total = 0;
    for (int a = 0; a < l.k; a++) {
      if (l.size[a] == 0) {
        continue;
      }
      double worst = 0;
      for (int b = 0; b < l.k; b++) {
        if (b == a || l.size[b] == 0) {
          continue;
        }
        double sep = Math.sqrt(SquaredDistance.between(l.centroid, a * l.d, l.centroid, b * l.d,
            l.d));
        double r = sep > 0
            ? (scatter[a] / l.size[a] + scatter[b] / l.size[b]) / sep
            : Double.POSITIVE_INFINITY;
        worst = Math.max(worst, r);
      }
      total += worst;
    }
    return total / l.clusters;
  }

  /** Flat rows, labels, sizes and centroids. */
  private static final class Labelled {
    /** Magnitudes beyond 2^(+-SAFE_EXPONENT) are rescaled. */
    static final int SAFE_EXPONENT = 500;

    final double[] x;
    final int n;
    final int d;
    final int[] label;
    final int k;
    final int clusters;
    final long[] size;
    final double[] centroid;

    private Labelled(double[] x, int n, int d, int[] label, int k) {
      this.x = x;
      this.n = n;
      this.d = d;
      this.label = label;
      this.k = k;
      this.size = new long[k];
      this.centroid = new double[k * d];
      for (int i = 0; i < n; i++) {
        size[label[i]]++;
        for (int j = 0; j < d; j++) {
          centroid[label[i] * d + j] += x[i * d + j];
        }
      }
      int c = 0;
      for (int m = 0; m < k; m++) {
        if (size[m] > 0) {
          c++;
          for (int j = 0; j < d; j++) {
            centroid[m * d + j] /= size[m];
          }
        }
      }
      this.clusters = c;
    }

    static Labelled of(double[][] data, int[] labels) {
      int d = Checks.rectangular(data, "data");
      Checks.notNull(labels, "labels");
      Checks.sameLength(labels.length, "labels", data.length, "data");
      int n = data.length;
      int k = 0;
      for (int i = 0; i < n; i++) {
        Checks.element(labels[i] >= 0 && labels[i] < n, "labels", i, labels[i],
            "must be in [0, n) = [0, " + n + "): labels are cluster indices");
        k = Math.max(k, labels[i] + 1);
      }
      double[] x = new double[n * d];
      double largest = 0;
      for (int i = 0; i < n; i++) {
        System.arraycopy(data[i], 0, x, i * d, d);
        for (double v : data[i]) {
          largest = Math.max(largest, Math.abs(v));
        }
      }
      int exponent = Math.getExponent(largest);
      if (largest > 0 && Math.abs(exponent) > SAFE_EXPONENT) {
        // The scores are ratios of distances: an exact power-of-two rescaling keeps them and
        // keeps squared distances from overflowing (or underflowing) for finite rows.
        for (int t = 0; t < x.length; t++) {
          x[t] = Math.scalb(x[t], -exponent);
        }
      }
      return new Labelled(x, n, d, labels.clone(), k);
    }

    double within() {
      double w = 0;
      for (int i = 0; i < n; i++) {
        w += SquaredDistance.between(x, i * d, centroid, label[i] * d, d);
      }
      return w;
    }

    double silhouetteOf(int i, double[] sums) {
      int own = label[i];
      if (size[own] < 2) {
        return 0;
      }
      java.util.Arrays.fill(sums, 0.0);
      for (int j = 0; j < n; j++) {
        if (j != i) {
          sums[label[j]] += Math.sqrt(SquaredDistance.between(x, i * d, x, j * d, d));
        }
      }
      double a = sums[own] / (size[own] - 1);
      double b = Double.POSITIVE_INFINITY;
      for (int m = 0; m < k; m++) {
        if (m != own && size[m] > 0) {
          b = Math.min(b, sums[m] / size[m]);
        }
      }
      double denom = Math.max(a, b);
      return denom > 0 ? (b - a) / denom : 0;
    }
  }
}
