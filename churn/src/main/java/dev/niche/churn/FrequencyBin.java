package dev.niche.churn;

import dev.niche.core.Checks;

/**
 * One bin of the conditional-expectation table of a {@link HoldoutValidation} (Fader, Hardie
 * &amp; Lee 2005, figure of conditional expectations): the customers with a given calibration
 * frequency, or with at least that frequency for the last bin, and their mean actual and mean
 * expected holdout purchases.
 *
 * @param frequency the calibration frequency x of the bin
 * @param orMore true for the last bin, which holds every {@code x >= frequency}
 * @param customers the number of customers in the bin
 * @param actual their mean actual holdout purchases (0 for an empty bin)
 * @param expected their mean expected holdout purchases (0 for an empty bin)
 */
public record FrequencyBin(int frequency, boolean orMore, long customers, double actual,
    double expected) {

  /**
   * Creates a bin.
   *
   * @param frequency x
   * @param orMore whether the bin is open-ended
   * @param customers customer count
   * @param actual mean actual purchases
   * @param expected mean expected purchases
   * @throws IllegalArgumentException if a value is negative or not finite
   */
  public FrequencyBin {
    Checks.nonNegative(frequency, "frequency");
    Checks.nonNegative(customers, "customers");
    Checks.nonNegative(actual, "actual");
    Checks.nonNegative(expected, "expected");
  }

  /**
   * The bin's label, e.g. {@code "3"} or {@code "7+"}.
   *
   * @return the label
   */
  public String label() {
    return orMore ? frequency + "+" : Integer.toString(frequency);
  }
}
