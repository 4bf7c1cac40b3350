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
 *   <li>Only transactions on or before the calibration end (inclusive) count; later ones are
 *       ignored, and customers whose first purchase is after it are left out.
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
 * <p>Customers appear in the order in which their first transaction was added. Instances are
 * immutable and thread-safe; array accessors return copies.
 */
public final class CustomerSummaries {

  private final LocalDate calibrationEnd;
  private final ActivityUnit unit;
  private final List<String> customerIds;
  private final double[] frequency;
  private final double[] recency;
  private final double[] age;
  private final double[] meanRepeatSpend;
  private final double[] totalSpend;
  private final long[] firstDay;
  private final long[] lastDay;
  private final Map<String, Integer> index;

  private CustomerSummaries(Builder b) {
    this.calibrationEnd = b.calibrationEnd;
    this.unit = b.unit;
    long endDay = calibrationEnd.toEpochDay();
    List<String> ids = new ArrayList<>();
    int capacity = b.customers.size();
    double[] xs = new double[capacity];
    double[] txs = new double[capacity];
    double[] ts = new double[capacity];
    double[] means = new double[capacity];
    double[] totals = new double[capacity];
    long[] firsts = new long[capacity];
    long[] lasts = new long[capacity];
    double unitDays = unit.days();
    int n = 0;
    for (PurchaseHistory h : b.order) {
      if (!h.summarise(endDay)) {
        continue;
      }
      ids.add(h.customerId);
      xs[n] = h.repeatDays;
      txs[n] = (h.lastDay - h.firstDay) / unitDays;
      ts[n] = (endDay - h.firstDay) / unitDays;
      means[n] = h.repeatDays == 0 ? 0.0 : h.repeatSpend / h.repeatDays;
      totals[n] = h.totalSpend;
      firsts[n] = h.firstDay;
      lasts[n] = h.lastDay;
      n++;
    }
    this.customerIds = Collections.unmodifiableList(ids);
    this.frequency = Arrays.copyOf(xs, n);
    this.recency = Arrays.copyOf(txs, n);
    this.age = Arrays.copyOf(ts, n);
    this.meanRepeatSpend = Arrays.copyOf(means, n);
    this.totalSpend = Arrays.copyOf(totals, n);
    this.firstDay = Arrays.copyOf(firsts, n);
    this.lastDay = Arrays.copyOf(lasts, n);
    Map<String, Integer> map = new HashMap<>(Math.max(16, 2 * n));
    for (int i = 0; i < n; i++) {
      map.put(ids.get(i), i);
    }
    this.index = map;
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
    return frequency.clone();
  }

  /**
   * Recency t_x: time from the first to the last purchase, in {@link #unit()}.
   *
   * @return a new array
   */
  public double[] recency() {
    return recency.clone();
  }

  /**
   * Age T: time from the first purchase to the calibration end, in {@link #unit()}.
   *
   * @return a new array
   */
  public double[] age() {
    return age.clone();
  }

  /**
   * RFM recency: time from the last purchase to the calibration end, {@code T - t_x}, in
   * {@link #unit()}.
   *
   * @return a new array
   */
  public double[] timeSinceLastPurchase() {
    double[] r = new double[age.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = age[i] - recency[i];
    }
    return r;
  }

  /**
   * Mean spend of the repeat purchase days (0 for customers without repeat purchases).
   *
   * @return a new array
   */
  public double[] meanRepeatSpend() {
    return meanRepeatSpend.clone();
  }

  /**
   * Total spend in the calibration period, first purchase included.
   *
   * @return a new array
   */
  public double[] totalSpend() {
    return totalSpend.clone();
  }

  /**
   * One customer's summary.
   *
   * @param i the customer's index, in {@code [0, size())}
   * @return the summary
   * @throws IndexOutOfBoundsException if {@code i} is out of range
   */
  public CustomerSummary get(int i) {
    return new CustomerSummary(
        customerIds.get(i),
        (int) frequency[i],
        recency[i],
        age[i],
        meanRepeatSpend[i],
        totalSpend[i],
        LocalDate.ofEpochDay(firstDay[i]),
        LocalDate.ofEpochDay(lastDay[i]));
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
   * Collects transactions, validating each as it is added, and builds {@link CustomerSummaries}.
   * Not thread-safe; reusable (each {@link #build()} summarises everything added so far).
   */
  public static final class Builder {
    private final LocalDate calibrationEnd;
    private final ActivityUnit unit;
    private final Map<String, PurchaseHistory> customers = new HashMap<>();
    private final List<PurchaseHistory> order = new ArrayList<>();
    private long added;

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
      // Messages are built only on failure: this is the hot path of large imports.
      if (customerId == null) {
        throw new NullPointerException("customerId (transaction " + added + ") must not be null");
      }
      if (date == null) {
        throw new NullPointerException("date (transaction " + added + ") must not be null");
      }
      if (!(amount >= 0) || amount == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(
            "amount (transaction " + added + ", customer " + customerId + ") = " + amount
                + " must be finite and >= 0");
      }
      PurchaseHistory h = customers.get(customerId);
      if (h == null) {
        h = new PurchaseHistory(customerId);
        customers.put(customerId, h);
        order.add(h);
      }
      h.add(date.toEpochDay(), amount);
      added++;
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
      if (time == null) {
        throw new NullPointerException("time (transaction " + added + ") must not be null");
      }
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
      if (transaction == null) {
        throw new NullPointerException("transaction (" + added + ") must not be null");
      }
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
     * Summarises the transactions added so far.
     *
     * @return the summaries
     */
    public CustomerSummaries build() {
      return new CustomerSummaries(this);
    }
  }
}
