package dev.niche.churn;

import dev.niche.core.Checks;
import java.util.Map;

/**
 * The checks of {@link SurvivalData.Builder}: each column as it is given (the error names the
 * column and the index), and the columns against each other at {@code build()}. Times are
 * returned as copies with {@code -0.0} turned into {@code 0.0}, so that equal times compare equal.
 */
final class SurvivalColumns {

  private SurvivalColumns() {}

  /**
   * A copy of finite, non-negative times.
   *
   * @param times the times
   * @param name the column's name in messages
   * @return a copy, {@code -0.0} replaced by {@code 0.0}
   * @throws IllegalArgumentException if a time is negative or not finite
   */
  static double[] times(double[] times, String name) {
    for (int i = 0; i < times.length; i++) {
      Checks.element(Double.isFinite(times[i]) && times[i] >= 0, name, i, times[i],
          "must be finite and >= 0");
    }
    double[] copy = times.clone();
    for (int i = 0; i < copy.length; i++) {
      copy[i] += 0.0;
    }
    return copy;
  }

  /**
   * Checks that every value is finite.
   *
   * @param values the values
   * @param name the column's name in messages
   * @throws IllegalArgumentException if a value is NaN or infinite
   */
  static void finite(double[] values, String name) {
    for (int i = 0; i < values.length; i++) {
      Checks.element(Double.isFinite(values[i]), name, i, values[i], "must be finite");
    }
  }

  /**
   * Checks that every weight is finite and positive.
   *
   * @param weights the weights
   * @throws IllegalArgumentException if a weight is not finite or not positive
   */
  static void weights(double[] weights) {
    for (int i = 0; i < weights.length; i++) {
      Checks.element(Double.isFinite(weights[i]) && weights[i] > 0, "weights", i, weights[i],
          "must be finite and > 0");
    }
  }

  /**
   * Checks the columns against the durations: every length, and every entry below its duration.
   *
   * @param durations the durations
   * @param events the event indicators
   * @param entries the entries, or null
   * @param covariates the covariate columns by name
   * @param strata the strata, or null
   * @param clusters the clusters, or null
   * @param weights the weights, or null
   * @throws IllegalArgumentException if a length differs from the durations', or an entry is not
   *     below its duration
   */
  static void checkRows(double[] durations, boolean[] events, double[] entries,
      Map<String, double[]> covariates, int[] strata, int[] clusters, double[] weights) {
    int n = durations.length;
    Checks.sameLength(n, "durations", events.length, "events");
    if (entries != null) {
      Checks.sameLength(n, "durations", entries.length, "entries");
      for (int i = 0; i < n; i++) {
        int row = i;
        Checks.argument(entries[i] < durations[i], () -> "entries[" + row + "] = "
            + entries[row] + " must be < durations[" + row + "] = " + durations[row]);
      }
    }
    for (Map.Entry<String, double[]> c : covariates.entrySet()) {
      Checks.sameLength(n, "durations", c.getValue().length, c.getKey());
    }
    if (strata != null) {
      Checks.sameLength(n, "durations", strata.length, "strata");
    }
    if (clusters != null) {
      Checks.sameLength(n, "durations", clusters.length, "clusters");
    }
    if (weights != null) {
      Checks.sameLength(n, "durations", weights.length, "weights");
    }
  }
}
