package dev.niche.churn.internal;

/**
 * The weighted observed, expected and variance sums of the (stratified) log-rank family on
 * individual data, as R {@code survival::survdiff}: within each stratum, at each distinct event
 * time {@code t} with {@code n_jt} at risk and {@code d_jt} events in group {@code j} and weight
 * {@code w_t = S(t-)^rho (1 - S(t-))^gamma} from the pooled Kaplan–Meier estimate of that stratum,
 *
 * <pre>
 *   O_j  += w_t d_jt
 *   E_j  += w_t d_t n_jt / n_t
 *   V_jl += w_t² d_t (n_t - d_t) / (n_t - 1) · (n_jt / n_t) (δ_jl - n_lt / n_t)    (n_t &gt; 1)
 * </pre>
 *
 * summed over strata. Rows come pre-sorted by stratum, then duration; one pass per call, so a
 * pairwise comparison reuses the sort of the whole sample. Mutable accumulator for one call.
 */
public final class LogRankSums {

  private final double[] observed;
  private final double[] expected;
  private final double[][] variance;

  private LogRankSums(int k) {
    observed = new double[k];
    expected = new double[k];
    variance = new double[k][k];
  }

  /**
   * Accumulates the sums over the rows {@code rows[0..count)}.
   *
   * @param durations every row's duration
   * @param events every row's event flag
   * @param group every row's group index in {@code [0, k)}
   * @param stratum every row's stratum index (any ints; rows of one stratum are contiguous)
   * @param rows row indices sorted by stratum, then by duration
   * @param count how many of {@code rows} to use
   * @param k the number of groups
   * @param rho the Fleming–Harrington exponent of {@code S(t-)}
   * @param gamma the Fleming–Harrington exponent of {@code 1 - S(t-)}
   * @return the sums
   */
  public static LogRankSums compute(double[] durations, boolean[] events, int[] group,
      int[] stratum, int[] rows, int count, int k, double rho, double gamma) {
    LogRankSums sums = new LogRankSums(k);
    double[] atRisk = new double[k];
    double[] died = new double[k];
    double[] leaving = new double[k];
    int start = 0;
    while (start < count) {
      int s = stratum[rows[start]];
      int end = start;
      while (end < count && stratum[rows[end]] == s) {
        atRisk[group[rows[end]]] += 1;
        end++;
      }
      sums.addStratum(durations, events, group, rows, start, end, atRisk, died, leaving, rho,
          gamma);
      java.util.Arrays.fill(atRisk, 0.0);
      start = end;
    }
    return sums;
  }

  private void addStratum(double[] durations, boolean[] events, int[] group, int[] rows,
      int start, int end, double[] atRisk, double[] died, double[] leaving, double rho,
      double gamma) {
    int k = observed.length;
    double km = 1.0;
    double nt = end - start;
    int i = start;
    while (i < end) {
      double time = durations[rows[i]];
      double dt = 0;
      int j = i;
      while (j < end && durations[rows[j]] == time) {
        int r = rows[j];
        leaving[group[r]] += 1;
        if (events[r]) {
          died[group[r]] += 1;
          dt += 1;
        }
        j++;
      }
      if (dt > 0) {
        double w = weight(km, rho, gamma);
        double spread = nt > 1 ? w * w * dt * (nt - dt) / (nt - 1) : 0.0;
        for (int a = 0; a < k; a++) {
          if (atRisk[a] == 0) {
            continue;
          }
          double pa = atRisk[a] / nt;
          observed[a] += w * died[a];
          expected[a] += w * dt * pa;
          double[] row = variance[a];
          for (int b = 0; b < k; b++) {
            row[b] += spread * pa * ((a == b ? 1.0 : 0.0) - atRisk[b] / nt);
          }
        }
        km *= (nt - dt) / nt;
      }
      for (int a = 0; a < k; a++) {
        atRisk[a] -= leaving[a];
        nt -= leaving[a];
        leaving[a] = 0;
        died[a] = 0;
      }
      i = j;
    }
  }

  private static double weight(double km, double rho, double gamma) {
    double w = rho == 0.0 ? 1.0 : Math.pow(km, rho);
    return gamma == 0.0 ? w : w * Math.pow(1.0 - km, gamma);
  }

  /**
   * The weighted observed events per group.
   *
   * @return the accumulator's own array
   */
  public double[] observed() {
    return observed;
  }

  /**
   * The weighted expected events per group.
   *
   * @return the accumulator's own array
   */
  public double[] expected() {
    return expected;
  }

  /**
   * The variance matrix of {@code O - E}.
   *
   * @return the accumulator's own matrix
   */
  public double[][] variance() {
    return variance;
  }
}
