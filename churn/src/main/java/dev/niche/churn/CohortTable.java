package dev.niche.churn;

import dev.niche.churn.internal.CohortCounts;
import dev.niche.churn.internal.CustomerSpans;
import dev.niche.churn.internal.SpanCounts;
import dev.niche.core.Checks;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Customers grouped into cohorts by the period of their first activity, with the number still
 * active at each age, built from activity records (customer id, date).
 *
 * <p><b>Definitions.</b> Dates are mapped to period indices by a {@link CohortPeriod}. Each
 * customer has a first period {@code f} and a last period {@code l} of activity. The table is
 * observed up to period {@code E}: the latest activity in the data, or a later end given to
 * {@link Builder#observedUntil(LocalDate)}. A customer belongs to cohort {@code f}; at age
 * {@code a} (period {@code f + a}) she is <em>active</em> when {@code l >= f + a}, i.e. she is
 * seen at that age or later: a customer who was last seen at age {@code a - 1} counts as lost in
 * age {@code a}, as in contractual retention. Cohort {@code f} is observed at ages
 * {@code 0..E - f} only: later ages are right-censored (unknown), never counted as churn, so young
 * cohorts do not drag retention down.
 *
 * <p><b>Pooling.</b> {@link #pooledCurve(int)} adds up the cohorts observed for at least the
 * requested number of periods (exact counts, no censoring inside); {@link #kaplanMeier()} uses
 * every cohort, treating each cohort's customers still active at its last observed age as
 * censored there.
 *
 * <p><b>Merging.</b> The table keeps each customer's {@code (f, l)} span in a primitive
 * open-addressing hash map, so {@link #merge(CohortTable)} of tables built on any partition of the
 * records (by customer, by time or at random) equals the table built on their union. String ids
 * are hashed to 64 bits (FNV-1a + splitmix64); two different ids collide with probability about
 * {@code n² / 2⁶⁵} for {@code n} customers (3·10⁻⁶ for ten million); do not mix {@code long} and
 * {@code String} ids in one table.
 *
 * <p><b>From span counts.</b> A distributed engine can aggregate the records itself and hand over
 * only the number of customers per {@code (f, l)} pair ({@link #fromSpanCounts}); such a table has
 * every count, curve and estimate of the table built from the records, but no customer
 * identities, so it does not {@link #merge} (merge the records before aggregating instead).
 *
 * <p>Tables are immutable and thread-safe; builders are not thread-safe.
 */
public final class CohortTable {

  private final CohortPeriod period;
  private final CohortSource source;
  private final int end;
  private final CohortCounts counts;

  private CohortTable(CohortPeriod period, CohortSource source, int end) {
    this.period = period;
    this.source = source;
    this.end = end;
    this.counts = source.counts(end);
  }

  /**
   * Starts a table at a period granularity.
   *
   * @param period the period of cohorts and ages
   * @return an empty builder
   * @throws NullPointerException if {@code period} is null
   */
  public static Builder builder(CohortPeriod period) {
    return new Builder(Checks.notNull(period, "period"));
  }

  /**
   * A table from span counts aggregated elsewhere (for instance by Spark): {@code customers[i]}
   * customers have their first activity in period {@code firstPeriods[i]} and their last in
   * period {@code lastPeriods[i]} (period indices of {@link CohortPeriod#indexOf}). The pairs may
   * come in any order and repeat (their counts add up). The table equals, count for count, the
   * table built from the records, but it has no customer identities and does not merge.
   *
   * @param period the period of cohorts and ages
   * @param observationEnd the last observed period index, {@code >=} every last period
   * @param firstPeriods first period per pair
   * @param lastPeriods last period per pair, {@code >= firstPeriods[i]}
   * @param customers customers per pair, {@code >= 1}
   * @return the table
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the arrays are empty or of different lengths, an index
   *     does not fit an {@code int}, a last period precedes its first or the observation end, a
   *     count is below 1, or a cohort has more than {@link Integer#MAX_VALUE} customers
   */
  public static CohortTable fromSpanCounts(CohortPeriod period, long observationEnd,
      long[] firstPeriods, long[] lastPeriods, long[] customers) {
    Checks.notNull(period, "period");
    CohortSource.checkSpanCountArrays(firstPeriods, lastPeriods, customers);
    int e = SpanCounts.periodIndex(observationEnd, "observationEnd", observationEnd);
    return new CohortTable(period,
        CohortSource.ofSpanCounts(firstPeriods, lastPeriods, customers, e), e);
  }

  /**
   * Combines two tables built on parts of the records: each customer's first and last periods
   * are the extremes over both; the observation end is the later of the two.
   *
   * @param other a table with the same period
   * @return the table of the union
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the periods differ, or either table was built from span
   *     counts (it has no customer identities to match)
   */
  public CohortTable merge(CohortTable other) {
    Checks.notNull(other, "other");
    Checks.argument(other.period == period,
        "other has period " + other.period + " but this table has " + period);
    Checks.argument(source.hasIdentities() && other.source.hasIdentities(), "a table built from "
        + "span counts cannot merge (no customer identities); aggregate the union of the records "
        + "instead");
    return new CohortTable(period, source.merge(other.source), Math.max(end, other.end));
  }

  /**
   * The period granularity.
   *
   * @return the period
   */
  public CohortPeriod period() {
    return period;
  }

  /**
   * The number of distinct customers.
   *
   * @return the customer count
   */
  public int customers() {
    return source.customers();
  }

  /**
   * The first day of the last observed period.
   *
   * @return the start of period {@code E}
   */
  public LocalDate observationEnd() {
    return period.start(end);
  }

  /**
   * The number of non-empty cohorts, in calendar order {@code 0..cohortCount()-1}.
   *
   * @return the cohort count
   */
  public int cohortCount() {
    return counts.cohortCount();
  }

  /**
   * The period index of a cohort.
   *
   * @param cohort the cohort, {@code 0..cohortCount()-1}
   * @return its period index
   * @throws IllegalArgumentException if {@code cohort} is out of range
   */
  public long cohortPeriodIndex(int cohort) {
    checkCohort(cohort);
    return counts.cohortPeriod(cohort);
  }

  /**
   * The first day of a cohort's period.
   *
   * @param cohort the cohort, {@code 0..cohortCount()-1}
   * @return the start date
   * @throws IllegalArgumentException if {@code cohort} is out of range
   */
  public LocalDate cohortStart(int cohort) {
    return period.start(cohortPeriodIndex(cohort));
  }

  /**
   * The number of customers whose first activity falls in the cohort's period.
   *
   * @param cohort the cohort
   * @return the size, {@code >= 1}
   * @throws IllegalArgumentException if {@code cohort} is out of range
   */
  public long cohortSize(int cohort) {
    checkCohort(cohort);
    return counts.active(cohort)[0];
  }

  /**
   * The number of observed ages of a cohort, {@code E - f + 1}; later ages are censored.
   *
   * @param cohort the cohort
   * @return the observed ages, {@code >= 1}
   * @throws IllegalArgumentException if {@code cohort} is out of range
   */
  public int observedAges(int cohort) {
    checkCohort(cohort);
    return counts.active(cohort).length;
  }

  /**
   * The customers of a cohort active at age {@code age} (seen at that age or later).
   *
   * @param cohort the cohort
   * @param age the age, {@code 0..observedAges(cohort)-1}
   * @return the active count
   * @throws IllegalArgumentException if {@code cohort} or {@code age} is out of range (a censored
   *     age is out of range)
   */
  public long active(int cohort, int age) {
    checkCohort(cohort);
    int[] a = counts.active(cohort);
    Checks.argument(age >= 0 && age < a.length, () -> "age = " + age + " must be in [0, "
        + (a.length - 1) + "]: cohort " + cohort + " is censored after that");
    return a[age];
  }

  /**
   * The active counts of a cohort at its observed ages.
   *
   * @param cohort the cohort
   * @return a new array of length {@code observedAges(cohort)}
   * @throws IllegalArgumentException if {@code cohort} is out of range
   */
  public long[] activeCounts(int cohort) {
    checkCohort(cohort);
    return Arrays.stream(counts.active(cohort)).asLongStream().toArray();
  }

  /**
   * One cohort's retention curve over its observed ages.
   *
   * @param cohort the cohort
   * @return the curve {@code active(cohort, 0..observedAges-1)}
   * @throws IllegalArgumentException if {@code cohort} is out of range
   */
  public RetentionCurve curve(int cohort) {
    return RetentionCurve.ofCounts(activeCounts(cohort));
  }

  /**
   * The pooled curve of the cohorts old enough to be observed for {@code periods} periods: the
   * sum over those cohorts of their active counts at ages {@code 0..periods}.
   *
   * @param periods the number of periods, {@code >= 0}
   * @return the pooled curve
   * @throws IllegalArgumentException if {@code periods < 0} or no cohort is observed that long
   */
  public RetentionCurve pooledCurve(int periods) {
    Checks.argument(periods >= 0, "periods = " + periods + " must be >= 0");
    int longest = counts.longestObservedPeriods();
    Checks.argument(periods <= longest, "periods = " + periods
        + " exceeds the longest observed cohort, which is observed for " + longest + " periods");
    return RetentionCurve.ofCounts(counts.pooled(periods));
  }

  /**
   * The Kaplan–Meier estimate pooled over every cohort: for each cohort, the customers lost at
   * age {@code a} are events at time {@code a}, and those still active at its last observed age
   * are censored there.
   *
   * @return the pooled estimate (time in periods of age)
   */
  public KaplanMeier kaplanMeier() {
    return KaplanMeier.ofCohorts(counts);
  }

  private void checkCohort(int cohort) {
    Checks.argument(cohort >= 0 && cohort < counts.cohortCount(),
        () -> "cohort = " + cohort + " must be in [0, " + (counts.cohortCount() - 1) + "]");
  }

  /**
   * Two tables built from records are equal when they have the same period, observation end and
   * customer spans; two tables built from span counts, when they have the same period,
   * observation end and span counts. A table of each kind is never equal to one of the other.
   *
   * @param o the other object
   * @return true if equal
   */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CohortTable)) {
      return false;
    }
    CohortTable t = (CohortTable) o;
    return t.period == period && t.end == end && source.equals(t.source);
  }

  @Override
  public int hashCode() {
    return source.hashCode() * 31 + period.hashCode() * 17 + end;
  }

  @Override
  public String toString() {
    return "CohortTable{period=" + period + ", customers=" + customers() + ", cohorts="
        + counts.cohortCount() + ", end=" + observationEnd() + "}";
  }

  /** Collects activity records; see {@link CohortTable}. Not thread-safe. */
  public static final class Builder {

    /**
     * The largest pre-sizing hint, 2<sup>24</sup> = 16,777,216 customers (a map of 512 MiB);
     * larger tables grow as records arrive.
     */
    public static final int MAX_EXPECTED_CUSTOMERS = 1 << 24;

    private final CohortPeriod period;
    private CustomerSpans spans = new CustomerSpans(1 << 10);
    private long observedUntil = Long.MIN_VALUE;

    private Builder(CohortPeriod period) {
      this.period = period;
    }

    /**
     * Pre-sizes the map for a number of customers (optional; it grows as needed, also past
     * {@link #MAX_EXPECTED_CUSTOMERS}). The map takes 23 to 46 bytes per expected customer, so
     * the hint is bounded to keep a mistaken value from allocating without bound.
     *
     * @param customers the expected number of distinct customers, in
     *     {@code [0, MAX_EXPECTED_CUSTOMERS]}
     * @return this builder
     * @throws IllegalArgumentException if {@code customers} is out of range
     */
    public Builder expectedCustomers(int customers) {
      Checks.argument(customers >= 0 && customers <= MAX_EXPECTED_CUSTOMERS, "customers = "
          + customers + " must be in [0, " + MAX_EXPECTED_CUSTOMERS + "] (a pre-sizing hint)");
      spans = spans.resized(customers);
      return this;
    }

    /**
     * Records that a customer was active on a date.
     *
     * @param customerId the customer id
     * @param date the date of activity
     * @return this builder
     * @throws NullPointerException if {@code date} is null
     * @throws IllegalArgumentException if the date's period index does not fit an {@code int}
     */
    public Builder add(long customerId, LocalDate date) {
      spans.add(customerId, SpanCounts.periodIndex(period.indexOf(date), "date", date));
      return this;
    }

    /**
     * Records activity for a string customer id (hashed to 64 bits; see {@link CohortTable}).
     *
     * @param customerId the customer id
     * @param date the date of activity
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the date's period index does not fit an {@code int}
     */
    public Builder add(String customerId, LocalDate date) {
      Checks.notNull(customerId, "customerId");
      return add(CustomerSpans.hash(customerId), date);
    }

    /**
     * Records activity on an epoch day (days since 1970-01-01), without a {@link LocalDate}.
     *
     * @param customerId the customer id
     * @param epochDay the day of activity
     * @return this builder
     * @throws IllegalArgumentException if the day is outside LocalDate's range or its period
     *     index does not fit an {@code int}
     */
    public Builder addEpochDay(long customerId, long epochDay) {
      spans.add(customerId,
          SpanCounts.periodIndex(period.indexOfEpochDay(epochDay), "epochDay", epochDay));
      return this;
    }

    /**
     * Sets the observation end when the data were extracted later than the last activity.
     *
     * @param date a day in the last observed period; must not precede any activity
     * @return this builder
     * @throws NullPointerException if {@code date} is null
     */
    public Builder observedUntil(LocalDate date) {
      observedUntil = SpanCounts.periodIndex(period.indexOf(date), "date", date);
      return this;
    }

    /**
     * Builds the table from a snapshot of the records so far (the builder stays usable).
     *
     * @return the table
     * @throws IllegalArgumentException if no record was added, or the observation end precedes
     *     some activity
     */
    public CohortTable build() {
      Checks.argument(spans.size() > 0, "no activity record was added");
      int last = CohortSource.latestPeriod(spans);
      if (observedUntil != Long.MIN_VALUE) {
        Checks.argument(observedUntil >= last, "observedUntil = " + period.start(observedUntil)
            + " precedes activity in " + period.start(last));
        last = (int) observedUntil;
      }
      return new CohortTable(period, CohortSource.ofSpans(spans.copy()), last);
    }
  }
}
