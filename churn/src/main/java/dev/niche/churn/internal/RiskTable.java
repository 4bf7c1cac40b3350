package dev.niche.churn.internal;

import dev.niche.core.Checks;
import java.util.Arrays;

/**
 * The risk sets of a single sample at its distinct event times: {@code n(t)}, the (weighted)
 * number of subjects with {@code entry < t <= duration}, and {@code d(t)}, the (weighted) number
 * of events at {@code t}. Without entry times every subject is at risk from time 0 on, so a
 * subject censored at an event time counts as at risk there (events before censorings, as in R
 * {@code survival}). This is the common input of the Kaplan–Meier and Nelson–Aalen estimators.
 *
 * <p>One sort by duration (and one by entry), then a single pass: {@code O(n log n)}.
 * Immutable; the arrays are owned by the table and handed out without copying (internal use).
 */
public final class RiskTable {

  private final double[] times;
  private final double[] atRisk;
  private final double[] events;
  private final double maxTime;

  private RiskTable(double[] times, double[] atRisk, double[] events, double maxTime) {
    this.times = times;
    this.atRisk = atRisk;
    this.events = events;
    this.maxTime = maxTime;
  }

  /**
   * Validates the arguments and builds the table.
   *
   * @param entries the entry (left-truncation) times, or null when every subject is at risk from
   *     time 0; each must be {@code >= 0} and {@code < durations[i]}
   * @param durations the durations (exit times), finite and {@code >= 0}
   * @param observed event flags
   * @param weights case weights, finite and {@code > 0}, or null for weight 1
   * @return the table
   * @throws NullPointerException if a required array is null
   * @throws IllegalArgumentException if an array is empty, lengths differ or a value is bad
   */
  public static RiskTable of(
      double[] entries, double[] durations, boolean[] observed, double[] weights) {
    Checks.nonNegative(durations, "durations");
    Checks.notNull(observed, "observed");
    Checks.sameLength(durations.length, "durations", observed.length, "observed");
    int n = durations.length;
    if (weights != null) {
      Checks.sameLength(durations, "durations", weights, "weights");
      for (int i = 0; i < n; i++) {
        Checks.element(weights[i] > 0 && weights[i] < Double.POSITIVE_INFINITY, "weights", i,
            weights[i], "must be finite and > 0");
      }
    }
    if (entries != null) {
      Checks.sameLength(durations, "durations", entries, "entries");
      for (int i = 0; i < n; i++) {
        Checks.element(entries[i] >= 0 && entries[i] < durations[i], "entries", i, entries[i],
            "must be >= 0 and < durations[" + i + "] = " + durations[i]);
      }
    }
    int[] byDuration = SortOrder.ascending(durations);
    int[] byEntry = entries == null ? null : SortOrder.ascending(entries);
    double total = 0;
    if (entries == null) {
      for (int i = 0; i < n; i++) {
        total += weight(weights, i);
      }
    }
    double[] t = new double[n];
    double[] r = new double[n];
    double[] d = new double[n];
    int m = 0;
    double entered = total;
    double exited = 0;
    int nextEntry = 0;
    int i = 0;
    while (i < n) {
      double time = durations[byDuration[i]];
      double ev = 0;
      double leaving = 0;
      int j = i;
      while (j < n && durations[byDuration[j]] == time) {
        int k = byDuration[j];
        double w = weight(weights, k);
        if (observed[k]) {
          ev += w;
        }
        leaving += w;
        j++;
      }
      if (byEntry != null) {
        while (nextEntry < n && entries[byEntry[nextEntry]] < time) {
          entered += weight(weights, byEntry[nextEntry]);
          nextEntry++;
        }
      }
      if (ev > 0) {
        double risk = entered - exited;
        t[m] = time;
        r[m] = risk;
        d[m] = Math.min(ev, risk);
        m++;
      }
      exited += leaving;
      i = j;
    }
    return new RiskTable(Arrays.copyOf(t, m), Arrays.copyOf(r, m), Arrays.copyOf(d, m),
        durations[byDuration[n - 1]]);
  }

  /**
   * A table of risk sets counted elsewhere, such as the periods of a grouped retention curve.
   * The arrays are taken over, not copied or checked.
   *
   * @param times the distinct event times, ascending
   * @param atRisk the (weighted) numbers at risk at those times
   * @param events the (weighted) numbers of events at those times
   * @param maxTime the largest duration, {@code >=} every event time
   * @return the table
   */
  public static RiskTable of(double[] times, double[] atRisk, double[] events, double maxTime) {
    return new RiskTable(times, atRisk, events, maxTime);
  }

  private static double weight(double[] weights, int i) {
    return weights == null ? 1.0 : weights[i];
  }

  /**
   * The distinct event times, ascending.
   *
   * @return the table's own array
   */
  public double[] times() {
    return times;
  }

  /**
   * The (weighted) numbers at risk at the event times.
   *
   * @return the table's own array
   */
  public double[] atRisk() {
    return atRisk;
  }

  /**
   * The (weighted) numbers of events at the event times.
   *
   * @return the table's own array
   */
  public double[] events() {
    return events;
  }

  /**
   * The largest duration (event or censored).
   *
   * @return the largest duration
   */
  public double maxTime() {
    return maxTime;
  }

  /**
   * Where a step function of the event times stands at {@code t}: the index of the last event
   * time {@code <= t}, or -1 before the first event.
   *
   * @param t the time, in {@code [0, maxTime()]}
   * @return the index, in {@code [-1, times().length)}
   * @throws IllegalArgumentException if {@code t} is NaN or outside {@code [0, maxTime()]}
   */
  public int indexAt(double t) {
    Checks.argument(t >= 0 && t <= maxTime,
        () -> "t = " + t + " must be in [0, " + maxTime + "]");
    int lo = 0;
    int hi = times.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] <= t) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
