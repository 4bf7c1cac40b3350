package dev.niche.core.activity;

import dev.niche.core.Checks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The transactions a {@link CustomerSummaries.Builder} has collected: one
 * {@link PurchaseHistory} per customer, in the order of the customers' first transactions.
 * Package-private; not thread-safe.
 */
final class TransactionLog {
  private final Map<String, PurchaseHistory> customers = new HashMap<>();
  private final List<PurchaseHistory> order = new ArrayList<>();
  private long added;

  /**
   * Validates and records one transaction.
   *
   * @throws NullPointerException if {@code customerId} or {@code date} is null
   * @throws IllegalArgumentException if {@code amount} is NaN, infinite or negative
   */
  void add(String customerId, LocalDate date, double amount) {
    // Messages are built only on failure: this is the hot path of large imports.
    Checks.notNull(customerId, () -> "customerId (transaction " + added + ") must not be null");
    Checks.notNull(date, () -> "date (transaction " + added + ") must not be null");
    Checks.argument(amount >= 0 && amount != Double.POSITIVE_INFINITY, () -> "amount "
        + "(transaction " + added + ", customer " + customerId + ") = " + amount
        + " must be finite and >= 0");
    PurchaseHistory h = customers.get(customerId);
    if (h == null) {
      h = new PurchaseHistory(customerId);
      customers.put(customerId, h);
      order.add(h);
    }
    h.add(date.toEpochDay(), amount);
    added++;
  }

  /** The number of transactions recorded so far. */
  long added() {
    return added;
  }

  /**
   * Summarises the transactions recorded so far: customers with a purchase on or before
   * {@code endDay} first, then those whose purchases all fall after it.
   */
  SummaryTable summarise(long endDay, long lastDay, double unitDays) {
    SummaryTable t = new SummaryTable(endDay, lastDay, unitDays, order.size(), true);
    for (PurchaseHistory h : order) {
      h.canonicalize();
      if (h.count > 0 && h.days[0] <= endDay) {
        t.addPurchases(h.customerId, h.days, h.amounts, 0, h.count);
      }
    }
    for (PurchaseHistory h : order) {
      if (h.count > 0 && h.days[0] > endDay) {
        t.addPurchases(h.customerId, h.days, h.amounts, 0, h.count);
      }
    }
    return t;
  }
}
