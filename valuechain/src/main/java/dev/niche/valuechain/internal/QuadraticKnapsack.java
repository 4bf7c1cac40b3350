package dev.niche.valuechain.internal;

import java.util.Arrays;

/**
 * Exact solver of the continuous quadratic knapsack problem
 *
 * <pre>
 *   minimise  &Sigma; w_i (x_i - c_i)^2   subject to  &Sigma; x_i = b,  l_i &le; x_i &le; u_i
 * </pre>
 *
 * <p>with w_i &gt; 0. The KKT conditions give x_i(&lambda;) = clamp(c_i + &lambda;/(2 w_i), l_i,
 * u_i) for the multiplier &lambda; of the budget, and &Sigma; x_i(&lambda;) is continuous,
 * non-decreasing and piecewise linear with breakpoints 2 w_i (l_i - c_i) and 2 w_i (u_i - c_i).
 * Sorting the 2n breakpoints and bisecting over them finds the segment where the sum crosses b in
 * O(n log n) (here: bisection over the sorted breakpoints; Helgason, Kennington &amp; Lall 1980; Brucker 1984 gives an O(n) median variant).
 * Inside that segment the free variables are known, so &lambda; is computed directly from them,
 * which keeps integer data exact. Callers check feasibility (&Sigma; l &le; b &le; &Sigma; u,
 * l &le; u) first. Stateless.
 */
public final class QuadraticKnapsack {

  private QuadraticKnapsack() {}

  /**
   * Solves the problem; the arguments are not modified.
   *
   * @param c the targets (start point)
   * @param w the positive weights
   * @param lower the lower bounds (finite)
   * @param upper the upper bounds (may be +infinity)
   * @param budget the required sum, with &Sigma; lower &le; budget &le; &Sigma; upper
   * @return the minimiser
   */
  public static double[] solve(double[] c, double[] w, double[] lower, double[] upper,
      double budget) {
    int n = c.length;
    double sumLower = 0;
    double sumUpper = 0;
    for (int i = 0; i < n; i++) {
      sumLower += lower[i];
      sumUpper += upper[i];
    }
    if (budget <= sumLower) {
      return lower.clone();
    }
    if (budget >= sumUpper) {
      return upper.clone();
    }
    // Breakpoints 2 w_i (l_i - c_i) and 2 w_i (u_i - c_i), sorted; the budget is crossed between
    // two consecutive ones, found by bisection over the sorted list with O(n) sums: O(n log n).
    double[] at = new double[2 * n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      at[m++] = 2 * w[i] * (lower[i] - c[i]);
      if (upper[i] != Double.POSITIVE_INFINITY) {
        at[m++] = 2 * w[i] * (upper[i] - c[i]);
      }
    }
    double[] sorted = Arrays.copyOf(at, m);
    Arrays.sort(sorted);
    // Invariant: total(sorted[lo]) < budget (all at lower) and total(sorted[hi]) >= budget, where
    // hi = m stands for +infinity (all free variables unbounded above, so the sum diverges).
    int lo = 0;
    int hi = m;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (total(c, w, lower, upper, sorted[mid]) >= budget) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    double left = sorted[lo];
    double right = hi == m ? Double.POSITIVE_INFINITY : sorted[hi];
    // On (left, right) no variable changes status: free ones have 2w(l-c) <= left and
    // 2w(u-c) >= right. Solve the linear budget equation on the free set exactly.
    double fixedSum = 0;
    double freeTargets = 0;
    double freeSlope = 0;
    for (int i = 0; i < n; i++) {
      double leave = 2 * w[i] * (lower[i] - c[i]);
      double reach = upper[i] == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY
          : 2 * w[i] * (upper[i] - c[i]);
      if (leave > left) {
        fixedSum += lower[i];
      } else if (reach <= left) {
        fixedSum += upper[i];
      } else {
        freeTargets += c[i];
        freeSlope += 1 / (2 * w[i]);
      }
    }
    double star = freeSlope == 0 ? left : (budget - fixedSum - freeTargets) / freeSlope;
    star = Math.max(left, Math.min(right, star));
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = clamp(c[i] + star / (2 * w[i]), lower[i], upper[i]);
    }
    return x;
  }

  private static double total(double[] c, double[] w, double[] lower, double[] upper,
      double lambda) {
    double s = 0;
    for (int i = 0; i < c.length; i++) {
      s += clamp(c[i] + lambda / (2 * w[i]), lower[i], upper[i]);
    }
    return s;
  }

  private static double clamp(double v, double lo, double hi) {
    return v < lo ? lo : (v > hi ? hi : v);
  }
}
