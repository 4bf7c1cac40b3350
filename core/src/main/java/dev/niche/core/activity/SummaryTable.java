package dev.niche.core.activity;

import dev.niche.core.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The columns of {@link CustomerSummaries} while they are assembled, and the purchases they keep
 * for exact merging: one row per customer, customers with a calibration purchase ("born") first,
 * then those whose purchases all fall in the holdout ("unborn": invisible, kept only so that a
 * merge with summaries holding their first purchase counts their holdout purchases). Purchases
 * are stored as compressed rows ({@code start[i] .. start[i+1]}) in canonical order (day, then
 * amount). Package-private; not thread-safe; frozen once handed to {@link CustomerSummaries}.
 */
final class SummaryTable {

  final long calibrationEnd;
  /** The holdout end, or {@code calibrationEnd} when there is no holdout. */
  final long lastDay;
  final double unitDays;
  final boolean keepsPurchases;

  final List<String> ids = new ArrayList<>();
  double[] frequency;
  double[] recency;
  double[] age;
  double[] meanRepeatSpend;
  double[] totalSpend;
  double[] holdoutFrequency;
  long[] firstDays;
  long[] lastDays;
  int born;

  final List<String> unbornIds = new ArrayList<>();
  long[] days = new long[16];
  double[] amounts = new double[16];
  int[] start = new int[17];
  int purchases;
  private int rows;

  SummaryTable(long calibrationEnd, long lastDay, double unitDays, int capacity,
      boolean keepsPurchases) {
    this.calibrationEnd = calibrationEnd;
    this.lastDay = lastDay;
    this.unitDays = unitDays;
    this.keepsPurchases = keepsPurchases;
    int c = Math.max(capacity, 1);
    frequency = new double[c];
    recency = new double[c];
    age = new double[c];
    meanRepeatSpend = new double[c];
    totalSpend = new double[c];
    holdoutFrequency = new double[c];
    firstDays = new long[c];
    lastDays = new long[c];
  }

  /**
   * Appends a born customer from canonical purchases {@code d[from..to)}, or keeps an unborn one.
   * Purchases after {@link #lastDay} are ignored. Unborn rows must come after all born rows.
   *
   * @throws IllegalArgumentException if the customer's calibration spend overflows to infinity
   */
  void addPurchases(String id, long[] d, double[] a, int from, int to) {
    int end = from;
    while (end < to && d[end] <= lastDay) {
      end++;
    }
    if (end == from) {
      return;
    }
    if (d[from] > calibrationEnd) {
      unbornIds.add(id);
      keep(d, a, from, end);
      return;
    }
    if (!unbornIds.isEmpty()) {
      throw new IllegalStateException("born customers must be added before unborn ones");
    }
    long first = d[from];
    long last = first;
    long previousHoldoutDay = calibrationEnd;
    int x = 0;
    int holdout = 0;
    double repeatSpend = 0;
    double total = 0;
    for (int i = from; i < end; i++) {
      long day = d[i];
      if (day <= calibrationEnd) {
        total += a[i];
        if (day != first) {
          repeatSpend += a[i];
          if (day != last) {
            x++;
            last = day;
          }
        }
      } else if (day != previousHoldoutDay) {
        holdout++;
        previousHoldoutDay = day;
      }
    }
    Checks.argument(total != Double.POSITIVE_INFINITY, () -> "customer " + id + ": the amounts "
        + "of the calibration period sum to more than Double.MAX_VALUE (total spend overflows to "
        + "infinity)");
    appendRow(id, x, (last - first) / unitDays, (calibrationEnd - first) / unitDays,
        x == 0 ? 0.0 : repeatSpend / x, total, holdout, first, last);
    keep(d, a, from, end);
  }

  /** Appends a born customer's columns as given (no purchases kept). */
  void appendRow(String id, double x, double tx, double t, double mean, double total,
      double holdout, long first, long last) {
    if (born == frequency.length) {
      resizeColumns(2 * born);
    }
    ids.add(id);
    frequency[born] = x;
    recency[born] = tx;
    age[born] = t;
    meanRepeatSpend[born] = mean;
    totalSpend[born] = total;
    holdoutFrequency[born] = holdout;
    firstDays[born] = first;
    lastDays[born] = last;
    born++;
  }

  /** Copies the per-customer columns into arrays of {@code length} rows. */
  private void resizeColumns(int length) {
    frequency = Arrays.copyOf(frequency, length);
    recency = Arrays.copyOf(recency, length);
    age = Arrays.copyOf(age, length);
    meanRepeatSpend = Arrays.copyOf(meanRepeatSpend, length);
    totalSpend = Arrays.copyOf(totalSpend, length);
    holdoutFrequency = Arrays.copyOf(holdoutFrequency, length);
    firstDays = Arrays.copyOf(firstDays, length);
    lastDays = Arrays.copyOf(lastDays, length);
  }

  private void keep(long[] d, double[] a, int from, int to) {
    if (!keepsPurchases) {
      return;
    }
    int n = to - from;
    if (purchases + n > days.length) {
      int c = Math.max(2 * days.length, purchases + n);
      days = Arrays.copyOf(days, c);
      amounts = Arrays.copyOf(amounts, c);
    }
    System.arraycopy(d, from, days, purchases, n);
    System.arraycopy(a, from, amounts, purchases, n);
    purchases += n;
    rows++;
    if (rows + 1 > start.length) {
      start = Arrays.copyOf(start, 2 * start.length);
    }
    start[rows] = purchases;
  }

  /** Trims the arrays to their contents. */
  SummaryTable freeze() {
    resizeColumns(born);
    days = Arrays.copyOf(days, purchases);
    amounts = Arrays.copyOf(amounts, purchases);
    start = Arrays.copyOf(start, rows + 1);
    return this;
  }

  /** Counts the born customers' repeat purchase days per period from {@code origin}. */
  double[] repeatPurchasesByPeriod(long origin, int periods) {
    double[] counts = new double[periods];
    for (int i = 0; i < born; i++) {
      long previous = firstDays[i];
      for (int p = start[i]; p < start[i + 1]; p++) {
        long day = days[p];
        if (day != previous) {
          previous = day;
          double k = Math.floor((day - origin) / unitDays);
          if (k >= 0 && k < periods) {
            counts[(int) k]++;
          }
        }
      }
    }
    return counts;
  }

  /** The number of rows with kept purchases (born, then unborn). */
  int rows() {
    return rows;
  }
}
