package dev.niche.core;

/**
 * A closed interval {@code [lower, upper]}, such as a confidence interval.
 *
 * <p>Either bound may be infinite (a one-sided interval); both are NaN only when the interval is
 * unknown, as documented by the method that returns it.
 *
 * @param lower the lower bound; {@code -∞} for a one-sided interval, NaN when unknown
 * @param upper the upper bound, {@code >= lower}; {@code +∞} for a one-sided interval, NaN when
 *     unknown
 */
public record Interval(double lower, double upper) {

  /**
   * Creates an interval.
   *
   * @param lower the lower bound
   * @param upper the upper bound
   * @throws IllegalArgumentException if {@code lower > upper}, or exactly one bound is NaN
   */
  public Interval {
    Checks.argument(Double.isNaN(lower) == Double.isNaN(upper),
        "lower = " + lower + " and upper = " + upper + " must both be NaN or both be numbers");
    Checks.argument(!(lower > upper), "lower = " + lower + " must be <= upper = " + upper);
  }

  /**
   * Tells whether a value lies in the closed interval.
   *
   * @param value the value
   * @return true if {@code lower <= value <= upper}
   */
  public boolean contains(double value) {
    return lower <= value && value <= upper;
  }

  /**
   * The interval's width.
   *
   * @return {@code upper - lower}; {@code +∞} for a one-sided interval, NaN when unknown
   */
  public double width() {
    return upper - lower;
  }
}
