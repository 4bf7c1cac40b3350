package dev.niche.churn.internal;

import java.util.Arrays;

/**
 * The endpoints {@code t} at which one likelihood evaluation will evaluate the Pareto/NBD
 * endpoint terms, per frequency {@code x}: the ages {@code T} of all rows and the recencies
 * {@code t_x} of repeat buyers, as the smallest and largest {@code t} and their number. They do
 * not depend on the parameters, so they are found once per data set. Not part of the API.
 */
final class EndpointRange {

  /** Fewer endpoints than this per frequency are summed from the Maclaurin series directly. */
  static final int MIN_ENDPOINTS = 256;

  private final double[] low;
  private final double[] high;
  private final int[] count;

  private EndpointRange(int frequencies) {
    low = new double[frequencies];
    high = new double[frequencies];
    count = new int[frequencies];
    Arrays.fill(low, Double.POSITIVE_INFINITY);
    Arrays.fill(high, Double.NEGATIVE_INFINITY);
  }

  /**
   * The endpoints of validated rows.
   *
   * @param x frequencies, each below {@code frequencies}
   * @param tx recencies
   * @param age ages
   * @param frequencies one more than the largest frequency
   * @return the ranges
   */
  static EndpointRange of(int[] x, double[] tx, double[] age, int frequencies) {
    EndpointRange r = new EndpointRange(frequencies);
    for (int i = 0; i < x.length; i++) {
      r.add(x[i], age[i]);
      if (x[i] > 0) {
        r.add(x[i], tx[i]);
      }
    }
    return r;
  }

  private void add(int x, double t) {
    low[x] = Math.min(low[x], t);
    high[x] = Math.max(high[x], t);
    count[x]++;
  }

  /** Whether frequency {@code x} has enough endpoints to pay for re-expanding its series. */
  boolean worthPieces(int x) {
    return x < count.length && count[x] >= MIN_ENDPOINTS;
  }

  /** How many endpoints frequency {@code x} has. */
  int count(int x) {
    return count[x];
  }

  /** The smallest endpoint of frequency {@code x}. */
  double low(int x) {
    return low[x];
  }

  /** The largest endpoint of frequency {@code x}. */
  double high(int x) {
    return high[x];
  }
}
