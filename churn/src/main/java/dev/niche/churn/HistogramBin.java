package dev.niche.churn;

import dev.niche.core.Checks;

/**
 * One bin of the calibration-period fit histogram of a {@link HoldoutValidation} (Fader, Hardie
 * &amp; Lee 2007, "Creating a Fit Histogram for the BG/NBD Model"): how many customers made
 * {@code frequency} repeat purchases in the calibration period (at least {@code frequency} for
 * the last bin), and how many the model expects, {@code Σ_i P(X(T_i) = frequency)}.
 *
 * @param frequency the number of repeat purchases
 * @param orMore true for the last, open-ended bin
 * @param actual the number of customers observed
 * @param expected the expected number of customers
 */
public record HistogramBin(int frequency, boolean orMore, long actual, double expected) {

  /**
   * Creates a bin.
   *
   * @param frequency repeat purchases
   * @param orMore whether the bin is open-ended
   * @param actual observed customers
   * @param expected expected customers
   * @throws IllegalArgumentException if a value is negative or not finite
   */
  public HistogramBin {
    Checks.nonNegative(frequency, "frequency");
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
