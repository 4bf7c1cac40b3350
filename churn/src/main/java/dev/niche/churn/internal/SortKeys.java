package dev.niche.churn.internal;

/**
 * Row orders by double keys with a stable least-significant-digit radix sort on the keys' bit
 * patterns (8 passes of 8 bits, passes whose byte is the same for every key skipped): linear
 * time, sequential reads, no boxing and no comparisons. Ties keep the row order.
 */
final class SortKeys {

  private SortKeys() {}

  /**
   * Row indices ordered by group ascending, then value descending (ties by index).
   *
   * @param group each row's group in {@code 0 .. groups - 1}
   * @param groups number of groups
   * @param values each row's value, {@code >= 0} (not {@code -0.0}, not NaN)
   * @return the order
   */
  static int[] descending(int[] group, int groups, double[] values) {
    int n = values.length;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      // For non-negative doubles the bit pattern is monotone; its complement reverses the order.
      keys[i] = ~Double.doubleToRawLongBits(values[i]);
    }
    int[] order = radix(keys);
    if (groups == 1) {
      return order;
    }
    // A stable counting sort by group keeps the value order within each group.
    int[] start = new int[groups + 1];
    for (int i = 0; i < n; i++) {
      start[group[i] + 1]++;
    }
    for (int g = 0; g < groups; g++) {
      start[g + 1] += start[g];
    }
    int[] out = new int[n];
    for (int o : order) {
      out[start[group[o]]++] = o;
    }
    return out;
  }

  /**
   * Row indices ordered by value ascending (ties by index).
   *
   * @param values the values, not NaN
   * @return the order
   */
  static int[] ascending(double[] values) {
    int n = values.length;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      long b = Double.doubleToLongBits(values[i] + 0.0);
      // Negative numbers: flip all bits; positive: flip the sign bit. Unsigned order follows.
      keys[i] = b < 0 ? ~b : b ^ Long.MIN_VALUE;
    }
    return radix(keys);
  }

  /** Stable LSD radix sort of unsigned keys; returns the order of the indices. */
  private static int[] radix(long[] keys) {
    int n = keys.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    long[] k2 = new long[n];
    int[] o2 = new int[n];
    int[] count = new int[256];
    for (int shift = 0; shift < 64; shift += 8) {
      java.util.Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[(int) (keys[i] >>> shift) & 0xFF]++;
      }
      if (n == 0 || count[(int) (keys[0] >>> shift) & 0xFF] == n) {
        continue;
      }
      int sum = 0;
      for (int b = 0; b < 256; b++) {
        int c = count[b];
        count[b] = sum;
        sum += c;
      }
      for (int i = 0; i < n; i++) {
        int at = count[(int) (keys[i] >>> shift) & 0xFF]++;
        k2[at] = keys[i];
        o2[at] = order[i];
      }
      long[] tk = keys;
      keys = k2;
      k2 = tk;
      int[] to = order;
      order = o2;
      o2 = to;
    }
    return order;
  }
}
