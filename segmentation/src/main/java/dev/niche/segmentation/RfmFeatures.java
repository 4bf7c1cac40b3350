package dev.niche.segmentation;

import dev.niche.core.Checks;
import dev.niche.core.activity.CustomerSummaries;

/**
 * Recency, frequency and monetary value per customer (Hughes 1994; Fader, Hardie and Lee, "RFM and
 * CLV", J. Marketing Research 42, 2005) as segmentation features. Built from plain arrays (one
 * entry per customer, in any consistent time and currency unit): recency = time since the last
 * purchase (smaller is better), frequency = number of (repeat) purchases, monetary = spend (total
 * or mean). Immutable and thread-safe; accessors return copies.
 */
public final class RfmFeatures {

  private final double[] recency;
  private final double[] frequency;
  private final double[] monetary;

  private RfmFeatures(double[] recency, double[] frequency, double[] monetary) {
    this.recency = recency;
    this.frequency = frequency;
    this.monetary = monetary;
  }

  /**
   * RFM features from per-customer arrays (copied).
   *
   * @param recency time since each customer's last purchase, finite, &gt;= 0
   * @param frequency each customer's purchase count, finite, &gt;= 0
   * @param monetary each customer's spend, finite, &gt;= 0
   * @return the features
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if an array is empty, negative or not finite, or the lengths
   *     differ
   */
  public static RfmFeatures of(double[] recency, double[] frequency, double[] monetary) {
    Checks.nonNegative(recency, "recency");
    Checks.nonNegative(frequency, "frequency");
    Checks.nonNegative(monetary, "monetary");
    Checks.sameLength(recency, "recency", frequency, "frequency");
    Checks.sameLength(recency, "recency", monetary, "monetary");
    return new RfmFeatures(recency.clone(), frequency.clone(), monetary.clone());
  }

  /**
   * RFM features from core's customer summaries, in the summaries' time unit: recency = time since
   * the last purchase ({@code T − t_x}), frequency = repeat purchase periods {@code x}, monetary =
   * average order value, total spend over the {@code x + 1} purchases. The average rather than the
   * total keeps monetary value from repeating what frequency already says (total = frequency ×
   * average); use {@link #of} with {@code summaries.totalSpend()} for the total.
   *
   * @param summaries per-customer summaries (see {@code dev.niche.core.activity})
   * @return the features, one row per customer in the summaries' order
   * @throws NullPointerException if {@code summaries} is null
   * @throws IllegalArgumentException if there are no customers
   */
  public static RfmFeatures from(CustomerSummaries summaries) {
    Checks.notNull(summaries, "summaries");
    Checks.argument(summaries.size() > 0, "summaries must not be empty");
    double[] frequency = summaries.frequency();
    double[] monetary = summaries.totalSpend();
    for (int i = 0; i < monetary.length; i++) {
      monetary[i] /= frequency[i] + 1;
    }
    return of(summaries.timeSinceLastPurchase(), frequency, monetary);
  }

  /**
   * Number of customers.
   *
   * @return n
   */
  public int size() {
    return recency.length;
  }

  /**
   * The raw features, columns (recency, frequency, monetary).
   *
   * @return new n x 3 rows
   */
  public double[][] rows() {
    double[][] out = new double[recency.length][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new double[] {recency[i], frequency[i], monetary[i]};
    }
    return out;
  }

  /**
   * Features ready for scaling: (recency, log1p(frequency), log1p(monetary)), taming the long right
   * tails of counts and spend. Standardise or robust-scale them before k-means.
   *
   * @return new n x 3 rows
   */
  public double[][] logRows() {
    double[][] out = new double[recency.length][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new double[] {recency[i], Math.log1p(frequency[i]), Math.log1p(monetary[i])};
    }
    return out;
  }

  /**
   * Classic RFM scores 1..bins per column by the mid-rank empirical distribution
   * p = (#smaller + #equal / 2) / n, score = min(bins, 1 + floor(bins p)); recency is reversed so
   * that the most recent customers score highest. Ties share a score.
   *
   * @param bins number of score levels (e.g. 5 for quintiles), at least 2
   * @return new n x 3 scores (recency, frequency, monetary)
   * @throws IllegalArgumentException if {@code bins < 2}
   */
  public int[][] scores(int bins) {
    Checks.argument(bins >= 2, "bins = " + bins + " must be >= 2");
    int[] r = score(recency, bins);
    int[] f = score(frequency, bins);
    int[] m = score(monetary, bins);
    int[][] out = new int[recency.length][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new int[] {bins + 1 - r[i], f[i], m[i]};
    }
    return out;
  }

  private static int[] score(double[] v, int bins) {
    int n = v.length;
    double[] sorted = v.clone();
    java.util.Arrays.sort(sorted);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int less = lowerBound(sorted, v[i]);
      int equal = lowerBound(sorted, Math.nextUp(v[i])) - less;
      double p = (less + 0.5 * equal) / n;
      out[i] = Math.min(bins, 1 + (int) Math.floor(bins * p));
    }
    return out;
  }

  private static int lowerBound(double[] sorted, double value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
