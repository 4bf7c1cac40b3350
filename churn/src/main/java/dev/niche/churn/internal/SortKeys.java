package dev.niche.churn.internal;

import java.util.Arrays;

/**
 * Orders rows by a group rank and a double key with one primitive {@code long} sort: each row's
 * key becomes its rank among the distinct values, packed with the group and the row index into
 * one {@code long}. No boxing, {@code O(n log n)}.
 */
final class SortKeys {

  private SortKeys() {}

  /**
   * Row indices ordered by group ascending, then value descending (ties by index).
   *
   * @param group each row's group in {@code 0 .. groups - 1}
   * @param groups number of groups
   * @param values each row's value, not NaN
   * @return the order
   */
  static int[] descending(int[] group, int groups, double[] values) {
    int n = values.length;
    double[] distinct = values.clone();
    Arrays.sort(distinct);
    int u = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || distinct[i] != distinct[u - 1]) {
        distinct[u++] = distinct[i];
      }
    }
    long span = (long) u * n;
    if (groups > 1 && span > Long.MAX_VALUE / groups) {
      throw new IllegalArgumentException("too many rows, strata and distinct times to sort: "
          + n + " rows, " + groups + " strata, " + u + " distinct times");
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      int rank = Arrays.binarySearch(distinct, 0, u, values[i]);
      keys[i] = group[i] * span + (long) (u - 1 - rank) * n + i;
    }
    Arrays.sort(keys);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = (int) (keys[i] % n);
    }
    return order;
  }
}
