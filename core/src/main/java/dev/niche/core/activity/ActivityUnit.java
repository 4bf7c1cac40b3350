package dev.niche.core.activity;

import dev.niche.core.Checks;

/**
 * The unit in which recency, age and horizons are measured. Each unit is a fixed number of days,
 * so that conversions are exact and documented: a week is 7 days, a month 365.25 / 12 = 30.4375
 * days and a year 365.25 days (Julian year). Calendar months of unequal length are deliberately
 * not used: the BG/NBD and Pareto/NBD models need a constant time scale.
 */
public enum ActivityUnit {
  /** One day. */
  DAYS(1.0),
  /** Seven days; the unit of the CDNOW analyses (Fader, Hardie &amp; Lee 2005). */
  WEEKS(7.0),
  /** An average month, 365.25 / 12 = 30.4375 days. */
  MONTHS(365.25 / 12.0),
  /** A Julian year, 365.25 days. */
  YEARS(365.25);

  private final double days;

  ActivityUnit(double days) {
    this.days = days;
  }

  /**
   * The length of this unit in days.
   *
   * @return the number of days in one unit
   */
  public double days() {
    return days;
  }

  /**
   * Converts a number of days to this unit.
   *
   * @param dayCount a finite number of days
   * @return {@code dayCount / days()}
   * @throws IllegalArgumentException if {@code dayCount} is not finite
   */
  public double fromDays(double dayCount) {
    return Checks.finite(dayCount, "dayCount") / days;
  }

  /**
   * Converts an amount of time in another unit to this unit, e.g.
   * {@code WEEKS.convert(1, YEARS) = 52.178...}.
   *
   * @param amount a finite amount of time in {@code unit}
   * @param unit the unit {@code amount} is expressed in
   * @return the same duration in this unit
   * @throws NullPointerException if {@code unit} is null
   * @throws IllegalArgumentException if {@code amount} is not finite
   */
  public double convert(double amount, ActivityUnit unit) {
    Checks.notNull(unit, "unit");
    return Checks.finite(amount, "amount") * unit.days / days;
  }
}
