package dev.niche.churn;

import dev.niche.churn.internal.CohortCounts;
import dev.niche.churn.internal.CustomerSpans;
import dev.niche.churn.internal.SpanCounts;
import dev.niche.core.Checks;
import java.util.Arrays;

/**
 * What a {@link CohortTable} is built from, in one of two forms: each customer's
 * {@code (first, last)} period span kept by customer id (from activity records; such tables
 * merge), or the number of customers per {@code (first, last)} pair aggregated elsewhere (no
 * identities). Both give the same {@link CohortCounts}. Immutable once made (the spans are a
 * private copy), so thread-safe.
 */
final class CohortSource {

  /** Customer spans, or null for span counts. */
  private final CustomerSpans spans;
  /** For span counts: (first, last, count) sorted by (first, last); else null. */
  private final int[][] spanCounts;

  private CohortSource(CustomerSpans spans, int[][] spanCounts) {
    this.spans = spans;
    this.spanCounts = spanCounts;
  }

  /**
   * The source of customer spans.
   *
   * @param spans the spans, owned by the source from now on
   * @return the source
   */
  static CohortSource ofSpans(CustomerSpans spans) {
    return new CohortSource(spans, null);
  }

  /**
   * The source of span counts (arrays already passed {@link #checkSpanCountArrays}), checked
   * and aggregated.
   *
   * @param firstPeriods first period per pair
   * @param lastPeriods last period per pair
   * @param customers customers per pair
   * @param end the last observed period index
   * @return the source
   * @throws IllegalArgumentException as {@link CohortTable#fromSpanCounts}
   */
  static CohortSource ofSpanCounts(long[] firstPeriods, long[] lastPeriods, long[] customers,
      int end) {
    return new CohortSource(null, SpanCounts.aggregate(firstPeriods, lastPeriods, customers, end));
  }

  /**
   * Checks the arrays of {@link CohortTable#fromSpanCounts}: not null, not empty, of one length.
   *
   * @param firstPeriods first period per pair
   * @param lastPeriods last period per pair
   * @param customers customers per pair
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if they are empty or of different lengths
   */
  static void checkSpanCountArrays(long[] firstPeriods, long[] lastPeriods, long[] customers) {
    Checks.notNull(firstPeriods, "firstPeriods");
    Checks.notNull(lastPeriods, "lastPeriods");
    Checks.notNull(customers, "customers");
    Checks.argument(firstPeriods.length > 0, "firstPeriods must not be empty");
    Checks.sameLength(lastPeriods.length, "lastPeriods", firstPeriods.length, "firstPeriods");
    Checks.sameLength(customers.length, "customers", firstPeriods.length, "firstPeriods");
  }

  /**
   * The latest last period of some customer spans.
   *
   * @param spans non-empty spans
   * @return the latest period index
   */
  static int latestPeriod(CustomerSpans spans) {
    int last = Integer.MIN_VALUE;
    for (int s = 0; s < spans.capacity(); s++) {
      if (spans.first(s) != CustomerSpans.EMPTY) {
        last = Math.max(last, spans.last(s));
      }
    }
    return last;
  }

  /**
   * The cohort counts observed up to a period.
   *
   * @param end the last observed period index
   * @return the counts
   */
  CohortCounts counts(int end) {
    return spans != null ? CohortCounts.of(spans, end)
        : CohortCounts.ofSpanCounts(spanCounts[0], spanCounts[1], spanCounts[2],
            spanCounts[0].length, end);
  }

  /**
   * The number of distinct customers.
   *
   * @return the count, capped at {@link Integer#MAX_VALUE}
   */
  int customers() {
    if (spans != null) {
      return spans.size();
    }
    long total = 0;
    for (int c : spanCounts[2]) {
      total += c;
    }
    return (int) Math.min(total, Integer.MAX_VALUE);
  }

  /**
   * Whether the source knows its customers (customer spans), so that it can merge.
   *
   * @return true for customer spans
   */
  boolean hasIdentities() {
    return spans != null;
  }

  /**
   * The union of two sources of customer spans: each customer's span covers both.
   *
   * @param other the other source; both must have identities
   * @return a new source
   */
  CohortSource merge(CohortSource other) {
    CohortSource big = spans.size() >= other.spans.size() ? this : other;
    CohortSource small = big == this ? other : this;
    CustomerSpans merged = big.spans.copy();
    merged.mergeAll(small.spans);
    return ofSpans(merged);
  }

  /**
   * Same form and same content: the same customer spans, or the same span counts.
   *
   * @param o the other object
   * @return true if equal
   */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CohortSource)) {
      return false;
    }
    CohortSource t = (CohortSource) o;
    if ((spans == null) != (t.spans == null)) {
      return false;
    }
    return spans != null ? spans.sameContent(t.spans)
        : Arrays.deepEquals(spanCounts, t.spanCounts);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(spans != null ? spans.contentHash() : Arrays.deepHashCode(spanCounts));
  }
}
