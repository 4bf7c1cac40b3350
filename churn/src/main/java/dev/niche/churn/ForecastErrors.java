package dev.niche.churn;

import dev.niche.core.Checks;

/**
 * Error measures of a holdout forecast over customers {@code i = 1..n} with expected holdout
 * purchases {@code e_i} and actual {@code a_i}.
 *
 * @param customers n
 * @param meanAbsoluteError {@code Σ |e_i − a_i| / n}
 * @param rootMeanSquaredError {@code sqrt(Σ (e_i − a_i)² / n)}
 * @param totalExpected {@code Σ e_i}
 * @param totalActual {@code Σ a_i}
 */
public record ForecastErrors(long customers, double meanAbsoluteError,
    double rootMeanSquaredError, double totalExpected, double totalActual) {

  /**
   * Creates error measures.
   *
   * @param customers n, {@code >= 1}
   * @param meanAbsoluteError MAE
   * @param rootMeanSquaredError RMSE
   * @param totalExpected expected total
   * @param totalActual actual total
   * @throws IllegalArgumentException if a value is negative or not finite, or {@code n < 1}
   */
  public ForecastErrors {
    Checks.argument(customers >= 1, "customers = " + customers + " must be >= 1");
    Checks.nonNegative(meanAbsoluteError, "meanAbsoluteError");
    Checks.nonNegative(rootMeanSquaredError, "rootMeanSquaredError");
    Checks.nonNegative(totalExpected, "totalExpected");
    Checks.nonNegative(totalActual, "totalActual");
  }

  /**
   * The total error, expected minus actual purchases.
   *
   * @return {@code totalExpected() - totalActual()}
   */
  public double totalError() {
    return totalExpected - totalActual;
  }

  /**
   * The total error relative to the actual total.
   *
   * @return {@code totalError() / totalActual()}; ±∞ or NaN (documented) when nobody bought in
   *     the holdout
   */
  public double relativeTotalError() {
    return totalError() / totalActual;
  }
}
