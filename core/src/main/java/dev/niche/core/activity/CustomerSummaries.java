package dev.niche.core.activity;

import dev.niche.core.Checks;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-customer frequency, recency, age and spend over a calibration period, stored column by
 * column (primitive arrays, ready for model fitting) with a per-customer {@link CustomerSummary}
 * view.
 *
 * <p>Conventions (those of Fader, Hardie &amp; Lee 2005 and of the R package BTYD,
 * {@code dc.ElogToCbsCbt}):
 *
 * <ul>
 *   <li>Transactions on the same calendar day are merged into one purchase whose amount is their
 *       sum; times of day are ignored.
 *   <li>Only transactions on or before the calibration end (inclusive) count towards
 *       {@code x}, {@code t_x}, {@code T} and spend, and customers whose first purchase is after
 *       it are left out. With a holdout end ({@link Builder#holdoutEnd}), the purchase days in
 *       {@code (calibrationEnd, holdoutEnd]} are counted as {@link #holdoutFrequency()} over a
 *       holdout of length {@link #holdoutLength()}; without one, later transactions are ignored.
 *   <li>The first purchase is the customer's birth. Frequency {@code x} is the number of later
 *       purchase days; recency {@code t_x} is the time from the first to the last purchase day;
 *       age {@code T} is the time from the first purchase day to the calibration end. Times are
 *       whole days divided by the unit's length in days (so weeks are days / 7, not calendar
 *       weeks).
 *   <li>Mean repeat spend is the mean over the {@code x} repeat purchase days (the first purchase
 *       excluded), as in the Gamma-Gamma model (Fader, Hardie &amp; Lee 2005, "RFM and CLV"); it is
 *       0 when {@code x = 0}. Total spend includes the first purchase.
 * </ul>
 *
 * <p>Summaries built from transactions keep each customer's purchases up to the last day that
 * counts (16 bytes per purchase) so that summaries of parts of the transactions {@link #merge}
 * exactly into the summaries of the whole; {@link #fromColumns} builds them from precomputed
 * columns instead.
 *
 * <p>Customers appear in the order in which their first transaction was added. Instances are
 * immutable and thread-safe; array accessors return copies.
 */
public final class CustomerSummaries {

  private final LocalDate calibrationEnd;
  private final LocalDate holdoutEnd;
  private final ActivityUnit unit;
  private final List<String> customerIds;
  private final SummaryTable table;
  private final double holdoutLength;
  private final Map<String, Integer> index;

  private CustomerSummaries(LocalDate calibrationEnd, LocalDate holdoutEnd, ActivityUnit unit,
      SummaryTable table) {
    this.calibrationEnd = calibrationEnd;
    this.holdoutEnd = holdoutEnd;
    this.unit = unit;
    this.table = table.freeze();
    this.customerIds = Collections.unmodifiableList(new ArrayList<>(table.ids));
    this.holdoutLength = holdoutEnd == null ? 0.0
        : (holdoutEnd.toEpochDay() - calibrationEnd.toEpochDay()) / unit.days();
    int n = customerIds.size();
    Map<String, Integer> map = new HashMap<>(Math.max(16, 2 * n));
    for (int i = 0; i < n; i++) {
      map.put(customerIds.get(i), i);
    }
    this.index = map;
  }

  /** Wraps a table assembled by {@link SummaryColumns} or a merge. */
  static CustomerSummaries of(LocalDate calibrationEnd, LocalDate holdoutEnd, ActivityUnit unit,
      SummaryTable table) {
    return new CustomerSummaries(calibrationEnd, holdoutEnd, unit, table);
  }

  /**
   * Starts collecting transactions.
   *
   * @param calibrationEnd the last day (inclusive) of the calibration period
   * @param unit the unit of recency and age
   * @return a builder
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(LocalDate calibrationEnd, ActivityUnit unit) {
    return new Builder(calibrationEnd, unit);
  }

  /**
   * Summarises a list of transactions.
   *
   * @param transactions the transactions, in any order
   * @param calibrationEnd the last day (inclusive) of the calibration period
   * @param unit the unit of recency and age
   * @return the summaries
   * @throws NullPointerException if an argument or a transaction is null
   */
  public static CustomerSummaries of(
      Iterable<Transaction> transactions, LocalDate calibrationEnd, ActivityUnit unit) {
    return builder(calibrationEnd, unit).addAll(transactions).build();
  }

  /**
   * The last day (inclusive) of the calibration period.
   *
   * @return the calibration end
   */
  public LocalDate calibrationEnd() {
    return calibrationEnd;
  }

  /**
   * The unit of recency and age.
   *
   * @return the unit
   */
  public ActivityUnit unit() {
    return unit;
  }

  /**
   * The number of customers (those with a purchase on or before the calibration end).
   *
   * @return the number of customers
   */
  public int size() {
    return customerIds.size();
  }

  /**
   * The customers' identifiers, in order.
   *
   * @return an unmodifiable list
   */
  public List<String> customerIds() {
    return customerIds;
  }

  /**
   * The position of a customer.
   *
   * @param customerId the identifier
   * @return its index, or -1 if the customer has no purchase in the calibration period
   * @throws NullPointerException if {@code customerId} is null
   */
  public int indexOf(String customerId) {
    Checks.notNull(customerId, "customerId");
    Integer i = index.get(customerId);
    return i == null ? -1 : i;
  }

  /**
   * Frequency x: repeat purchase days per customer.
   *
   * @return a new array of whole numbers
   */
  public double[] frequency() {
    return table.frequency.clone();
  }

  /**
   * Recency t_x: time from the first to the last purchase, in {@link #unit()}.
   *
   * @return a new array
   */
  public double[] recency() {
    return table.recency.clone();
  }

  /**
   * Age T: time from the first purchase to the calibration end, in {@link #unit()}.
   *
   * @return a new array
   */
  public double[] age() {
    return table.age.clone();
  }

  /**
   * RFM recency: time from the last purchase to the calibration end, {@code T - t_x}, in
   * {@link #unit()}.
   *
   * @return a new array
   */
  public double[] timeSinceLastPurchase() {
    double[] r = new double[size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = table.age[i] - table.recency[i];
    }
    return r;
  }

  /**
   * Mean spend of the repeat purchase days (0 for customers without repeat purchases).
   *
   * @return a new array
   */
  public double[] meanRepeatSpend() {
    return table.meanRepeatSpend.clone();
  }

  /**
   * Total spend in the calibration period, first purchase included.
   *
   * @return a new array
   */
  public double[] totalSpend() {
    return table.totalSpend.clone();
  }

  /**
   * The last day (inclusive) of the holdout period, if one was given.
   *
   * @return the holdout end, or empty for calibration-only summaries
   */
  public Optional<LocalDate> holdoutEnd() {
    return Optional.ofNullable(holdoutEnd);
  }

  /**
   * Holdout frequency x*: the number of purchase days in {@code (calibrationEnd, holdoutEnd]}
   * per customer (same-day purchases merged, as in the calibration period). Every such day is a
   * repeat purchase, since the customer's first purchase is in the calibration period. All 0 when
   * no holdout end was given.
   *
   * @return a new array of whole numbers
   */
  public double[] holdoutFrequency() {
    return table.holdoutFrequency.clone();
  }

  /**
   * Holdout length T*: {@code (holdoutEnd - calibrationEnd)} in {@link #unit()}, the same for
   * every customer (everyone is observed over the whole holdout). 0 when no holdout end was
   * given.
   *
   * @return a new array, one entry per customer
   */
  public double[] holdoutLength() {
    double[] t = new double[size()];
    Arrays.fill(t, holdoutLength);
    return t;
  }

  /**
   * Whether these summaries keep the customers' purchase days (true when built from transactions,
   * false when built from columns), which {@link #repeatPurchasesByPeriod} and exact merges of
   * shared customers need.
   *
   * @return true if purchase days are kept
   */
  public boolean keepsPurchases() {
    return table.keepsPurchases;
  }

  /**
   * Repeat purchase days of all customers per period of {@link #unit()}, for tracking plots:
   * entry {@code k} counts the purchase days {@code d} of every customer, other than the
   * customer's first purchase day, with {@code k <= (d - start) / unit.days() < k + 1}, up to the
   * holdout end (or the calibration end without a holdout). Same-day purchases count once.
   *
   * @param start the first day of period 0, typically the earliest first purchase
   * @param periods the number of periods, in {@code [1, 1000000]}
   * @return a new array of counts (whole numbers)
   * @throws NullPointerException if {@code start} is null
   * @throws IllegalArgumentException if {@code periods} is out of range
   * @throws IllegalStateException if the summaries were built from columns (no purchase days)
   */
  public double[] repeatPurchasesByPeriod(LocalDate start, int periods) {
    Checks.notNull(start, "start");
    Checks.argument(periods >= 1 && periods <= 1_000_000,
        "periods = " + periods + " must be in [1, 1000000]");
    if (!table.keepsPurchases) {
      throw new IllegalStateException(
          "summaries built from columns keep no purchase days to count per period");
    }
    return table.repeatPurchasesByPeriod(start.toEpochDay(), periods);
  }

  /**
   * One customer's summary.
   *
   * @param i the customer's index, in {@code [0, size())}
   * @return the summary
   * @throws IndexOutOfBoundsException if {@code i} is out of range
   */
  public CustomerSummary get(int i) {
    Objects.checkIndex(i, size());
    return new CustomerSummary(
        customerIds.get(i),
        (int) table.frequency[i],
        table.recency[i],
        table.age[i],
        table.meanRepeatSpend[i],
        table.totalSpend[i],
        LocalDate.ofEpochDay(table.firstDays[i]),
        LocalDate.ofEpochDay(table.lastDays[i]),
        (int) table.holdoutFrequency[i],
        holdoutLength);
  }

  /**
   * All customers' summaries, in order.
   *
   * @return a new unmodifiable list
   */
  public List<CustomerSummary> toList() {
    List<CustomerSummary> list = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) {
      list.add(get(i));
    }
    return Collections.unmodifiableList(list);
  }

  /**
   * Combines these summaries with summaries of another part of the same transactions (same
   * calibration end, holdout end and unit). When both were built from transactions, the result
   * equals, customer by customer and to the last bit, the summaries of all transactions taken
   * together, however the transactions were split: a customer's purchases on both sides are
   * combined (same-day purchases merged across the parts, spends summed in one canonical order),
   * and a customer whose part held only holdout purchases is completed by the part holding the
   * first purchase. Summaries built from columns ({@link #fromColumns}) keep no purchase days:
   * they merge only with summaries of other customers, and so does the result.
   *
   * <p>Customers appear in this summaries' order, then the other's new customers in theirs. This
   * is what lets an engine such as Spark summarise partitions in parallel and combine them.
   *
   * @param other summaries of other transactions
   * @return the combined summaries
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the calibration end, holdout end or unit differ, if a
   *     customer appears on both sides and one side was built from columns, or if a customer's
   *     combined spend overflows
   */
  public CustomerSummaries merge(CustomerSummaries other) {
    Checks.notNull(other, "other");
    Checks.argument(calibrationEnd.equals(other.calibrationEnd), "other.calibrationEnd() = "
        + other.calibrationEnd + " must equal calibrationEnd() = " + calibrationEnd);
    Checks.argument(unit == other.unit,
        "other.unit() = " + other.unit + " must equal unit() = " + unit);
    Checks.argument(Objects.equals(holdoutEnd, other.holdoutEnd), "other.holdoutEnd() = "
        + other.holdoutEnd() + " must equal holdoutEnd() = " + holdoutEnd());
    return new CustomerSummaries(calibrationEnd, holdoutEnd, unit,
        SummaryMerge.merge(table, other.table));
  }

  /**
   * Starts summaries from precomputed columns (id, x, t_x, T, mean repeat spend, optionally total
   * spend and holdout frequency), for instance computed by an external engine. The values are
   * kept as given; the first and last purchase days of {@link #get(int)} are derived by rounding
   * {@code T} and {@code t_x} to whole days.
   *
   * @param calibrationEnd the last day (inclusive) of the calibration period
   * @param unit the unit of recency and age
   * @return a column builder
   * @throws NullPointerException if an argument is null
   */
  public static SummaryColumns fromColumns(LocalDate calibrationEnd, ActivityUnit unit) {
    return new SummaryColumns(Checks.notNull(calibrationEnd, "calibrationEnd"),
        Checks.notNull(unit, "unit"));
  }

  /**
   * Collects transactions, validating each as it is added, and builds {@link CustomerSummaries}.
   * Not thread-safe; reusable (each {@link #build()} summarises everything added so far).
   */
  public static final class Builder {
    private final LocalDate calibrationEnd;
    private final ActivityUnit unit;
    private LocalDate holdoutEnd;
    private final TransactionLog log = new TransactionLog();

    private Builder(LocalDate calibrationEnd, ActivityUnit unit) {
      this.calibrationEnd = Checks.notNull(calibrationEnd, "calibrationEnd");
      this.unit = Checks.notNull(unit, "unit");
    }

    /**
     * Adds one transaction.
     *
     * @param customerId the customer's identifier
     * @param date the day of the purchase
     * @param amount the amount spent, finite and {@code >= 0}
     * @return this builder
     * @throws NullPointerException if {@code customerId} or {@code date} is null
     * @throws IllegalArgumentException if {@code amount} is NaN, infinite or negative (the message
     *     gives the transaction's position among those added)
     */
    public Builder add(String customerId, LocalDate date, double amount) {
      log.add(customerId, date, amount);
      return this;
    }

    /**
     * Adds one transaction with a time of day; only its calendar day counts.
     *
     * @param customerId the customer's identifier
     * @param time the time of the purchase
     * @param amount the amount spent, finite and {@code >= 0}
     * @return this builder
     * @throws NullPointerException if {@code customerId} or {@code time} is null
     * @throws IllegalArgumentException if {@code amount} is NaN, infinite or negative
     */
    public Builder add(String customerId, LocalDateTime time, double amount) {
      Checks.notNull(time, () -> "time (transaction " + log.added() + ") must not be null");
      return add(customerId, time.toLocalDate(), amount);
    }

    /**
     * Adds one transaction.
     *
     * @param transaction the transaction
     * @return this builder
     * @throws NullPointerException if {@code transaction} is null
     */
    public Builder add(Transaction transaction) {
      Checks.notNull(transaction, () -> "transaction (" + log.added() + ") must not be null");
      return add(transaction.customerId(), transaction.date(), transaction.amount());
    }

    /**
     * Adds transactions.
     *
     * @param transactions the transactions
     * @return this builder
     * @throws NullPointerException if {@code transactions} or one of them is null
     */
    public Builder addAll(Iterable<Transaction> transactions) {
      Checks.notNull(transactions, "transactions");
      for (Transaction t : transactions) {
        add(t);
      }
      return this;
    }

    /**
     * Adds a holdout period {@code (calibrationEnd, holdoutEnd]}: transactions in it are no longer
     * ignored but counted, per customer, as {@link CustomerSummaries#holdoutFrequency()}, the
     * number of purchase days (same-day purchases merged). This follows lifetimes'
     * {@code calibration_and_holdout_data} (daily frequency): only customers whose first purchase
     * is in the calibration period are summarised, and every holdout purchase day counts, since
     * it is necessarily later than the first purchase day. Transactions after the holdout end are
     * ignored.
     *
     * @param holdoutEnd the last day (inclusive) of the holdout period, after the calibration end
     * @return this builder
     * @throws NullPointerException if {@code holdoutEnd} is null
     * @throws IllegalArgumentException if {@code holdoutEnd} is not after the calibration end
     */
    public Builder holdoutEnd(LocalDate holdoutEnd) {
      Checks.notNull(holdoutEnd, "holdoutEnd");
      Checks.argument(holdoutEnd.isAfter(calibrationEnd), "holdoutEnd = " + holdoutEnd
          + " must be after calibrationEnd = " + calibrationEnd);
      this.holdoutEnd = holdoutEnd;
      return this;
    }

    /**
     * Summarises the transactions added so far.
     *
     * @return the summaries
     * @throws IllegalArgumentException if a customer's amounts in the calibration period sum to
     *     more than {@link Double#MAX_VALUE} (the message names the customer)
     */
    public CustomerSummaries build() {
      long endDay = calibrationEnd.toEpochDay();
      long lastDay = holdoutEnd == null ? endDay : holdoutEnd.toEpochDay();
      return new CustomerSummaries(calibrationEnd, holdoutEnd, unit,
          log.summarise(endDay, lastDay, unit.days()));
    }
  }
}
