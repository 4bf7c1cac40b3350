package dev.niche.churn.internal;

import java.util.Arrays;

/**
 * The Grambsch &amp; Therneau (1994) test of proportional hazards as a score test: does adding
 * the time-varying terms {@code x_k g(t)} improve the fit? Here {@code g(t) = 1 − Ŝ(t−)}, one
 * minus the pooled, unweighted, left-continuous Kaplan–Meier estimate (R {@code cox.zph}'s default
 * {@code transform = "km"}).
 *
 * <p>At each event time the sweep gives the summed Schoenfeld residuals {@code s_t} and the
 * information increment {@code V_t}. With γ the coefficients of {@code x g(t)}, the score and
 * information of the enlarged model at {@code (β̂, 0)} are
 *
 * <pre>
 *   U = (Σ s_t, Σ g_t s_t),     I = [ Σ V_t      Σ g_t V_t  ]
 *                                   [ Σ g_t V_t  Σ g_t² V_t ]
 * </pre>
 *
 * The global statistic is {@code Uᵀ I⁻¹ U} on {@code p} df; the statistic of term {@code k} is
 * the same form restricted to β and {@code γ_k} (1 df). A straight line in the scaled Schoenfeld
 * residuals against {@code g(t)} is what the test detects (Therneau &amp; Grambsch 2000, §6.2).
 */
public final class ProportionalHazardsScore {

  private ProportionalHazardsScore() {}

  /**
   * Computes the statistics.
   *
   * @param likelihood the fit's likelihood
   * @param beta the fitted coefficients
   * @return {@code p} per-term statistics followed by the global one
   */
  public static double[] statistics(CoxPartialLikelihood likelihood, double[] beta) {
    CoxRiskSets data = likelihood.data();
    int p = data.p;
    double[][] km = pooledKaplanMeier(data);
    double[] kmTimes = km[0];
    double[] transform = km[1];
    int q = 2 * p;
    double[] info = new double[q * q];
    double[] score = new double[q];
    likelihood.evaluate(beta, new double[p], new double[p * (p + 1) / 2],
        (stratum, time, deaths, deadWeight, s0, s1, d0, d1, du, dinfo) -> {
          double g = transform[Arrays.binarySearch(kmTimes, time)];
          for (int k = 0; k < p; k++) {
            score[k] += du[k];
            score[p + k] += g * du[k];
          }
          int packed = 0;
          for (int k = 0; k < p; k++) {
            for (int l = k; l < p; l++, packed++) {
              double v = dinfo[packed];
              add(info, q, k, l, v);
              add(info, q, k, p + l, g * v);
              if (l != k) {
                add(info, q, l, p + k, g * v);
              }
              add(info, q, p + k, p + l, g * g * v);
            }
          }
        });
    double[] out = new double[p + 1];
    for (int k = 0; k < p; k++) {
      int[] keep = new int[p + 1];
      for (int l = 0; l < p; l++) {
        keep[l] = l;
      }
      keep[p] = p + k;
      out[k] = form(info, score, q, keep);
    }
    int[] all = new int[q];
    for (int l = 0; l < q; l++) {
      all[l] = l;
    }
    out[p] = form(info, score, q, all);
    return out;
  }

  private static void add(double[] m, int q, int a, int b, double v) {
    m[a * q + b] += v;
    if (a != b) {
      m[b * q + a] += v;
    }
  }

  private static double form(double[] info, double[] score, int q, int[] keep) {
    int r = keep.length;
    double[] sub = new double[r * r];
    double[] u = new double[r];
    for (int a = 0; a < r; a++) {
      u[a] = score[keep[a]];
      for (int b = 0; b < r; b++) {
        sub[a * r + b] = info[keep[a] * q + keep[b]];
      }
    }
    SymmetricMatrix.cholesky(sub, r, 0);
    return SymmetricMatrix.inverseQuadraticForm(sub, r, u);
  }

  /**
   * The pooled (all strata), unweighted Kaplan–Meier estimate with entry times, as the transform
   * {@code 1 − S(t−)} at each distinct event time. Case weights are ignored here, as R's
   * {@code cox.zph} does (checked against it with weights).
   *
   * @param data the rows
   * @return {event times ascending, transform at each}
   */
  static double[][] pooledKaplanMeier(CoxRiskSets data) {
    int n = data.n;
    double[] stops = data.stop.clone();
    int[] byStop = SortKeys.descending(new int[n], 1, stops);
    double[] times = new double[n];
    double[] values = new double[n];
    double[] entries = data.start == null ? new double[0] : data.start.clone();
    Arrays.sort(entries);
    // Sweep the stops from the latest: at risk at t = #(stop >= t) − #(entry >= t).
    double atRiskByStop = 0;
    int m = 0;
    int i = 0;
    while (i < n) {
      double t = stops[byStop[i]];
      double dead = 0;
      while (i < n && stops[byStop[i]] == t) {
        int r = byStop[i++];
        atRiskByStop += 1;
        if (data.event[r]) {
          dead += 1;
        }
      }
      if (dead > 0) {
        double leaving = 0;
        if (data.start != null) {
          leaving = entries.length - lowerBound(entries, t);
        }
        times[m] = t;
        values[m++] = 1 - dead / (atRiskByStop - leaving);
      }
    }
    double[] ascending = new double[m];
    double[] transform = new double[m];
    double survival = 1;
    for (int k = 0; k < m; k++) {
      ascending[k] = times[m - 1 - k];
      transform[k] = 1 - survival;
      survival *= values[m - 1 - k];
    }
    return new double[][] {ascending, transform};
  }

  private static int lowerBound(double[] sorted, double t) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
