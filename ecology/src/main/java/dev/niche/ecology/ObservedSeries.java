package dev.niche.ecology;

import dev.niche.core.Checks;

/**
 * One observed time series of species abundances, e.g. one replicate culture or one market.
 *
 * @param times observation times, strictly increasing, at least 2
 * @param abundances {@code abundances[k][i]}: abundance of species {@code i} at
 *     {@code times[k]}, non-negative; all rows have the same length (the number of species)
 */
public record ObservedSeries(double[] times, double[][] abundances) {

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
  public ObservedSeries {
    Checks.finite(times, "times");
    Checks.argument(times.length >= 2, "times has length " + times.length + " but needs >= 2");
    for (int k = 1; k < times.length; k++) {
      if (!(times[k] > times[k - 1])) {
        throw new IllegalArgumentException("times[" + k + "] = " + times[k]
            + " must be > times[" + (k - 1) + "] = " + times[k - 1]);
      }
    }
    Checks.rectangular(abundances, "abundances");
    Checks.sameLength(abundances.length, "abundances", times.length, "times");
    double[][] copy = new double[abundances.length][];
    for (int k = 0; k < abundances.length; k++) {
      Checks.nonNegative(abundances[k], "abundances[" + k + "]");
      copy[k] = abundances[k].clone();
    }
    times = times.clone();
    abundances = copy;
  }

  /**
   * The observation times.
   *
   * @return a copy
   */
  @Override
  public double[] times() {
    return times.clone();
  }

  /**
   * The abundances by time (rows) and species (columns).
   *
   * @return a deep copy
   */
  @Override
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
}
