package dev.niche.churn;

import dev.niche.core.Checks;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The calendar period that groups activity into cohorts and ages. Periods are numbered by a
 * {@code long} index in calendar order, computed with epoch-day arithmetic:
 *
 * <ul>
 *   <li>{@link #DAY}: the epoch day ({@code 1970-01-01} is 0);
 *   <li>{@link #WEEK}: ISO weeks starting on Monday; week 0 starts on Monday
 *       {@code 1969-12-29};
 *   <li>{@link #MONTH}: {@code 12 · year + (month - 1)};
 *   <li>{@link #QUARTER}: {@code 4 · year + (month - 1) / 3};
 *   <li>{@link #YEAR}: the (proleptic ISO) year.
 * </ul>
 */
public enum CohortPeriod {
  /** Calendar days. */
  DAY,
  /** ISO weeks, Monday to Sunday. */
  WEEK,
  /** Calendar months. */
  MONTH,
  /** Calendar quarters (January, April, July, October). */
  QUARTER,
  /** Calendar years. */
  YEAR;

  /** Epoch day of 0000-03-01, the origin of the civil-from-days computation. */
  private static final long MARCH_ORIGIN = 719_468L;
  private static final long DAYS_PER_ERA = 146_097L;
  private static final long MIN_EPOCH_DAY = LocalDate.MIN.toEpochDay();
  private static final long MAX_EPOCH_DAY = LocalDate.MAX.toEpochDay();

  /**
   * The index of the period that contains a date.
   *
   * @param date the date
   * @return the period index
   * @throws NullPointerException if {@code date} is null
   */
  public long indexOf(LocalDate date) {
    Checks.notNull(date, "date");
    switch (this) {
      case DAY:
      case WEEK:
        return indexOfEpochDay(date.toEpochDay());
      case MONTH:
        return 12L * date.getYear() + date.getMonthValue() - 1;
      case QUARTER:
        return 4L * date.getYear() + (date.getMonthValue() - 1) / 3;
      case YEAR:
        return date.getYear();
    }
    throw new AssertionError(this);
  }

  /**
   * The index of the period that contains an epoch day, without creating a {@link LocalDate}.
   *
   * @param epochDay days since 1970-01-01, within the range of {@link LocalDate}
   * @return the period index
   * @throws IllegalArgumentException if {@code epochDay} is outside the range of LocalDate
   */
  public long indexOfEpochDay(long epochDay) {
    Checks.argument(epochDay >= MIN_EPOCH_DAY && epochDay <= MAX_EPOCH_DAY,
        () -> "epochDay = " + epochDay + " is outside the range of LocalDate");
    switch (this) {
      case DAY:
        return epochDay;
      case WEEK:
        return Math.floorDiv(epochDay + 3, 7);
      default:
        return fromCivil(epochDay);
    }
  }

  /**
   * The first day of a period.
   *
   * @param index the period index
   * @return the first day of the period
   * @throws java.time.DateTimeException if the period lies outside the range of LocalDate
   */
  public LocalDate start(long index) {
    try {
      return startOf(index);
    } catch (ArithmeticException e) {
      // The period's year or epoch day does not fit in an int or long: far outside LocalDate.
      throw new DateTimeException(
          "index = " + index + " puts the " + name().toLowerCase(Locale.ROOT)
              + " outside the range of LocalDate", e);
    }
  }

  private LocalDate startOf(long index) {
    switch (this) {
      case DAY:
        return LocalDate.ofEpochDay(index);
      case WEEK:
        return LocalDate.ofEpochDay(Math.multiplyExact(index, 7L) - 3);
      case MONTH:
        return LocalDate.of(Math.toIntExact(Math.floorDiv(index, 12L)),
            (int) Math.floorMod(index, 12L) + 1, 1);
      case QUARTER:
        return LocalDate.of(Math.toIntExact(Math.floorDiv(index, 4L)),
            3 * (int) Math.floorMod(index, 4L) + 1, 1);
      case YEAR:
        return LocalDate.of(Math.toIntExact(index), 1, 1);
    }
    throw new AssertionError(this);
  }

  /** Month, quarter or year index from an epoch day (civil calendar from days, March-based). */
  private long fromCivil(long epochDay) {
    long z = epochDay + MARCH_ORIGIN;
    long era = Math.floorDiv(z, DAYS_PER_ERA);
    long dayOfEra = z - era * DAYS_PER_ERA;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long marchMonth = (5 * dayOfYear + 2) / 153;
    long month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    switch (this) {
      case MONTH:
        return 12 * year + month - 1;
      case QUARTER:
        return 4 * year + (month - 1) / 3;
      default:
        return year;
    }
  }
}
