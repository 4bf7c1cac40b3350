package dev.niche.churn.internal;

import java.util.Arrays;

/**
 * Survival rows laid out for risk-set sweeps: sorted once by stratum and by end time
 * <em>descending</em>, covariates centred at their (weighted) means and stored row-major, so that a
 * sweep from the first to the last sorted row visits the risk sets of a stratum from the latest
 * event time to the earliest, adding rows as it goes (Therneau &amp; Grambsch 2000, §3.3).
 *
 * <p>With entry times, a second order lists the rows by stratum and entry time descending: a row
 * leaves the risk set of every time {@code t <= entry}. Immutable after construction.
 */
public final class CoxRiskSets {

  /** Number of rows. */
  public final int n;
  /** Number of covariates. */
  public final int p;
  /** Covariates of sorted row {@code i}, centred: {@code x[i * p + k]}. */
  final double[] x;
  /** Column means subtracted from {@link #x}. */
  final double[] means;
  /** End times in sorted order. */
  final double[] stop;
  /** Entry times in sorted order, or null. */
  final double[] start;
  /** Event indicators in sorted order. */
  final boolean[] event;
  /** Case weights in sorted order (1 when none were given). */
  final double[] weight;
  /** Original row index of each sorted row. */
  final int[] order;
  /** Sorted rows of stratum {@code s} are {@code stratumStart[s] .. stratumStart[s + 1] - 1}. */
  final int[] stratumStart;
  /** Sorted positions ordered by stratum and entry time descending, or null. */
  final int[] entryOrder;
  /** Stratum boundaries in {@link #entryOrder}. */
  final int[] entryStratumStart;
  /** The distinct stratum labels, ascending (one label 0 when no strata were given). */
  final int[] strataLabels;

  private CoxRiskSets(double[] stop, double[] start, boolean[] event, double[][] columns,
      int[] strata, double[] weights) {
    this.n = stop.length;
    this.p = columns.length;
    int[] stratumRank = new int[n];
    if (strata == null) {
      strataLabels = new int[] {0};
    } else {
      strataLabels = Arrays.stream(strata).distinct().sorted().toArray();
      for (int i = 0; i < n; i++) {
        stratumRank[i] = Arrays.binarySearch(strataLabels, strata[i]);
      }
    }
    int groups = strataLabels.length;
    order = SortKeys.descending(stratumRank, groups, stop);
    stratumStart = boundaries(stratumRank, order, groups);
    int[] position = new int[n];
    for (int i = 0; i < n; i++) {
      position[order[i]] = i;
    }
    this.stop = new double[n];
    this.event = new boolean[n];
    this.weight = new double[n];
    double totalWeight = 0;
    for (int j = 0; j < n; j++) {
      int i = position[j];
      this.stop[i] = stop[j];
      this.event[i] = event[j];
      double w = weights == null ? 1.0 : weights[j];
      this.weight[i] = w;
      totalWeight += w;
    }
    means = new double[p];
    for (int k = 0; k < p; k++) {
      double[] c = columns[k];
      double sum = 0;
      for (int j = 0; j < n; j++) {
        sum += (weights == null ? 1.0 : weights[j]) * c[j];
      }
      means[k] = sum / totalWeight;
    }
    // Row by row in the caller's order: p sequential reads, one scattered row write.
    x = new double[n * p];
    for (int j = 0; j < n; j++) {
      int o = position[j] * p;
      for (int k = 0; k < p; k++) {
        x[o + k] = columns[k][j] - means[k];
      }
    }
    if (start == null) {
      this.start = null;
      entryOrder = null;
      entryStratumStart = null;
    } else {
      this.start = new double[n];
      int[] sortedRank = new int[n];
      for (int i = 0; i < n; i++) {
        this.start[i] = start[order[i]];
        sortedRank[i] = stratumRank[order[i]];
      }
      entryOrder = SortKeys.descending(sortedRank, groups, this.start);
      entryStratumStart = boundaries(sortedRank, entryOrder, groups);
    }
  }

  /**
   * Sorts and centres survival rows.
   *
   * @param stop end times
   * @param start entry times, or null
   * @param event event indicators
   * @param columns covariate columns (each of length {@code stop.length})
   * @param strata stratum labels, or null
   * @param weights case weights, or null
   * @return the layout
   */
  public static CoxRiskSets of(double[] stop, double[] start, boolean[] event,
      double[][] columns, int[] strata, double[] weights) {
    return new CoxRiskSets(stop, start, event, columns, strata, weights);
  }

  private static int[] boundaries(int[] rank, int[] order, int groups) {
    int[] b = new int[groups + 1];
    for (int o : order) {
      b[rank[o] + 1]++;
    }
    for (int s = 0; s < groups; s++) {
      b[s + 1] += b[s];
    }
    return b;
  }

  /**
   * The number of strata.
   *
   * @return {@code >= 1}
   */
  public int strataCount() {
    return strataLabels.length;
  }

  /**
   * The index of a stratum label.
   *
   * @param label a label given in the data
   * @return its index, or a negative number if the label does not occur
   */
  public int stratumIndex(int label) {
    return Arrays.binarySearch(strataLabels, label);
  }

  /**
   * The centring of the covariates.
   *
   * @return a copy of the weighted column means
   */
  public double[] means() {
    return means.clone();
  }

  /**
   * The linear predictors {@code (x_i - mean) · beta} in sorted order.
   *
   * @param beta coefficients
   * @param eta receives the predictors, length {@code n}
   */
  void linearPredictors(double[] beta, double[] eta) {
    for (int i = 0, o = 0; i < n; i++, o += p) {
      double s = 0;
      for (int k = 0; k < p; k++) {
        s += x[o + k] * beta[k];
      }
      eta[i] = s;
    }
  }
}
