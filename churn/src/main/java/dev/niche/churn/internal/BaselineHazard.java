package dev.niche.churn.internal;

import java.util.Arrays;

/**
 * The Breslow (1972) estimate of the cumulative baseline hazard of a Cox fit, per stratum, at
 * the covariate means: {@code Λ0(t) = Σ_{t_k ≤ t} dΛ_k}, with {@code dΛ_k = W_k / S0(t_k)}
 * (Breslow ties) or, with Efron ties, the matching correction
 * {@code dΛ_k = Σ_{j<d} (W_k/d) / (S0 − (j/d) D0)} (R's {@code survfit.coxph}, whose default
 * {@code ctype} follows the fit's ties). A customer with covariates {@code z} has
 * {@code S(t | z) = exp(−Λ0(t) exp((z − mean)·β))}. Immutable.
 */
public final class BaselineHazard {

  private final double[][] times;
  private final double[][] cumulative;

  private BaselineHazard(double[][] times, double[][] cumulative) {
    this.times = times;
    this.cumulative = cumulative;
  }

  /**
   * Collects the hazard increments of a sweep; {@link #reset()} before each sweep so that the
   * last sweep (at the final coefficients) is what {@link #hazard()} returns.
   */
  public static final class Collector implements CoxPartialLikelihood.EventTimes {
    private final GrowableSeries[] series;
    private final boolean efron;

    /**
     * Creates a collector.
     *
     * @param strata the number of strata
     * @param efron whether the fit uses Efron ties
     */
    public Collector(int strata, boolean efron) {
      this.efron = efron;
      series = new GrowableSeries[strata];
      for (int s = 0; s < strata; s++) {
        series[s] = new GrowableSeries();
      }
    }

    /** Forgets the increments of the previous sweep. */
    public void reset() {
      for (GrowableSeries g : series) {
        g.size = 0;
      }
    }

    @Override
    public void visit(int stratum, double time, int deaths, double deadWeight, double s0,
        double[] s1, double d0, double[] d1, double[] scoreIncrement,
        double[] informationIncrement) {
      double h;
      if (!efron || deaths == 1) {
        h = deadWeight / s0;
      } else {
        h = 0;
        double meanWeight = deadWeight / deaths;
        for (int j = 0; j < deaths; j++) {
          h += meanWeight / (s0 - (double) j / deaths * d0);
        }
      }
      series[stratum].add(time, h);
    }

    /**
     * The hazard of the last sweep.
     *
     * @return the cumulative hazard per stratum
     */
    public BaselineHazard hazard() {
      int strata = series.length;
      double[][] times = new double[strata][];
      double[][] cumulative = new double[strata][];
      for (int s = 0; s < strata; s++) {
        // The sweep runs from the latest time to the earliest: reverse, then accumulate.
        int m = series[s].size;
        times[s] = new double[m];
        cumulative[s] = new double[m];
        double sum = 0;
        for (int k = 0; k < m; k++) {
          times[s][k] = series[s].times[m - 1 - k];
          sum += series[s].values[m - 1 - k];
          cumulative[s][k] = sum;
        }
      }
      return new BaselineHazard(times, cumulative);
    }
  }

  /**
   * The cumulative baseline hazard at time {@code t} (right-continuous step function).
   *
   * @param stratum the stratum index
   * @param t the time
   * @return {@code Λ0(t)}, 0 before the first event time
   */
  public double cumulative(int stratum, double t) {
    double[] ts = times[stratum];
    int k = Arrays.binarySearch(ts, t);
    int last = k >= 0 ? k : -k - 2;
    return last < 0 ? 0.0 : cumulative[stratum][last];
  }

  /**
   * The event times of a stratum.
   *
   * @param stratum the stratum index
   * @return a copy, ascending
   */
  public double[] times(int stratum) {
    return times[stratum].clone();
  }

  /** A growable pair of double series. */
  static final class GrowableSeries {
    double[] times = new double[16];
    double[] values = new double[16];
    int size;

    void add(double t, double v) {
      if (size == times.length) {
        times = Arrays.copyOf(times, 2 * size);
        values = Arrays.copyOf(values, 2 * size);
      }
      times[size] = t;
      values[size++] = v;
    }
  }
}
