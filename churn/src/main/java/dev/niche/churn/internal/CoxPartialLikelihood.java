package dev.niche.churn.internal;

import java.util.Arrays;

/**
 * The Cox log partial likelihood, its score and its information matrix in one sweep over the
 * risk sets (Cox 1972; Therneau &amp; Grambsch 2000, §3.3).
 *
 * <p>With risk scores {@code r_i = w_i exp(η_i)}, at an event time {@code t} with risk set
 * {@code R(t)} let {@code S0 = Σ_R r_i}, {@code S1 = Σ_R r_i x_i}, {@code S2 = Σ_R r_i x_i x_iᵀ},
 * and {@code D0, D1, D2} the same sums over the {@code d} rows with an event at {@code t}, whose
 * weights sum to {@code W}. Breslow (1974) ties:
 *
 * <pre>
 *   ℓ += Σ_D w_i η_i − W ln S0,   U += Σ_D w_i x_i − W S1/S0,
 *   I += W (S2/S0 − x̄ x̄ᵀ),  x̄ = S1/S0.
 * </pre>
 *
 * Efron (1977) ties replace the single denominator with {@code d} steps {@code j = 0..d−1},
 * {@code f = j/d}, each of weight {@code W/d}: {@code S0 − f D0}, {@code S1 − f D1},
 * {@code S2 − f D2}. The rows are swept in the order of {@link CoxRiskSets} (end time descending),
 * adding each row to running sums once, so a sweep costs {@code O(n p²)} plus {@code O(p²)} per
 * Efron step. Entry times remove rows from the sums as the sweep passes them. Not thread-safe
 * (scratch arrays); create one per thread.
 */
public final class CoxPartialLikelihood {

  /**
   * Receives the sums at each distinct event time of a sweep, for residuals, baseline hazards
   * and tests computed from the same risk sets.
   */
  public interface EventTimes {
    /**
     * One distinct event time of one stratum. Arrays are scratch: copy what you keep.
     *
     * @param stratum the stratum index
     * @param time the event time
     * @param deaths the number of event rows {@code d}
     * @param deadWeight their total weight {@code W}
     * @param s0 {@code S0}
     * @param s1 {@code S1}
     * @param d0 {@code D0}
     * @param d1 {@code D1}
     * @param scoreIncrement this time's contribution to the score (the summed Schoenfeld
     *     residuals, weighted)
     * @param informationIncrement this time's contribution to the information, packed upper
     *     triangle by rows
     */
    void visit(int stratum, double time, int deaths, double deadWeight, double s0, double[] s1,
        double d0, double[] d1, double[] scoreIncrement, double[] informationIncrement);
  }

  /** Linear predictors are clipped to this magnitude so that risk scores stay finite. */
  static final double MAX_ETA = 300;

  private final CoxRiskSets data;
  private final boolean efron;
  private final int p;
  private final int packed;
  private final double[] eta;
  private final double[] risk;
  private final double[] s1;
  private final double[] s2;
  private final double[] d1;
  private final double[] d2;
  private final double[] du;
  private final double[] dinfo;
  private final double[] mean;

  /**
   * Creates the likelihood of a data layout.
   *
   * @param data the rows
   * @param efron true for Efron's tie correction, false for Breslow's
   */
  public CoxPartialLikelihood(CoxRiskSets data, boolean efron) {
    this.data = data;
    this.efron = efron;
    this.p = data.p;
    this.packed = p * (p + 1) / 2;
    this.eta = new double[data.n];
    this.risk = new double[data.n];
    this.s1 = new double[p];
    this.s2 = new double[packed];
    this.d1 = new double[p];
    this.d2 = new double[packed];
    this.du = new double[p];
    this.dinfo = new double[packed];
    this.mean = new double[p];
  }

  /**
   * The layout this likelihood sweeps.
   *
   * @return the rows
   */
  public CoxRiskSets data() {
    return data;
  }

  /**
   * The risk scores {@code w_i exp(η_i)} of the last evaluation, in sorted order.
   *
   * @return the internal array (do not modify)
   */
  double[] risk() {
    return risk;
  }

  /**
   * The linear predictors (centred) of the last evaluation, in sorted order.
   *
   * @return the internal array (do not modify)
   */
  double[] eta() {
    return eta;
  }

