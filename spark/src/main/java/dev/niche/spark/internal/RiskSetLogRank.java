package dev.niche.spark.internal;

import dev.niche.churn.LogRankResult;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.special.Gamma;

/**
 * The log-rank test (Mantel 1966; R {@code survival::survdiff} with {@code rho = 0}) from
 * aggregated risk sets: at each distinct event time t with {@code N} subjects at risk and
 * {@code D} events, group j with {@code n_j} at risk expects {@code D n_j / N} events, and
 * {@code O - E} has variance {@code V_jk = D (N - D) / (N - 1) · n_j/N (δ_jk - n_k/N)} summed over
 * times; {@code χ² = U' V⁻ U} on the groups with {@code E_j > 0} but the first (generalised
 * inverse by SVD), with as many degrees of freedom as the reduced matrix's rank. Not part of the
 * API.
 */
public final class RiskSetLogRank {

  private RiskSetLogRank() {}

  /**
   * The test.
   *
   * @param sets counts per (group, duration), sorted by group label then duration
   * @return the result, groups in label order
   * @throws IllegalArgumentException if fewer than two groups occur
   */
  public static LogRankResult test(RiskSets sets) {
    List<String> labels = sets.labels();
    int k = labels.size();
    if (k < 2) {
      throw new IllegalArgumentException("groupColumn holds " + k
          + " group(s); the log-rank test needs at least 2");
    }
    TreeSet<Double> distinct = new TreeSet<>();
    for (double t : sets.durations()) {
      distinct.add(t);
    }
    double[] times = distinct.stream().mapToDouble(Double::doubleValue).toArray();
    int m = times.length;
    double[][] leaving = new double[k][m];
    double[][] events = new double[k][m];
    int g = -1;
    String current = null;
    for (int i = 0; i < sets.durations().length; i++) {
      if (!sets.groups()[i].equals(current)) {
        current = sets.groups()[i];
        g++;
      }
      int at = java.util.Arrays.binarySearch(times, sets.durations()[i]);
      leaving[g][at] += sets.subjects()[i];
      events[g][at] += sets.events()[i];
    }
    double[] atRisk = new double[k];
    for (int j = 0; j < k; j++) {
      for (int t = 0; t < m; t++) {
        atRisk[j] += leaving[j][t];
      }
    }
    double[] o = new double[k];
    double[] e = new double[k];
    double[][] v = new double[k][k];
    for (int t = 0; t < m; t++) {
      double n = 0;
      double d = 0;
      for (int j = 0; j < k; j++) {
        n += atRisk[j];
        d += events[j][t];
      }
      if (d > 0) {
        double spread = n > 1 ? d * (n - d) / (n - 1) : 0.0;
        for (int j = 0; j < k; j++) {
          o[j] += events[j][t];
          e[j] += d * atRisk[j] / n;
          double pj = atRisk[j] / n;
          for (int l = 0; l < k; l++) {
            double pl = atRisk[l] / n;
            v[j][l] += spread * pj * ((j == l ? 1.0 : 0.0) - pl);
          }
        }
      }
      for (int j = 0; j < k; j++) {
        atRisk[j] -= leaving[j][t];
      }
    }
    return result(o, e, v);
  }

  private static LogRankResult result(double[] o, double[] e, double[][] v) {
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
    double p = rank == 0 ? 1.0 : Gamma.regularizedGammaQ(rank / 2.0, chi / 2.0);
    return new LogRankResult(0.0, o, e, v, chi, rank, Math.max(0.0, Math.min(1.0, p)));
  }
}
