package dev.niche.spark.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * One pass over a partition of purchases {@code (customer, epoch day, amount)} in which each
 * customer's rows are adjacent (Spark has hash-partitioned and sorted them by customer): each
 * customer's purchases are put in core's canonical order (day, then amount) in reused primitive
 * buffers and summarised exactly as core's {@code CustomerSummaries} does, so every sum is taken
 * in the same order and equals core's to the last bit. Customers whose first purchase is after
 * the calibration end are left out. Emits {@code (customer, frequency, recency, age,
 * meanRepeatSpend, totalSpend[, holdoutFrequency])}. Not part of the API.
 */
final class SummaryScan implements MapPartitionsFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final long calibrationEnd;
  private final double unitDays;
  private final boolean holdout;

  /**
   * A scan.
   *
   * @param calibrationEnd the calibration end, epoch day (inclusive)
   * @param unitDays the length of the time unit in days
   * @param holdout whether to emit the holdout frequency (rows after the holdout end must have
   *     been filtered out before)
   */
  SummaryScan(long calibrationEnd, double unitDays, boolean holdout) {
    this.calibrationEnd = calibrationEnd;
    this.unitDays = unitDays;
    this.holdout = holdout;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return new Summaries(rows);
  }

  /** Customer boundaries compare by value; binary identifiers compare by content. */
  private static boolean same(Object a, Object b) {
    if (a instanceof byte[] && b instanceof byte[]) {
      return Arrays.equals((byte[]) a, (byte[]) b);
    }
    return a.equals(b);
  }

  /** The lazy iterator of one partition's summaries. */
  private final class Summaries implements Iterator<Row> {
    private final Iterator<Row> rows;
    private Row pending;
    private Row next;
    private long[] days = new long[16];
    private double[] amounts = new double[16];
    private long[] keys = new long[16];
    private double[] scratch = new double[16];

    Summaries(Iterator<Row> rows) {
      this.rows = rows;
      this.pending = rows.hasNext() ? rows.next() : null;
    }

    @Override
    public boolean hasNext() {
      while (next == null && pending != null) {
        next = nextCustomer();
      }
      return next != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row r = next;
      next = null;
      return r;
    }

    /** Reads the pending customer's rows; returns its summary, or null if it is unborn. */
    private Row nextCustomer() {
      Object customer = pending.get(0);
      int n = 0;
      boolean sorted = true;
      Row r = pending;
      do {
        if (n == days.length) {
          days = Arrays.copyOf(days, 2 * n);
          amounts = Arrays.copyOf(amounts, 2 * n);
        }
        long day = r.getInt(1);
        if (n > 0 && day < days[n - 1]) {
          sorted = false;
        }
        days[n] = day;
        // +0.0 turns -0.0 into 0.0: sums from 0 are unchanged, and bits then order as values.
        amounts[n] = r.getDouble(2) + 0.0;
        n++;
        r = rows.hasNext() ? rows.next() : null;
      } while (r != null && same(customer, r.get(0)));
      pending = r;
      canonicalize(n, sorted);
      return summary(customer, n);
    }

    /** Sorts the n purchases by day, then amount (core's canonical order). */
    private void canonicalize(int n, boolean sorted) {
      if (!sorted) {
        if (keys.length < n) {
          keys = new long[days.length];
          scratch = new double[days.length];
        }
        long min = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
          min = Math.min(min, days[i]);
        }
        // Days are ints, so (day - min) < 2^32 and (day - min) * 2^31 + position sorts stably.
        for (int i = 0; i < n; i++) {
          keys[i] = ((days[i] - min) << 31) | i;
        }
        Arrays.sort(keys, 0, n);
        for (int i = 0; i < n; i++) {
          int from = (int) (keys[i] & 0x7FFFFFFFL);
          scratch[i] = amounts[from];
          keys[i] = (keys[i] >>> 31) + min;
        }
        System.arraycopy(keys, 0, days, 0, n);
        System.arraycopy(scratch, 0, amounts, 0, n);
      }
      int i = 0;
      while (i < n) {
        int j = i + 1;
        while (j < n && days[j] == days[i]) {
          j++;
        }
        if (j - i > 1) {
          Arrays.sort(amounts, i, j);
        }
        i = j;
      }
    }

    /** Core's summary of canonical purchases [0, n), or null if the first is after the end. */
    private Row summary(Object customer, int n) {
      long first = days[0];
      if (first > calibrationEnd) {
        return null;
      }
      long last = first;
      long previousHoldoutDay = calibrationEnd;
      int x = 0;
      int later = 0;
      double repeatSpend = 0;
      double total = 0;
      for (int i = 0; i < n; i++) {
        long day = days[i];
        if (day <= calibrationEnd) {
          total += amounts[i];
          if (day != first) {
            repeatSpend += amounts[i];
            if (day != last) {
              x++;
              last = day;
            }
          }
        } else if (day != previousHoldoutDay) {
          later++;
          previousHoldoutDay = day;
        }
      }
      if (total == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("customer " + customer + ": the amounts of the "
            + "calibration period sum to more than Double.MAX_VALUE");
      }
      List<Object> values = new ArrayList<>(7);
      values.add(customer);
      values.add((double) x);
      values.add((last - first) / unitDays);
      values.add((calibrationEnd - first) / unitDays);
      values.add(x == 0 ? 0.0 : repeatSpend / x);
      values.add(total);
      if (holdout) {
        values.add((double) later);
      }
      return RowFactory.create(values.toArray());
    }
  }
}