  /**
   * Evaluates the log partial likelihood at {@code beta}.
   *
   * @param beta coefficients (of the centred covariates; the same as of the raw ones)
   * @param score receives the score vector, length {@code p}
   * @param information receives the information matrix, packed upper triangle
   * @param visitor called at every distinct event time, or null
   * @return the log partial likelihood
   */
  public double evaluate(double[] beta, double[] score, double[] information,
      EventTimes visitor) {
    final double[] x = data.x;
    final double[] w = data.weight;
    final boolean[] event = data.event;
    final double[] stop = data.stop;
    Arrays.fill(score, 0.0);
    Arrays.fill(information, 0.0);
    double loglik = 0;
    for (int s = 0; s < data.strataCount(); s++) {
      double s0 = 0;
      int atRisk = 0;
      Arrays.fill(s1, 0.0);
      Arrays.fill(s2, 0.0);
      int hi = data.stratumStart[s + 1];
      int leave = data.start == null ? 0 : data.entryStratumStart[s];
      int leaveEnd = data.start == null ? 0 : data.entryStratumStart[s + 1];
      int i = data.stratumStart[s];
      while (i < hi) {
        double t = stop[i];
        int deaths = 0;
        int j = i;
        while (j < hi && stop[j] == t) {
          deaths += event[j] ? 1 : 0;
          j++;
        }
        boolean tiedBlock = efron && deaths > 1;
        double d0 = 0;
        double deadWeight = 0;
        if (deaths > 0) {
          Arrays.fill(d1, 0.0);
          Arrays.fill(du, 0.0);
          if (tiedBlock) {
            Arrays.fill(d2, 0.0);
          }
        }
        for (int r = i; r < j; r++) {
          int o = r * p;
          // The linear predictor is formed here, as the row joins the risk set: one pass over x.
          double e = 0;
          for (int k = 0; k < p; k++) {
            e += x[o + k] * beta[k];
          }
          e = Math.max(-MAX_ETA, Math.min(MAX_ETA, e));
          eta[r] = e;
          double ri = w[r] * Math.exp(e);
          risk[r] = ri;
          s0 += ri;
          atRisk++;
          addOuter(x, o, ri, s1, s2);
          if (event[r]) {
            d0 += ri;
            deadWeight += w[r];
            loglik += w[r] * eta[r];
            for (int k = 0; k < p; k++) {
              d1[k] += ri * x[o + k];
              du[k] += w[r] * x[o + k];
            }
            if (tiedBlock) {
              addOuterOnly(x, o, ri, d2);
            }
          }
        }
        if (data.start != null) {
          int[] entryOrder = data.entryOrder;
          while (leave < leaveEnd && data.start[entryOrder[leave]] >= t) {
            int r = entryOrder[leave++];
            s0 -= risk[r];
            atRisk--;
            addOuter(x, r * p, -risk[r], s1, s2);
          }
          if (atRisk == 0) {
            // An empty risk set: drop the rounding left by the subtractions.
            s0 = 0;
            Arrays.fill(s1, 0.0);
            Arrays.fill(s2, 0.0);
          }
        }
        if (deaths > 0) {
          Arrays.fill(dinfo, 0.0);
          if (!tiedBlock) {
            loglik -= deadWeight * Math.log(s0);
            step(deadWeight, s0, 0, false);
          } else {
            double meanWeight = deadWeight / deaths;
            for (int k = 0; k < deaths; k++) {
              double f = (double) k / deaths;
              double denom = s0 - f * d0;
              loglik -= meanWeight * Math.log(denom);
              step(meanWeight, denom, f, true);
            }
          }
          for (int k = 0; k < p; k++) {
            score[k] += du[k];
          }
          for (int q = 0; q < packed; q++) {
            information[q] += dinfo[q];
          }
          if (visitor != null) {
            visitor.visit(s, t, deaths, deadWeight, s0, s1, d0, d1, du, dinfo);
          }
        }
        i = j;
      }
    }
    return loglik;
  }

  /** One (Breslow or Efron) step: subtracts {@code wt · mean} from du, adds the covariance. */
  private void step(double wt, double denom, double f, boolean tied) {
    double inv = 1 / denom;
    double scaled = wt * inv;
    for (int k = 0; k < p; k++) {
      double num = tied ? s1[k] - f * d1[k] : s1[k];
      mean[k] = num * inv;
      du[k] -= wt * mean[k];
    }
    int q = 0;
    for (int k = 0; k < p; k++) {
      double wmk = wt * mean[k];
      int base = q - k;
      if (tied) {
        for (int l = k; l < p; l++) {
          dinfo[base + l] += scaled * (s2[base + l] - f * d2[base + l]) - wmk * mean[l];
        }
      } else {
        for (int l = k; l < p; l++) {
          dinfo[base + l] += scaled * s2[base + l] - wmk * mean[l];
        }
      }
      q += p - k;
    }
  }

  private void addOuter(double[] x, int o, double r, double[] s1, double[] s2) {
    int q = 0;
    for (int k = 0; k < p; k++) {
      double rx = r * x[o + k];
      s1[k] += rx;
      int base = q - k;
      for (int l = k; l < p; l++) {
        s2[base + l] += rx * x[o + l];
      }
      q += p - k;
    }
  }

  private void addOuterOnly(double[] x, int o, double r, double[] s2) {
    int q = 0;
    for (int k = 0; k < p; k++) {
      double rx = r * x[o + k];
      int base = q - k;
      for (int l = k; l < p; l++) {
        s2[base + l] += rx * x[o + l];
      }
      q += p - k;
    }
  }
}
