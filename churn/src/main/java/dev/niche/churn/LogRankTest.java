package dev.niche.churn;

import dev.niche.core.Checks;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.special.Gamma;

/**
 * The log-rank test and its Fleming–Harrington family for {@code k >= 2} groups, on grouped
 * retention curves or on individual data (Mantel 1966; Peto &amp; Peto 1972; Harrington &amp;
 * Fleming 1982; Klein &amp; Moeschberger 2003, §7.3, §7.5), computed as R
 * {@code survival::survdiff(..., rho)} does.
 *
 * <p>At each distinct event time {@code t}, with {@code n_jt} customers at risk and {@code d_jt}
 * events in group {@code j}, {@code n_t = Σ_j n_jt}, {@code d_t = Σ_j d_jt}, and weight
 * {@code w_t = Ŝ(t-)^rho (1 - Ŝ(t-))^gamma} from the Kaplan–Meier estimate {@code Ŝ} of the
 * pooled sample just before {@code t}:
 *
 * <pre>
 *   O_j   = Σ_t w_t d_jt
 *   E_j   = Σ_t w_t d_t n_jt / n_t
 *   V_jl  = Σ_t w_t² d_t (n_t - d_t) / (n_t - 1) · (n_jt / n_t) (δ_jl - n_lt / n_t)
 *   χ²    = U' V⁻ U   with U = (O - E), both restricted to the groups with E_j &gt; 0 but the first
 * </pre>
 *
 * with {@code k - 1} degrees of freedom (the rank of the restricted {@code V}; a generalised
 * inverse is used when it is singular). {@code rho = gamma = 0} is the log-rank
 * (Mantel–Haenszel) test; {@code rho = 1} the Peto–Peto / Prentice modification of the
 * Gehan–Wilcoxon test, which weighs early differences more; {@code gamma > 0} weighs late ones.
 * With strata the sums run within each stratum (its own pooled {@code Ŝ}) and are added, as R
 * {@code survdiff(... + strata(s))}. {@link #pairwise} tests every two groups and adjusts the
 * p-values by Holm's (1979) step-down method.
 *
 * <p>A grouped curve is read as in {@link KaplanMeier#fit(RetentionCurve)}: group {@code j} has
 * {@code n_jt = N_j,t-1} customers at risk and {@code d_jt} events at time {@code t}; a curve
 * with fewer periods than another has its survivors censored after its last period.
 *
 * <p>Stateless and thread-safe.
 */
public final class LogRankTest {

  /** The largest number of groups {@link #compare(double[], boolean[], int[])} accepts. */
  public static final int MAX_GROUPS = 1000;

  /** The largest number of groups a pairwise comparison accepts (4950 tests). */
  public static final int MAX_PAIRWISE_GROUPS = 100;

  private LogRankTest() {}

  /**
   * The log-rank test ({@code rho = 0}).
   *
   * @param curves two or more curves
   * @return the test result
   * @throws NullPointerException if the array or a curve is null
   * @throws IllegalArgumentException if fewer than two curves are given
   */
  public static LogRankResult compare(RetentionCurve... curves) {
    return flemingHarrington(0.0, curves);
  }

  /**
   * The Fleming–Harrington {@code G^rho} test with weights {@code Ŝ(t-)^rho}.
   *
   * @param rho the exponent, finite and {@code >= 0}
   * @param curves two or more curves
   * @return the test result
   * @throws NullPointerException if the array or a curve is null
   * @throws IllegalArgumentException if {@code rho} is negative or not finite, or fewer than two
   *     curves are given
   */
  public static LogRankResult flemingHarrington(double rho, RetentionCurve... curves) {
    Checks.nonNegative(rho, "rho");
    Checks.notNull(curves, "curves");
    Checks.argument(curves.length >= 2, "curves has " + curves.length + " curve(s); need >= 2");
    int k = curves.length;
    int horizon = 0;
    for (int j = 0; j < k; j++) {
      Checks.notNull(curves[j], "curves[" + j + "]");
      horizon = Math.max(horizon, curves[j].periods());
    }
    double[][] n = new double[k][horizon];
    double[][] d = new double[k][horizon];
    for (int j = 0; j < k; j++) {
      RetentionCurve c = curves[j];
      for (int t = 1; t <= c.periods(); t++) {
        n[j][t - 1] = c.survivors(t - 1);
        d[j][t - 1] = c.lost(t);
      }
    }
    return riskSetTest(rho, n, d);
  }

