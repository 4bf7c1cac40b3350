package dev.niche.churn;

import dev.niche.core.Checks;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.special.Gamma;

/**
 * The log-rank test and its Fleming–Harrington {@code G^rho} family for {@code k >= 2} grouped
 * retention curves (Mantel 1966; Harrington &amp; Fleming 1982; Klein &amp; Moeschberger 2003,
 * §7.3), computed as R {@code survival::survdiff(..., rho)} does.
 *
 * <p>Each curve is read as in {@link KaplanMeier#fit(RetentionCurve)}: group {@code j} has
 * {@code n_jt = N_j,t-1} customers at risk and {@code d_jt} events at time {@code t}; a curve
 * with fewer periods than another has its survivors censored after its last period. At each
 * time with {@code d_t = Σ_j d_jt > 0} and {@code n_t = Σ_j n_jt}, with weight
 * {@code w_t = Ŝ(t-)^rho} from the Kaplan–Meier estimate of the pooled sample just before
 * {@code t}:
 *
 * <pre>
 *   O_j   = Σ_t w_t d_jt
 *   E_j   = Σ_t w_t d_t n_jt / n_t
 *   V_jl  = Σ_t w_t² d_t (n_t - d_t) / (n_t - 1) · (n_jt / n_t) (δ_jl - n_lt / n_t)
 *   χ²    = U' V⁻ U   with U = (O - E) and V restricted to groups 1..k-1
 * </pre>
 *
 * with {@code k - 1} degrees of freedom (the rank of the restricted {@code V}; a generalised
 * inverse is used when it is singular). {@code rho = 0} is the log-rank (Mantel–Haenszel) test;
 * {@code rho = 1} the Peto–Peto / Prentice modification of the Gehan–Wilcoxon test, which weighs
 * early differences more.
 *
 * <p>Stateless and thread-safe.
 */
public final class LogRankTest {

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
    double[] o = new double[k];
    double[] e = new double[k];
    double[][] v = new double[k][k];
    double[] n = new double[k];
    double[] d = new double[k];
    double km = 1.0;
    for (int t = 1; t <= horizon; t++) {
      double nt = 0;
      double dt = 0;
      for (int j = 0; j < k; j++) {
        RetentionCurve c = curves[j];
        boolean present = t <= c.periods();
        n[j] = present ? c.survivors(t - 1) : 0;
        d[j] = present ? c.lost(t) : 0;
        nt += n[j];
        dt += d[j];
      }
      if (dt == 0) {
        continue;
      }
      double w = rho == 0.0 ? 1.0 : Math.pow(km, rho);
      double spread = nt > 1 ? w * w * dt * (nt - dt) / (nt - 1) : 0.0;
      for (int j = 0; j < k; j++) {
        o[j] += w * d[j];
        e[j] += w * dt * n[j] / nt;
        for (int l = 0; l < k; l++) {
          double delta = j == l ? 1.0 : 0.0;
          v[j][l] += spread * (n[j] / nt) * (delta - n[l] / nt);
        }
      }
      km *= (nt - dt) / nt;
    }
    int m = k - 1;
    double[][] reduced = new double[m][m];
    double[] u = new double[m];
    for (int j = 0; j < m; j++) {
      u[j] = o[j + 1] - e[j + 1];
      for (int l = 0; l < m; l++) {
        reduced[j][l] = v[j + 1][l + 1];
      }
    }
    SingularValueDecomposition svd =
        new SingularValueDecomposition(new Array2DRowRealMatrix(reduced));
    int rank = svd.getRank();
    double chi = 0.0;
    if (rank > 0) {
      double[] x = svd.getSolver().solve(new ArrayRealVector(u)).toArray();
      for (int j = 0; j < m; j++) {
        chi += u[j] * x[j];
      }
      chi = Math.max(0.0, chi);
    }
    // Upper tail of chi-square(rank) = Q(rank / 2, chi / 2), accurate for tiny p-values.
    double p = rank == 0 ? 1.0 : Gamma.regularizedGammaQ(rank / 2.0, chi / 2.0);
    return new LogRankResult(rho, o, e, v, chi, rank, Math.max(0.0, Math.min(1.0, p)));
  }
}
