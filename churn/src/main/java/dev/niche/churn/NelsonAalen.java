package dev.niche.churn;

import dev.niche.churn.internal.RiskTable;
import dev.niche.core.Checks;
import dev.niche.core.Interval;
import java.util.Arrays;
import org.apache.commons.math3.special.Erf;

/**
 * The Nelson–Aalen estimate of the cumulative hazard (Nelson 1969, 1972; Aalen 1978), with its
 * variance and confidence intervals, as R {@code survival::survfit} reports it ({@code cumhaz},
 * {@code std.chaz}; {@code ctype = 1}).
 *
 * <p>At the distinct event times {@code t_i} with {@code n_i} (weighted) customers at risk and
 * {@code d_i} (weighted) events,
 *
 * <pre>
 *   H(t)      = Σ_{t_i ≤ t} d_i / n_i
 *   Var[H(t)] = Σ_{t_i ≤ t} d_i / n_i²          (Aalen's Poisson-type estimator; R std.chaz²)
 *   S(t)      = exp(-H(t))                      (Fleming–Harrington / Breslow survival)
 * </pre>
 *
 * The variance is the one R {@code survfit} reports as {@code std.chaz} for unweighted data and
 * for case weights with {@code robust = FALSE} (Klein &amp; Moeschberger 2003, eq. 4.2.4, not
 * the binomial form {@code Σ (n_i - d_i) d_i / n_i³}). Risk sets follow {@link KaplanMeier}:
 * censorings tied with an event count as at risk, and with entry times a subject is at risk on
 * {@code (entry, duration]}. Unlike the Kaplan–Meier product, {@code H} keeps growing after a
 * risk set is exhausted.
 *
 * <p>Since {@code exp(-x) >= 1 - x}, each factor {@code exp(-d_i/n_i)} is at least the
 * Kaplan–Meier factor {@code 1 - d_i/n_i}, so {@code exp(-H(t)) >= S_KM(t)} on the same data.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class NelsonAalen {

  private final RiskTable table;
  private final double[] hazard;
  private final double[] variance;

  private NelsonAalen(RiskTable table) {
    this.table = table;
    double[] atRisk = table.atRisk();
    double[] events = table.events();
    int m = atRisk.length;
    this.hazard = new double[m];
    this.variance = new double[m];
    double h = 0;
    double v = 0;
    for (int i = 0; i < m; i++) {
      h += events[i] / atRisk[i];
      v += events[i] / (atRisk[i] * atRisk[i]);
      hazard[i] = h;
      variance[i] = v;
    }
  }

  /**
   * The estimate from individual durations with event flags, each of weight 1.
   *
   * @param durations the observed durations, finite and {@code >= 0}; copied
   * @param observed {@code true} for an event (churn), {@code false} for right-censoring; copied
   * @return the estimate
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the arrays are empty, of different lengths, or hold a
   *     negative, NaN or infinite duration
   */
  public static NelsonAalen fit(double[] durations, boolean[] observed) {
    return new NelsonAalen(RiskTable.of(null, durations, observed, null));
  }

  /**
   * The estimate from case-weighted durations.
   *
   * @param durations the observed durations, finite and {@code >= 0}; copied
   * @param observed {@code true} for an event, {@code false} for right-censoring; copied
   * @param weights the case weights, finite and {@code > 0}; copied
   * @return the estimate
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the arrays are empty, of different lengths, or hold a
   *     bad duration or weight
   */
  public static NelsonAalen fit(double[] durations, boolean[] observed, double[] weights) {
    Checks.notNull(weights, "weights");
    return new NelsonAalen(RiskTable.of(null, durations, observed, weights));
  }

  /**
   * The estimate from left-truncated durations: subject {@code i} is at risk on
   * {@code (entries[i], durations[i]]}, as R {@code survfit(Surv(entry, time, event) ~ 1)}.
   *
   * @param entries the entry times, finite, {@code >= 0} and {@code < durations[i]}; copied
   * @param durations the exit times, finite; copied
   * @param observed {@code true} for an event, {@code false} for right-censoring; copied
   * @return the estimate
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the arrays are empty, of different lengths, or hold a
   *     bad time or an entry not before its duration
   */
  public static NelsonAalen fit(double[] entries, double[] durations, boolean[] observed) {
    Checks.notNull(entries, "entries");
    return new NelsonAalen(RiskTable.of(entries, durations, observed, null));
  }

  /**
   * The estimate from case-weighted, left-truncated durations.
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
  public static NelsonAalen fit(
      double[] entries, double[] durations, boolean[] observed, double[] weights) {
    Checks.notNull(entries, "entries");
    Checks.notNull(weights, "weights");
    return new NelsonAalen(RiskTable.of(entries, durations, observed, weights));
  }

  /**
   * The cumulative hazard {@code H(t)} (right-continuous step function).
   *
   * @param t the time, in {@code [0, maxTime()]}
   * @return {@code H(t) >= 0}; 0 before the first event
   * @throws IllegalArgumentException if {@code t} is NaN or outside {@code [0, maxTime()]}
   */
  public double cumulativeHazard(double t) {
    int i = table.indexAt(t);
    return i < 0 ? 0.0 : hazard[i];
  }

  /**
   * The standard error of {@code H(t)}: {@code sqrt(Σ d_i / n_i²)} (R {@code std.chaz}).
   *
   * @param t the time, in {@code [0, maxTime()]}
   * @return the standard error; 0 before the first event
   * @throws IllegalArgumentException if {@code t} is NaN or outside {@code [0, maxTime()]}
   */
  public double standardError(double t) {
    int i = table.indexAt(t);
    return i < 0 ? 0.0 : Math.sqrt(variance[i]);
  }

  /**
   * A pointwise confidence interval for {@code H(t)}: the {@code -log} of
   * {@link #survivalInterval}, so {@link ConfidenceBand#LOG} gives {@code H ± z σ} (lower end
   * clipped at 0) and {@link ConfidenceBand#LOG_LOG} gives {@code H exp(±z σ / H)}, with
   * {@code σ} the {@link #standardError}.
   *
   * @param t the time, in {@code [0, maxTime()]}
   * @param level the confidence level in (0, 1)
   * @param band how the interval is built
   * @return the interval, inside {@code [0, ∞]}; [0, 0] before the first event
   * @throws NullPointerException if {@code band} is null
   * @throws IllegalArgumentException if {@code t} or {@code level} is out of range
   */
  public Interval confidenceInterval(double t, double level, ConfidenceBand band) {
    Interval s = survivalInterval(t, level, band);
    return new Interval(0.0 - Math.log(s.upper()), 0.0 - Math.log(s.lower()));
  }

  /**
   * The survival estimate {@code exp(-H(t))} (R {@code survfit(..., stype = 2)}).
   *
   * @param t the time, in {@code [0, maxTime()]}
   * @return {@code exp(-H(t))} in (0, 1]
   * @throws IllegalArgumentException if {@code t} is NaN or outside {@code [0, maxTime()]}
   */
  public double survival(double t) {
    return Math.exp(-cumulativeHazard(t));
  }

  /**
   * A pointwise confidence interval for {@code exp(-H(t))}, built like
   * {@link KaplanMeier#confidenceInterval} with {@code σ = std.chaz} as the standard error of
   * {@code log S}: R {@code survfit(..., stype = 2, conf.type = ...)}.
   *
   * @param t the time, in {@code [0, maxTime()]}
   * @param level the confidence level in (0, 1)
   * @param band how the interval is built
   * @return the interval, inside [0, 1]; [1, 1] before the first event
   * @throws NullPointerException if {@code band} is null
   * @throws IllegalArgumentException if {@code t} or {@code level} is out of range
   */
  public Interval survivalInterval(double t, double level, ConfidenceBand band) {
    Checks.openUnit(level, "level");
    Checks.notNull(band, "band");
    int i = table.indexAt(t);
    if (i < 0) {
      return new Interval(1.0, 1.0);
    }
    double z = Math.sqrt(2.0) * Erf.erfInv(level);
    return band.interval(Math.exp(-hazard[i]), Math.sqrt(variance[i]), z);
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
   * The cumulative hazard just after each event time.
   *
   * @return a new array aligned with {@link #times()}
   */
  public double[] cumulativeHazardAtTimes() {
    return hazard.clone();
  }

  @Override
  public String toString() {
    return "NelsonAalen{times=" + Arrays.toString(table.times()) + ", cumulativeHazard="
        + Arrays.toString(hazard) + "}";
  }
}