  /**
   * The log-rank test from risk sets: the number of customers at risk and of events in each
   * group at each time, as a survival table or an engine that aggregates individual data (for
   * example Spark, by group and distinct duration) gives them. Equal to
   * {@link #compare(double[], boolean[], int[])} on the individual data with those counts: at
   * time {@code times[i]} group {@code j} has {@code atRisk[j][i]} customers at risk (still
   * observed just before it) and {@code events[j][i]} events; see the class comment for the
   * sums. Times without events add nothing; counts may also come from delayed entry (at-risk
   * counts need not fall).
   *
   * @param times the times, strictly increasing, finite and {@code >= 0}; not modified
   * @param atRisk {@code atRisk[j][i]}, customers of group {@code j} at risk at
   *     {@code times[i]}, {@code >= 0}; not modified
   * @param events {@code events[j][i]}, events of group {@code j} at {@code times[i]}, in
   *     {@code [0, atRisk[j][i]]}; not modified
   * @return the test; its groups are the row indices {@code 0 .. k-1}
   * @throws NullPointerException if an array or a row is null
   * @throws IllegalArgumentException if {@code times} is empty, not strictly increasing or holds
   *     a bad value; if {@code atRisk} and {@code events} do not both have one row per group,
   *     with two to {@link #MAX_GROUPS} groups, and one column per time; or if a count is negative
   *     or an event count exceeds its at-risk count
   */
  public static LogRankResult fromRiskSets(double[] times, long[][] atRisk, long[][] events) {
    Checks.nonNegative(times, "times");
    for (int i = 1; i < times.length; i++) {
      Checks.element(times[i] > times[i - 1], "times", i, times[i],
          "must be greater than times[" + (i - 1) + "] = " + times[i - 1]);
    }
    Checks.notNull(atRisk, "atRisk");
    Checks.notNull(events, "events");
    int k = atRisk.length;
    Checks.argument(k >= 2, "atRisk has " + k + " group(s); need >= 2");
    Checks.argument(k <= MAX_GROUPS, "atRisk has " + k + " groups; at most " + MAX_GROUPS
        + " are allowed");
    Checks.sameLength(k, "atRisk", events.length, "events");
    int m = times.length;
    double[][] n = new double[k][m];
    double[][] d = new double[k][m];
    for (int j = 0; j < k; j++) {
      long[] risk = Checks.notNull(atRisk[j], "atRisk[" + j + "]");
      long[] died = Checks.notNull(events[j], "events[" + j + "]");
      Checks.sameLength(m, "times", risk.length, "atRisk[" + j + "]");
      Checks.sameLength(m, "times", died.length, "events[" + j + "]");
      for (int i = 0; i < m; i++) {
        int row = j;
        int column = i;
        Checks.argument(risk[i] >= 0, () -> "atRisk[" + row + "][" + column + "] = "
            + risk[column] + " must be >= 0");
        Checks.argument(died[i] >= 0 && died[i] <= risk[i], () -> "events[" + row + "]["
            + column + "] = " + died[column] + " must be in [0, atRisk[" + row + "][" + column
            + "] = " + risk[column] + "]");
        n[j][i] = risk[i];
        d[j][i] = died[i];
      }
    }
    return riskSetTest(0.0, n, d);
  }

  /** The test from risk sets {@code n[j][t]} and events {@code d[j][t]}, times in order. */
  private static LogRankResult riskSetTest(double rho, double[][] n, double[][] d) {
    int k = n.length;
    int m = n[0].length;
    double[] o = new double[k];
    double[] e = new double[k];
    double[][] v = new double[k][k];
    double km = 1.0;
    for (int t = 0; t < m; t++) {
      double nt = 0;
      double dt = 0;
      for (int j = 0; j < k; j++) {
        nt += n[j][t];
        dt += d[j][t];
      }
      if (dt == 0) {
        continue;
      }
      double w = rho == 0.0 ? 1.0 : Math.pow(km, rho);
      double spread = nt > 1 ? w * w * dt * (nt - dt) / (nt - 1) : 0.0;
      for (int j = 0; j < k; j++) {
        o[j] += w * d[j][t];
        e[j] += w * dt * n[j][t] / nt;
        for (int l = 0; l < k; l++) {
          double delta = j == l ? 1.0 : 0.0;
          v[j][l] += spread * (n[j][t] / nt) * (delta - n[l][t] / nt);
        }
      }
      km *= (nt - dt) / nt;
    }
    int[] labels = new int[k];
    for (int j = 0; j < k; j++) {
      labels[j] = j;
    }
    return result(rho, 0.0, labels, o, e, v);
  }

