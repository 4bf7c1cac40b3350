package dev.niche.ecology.internal;

/**
 * The gradient-matching (per-capita growth regression) start for Lotka–Volterra fitting.
 *
 * <p>Between consecutive observations {@code k, k+1} where species {@code i} is positive at both,
 * the per-capita growth rate is approximated by the finite difference
 * {@code g = (ln N_i(t_{k+1}) − ln N_i(t_k)) / (t_{k+1} − t_k)}, which is exact for the mean of
 * {@code (1/N) dN/dt} over the interval, and regressed by least squares on
 * {@code 1, N̄_1, …, N̄_n} with {@code N̄_j} the interval mean {@code (N_j(t_k) + N_j(t_{k+1})) / 2}
 * (Ellner, Seifu &amp; Smith 2002, Ecology 83:2256, "gradient matching"; the same regression
 * gauseR uses for its start). A tiny ridge ({@code 1e-10·trace}) keeps the normal equations
 * solvable when a species never co-occurs with another; such coefficients come out near zero.
 */
public final class GradientMatching {

  private GradientMatching() {}

  /**
   * Estimates {@code r} and {@code A}.
   *
   * @param times per series, observation times
   * @param abundances per series, abundances by time and species
   * @param n number of species
   * @return {@code n × (n + 1)} rows {@code (r_i, a_i1, …, a_in)}
   */
  public static double[][] estimate(double[][] times, double[][][] abundances, int n) {
    double[][] out = new double[n][];
    int p = n + 1;
    for (int i = 0; i < n; i++) {
      double[] xtx = new double[p * p];
      double[] xty = new double[p];
      double[] x = new double[p];
      int rows = 0;
      for (int s = 0; s < times.length; s++) {
        double[] t = times[s];
        double[][] a = abundances[s];
        for (int k = 0; k + 1 < t.length; k++) {
          if (!(a[k][i] > 0 && a[k + 1][i] > 0)) {
            continue;
          }
          double g = (Math.log(a[k + 1][i]) - Math.log(a[k][i])) / (t[k + 1] - t[k]);
          x[0] = 1;
          for (int j = 0; j < n; j++) {
            x[j + 1] = 0.5 * (a[k][j] + a[k + 1][j]);
          }
          for (int u = 0; u < p; u++) {
            xty[u] += x[u] * g;
            for (int v = 0; v < p; v++) {
              xtx[u * p + v] += x[u] * x[v];
            }
          }
          rows++;
        }
      }
      double trace = 0;
      for (int u = 0; u < p; u++) {
        trace += xtx[u * p + u];
      }
      for (int u = 0; u < p; u++) {
        xtx[u * p + u] += 1e-10 * trace + Double.MIN_NORMAL;
      }
      double[] beta = rows == 0 ? null : DenseLinearAlgebra.solve(xtx, p, xty);
      out[i] = beta == null ? new double[p] : beta;
    }
    return out;
  }
}
