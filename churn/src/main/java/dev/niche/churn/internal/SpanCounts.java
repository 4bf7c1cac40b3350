package dev.niche.churn.internal;

import dev.niche.core.Checks;
import java.util.Arrays;

/**
 * Validates and aggregates span counts handed over by an external engine: customers per
 * {@code (first, last)} period pair, in any order and possibly repeated, summed per pair and
 * sorted by {@code (first, last)}. Not part of the API.
 */
public final class SpanCounts {

  private SpanCounts() {}

  /**
   * A period index as an {@code int}.
   *
   * @param index the period index
   * @param name the argument's name, for the message
   * @param value the argument's value as the caller gave it (a date, a day or the index)
   * @return the index
   * @throws IllegalArgumentException if the index does not fit an {@code int} (or is
   *     {@link Integer#MIN_VALUE}, which marks an empty slot)
   */
  public static int periodIndex(long index, String name, Object value) {
    Checks.argument(index > Integer.MIN_VALUE && index <= Integer.MAX_VALUE,
        () -> name + " = " + value + " lies outside the supported range of periods");
    return (int) index;
  }

  /**
   * Validates the pairs and sums the customers of equal pairs.
   *
   * @param firstPeriods first period per pair
   * @param lastPeriods last period per pair, {@code >= firstPeriods[i]} and {@code <= end}
   * @param customers customers per pair, in {@code [1, Integer.MAX_VALUE]}
   * @param end the last observed period
   * @return {@code {first, last, count}} columns of the distinct pairs, sorted by (first, last)
   * @throws IllegalArgumentException if a pair is invalid (argument and index named) or the
   *     customers of a pair add up to more than {@link Integer#MAX_VALUE}
   */
  public static int[][] aggregate(long[] firstPeriods, long[] lastPeriods, long[] customers,
      int end) {
    int n = firstPeriods.length;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      int row = i;
      int f = periodIndex(firstPeriods[i], "firstPeriods[" + i + "]", firstPeriods[i]);
      int l = periodIndex(lastPeriods[i], "lastPeriods[" + i + "]", lastPeriods[i]);
      Checks.argument(l >= f,
          () -> "lastPeriods[" + row + "] = " + l + " precedes firstPeriods[" + row + "] = " + f);
      Checks.argument(l <= end,
          () -> "lastPeriods[" + row + "] = " + l + " is after observationEnd = " + end);
      Checks.argument(customers[i] >= 1 && customers[i] <= Integer.MAX_VALUE,
          () -> "customers[" + row + "] = " + customers[row] + " must be in [1, "
              + Integer.MAX_VALUE + "]");
      keys[i] = ((long) f << 32) | (l & 0xFFFFFFFFL);
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (p, q) -> Long.compare(keys[p], keys[q]));
    int[][] merged = new int[3][n];
    long[] sums = new long[n];
    int m = -1;
    for (int j = 0; j < n; j++) {
      int i = order[j];
      if (m < 0 || keys[order[j - 1]] != keys[i]) {
        m++;
        merged[0][m] = (int) (keys[i] >> 32);
        merged[1][m] = (int) keys[i];
      }
      sums[m] += customers[i];
      int pair = m;
      Checks.argument(sums[m] <= Integer.MAX_VALUE, () -> "the customers of span ("
          + merged[0][pair] + ", " + merged[1][pair] + ") add up to more than "
          + Integer.MAX_VALUE);
      merged[2][m] = (int) sums[m];
    }
    int used = m + 1;
    return new int[][] {Arrays.copyOf(merged[0], used), Arrays.copyOf(merged[1], used),
        Arrays.copyOf(merged[2], used)};
  }
}