  /**
   * The log-rank test of two or more groups on individual data, as R
   * {@code survdiff(Surv(durations, events) ~ groups)}.
   *
   * @param durations the durations, finite and {@code >= 0}; not modified
   * @param events {@code true} where the duration ended in the event; not modified
   * @param groups each row's group label (any ints; groups are ordered by label in the result)
   * @return the test; {@link LogRankResult#groups()} lists the labels
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the arrays are empty or of different lengths, a duration
   *     is bad, fewer than two or more than {@link #MAX_GROUPS} groups occur
   */
  public static LogRankResult compare(double[] durations, boolean[] events, int[] groups) {
    return builder(durations, events, groups).compare();
  }

  /**
   * Pairwise log-rank tests between every two groups with Holm's (1979) step-down adjustment of
   * the p-values, as {@code p.adjust(method = "holm")} applied to the pairwise {@code survdiff}
   * p-values (the logic of {@code survminer::pairwise_survdiff}).
   *
   * @param durations the durations, finite and {@code >= 0}; not modified
   * @param events {@code true} where the duration ended in the event; not modified
   * @param groups each row's group label
   * @return the comparisons
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #compare(double[], boolean[], int[])}, or if
   *     more than {@link #MAX_PAIRWISE_GROUPS} groups occur
   */
  public static PairwiseLogRank pairwise(double[] durations, boolean[] events, int[] groups) {
    return builder(durations, events, groups).pairwise();
  }

  /**
   * A configurable test on individual data: strata and Fleming–Harrington weights.
   *
   * @param durations the durations, finite and {@code >= 0}; copied
   * @param events {@code true} where the duration ended in the event; copied
   * @param groups each row's group label; copied
   * @return a builder with no strata and log-rank weights
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #compare(double[], boolean[], int[])}
   */
  public static LogRankBuilder builder(double[] durations, boolean[] events, int[] groups) {
    return new LogRankBuilder(durations, events, groups);
  }

  /** Assembles a result: {@code χ² = U' V⁻ U} on the groups with {@code E_j > 0} but the first. */
  static LogRankResult result(double rho, double gamma, int[] labels, double[] o, double[] e,
      double[][] v) {
    int k = o.length;
    int[] used = new int[k];
    int m = 0;
    for (int j = 0; j < k; j++) {
      if (e[j] > 0) {
        used[m++] = j;
      }
    }
    m = Math.max(0, m - 1);
    double[][] reduced = new double[m][m];
    double[] u = new double[m];
    for (int a = 0; a < m; a++) {
      u[a] = o[used[a + 1]] - e[used[a + 1]];
      for (int b = 0; b < m; b++) {
        reduced[a][b] = v[used[a + 1]][used[b + 1]];
      }
    }
    int rank = 0;
    double chi = 0.0;
    if (m > 0) {
      SingularValueDecomposition svd =
          new SingularValueDecomposition(new Array2DRowRealMatrix(reduced));
      rank = svd.getRank();
      if (rank > 0) {
        double[] x = svd.getSolver().solve(new ArrayRealVector(u)).toArray();
        for (int a = 0; a < m; a++) {
          chi += u[a] * x[a];
        }
        chi = Math.max(0.0, chi);
      }
    }
    // Upper tail of chi-square(rank) = Q(rank / 2, chi / 2), accurate for tiny p-values.
    double p = rank == 0 ? 1.0 : Gamma.regularizedGammaQ(rank / 2.0, chi / 2.0);
    return new LogRankResult(rho, gamma, labels, o, e, v, chi, rank,
        Math.max(0.0, Math.min(1.0, p)));
  }
}
