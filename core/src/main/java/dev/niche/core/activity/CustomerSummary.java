package dev.niche.core.activity;

import dev.niche.core.Checks;
import java.time.LocalDate;

/**
 * One customer's activity over the calibration period (and, when one was given, the holdout
 * period), in the conventions of the "buy 'til you die" literature (Fader, Hardie &amp; Lee
 * 2005): the first purchase is the customer's birth and is not counted as a repeat purchase;
 * purchases on the same calendar day count as one.
 *
 * <p>For RFM segmentation: <em>frequency</em> is {@link #frequency()}, <em>recency</em> in the
 * RFM sense (time since the last purchase) is {@link #timeSinceLastPurchase()}, and
 * <em>monetary</em> value is {@link #meanRepeatSpend()} or {@link #totalSpend()}.
 *
 * @param customerId the customer's identifier
 * @param frequency x, the number of repeat purchase days in the calibration period, {@code >= 0}
 * @param recency t_x, the time from the first to the last purchase, in the summaries' unit;
 *     0 when {@code frequency == 0}
 * @param age T, the time from the first purchase to the end of the calibration period, in the
 *     summaries' unit, {@code >= recency}
 * @param meanRepeatSpend the mean amount of the repeat purchase days (the first purchase
 *     excluded, same-day amounts summed); 0 when {@code frequency == 0}
 * @param totalSpend the total amount spent in the calibration period, first purchase included
 * @param firstPurchase the day of the first purchase
 * @param lastPurchase the day of the last purchase in the calibration period
 * @param holdoutFrequency x*, the number of purchase days in the holdout period
 *     {@code (calibrationEnd, holdoutEnd]}; 0 without a holdout
 * @param holdoutLength T*, the length of the holdout period in the summaries' unit; 0 without a
 *     holdout
 */
public record CustomerSummary(
    String customerId,
    int frequency,
    double recency,
    double age,
    double meanRepeatSpend,
    double totalSpend,
    LocalDate firstPurchase,
    LocalDate lastPurchase,
    int holdoutFrequency,
    double holdoutLength) {

  /**
   * Creates a summary, checking its internal consistency.
   *
   * @param customerId the customer's identifier
   * @param frequency repeat purchase days
   * @param recency time of the last purchase since the first
   * @param age time since the first purchase
   * @param meanRepeatSpend mean repeat amount
   * @param totalSpend total amount
   * @param firstPurchase day of the first purchase
   * @param lastPurchase day of the last purchase
   * @param holdoutFrequency purchase days in the holdout period
   * @param holdoutLength length of the holdout period
   * @throws NullPointerException if an identifier or date is null
   * @throws IllegalArgumentException if a value is negative or not finite, {@code recency > age},
   *     or {@code frequency == 0} with a positive recency
   */
  public CustomerSummary {
    Checks.notNull(customerId, "customerId");
    Checks.notNull(firstPurchase, "firstPurchase");
    Checks.notNull(lastPurchase, "lastPurchase");
    Checks.nonNegative(frequency, "frequency");
    Checks.nonNegative(recency, "recency");
    Checks.nonNegative(age, "age");
    Checks.nonNegative(meanRepeatSpend, "meanRepeatSpend");
    Checks.nonNegative(totalSpend, "totalSpend");
    Checks.nonNegative(holdoutFrequency, "holdoutFrequency");
    Checks.nonNegative(holdoutLength, "holdoutLength");
    Checks.argument(recency <= age, "recency = " + recency + " must be <= age = " + age);
    Checks.argument(frequency > 0 || recency == 0,
        "recency = " + recency + " must be 0 when frequency = 0");
  }

  /**
   * A summary without a holdout period (holdout frequency and length 0).
   *
   * @param customerId the customer's identifier
   * @param frequency repeat purchase days
   * @param recency time of the last purchase since the first
   * @param age time since the first purchase
   * @param meanRepeatSpend mean repeat amount
   * @param totalSpend total amount
   * @param firstPurchase day of the first purchase
   * @param lastPurchase day of the last purchase
   * @throws NullPointerException if an identifier or date is null
   * @throws IllegalArgumentException if a value is negative or not finite, {@code recency > age},
   *     or {@code frequency == 0} with a positive recency
   */
  public CustomerSummary(String customerId, int frequency, double recency, double age,
      double meanRepeatSpend, double totalSpend, LocalDate firstPurchase, LocalDate lastPurchase) {
    this(customerId, frequency, recency, age, meanRepeatSpend, totalSpend, firstPurchase,
        lastPurchase, 0, 0.0);
  }

  /**
   * Recency in the RFM sense: the time from the last purchase to the end of the calibration
   * period, {@code age - recency}.
   *
   * @return {@code age() - recency()}, in the summaries' unit
   */
  public double timeSinceLastPurchase() {
    return age - recency;
  }
}
