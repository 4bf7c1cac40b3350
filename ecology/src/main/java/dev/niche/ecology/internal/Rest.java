package dev.niche.ecology.internal;

import java.util.List;

/**
 * Decides whether a state is at rest, so that the rest of a long horizon needs no integration.
 * With {@code g = r + A N} the per-capita growth rates (the log-space derivative), a state is
 * at rest when every species is either
 *
 * <ul>
 *   <li>negligible ({@code N_k <= negligible}: its effect on the others is below round-off)
 *       and declining ({@code g_k < 0}), or
 *   <li>stationary: all the others' {@code |g_k|} are at round-off level
 *       ({@code 64 ε (|r_k| + Σ_l |a_kl| N_l)}), or they are small and the Jacobian
 *       {@code J_kl = a_kl N_l} of the stationary species has no growing direction (every
 *       {@code Re λ} at most 1e-6 of the fastest rate; directions within that band count as
 *       neutral, e.g. along a line of equilibria) and the remaining drift
 *       {@code max |g_k| / min |Re λ|} over the decaying directions is below the tolerance.
 * </ul>
 *
 * A state at rest stays there (to within the tolerance) for all later times, stationary
 * species constant and negligible ones declining at the rates {@link #slopes()}.
 */
final class Rest {
  private static final double ROUND_OFF = 64 * Math.ulp(1.0);
  private final double[] r;
  private final double[] a;
  private final double negligible;
  private final double tolerance;
  private final double[] abundance;
  private final double[] slope;

  Rest(double[] r, double[] a, double negligible, double tolerance) {
    this.r = r;
    this.a = a;
    this.negligible = negligible;
    this.tolerance = tolerance;
    this.abundance = new double[r.length];
    this.slope = new double[r.length];
  }

  /** The fastest per-capita rate at a log-state: {@code max_k |r_k| + Σ_l |a_kl| N_l}. */
  double rate(double[] y) {
    int m = r.length;
    double rate = 0;
    for (int k = 0; k < m; k++) {
      double s = Math.abs(r[k]);
      for (int l = 0; l < m; l++) {
        s += Math.abs(a[k * m + l]) * Math.exp(Math.min(y[l], LogSpaceSimulator.MAX_EXPONENT));
      }
      rate = Math.max(rate, s);
    }
    return rate;
  }

  /** The log-space slopes at the last state tested at rest (0 for stationary species). */
  double[] slopes() {
    return slope.clone();
  }

  boolean atRest(double[] values, int offset) {
    int m = r.length;
    for (int l = 0; l < m; l++) {
      abundance[l] = Math.exp(Math.min(values[offset + l], LogSpaceSimulator.MAX_EXPONENT));
    }
    int stationary = 0;
    double largest = 0;
    double fastest = 0;
    boolean roundOff = true;
    for (int k = 0; k < m; k++) {
      double g = r[k];
      double scale = Math.abs(r[k]);
      for (int l = 0; l < m; l++) {
        double term = a[k * m + l] * abundance[l];
        g += term;
        scale += Math.abs(term);
      }
      if (abundance[k] <= negligible) {
        if (!(g < -ROUND_OFF * scale)) {
          return false;
        }
        slope[k] = g;
        continue;
      }
      slope[k] = 0;
      stationary++;
      fastest = Math.max(fastest, scale);
      largest = Math.max(largest, Math.abs(g));
      roundOff &= Math.abs(g) <= ROUND_OFF * scale;
    }
    if (stationary == 0 || roundOff) {
      return true;
    }
    if (!(largest <= 1e-3 * fastest)) {
      return false;
    }
    int[] index = new int[stationary];
    for (int k = 0, s = 0; k < m; k++) {
      if (abundance[k] > negligible) {
        index[s++] = k;
      }
    }
    double[] jacobian = new double[stationary * stationary];
    for (int p = 0; p < stationary; p++) {
      for (int q = 0; q < stationary; q++) {
        jacobian[p * stationary + q] = a[index[p] * m + index[q]] * abundance[index[q]];
      }
    }
    List<double[]> eigenvalues = DenseLinearAlgebra.eigenvalues(jacobian, stationary);
    if (eigenvalues == null) {
      return false;
    }
    // Neutral directions (|Re λ| at most 1e-6 of the fastest rate, e.g. along a line of
    // equilibria) neither grow nor decay; a growing one means the state may still leave.
    double neutral = 1e-6 * fastest;
    double slowest = Double.POSITIVE_INFINITY;
    for (double[] lambda : eigenvalues) {
      if (lambda[0] > neutral || Double.isNaN(lambda[0])) {
        return false;
      }
      if (lambda[0] < -neutral) {
        slowest = Math.min(slowest, -lambda[0]);
      }
    }
    return largest <= tolerance * (slowest == Double.POSITIVE_INFINITY ? neutral : slowest);
  }
}
