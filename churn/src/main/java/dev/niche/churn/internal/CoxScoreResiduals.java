package dev.niche.churn.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Score residuals of a Cox fit and the robust (sandwich) variance built from them
 * (Lin &amp; Wei 1989; Therneau &amp; Grambsch 2000, §7.2).
 *
 * <p>Row {@code i}'s score residual is its contribution to the score,
 *
 * <pre>
 *   L_i = δ_i (x_i − x̄(t_i)) − Σ_{t_k : i ∈ R(t_k)} exp(η_i) (x_i − x̄(t_k)) dΛ(t_k),
 * </pre>
 *
 * so that {@code Σ w_i L_i = U(β)}. With Efron ties, a time with {@code d} events is split into
 * {@code d} steps {@code j} of hazard {@code h_j = (W/d)/(S0 − (j/d) D0)} and mean
 * {@code x̄_j = (S1 − (j/d) D1)/(S0 − (j/d) D0)}; an event row takes part in step {@code j} with
 * weight {@code 1 − j/d} and its own term is {@code x_i − mean_j x̄_j}. The robust variance is
 * {@code V Bᵀ B V}, where row {@code c} of {@code B} sums {@code w_i L_i} over cluster {@code c}.
 *
 * <p>All sums over risk sets are cumulative sums over event times, so the residuals of all rows
 * cost {@code O(n p + n log T)} after one sweep.
 */
public final class CoxScoreResiduals {

  private CoxScoreResiduals() {}

  /**
   * The robust variance for clusters.
   *
   * @param likelihood the fit's likelihood
   * @param beta the coefficients
   * @param variance the model-based variance (full)
   * @param clusters the cluster label of each row, in the caller's row order
   * @param efron whether the fit used Efron ties
   * @return the robust variance (full, row-major)
   */
  public static double[] robustVariance(CoxPartialLikelihood likelihood, double[] beta,
      double[] variance, int[] clusters, boolean efron) {
    CoxRiskSets data = likelihood.data();
    int p = data.p;
    double[] residuals = residuals(likelihood, beta, efron);
    Map<Integer, Integer> index = new HashMap<>();
    int[] group = new int[data.n];
    for (int i = 0; i < data.n; i++) {
      int label = clusters[data.order[i]];
      Integer g = index.get(label);
      if (g == null) {
        g = index.size();
        index.put(label, g);
      }
      group[i] = g;
    }
    double[] sums = new double[index.size() * p];
    for (int i = 0; i < data.n; i++) {
      double w = data.weight[i];
      int o = group[i] * p;
      for (int k = 0; k < p; k++) {
        sums[o + k] += w * residuals[i * p + k];
      }
    }
    // D = sums · V (dfbeta per cluster); robust = Dᵀ D.
    double[] robust = new double[p * p];
    double[] d = new double[p];
    for (int c = 0; c < index.size(); c++) {
      Arrays.fill(d, 0.0);
      for (int k = 0; k < p; k++) {
        double s = sums[c * p + k];
        for (int l = 0; l < p; l++) {
          d[l] += s * variance[k * p + l];
        }
      }
      for (int k = 0; k < p; k++) {
        for (int l = 0; l < p; l++) {
          robust[k * p + l] += d[k] * d[l];
        }
      }
    }
    return robust;
  }

