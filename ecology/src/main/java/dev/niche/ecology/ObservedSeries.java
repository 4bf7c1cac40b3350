package dev.niche.ecology;

import dev.niche.core.Checks;
import java.util.Arrays;

/**
 * One observed time series of species abundances, e.g. one replicate culture or one market.
 *
 * <p>Times are observation times, strictly increasing, at least 2; {@code abundances[k][i]} is the
 * abundance of species {@code i} at {@code times[k]}, non-negative, all rows of the same length
 * (the number of species). Instances are immutable and thread-safe: the arrays are copied on the
 * way in and on the way out.
 */
public final class ObservedSeries {

  private final double[] times;
  private final double[][] abundances;

  /**
   * Creates a series; the arrays are copied.
   *
   * @param times observation times
   * @param abundances abundances by time and species
   * @throws NullPointerException if an array or row is null
   * @throws IllegalArgumentException if the times are not finite and strictly increasing, fewer
   *     than two, the matrix is ragged, its row count differs from the number of times, or an
   *     abundance is negative or not finite
   */
  public ObservedSeries(double[] times, double[][] abundances) {
    Checks.finite(times, "times");
    Checks.argument(times.length >= 2, "times has length " + times.length + " but needs >= 2");
    for (int k = 1; k < times.length; k++) {
      Checks.element(times[k] > times[k - 1], "times", k, times[k],
          "must be > times[" + (k - 1) + "] = " + times[k - 1]);
    }
    Checks.rectangular(abundances, "abundances");
    Checks.sameLength(abundances.length, "abundances", times.length, "times");
    double[][] copy = new double[abundances.length][];
    for (int k = 0; k < abundances.length; k++) {
      Checks.nonNegative(abundances[k], "abundances[" + k + "]");
      copy[k] = abundances[k].clone();
    }
    this.times = times.clone();
    this.abundances = copy;
  }

  /**
   * The observation times.
   *
   * @return a copy
   */
  public double[] times() {
    return times.clone();
  }

  /**
   * The abundances by time (rows) and species (columns).
   *
   * @return a deep copy
   */
  public double[][] abundances() {
    double[][] copy = new double[abundances.length][];
    for (int k = 0; k < abundances.length; k++) {
      copy[k] = abundances[k].clone();
    }
    return copy;
  }

  /**
   * Number of species (columns).
   *
   * @return the species count
   */
  public int species() {
    return abundances[0].length;
  }

  /**
   * Number of observation times.
   *
   * @return the row count
   */
  public int size() {
    return times.length;
  }

  /**
   * Two series are equal when their times and abundances are.
   *
   * @param o the other object
   * @return true if {@code o} is a series with the same values
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ObservedSeries)) {
      return false;
    }
    ObservedSeries other = (ObservedSeries) o;
    return Arrays.equals(times, other.times) && Arrays.deepEquals(abundances, other.abundances);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(times) + Arrays.deepHashCode(abundances);
  }

  @Override
  public String toString() {
    return "ObservedSeries[times=" + Arrays.toString(times) + ", abundances="
        + Arrays.deepToString(abundances) + "]";
  }
}
