package dev.niche.churn.internal;

import dev.niche.core.Checks;

/**
 * Active counts per cohort and age computed from customer spans: a histogram of
 * {@code (first, last - first)} per cohort, then suffix sums over age, so that
 * {@code active[c][a]} counts the customers of cohort {@code c} with {@code last >= c + a}.
 * Cohorts are stored sparsely (only non-empty ones), each with ages {@code 0..end - c}.
 * Immutable after construction. Not part of the API.
 */
public final class CohortCounts {

  /** Guard against period choices that would need an enormous triangle. */
  private static final long MAX_CELLS = 1L << 28;

  private final int[] periods;
  private final int[][] active;

  private CohortCounts(int[] periods, int[][] active) {
    this.periods = periods;
    this.active = active;
  }

  /**
   * Counts cohorts and ages.
   *
   * @param spans the customer spans
   * @param end the last observed period, {@code >=} every last period
   * @return the counts
   * @throws IllegalArgumentException if the triangle of cohorts and ages is too large (choose a
   *     coarser period)
   */
  public static CohortCounts of(CustomerSpans spans, int end) {
    int n = 0;
    int[] first = new int[spans.size()];
    int[] last = new int[spans.size()];
    for (int s = 0; s < spans.capacity(); s++) {
      int f = spans.first(s);
      if (f != CustomerSpans.EMPTY) {
        first[n] = f;
        last[n++] = spans.last(s);
      }
    }
    return ofSpanCounts(first, last, null, n, end);
  }

  /**
   * Counts cohorts and ages from a histogram of customer spans: {@code count[i]} customers (1
   * each when {@code count} is null) have first period {@code first[i]} and last period
   * {@code last[i]}.
   *
   * @param first first periods
   * @param last last periods, {@code >= first[i]} and {@code <= end}
   * @param count customers per span, or null for one each
   * @param n number of entries used
   * @param end the last observed period
   * @return the counts
   * @throws IllegalArgumentException if the triangle of cohorts and ages is too large (choose a
   *     coarser period) or a count overflows an {@code int}
   */
  public static CohortCounts ofSpanCounts(int[] first, int[] last, int[] count, int n, int end) {
    int min = Integer.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      min = Math.min(min, first[i]);
    }
    long range = (long) end - min + 1;
    Checks.argument(range <= MAX_CELLS,
        () -> "the data span " + range + " periods; choose a coarser CohortPeriod");
    long[] sizes = new long[(int) range];
    for (int i = 0; i < n; i++) {
      sizes[first[i] - min] += count == null ? 1 : count[i];
    }
    int nonEmpty = 0;
    long cells = 0;
    for (int i = 0; i < sizes.length; i++) {
      int at = i;
      int lowest = min;
      Checks.argument(sizes[i] <= Integer.MAX_VALUE, () -> "cohort of period " + (lowest + at)
          + " has " + sizes[at] + " customers, more than " + Integer.MAX_VALUE);
      if (sizes[i] > 0) {
        nonEmpty++;
        cells += range - i;
      }
    }
    long needed = cells;
    Checks.argument(needed <= MAX_CELLS,
        () -> "the cohort table would need " + needed + " cells; choose a coarser CohortPeriod");
    int[] periods = new int[nonEmpty];
    int[][] dense = new int[sizes.length][];
    int[][] active = new int[nonEmpty][];
    int k = 0;
    for (int i = 0; i < sizes.length; i++) {
      if (sizes[i] > 0) {
        periods[k] = min + i;
        active[k] = new int[(int) (range - i)];
        dense[i] = active[k];
        k++;
      }
    }
    for (int i = 0; i < n; i++) {
      dense[first[i] - min][last[i] - first[i]] += count == null ? 1 : count[i];
    }
    for (int[] row : active) {
      for (int a = row.length - 2; a >= 0; a--) {
        row[a] += row[a + 1];
      }
    }
    return new CohortCounts(periods, active);
  }

  /**
   * The number of non-empty cohorts.
   *
   * @return the count
   */
  public int cohortCount() {
    return periods.length;
  }

  /**
   * A cohort's period index.
   *
   * @param cohort the cohort
   * @return the period index
   */
  public int cohortPeriod(int cohort) {
    return periods[cohort];
  }

  /**
   * A cohort's active counts (the internal array: do not modify).
   *
   * @param cohort the cohort
   * @return active counts at ages {@code 0..end - c}
   */
  public int[] active(int cohort) {
    return active[cohort];
  }

  /**
   * Sums the active counts at ages {@code 0..periods} over cohorts observed that long.
   *
   * @param periods the number of periods
   * @return the sums, or null when no cohort is observed for {@code periods} periods
   */
  public long[] pooled(int periods) {
    long[] sum = new long[periods + 1];
    boolean any = false;
    for (int[] a : active) {
      if (a.length > periods) {
        any = true;
        for (int t = 0; t <= periods; t++) {
          sum[t] += a[t];
        }
      }
    }
    return any ? sum : null;
  }

  /**
   * The largest number of observed periods (ages after age 0) over all cohorts.
   *
   * @return the longest observation
   */
  public int longestObservedPeriods() {
    int longest = 0;
    for (int[] a : active) {
      longest = Math.max(longest, a.length - 1);
    }
    return longest;
  }

  /**
   * An upper bound on the rows of {@link #lifetimes}.
   *
   * @return the number of (cohort, age) cells
   */
  public int lifetimeRows() {
    int rows = 0;
    for (int[] a : active) {
      rows += a.length;
    }
    return rows;
  }

  /**
   * Weighted lifetimes for a pooled Kaplan–Meier: per cohort, the customers lost at age
   * {@code a} as events at {@code a}, and those active at the last observed age as censored
   * there.
   *
   * @param durations filled with durations
   * @param observed filled with event flags
   * @param weights filled with counts
   * @return the number of rows filled
   */
  public int lifetimes(double[] durations, boolean[] observed, double[] weights) {
    int r = 0;
    for (int[] a : active) {
      for (int age = 1; age < a.length; age++) {
        int lost = a[age - 1] - a[age];
        if (lost > 0) {
          durations[r] = age;
          observed[r] = true;
          weights[r++] = lost;
        }
      }
      if (a[a.length - 1] > 0) {
        durations[r] = a.length - 1;
        weights[r++] = a[a.length - 1];
      }
    }
    return r;
  }
}
