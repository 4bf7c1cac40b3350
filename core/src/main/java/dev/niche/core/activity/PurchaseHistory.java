package dev.niche.core.activity;

import java.util.Arrays;

/**
 * One customer's raw purchases (epoch days and amounts) while a {@link CustomerSummaries.Builder}
 * collects them. Package-private; not thread-safe.
 */
final class PurchaseHistory {
  final String customerId;
  long[] days = new long[4];
  double[] amounts = new double[4];
  int count;
  boolean sorted = true;

  PurchaseHistory(String customerId) {
    this.customerId = customerId;
  }

  void add(long day, double amount) {
    if (count == days.length) {
      days = Arrays.copyOf(days, 2 * count);
      amounts = Arrays.copyOf(amounts, 2 * count);
    }
    if (count > 0 && day < days[count - 1]) {
      sorted = false;
    }
    days[count] = day;
    amounts[count] = amount;
    count++;
  }

  /**
   * Puts the purchases in canonical order: by day, and by amount within a day. The order, and so
   * every floating-point sum taken along it, depends only on the multiset of purchases, not on the
   * order in which they were added: this is what makes merged summaries equal the whole exactly.
   */
  void canonicalize() {
    if (!sorted) {
      sortByDay();
    }
    int i = 0;
    while (i < count) {
      int j = i + 1;
      while (j < count && days[j] == days[i]) {
        j++;
      }
      if (j - i > 1) {
        Arrays.sort(amounts, i, j);
      }
      i = j;
    }
  }

  private void sortByDay() {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < count; i++) {
      min = Math.min(min, days[i]);
      max = Math.max(max, days[i]);
    }
    int[] order = new int[count];
    if (max - min < Integer.MAX_VALUE) {
      // Sort (day, position) pairs packed as (day - min) * 2^32 + position: stable, no boxing.
      long[] keys = new long[count];
      for (int i = 0; i < count; i++) {
        keys[i] = ((days[i] - min) << 32) | i;
      }
      Arrays.sort(keys);
      for (int i = 0; i < count; i++) {
        order[i] = (int) (keys[i] & 0xFFFFFFFFL);
      }
    } else {
      Integer[] boxed = new Integer[count];
      for (int i = 0; i < count; i++) {
        boxed[i] = i;
      }
      Arrays.sort(boxed, (p, q) -> Long.compare(days[p], days[q]));
      for (int i = 0; i < count; i++) {
        order[i] = boxed[i];
      }
    }
    long[] d = new long[count];
    double[] a = new double[count];
    for (int i = 0; i < count; i++) {
      int from = order[i];
      d[i] = days[from];
      a[i] = amounts[from];
    }
    days = d;
    amounts = a;
    sorted = true;
  }
}
