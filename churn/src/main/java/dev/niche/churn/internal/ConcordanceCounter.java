package dev.niche.churn.internal;

/**
 * Harrell's C of a linear predictor and its infinitesimal-jackknife standard error, in
 * {@code O(n log n)} with Fenwick trees over the ranks of the predictor (Harrell et al. 1982;
 * Therneau &amp; Watson 2017, the {@code concordance} vignette of R survival).
 *
 * <p>A pair {@code (i, j)} of the same stratum is comparable when {@code i} has an event at
 * {@code t_i} and {@code j} is at risk after it: {@code entry_j < t_i} and {@code t_j > t_i}, or
 * {@code t_j = t_i} with {@code j} censored. It is concordant when {@code η_i > η_j}, discordant
 * when {@code η_i < η_j}, tied in risk when equal; it has weight {@code w_i w_j}. With these
 * weighted counts {@code c, d, u}, Somers' {@code D = (c − d)/(c + d + u)} and
 * {@code C = (D + 1)/2}. The standard error is {@code √Σ_k (w_k ∂C/∂w_k)²}, where
 * {@code ∂D/∂w_k = [(c_k − d_k) − D (c_k + d_k + u_k)]/(c + d + u)} and {@code c_k, d_k, u_k} are
 * the weighted counts of the pairs that contain row {@code k} (divided by {@code w_k}).
 */
public final class ConcordanceCounter {

  private ConcordanceCounter() {}

