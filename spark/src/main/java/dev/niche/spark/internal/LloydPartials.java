package dev.niche.spark.internal;

import dev.niche.segmentation.internal.SquaredDistance;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * One partition's share of a Lloyd step: per cluster the sum of its rows and its row count, and
 * the inertia, against fixed centres (nearest centre by Niche's {@link SquaredDistance} kernel,
 * lowest index on ties). Sums are kept as double-double pairs (hi, lo) by Knuth's two-sum, and
 * {@link #merge} adds the pairs of all partitions exactly (in {@link BigDecimal}) before rounding
 * once: the merged sums do not depend on how the rows were partitioned or on the partitions'
 * order, except when an exact sum lies within about {@code n · 2⁻¹⁰⁶} (relative) of a rounding
 * boundary of the double result. Not part of the API.
 */
public final class LloydPartials implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int k;
  private final int d;
  private final double[] hi;
  private final double[] lo;
  private final long[] counts;
  private double costHi;
  private double costLo;

  private LloydPartials(int k, int d) {
    this.k = k;
    this.d = d;
    this.hi = new double[k * d];
    this.lo = new double[k * d];
    this.counts = new long[k];
  }

  /**
   * Accumulates one block against centres.
   *
   * @param block the rows
   * @param centres flat centres, k rows of d
   * @param k the number of centres
   * @param withSums false to accumulate only the inertia
   * @return the partition's partials
   */
  public static LloydPartials of(KMeansBlock block, double[] centres, int k, boolean withSums) {
    int d = centres.length / k;
    LloydPartials p = new LloydPartials(k, d);
    double[] dist = new double[k];
    double[] x = block.x;
    for (int i = 0; i < block.n; i++) {
      int off = i * d;
      SquaredDistance.toAll(x, off, centres, k, d, dist);
      int best = 0;
      double bd = dist[0];
      for (int m = 1; m < k; m++) {
        if (dist[m] < bd) {
          bd = dist[m];
          best = m;
        }
      }
      double s = p.costHi + bd;
      double bp = s - p.costHi;
      p.costLo += (p.costHi - (s - bp)) + (bd - bp);
      p.costHi = s;
      if (withSums) {
        p.counts[best]++;
        int base = best * d;
        for (int j = 0; j < d; j++) {
          double v = x[off + j];
          double h = p.hi[base + j];
          double t = h + v;
          double b = t - h;
          p.lo[base + j] += (h - (t - b)) + (v - b);
          p.hi[base + j] = t;
        }
      }
    }
    return p;
  }

  /**
   * The exact merge of all partitions' partials, rounded once.
   *
   * @param parts the partials (any order)
   * @param k the number of centres
   * @param d the dimension
   * @return sums (k times d), then counts (k), then the inertia, as one array
   */
  public static double[] merge(List<LloydPartials> parts, int k, int d) {
    BigDecimal[] sums = new BigDecimal[k * d];
    java.util.Arrays.fill(sums, BigDecimal.ZERO);
    long[] counts = new long[k];
    BigDecimal cost = BigDecimal.ZERO;
    for (LloydPartials p : parts) {
      for (int t = 0; t < sums.length; t++) {
        if (p.hi[t] != 0 || p.lo[t] != 0) {
          sums[t] = sums[t].add(new BigDecimal(p.hi[t])).add(new BigDecimal(p.lo[t]));
        }
      }
      for (int m = 0; m < k; m++) {
        counts[m] += p.counts[m];
      }
      cost = cost.add(new BigDecimal(p.costHi)).add(new BigDecimal(p.costLo));
    }
    double[] out = new double[k * d + k + 1];
    for (int t = 0; t < sums.length; t++) {
      out[t] = sums[t].doubleValue();
    }
    for (int m = 0; m < k; m++) {
      out[k * d + m] = counts[m];
    }
    out[k * d + k] = cost.doubleValue();
    return out;
  }

  /**
   * Number of centres.
   *
   * @return k
   */
  public int k() {
    return k;
  }
}
