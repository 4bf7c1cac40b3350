package dev.niche.core.activity;

import java.util.Arrays;

/**
 * One customer's raw purchases (epoch days and amounts), growable, and the summary computed from
 * them. Package-private; not thread-safe.
 */
final class PurchaseHistory {
  final String customerId;
  long[] days = new long[4];
  double[] amounts = new double[4];
  int count;
  boolean sorted = true;
  // Results of summarise().
  int repeatDays;
  double repeatSpend;
  double totalSpend;
  long firstDay;
  long lastDay;

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

  /** Computes the summary up to endDay; returns false if no purchase is on or before it. */
  boolean summarise(long endDay) {
    if (!sorted) {
      sortByDay();
    }
    if (count == 0 || days[0] > endDay) {
      return false;
    }
    firstDay = days[0];
    lastDay = firstDay;
    repeatDays = 0;
    repeatSpend = 0;
    totalSpend = 0;
    for (int i = 0; i < count && days[i] <= endDay; i++) {
      totalSpend += amounts[i];
      if (days[i] != firstDay) {
        if (days[i] != lastDay) {
          repeatDays++;
          lastDay = days[i];
        }
        repeatSpend += amounts[i];
      }
    }
    return true;
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