  /**
   * Counts the pairs.
   *
   * @param data the rows
   * @param beta the coefficients of the predictor
   * @param clusters cluster labels in the caller's row order, or null: the influences of a
   *     cluster's rows are summed before squaring (as R's {@code concordance(..., cluster)})
   * @return {@code {C, se, concordant, discordant, tiedRisk, tiedTime}}
   */
  public static double[] count(CoxRiskSets data, double[] beta, int[] clusters) {
    int n = data.n;
    double[] eta = new double[n];
    data.linearPredictors(beta, eta);
    int[] byEta = SortKeys.ascending(eta);
    int[] rank = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (i > 0 && eta[byEta[i]] != eta[byEta[i - 1]]) {
        m++;
      }
      rank[byEta[i]] = m;
    }
    m = n == 0 ? 0 : m + 1;
    double[] w = data.weight;
    double[] perRow = new double[3 * n];
    double[] totals = new double[4];
    Fenwick tree = new Fenwick(m);
    for (int s = 0; s < data.strataCount(); s++) {
      asEvents(data, s, rank, tree, perRow, totals);
      asPartners(data, s, rank, tree, perRow);
    }
    double c = totals[0];
    double d = totals[1];
    double u = totals[2];
    double pairs = c + d + u;
    if (pairs == 0) {
      return new double[] {0.5, 0, 0, 0, 0, totals[3]};
    }
    double somers = (c - d) / pairs;
    double[] influence = new double[n];
    for (int i = 0; i < n; i++) {
      double ci = perRow[3 * i];
      double di = perRow[3 * i + 1];
      double ui = perRow[3 * i + 2];
      influence[i] = w[i] * ((ci - di) - somers * (ci + di + ui)) / pairs / 2;
    }
    if (clusters != null) {
      java.util.Map<Integer, Double> sums = new java.util.HashMap<>();
      for (int i = 0; i < n; i++) {
        sums.merge(clusters[data.order[i]], influence[i], Double::sum);
      }
      influence = sums.values().stream().mapToDouble(Double::doubleValue).toArray();
    }
    double variance = 0;
    for (double v : influence) {
      variance += v * v;
    }
    return new double[] {(somers + 1) / 2, Math.sqrt(variance), c, d, u, totals[3]};
  }

  /** Descending sweep: each event row against the rows at risk after it. */
  private static void asEvents(CoxRiskSets data, int s, int[] rank, Fenwick tree,
      double[] perRow, double[] totals) {
    double[] w = data.weight;
    double[] stop = data.stop;
    boolean[] event = data.event;
    int lo = data.stratumStart[s];
    int hi = data.stratumStart[s + 1];
    int leave = data.start == null ? 0 : data.entryStratumStart[s];
    int leaveEnd = data.start == null ? 0 : data.entryStratumStart[s + 1];
    int i = lo;
    while (i < hi) {
      double t = stop[i];
      int j = i;
      while (j < hi && stop[j] == t) {
        j++;
      }
      for (int r = i; r < j; r++) {
        if (!event[r]) {
          tree.add(rank[r], w[r]);
        }
      }
      while (leave < leaveEnd && data.start[data.entryOrder[leave]] >= t) {
        int r = data.entryOrder[leave++];
        tree.add(rank[r], -w[r]);
      }
      double deadWeight = 0;
      double deadSquares = 0;
      for (int r = i; r < j; r++) {
        if (event[r]) {
          double below = tree.prefix(rank[r] - 1);
          double equal = tree.at(rank[r]);
          double above = tree.total() - below - equal;
          perRow[3 * r] += below;
          perRow[3 * r + 1] += above;
          perRow[3 * r + 2] += equal;
          totals[0] += w[r] * below;
          totals[1] += w[r] * above;
          totals[2] += w[r] * equal;
          deadWeight += w[r];
          deadSquares += w[r] * w[r];
        }
      }
      totals[3] += (deadWeight * deadWeight - deadSquares) / 2;
      for (int r = i; r < j; r++) {
        if (event[r]) {
          tree.add(rank[r], w[r]);
        }
      }
      i = j;
    }
    // Leave the tree empty for the next stratum.
    for (int r = lo; r < hi; r++) {
      tree.clear(rank[r]);
    }
  }

  /** Ascending sweep: each row against the events that happen while it is at risk after them. */
  private static void asPartners(CoxRiskSets data, int s, int[] rank, Fenwick tree,
      double[] perRow) {
    double[] w = data.weight;
    double[] stop = data.stop;
    boolean[] event = data.event;
    int lo = data.stratumStart[s];
    int hi = data.stratumStart[s + 1];
    int enter = data.start == null ? 0 : data.entryStratumStart[s + 1] - 1;
    int enterEnd = data.start == null ? 0 : data.entryStratumStart[s];
    int j = hi - 1;
    while (j >= lo || enter >= enterEnd && data.start != null) {
      double nextStop = j >= lo ? stop[j] : Double.POSITIVE_INFINITY;
      double nextStart = data.start != null && enter >= enterEnd
          ? data.start[data.entryOrder[enter]] : Double.POSITIVE_INFINITY;
      double t = Math.min(nextStop, nextStart);
      if (nextStop == t) {
        int k = j;
        while (k >= lo && stop[k] == t) {
          k--;
        }
        for (int r = j; r > k; r--) {
          if (event[r]) {
            partnerCounts(tree, rank[r], w[r], perRow, r, 1);
          }
        }
        for (int r = j; r > k; r--) {
          if (event[r]) {
            tree.add(rank[r], w[r]);
          }
        }
        for (int r = j; r > k; r--) {
          if (!event[r]) {
            partnerCounts(tree, rank[r], w[r], perRow, r, 1);
          }
        }
        j = k;
      }
      while (data.start != null && enter >= enterEnd
          && data.start[data.entryOrder[enter]] == t) {
        int r = data.entryOrder[enter--];
        partnerCounts(tree, rank[r], w[r], perRow, r, -1);
      }
    }
    for (int r = lo; r < hi; r++) {
      tree.clear(rank[r]);
    }
  }

  /** Adds to row r's pair counts the events in the tree, as the later member of each pair. */
  private static void partnerCounts(Fenwick tree, int rank, double weight, double[] perRow,
      int r, int sign) {
    double below = tree.prefix(rank - 1);
    double equal = tree.at(rank);
    double above = tree.total() - below - equal;
    perRow[3 * r] += sign * above;
    perRow[3 * r + 1] += sign * below;
    perRow[3 * r + 2] += sign * equal;
  }

  /** A Fenwick (binary indexed) tree of weights over ranks {@code 0..m-1}. */
  private static final class Fenwick {
    private final double[] tree;
    private final double[] atRank;
    private double total;

    Fenwick(int m) {
      tree = new double[m + 1];
      atRank = new double[m];
    }

    void add(int rank, double w) {
      total += w;
      atRank[rank] += w;
      for (int i = rank + 1; i < tree.length; i += i & -i) {
        tree[i] += w;
      }
    }

    /** Sum of ranks {@code 0..rank}; 0 when rank &lt; 0. */
    double prefix(int rank) {
      double s = 0;
      for (int i = rank + 1; i > 0; i -= i & -i) {
        s += tree[i];
      }
      return s;
    }

    double total() {
      return total;
    }

    /** Weight at exactly one rank (kept apart so that ties are exact, not a difference). */
    double at(int rank) {
      return atRank[rank];
    }

    /** Zeroes every node on the update path of a rank (used to reset between strata). */
    void clear(int rank) {
      atRank[rank] = 0;
      for (int i = rank + 1; i < tree.length; i += i & -i) {
        tree[i] = 0;
      }
      total = 0;
    }
  }
}
