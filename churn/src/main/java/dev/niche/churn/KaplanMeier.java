package dev.niche.churn;

import dev.niche.churn.internal.CohortCounts;
import dev.niche.churn.internal.RiskTable;
import dev.niche.core.Checks;
import dev.niche.core.Interval;
import java.util.Arrays;
import java.util.OptionalDouble;
import org.apache.commons.math3.special.Erf;

/**
 * The Kaplan–Meier (product-limit) estimate of a survival function, with Greenwood standard
 * errors (Kaplan &amp; Meier 1958; Greenwood 1926; Klein &amp; Moeschberger 2003, §4.2).
 *
 * <p>At the distinct event times {@code t_1 < t_2 < ...}, with {@code n_i} (weighted) customers
 * at risk and {@code d_i} (weighted) events,
 *
 * <pre>
 *   S(t)      = Π_{t_i ≤ t} (1 - d_i / n_i)
 *   Var[S(t)] = S(t)² Σ_{t_i ≤ t} d_i / (n_i (n_i - d_i))        (Greenwood)
 * </pre>
 *
 * Censored durations tied with an event time count as at risk at that time (events first), as in
 * R {@code survival::survfit}. With entry times (left truncation) a subject is at risk on
 * {@code (entry, duration]}, so {@code n_i} counts only those already entered before {@code t_i};
 * the product then estimates survival conditional on reaching the earliest entry (Klein &amp;
 * Moeschberger 2003, §4.6). A grouped {@link RetentionCurve} is read with the same convention
 * as R: the {@code d_t} customers lost in period {@code t} are events at time {@code t}, and the
 * {@code N_n} last survivors are censored at {@code n}, after that period's events; the estimate
 * then equals {@code N_t / N_0} exactly.
 *
 * <p>Where {@code S = 0} the Greenwood variance of {@code log S} is infinite; the standard error
 * of {@code S} is then reported as 0 and every confidence interval as [0, 0].
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class KaplanMeier {

  private final RiskTable table;
  private final double[] survival;
  private final double[] greenwood;

  private KaplanMeier(RiskTable table) {
    this.table = table;
    double[] atRisk = table.atRisk();
    double[] events = table.events();
    int m = atRisk.length;
    this.survival = new double[m];
    this.greenwood = new double[m];
    double s = 1.0;
    double g = 0.0;
    for (int i = 0; i < m; i++) {
      s *= 1.0 - events[i] / atRisk[i];
      if (events[i] >= atRisk[i]) {
        s = 0.0;
        g = Double.POSITIVE_INFINITY;
      } else {
        g += events[i] / (atRisk[i] * (atRisk[i] - events[i]));
      }
      survival[i] = s;
      greenwood[i] = g;
    }
  }

  /**
   * The estimate for a grouped retention curve: losses of period {@code t} are events at time
   * {@code t}, the last survivors are censored at {@code periods()}.
   *
   * @param curve the curve
   * @return the estimate; {@code survival(t)} equals {@code curve.survival(t)}
   * @throws NullPointerException if {@code curve} is null
   */
  public static KaplanMeier fit(RetentionCurve curve) {
    Checks.notNull(curve, "curve");
    int n = curve.periods();
    double[] t = new double[n];
    double[] r = new double[n];
    double[] d = new double[n];
    int m = 0;
    for (int p = 1; p <= n; p++) {
      long lost = curve.lost(p);
      if (lost > 0) {
        t[m] = p;
        r[m] = curve.survivors(p - 1);
        d[m] = lost;
        m++;
      }
    }
    return of(RiskTable.of(Arrays.copyOf(t, m), Arrays.copyOf(r, m), Arrays.copyOf(d, m), n));
  }

  /**
   * The estimate from individual durations with event flags, each of weight 1.
   *
   * @param durations the observed durations, finite and {@code >= 0}; copied
   * @param observed {@code true} where the duration ended in the event (churn), {@code false}
   *     where it is right-censored; copied
   * @return the estimate
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the arrays are empty, of different lengths, or hold a
   *     negative, NaN or infinite duration
   */
  public static KaplanMeier fit(double[] durations, boolean[] observed) {
    return of(RiskTable.of(null, durations, observed, null));
  }

  /**
   * The estimate from weighted durations (case weights, e.g. counts of identical customers).
   *
   * @param durations the observed durations, finite and {@code >= 0}; copied
   * @param observed {@code true} for an event, {@code false} for right-censoring; copied
   * @param weights the case weights, finite and {@code > 0}; copied
   * @return the estimate
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the arrays are empty, of different lengths, or hold a
   *     bad duration or weight
   */
  public static KaplanMeier fit(double[] durations, boolean[] observed, double[] weights) {
    Checks.notNull(weights, "weights");
    return of(RiskTable.of(null, durations, observed, weights));
  }

  /**
   * The estimate from left-truncated durations: subject {@code i} enters observation at
   * {@code entries[i]} and is at risk on {@code (entries[i], durations[i]]} (delayed entry, or a
   * customer first seen after she joined), as R {@code survfit(Surv(entry, time, event) ~ 1)}.
   * The estimate is then conditional on surviving to the earliest entry.
   *
   * @param entries the entry times, finite, {@code >= 0} and {@code < durations[i]}; copied
   * @param durations the exit times (event or censoring), finite; copied
   * @param observed {@code true} for an event, {@code false} for right-censoring; copied
   * @return the estimate
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the arrays are empty, of different lengths, or hold a
   *     bad time or an entry not before its duration
   */
  public static KaplanMeier fit(double[] entries, double[] durations, boolean[] observed) {
    Checks.notNull(entries, "entries");
    return of(RiskTable.of(entries, durations, observed, null));
  }

  /**
   * The estimate from weighted, left-truncated durations (see
   * {@link #fit(double[], double[], boolean[])}); weights are case (frequency) weights, as R
   * {@code survfit(..., weights = w, robust = FALSE)} (R's default for integer weights).
   *
   * @param entries the entry times, finite, {@code >= 0} and {@code < durations[i]}; copied
   * @param durations the exit times, finite; copied
   * @param observed {@code true} for an event, {@code false} for right-censoring; copied
   * @param weights the case weights, finite and {@code > 0}; copied
   * @return the estimate
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the arrays are empty, of different lengths, or hold a
   *     bad time or weight
   */
  public static KaplanMeier fit(
      double[] entries, double[] durations, boolean[] observed, double[] weights) {
    Checks.notNull(entries, "entries");
    Checks.notNull(weights, "weights");
    return of(RiskTable.of(entries, durations, observed, weights));
  }

  /**
   * The estimate pooled over cohorts (see {@link CohortTable#kaplanMeier()}): each cohort's
   * customers lost at age {@code a} are weighted events at time {@code a}, and those still active
   * at its last observed age are censored there.
   *
   * @param counts the cohorts' active counts
   * @return the pooled estimate
   */
  static KaplanMeier ofCohorts(CohortCounts counts) {
    int rows = counts.lifetimeRows();
    double[] durations = new double[rows];
    boolean[] observed = new boolean[rows];
    double[] weights = new double[rows];
    int used = counts.lifetimes(durations, observed, weights);
    return fit(Arrays.copyOf(durations, used), Arrays.copyOf(observed, used),
        Arrays.copyOf(weights, used));
  }

  private static KaplanMeier of(RiskTable table) {
    return new KaplanMeier(table);
  }

  /**
   * The estimated survival at time {@code t} (right-continuous step function).
   *
   * @param t the time, in {@code [0, maxTime()]}
   * @return {@code S(t)} in [0, 1]
   * @throws IllegalArgumentException if {@code t} is NaN or outside {@code [0, maxTime()]}
   */
  public double survival(double t) {
    int i = table.indexAt(t);
    return i < 0 ? 1.0 : survival[i];
  }

  /**
   * The Greenwood standard error of {@code S(t)}.
   *
   * @param t the time, in {@code [0, maxTime()]}
   * @return {@code S(t) sqrt(Σ d_i / (n_i (n_i - d_i)))}; 0 before the first event and where
   *     {@code S(t) = 0}
   * @throws IllegalArgumentException if {@code t} is NaN or outside {@code [0, maxTime()]}
   */
  public double standardError(double t) {
    int i = table.indexAt(t);
    if (i < 0 || survival[i] == 0.0) {
      return 0.0;
    }
    return survival[i] * Math.sqrt(greenwood[i]);
  }

  /**
   * A pointwise confidence interval for {@code S(t)} (see {@link ConfidenceBand}).
   *
   * @param t the time, in {@code [0, maxTime()]}
   * @param level the confidence level in (0, 1), e.g. 0.95
   * @param band how the interval is built
   * @return the interval, inside [0, 1]; [1, 1] before the first event, [0, 0] where
   *     {@code S(t) = 0}
   * @throws NullPointerException if {@code band} is null
   * @throws IllegalArgumentException if {@code t} or {@code level} is out of range
   */
  public Interval confidenceInterval(double t, double level, ConfidenceBand band) {
    Checks.openUnit(level, "level");
    Checks.notNull(band, "band");
    int i = table.indexAt(t);
    if (i < 0) {
      return new Interval(1.0, 1.0);
    }
    double s = survival[i];
    if (s == 0.0) {
      return new Interval(0.0, 0.0);
    }
    double z = Math.sqrt(2.0) * Erf.erfInv(level);
    return band.interval(s, Math.sqrt(greenwood[i]), z);
  }

  /**
   * The median lifetime: the first time {@code S(t) <= 0.5}; where {@code S} equals 0.5
   * exactly on a flat stretch, the midpoint of that stretch (the convention of R's
   * {@code print.survfit}).
   *
   * @return the median, or empty when the estimate never falls to 0.5
   */
  public OptionalDouble median() {
    double[] times = table.times();
    for (int i = 0; i < times.length; i++) {
      if (Math.abs(survival[i] - 0.5) <= 1e-12) {
        double end = i + 1 < times.length ? times[i + 1] : times[i];
        return OptionalDouble.of((times[i] + end) / 2);
      }
      if (survival[i] < 0.5) {
        return OptionalDouble.of(times[i]);
      }
    }
    return OptionalDouble.empty();
  }

  /**
   * The restricted mean lifetime {@code ∫_0^τ S(t) dt} (area under the step function).
   *
   * @param tau the horizon, in {@code [0, maxTime()]}
   * @return the restricted mean, in {@code [0, τ]}
   * @throws IllegalArgumentException if {@code tau} is NaN or out of range
   */
  public double restrictedMean(double tau) {
    table.indexAt(tau);
    double[] times = table.times();
    double area = 0;
    double previous = 0;
    double s = 1.0;
    for (int i = 0; i < times.length && times[i] <= tau; i++) {
      area += s * (times[i] - previous);
      previous = times[i];
      s = survival[i];
    }
    return area + s * (tau - previous);
  }

  /**
   * The largest observed duration (event or censored); the estimate is defined up to it.
   *
   * @return the largest time
   */
  public double maxTime() {
    return table.maxTime();
  }

  /**
   * The distinct event times.
   *
   * @return a new sorted array
   */
  public double[] times() {
    return table.times().clone();
  }

  /**
   * The (weighted) numbers at risk at the event times.
   *
   * @return a new array aligned with {@link #times()}
   */
  public double[] atRisk() {
    return table.atRisk().clone();
  }

  /**
   * The (weighted) numbers of events at the event times.
   *
   * @return a new array aligned with {@link #times()}
   */
  public double[] events() {
    return table.events().clone();
  }

  /**
   * The estimate just after each event time.
   *
   * @return a new array aligned with {@link #times()}
   */
  public double[] survivalAtTimes() {
    return survival.clone();
  }

  @Override
  public String toString() {
    return "KaplanMeier{times=" + Arrays.toString(table.times()) + ", survival="
        + Arrays.toString(survival) + "}";
  }
}