  /**
   * Score residuals of every row, in the layout's sorted order.
   *
   * @param likelihood the fit's likelihood
   * @param beta the coefficients
   * @param efron whether the fit used Efron ties
   * @return {@code L[i * p + k]}, row-major in sorted order
   */
  public static double[] residuals(CoxPartialLikelihood likelihood, double[] beta,
      boolean efron) {
    CoxRiskSets data = likelihood.data();
    int p = data.p;
    int strata = data.strataCount();
    EventTimeSums[] sums = new EventTimeSums[strata];
    for (int s = 0; s < strata; s++) {
      sums[s] = new EventTimeSums(p);
    }
    double[] mean = new double[p];
    likelihood.evaluate(beta, new double[p], new double[p * (p + 1) / 2],
        (stratum, time, deaths, deadWeight, s0, s1, d0, d1, du, dinfo) -> {
          EventTimeSums e = sums[stratum];
          int at = e.append(time);
          int steps = efron ? deaths : 1;
          double stepWeight = deadWeight / steps;
          for (int j = 0; j < steps; j++) {
            double f = (double) j / steps;
            double denom = s0 - f * d0;
            double h = stepWeight / denom;
            e.h[at] += h;
            e.hd[at] += (1 - f) * h;
            for (int k = 0; k < p; k++) {
              mean[k] = (s1[k] - f * d1[k]) / denom;
              e.g[at * p + k] += h * mean[k];
              e.gd[at * p + k] += (1 - f) * h * mean[k];
              e.e[at * p + k] += mean[k] / steps;
            }
          }
        });
    double[] eta = likelihood.eta();
    double[] x = data.x;
    double[] out = new double[data.n * p];
    for (int s = 0; s < strata; s++) {
      EventTimeSums e = sums[s];
      e.accumulate();
      for (int i = data.stratumStart[s]; i < data.stratumStart[s + 1]; i++) {
        double r = Math.exp(eta[i]);
        int last = e.lastAtOrBefore(data.stop[i]);
        int before = data.start == null ? -1 : e.lastAtOrBefore(data.start[i]);
        boolean own = data.event[i];
        int full = own ? last - 1 : last;
        double hazard = e.cumulativeH(full) - e.cumulativeH(before);
        if (own) {
          hazard += e.hd[last];
        }
        int o = i * p;
        for (int k = 0; k < p; k++) {
          double g = e.cumulativeG(full, k) - e.cumulativeG(before, k);
          if (own) {
            g += e.gd[last * p + k];
          }
          double value = -r * (x[o + k] * hazard - g);
          if (own) {
            value += x[o + k] - e.e[last * p + k];
          }
          out[o + k] = value;
        }
      }
    }
    return out;
  }

  /** Per-event-time hazard sums of one stratum, reversed to ascending time and accumulated. */
  private static final class EventTimeSums {
    final int p;
    int size;
    double[] times = new double[16];
    double[] h = new double[16];
    double[] hd = new double[16];
    double[] g;
    double[] gd;
    double[] e;
    double[] cumH;
    double[] cumG;

    EventTimeSums(int p) {
      this.p = p;
      g = new double[16 * p];
      gd = new double[16 * p];
      e = new double[16 * p];
    }

    int append(double time) {
      if (size == times.length) {
        int m = 2 * size;
        times = Arrays.copyOf(times, m);
        h = Arrays.copyOf(h, m);
        hd = Arrays.copyOf(hd, m);
        g = Arrays.copyOf(g, m * p);
        gd = Arrays.copyOf(gd, m * p);
        e = Arrays.copyOf(e, m * p);
      }
      times[size] = time;
      return size++;
    }

    /** Reverses the (descending) sweep order and forms the cumulative sums. */
    void accumulate() {
      reverse(times, 1);
      reverse(h, 1);
      reverse(hd, 1);
      reverse(g, p);
      reverse(gd, p);
      reverse(e, p);
      times = Arrays.copyOf(times, size);
      cumH = new double[size];
      cumG = new double[size * p];
      for (int k = 0; k < size; k++) {
        cumH[k] = h[k] + (k > 0 ? cumH[k - 1] : 0);
        for (int c = 0; c < p; c++) {
          cumG[k * p + c] = g[k * p + c] + (k > 0 ? cumG[(k - 1) * p + c] : 0);
        }
      }
    }

    private void reverse(double[] a, int width) {
      for (int lo = 0, hi = size - 1; lo < hi; lo++, hi--) {
        for (int c = 0; c < width; c++) {
          double t = a[lo * width + c];
          a[lo * width + c] = a[hi * width + c];
          a[hi * width + c] = t;
        }
      }
    }

    int lastAtOrBefore(double t) {
      int k = Arrays.binarySearch(times, t);
      return k >= 0 ? k : -k - 2;
    }

    double cumulativeH(int k) {
      return k < 0 ? 0 : cumH[k];
    }

    double cumulativeG(int k, int c) {
      return k < 0 ? 0 : cumG[k * p + c];
    }
  }
}
