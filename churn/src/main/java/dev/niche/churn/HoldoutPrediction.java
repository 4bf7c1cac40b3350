package dev.niche.churn;

import dev.niche.core.Checks;

/**
 * One customer's row of a {@link HoldoutValidation}: the calibration summary, the model's
 * prediction for the holdout period and what the customer actually did.
 *
 * @param customerId the customer's identifier
 * @param frequency x, repeat purchases in the calibration period
 * @param recency t_x, in the summaries' unit
 * @param age T, in the summaries' unit
 * @param probabilityAlive P(alive | x, t_x, T) at the calibration end
 * @param expectedPurchases E[Y(T*) | x, t_x, T], the expected purchases in the holdout of length T*
 * @param actualPurchases x*, the purchase days in the holdout
 * @param expectedValue expected holdout revenue {@code E[Y(T*) | x, t_x, T] · E[M | x, m]} with a
 *     Gamma-Gamma spend model; NaN when the validation has no spend model
 */
public record HoldoutPrediction(String customerId, int frequency, double recency, double age,
    double probabilityAlive, double expectedPurchases, int actualPurchases,
    double expectedValue) {

  /**
   * Creates a row.
   *
   * @param customerId identifier
   * @param frequency x
   * @param recency t_x
   * @param age T
   * @param probabilityAlive P(alive)
   * @param expectedPurchases expected holdout purchases
   * @param actualPurchases actual holdout purchases
   * @param expectedValue expected holdout revenue, or NaN without a spend model
   * @throws NullPointerException if {@code customerId} is null
   * @throws IllegalArgumentException if a count, time or expectation is negative or not finite,
   *     or the probability is outside [0, 1]
   */
  public HoldoutPrediction {
    Checks.notNull(customerId, "customerId");
    Checks.nonNegative(frequency, "frequency");
    Checks.nonNegative(recency, "recency");
    Checks.nonNegative(age, "age");
    Checks.inRange(probabilityAlive, 0, 1, "probabilityAlive");
    Checks.nonNegative(expectedPurchases, "expectedPurchases");
    Checks.nonNegative(actualPurchases, "actualPurchases");
    Checks.argument(Double.isNaN(expectedValue) || expectedValue >= 0,
        "expectedValue = " + expectedValue + " must be >= 0 or NaN");
  }

  /**
   * The forecast error of this customer, expected minus actual holdout purchases.
   *
   * @return {@code expectedPurchases() - actualPurchases()}
   */
  public double error() {
    return expectedPurchases - actualPurchases;
  }
}
