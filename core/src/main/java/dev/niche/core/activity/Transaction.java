package dev.niche.core.activity;

import dev.niche.core.Checks;
import java.time.LocalDate;

/**
 * One purchase: who bought, on which calendar day, and for how much.
 *
 * @param customerId the customer's identifier, not null
 * @param date the calendar day of the purchase, not null
 * @param amount the amount spent, finite and {@code >= 0}
 */
public record Transaction(String customerId, LocalDate date, double amount) {

  /**
   * Creates a transaction.
   *
   * @param customerId the customer's identifier
   * @param date the day of the purchase
   * @param amount the amount spent
   * @throws NullPointerException if {@code customerId} or {@code date} is null
   * @throws IllegalArgumentException if {@code amount} is NaN, infinite or negative
   */
  public Transaction {
    Checks.notNull(customerId, "customerId");
    Checks.notNull(date, "date");
    Checks.nonNegative(amount, "amount");
  }
}
