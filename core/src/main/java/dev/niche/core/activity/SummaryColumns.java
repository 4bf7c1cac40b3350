package dev.niche.core.activity;

import dev.niche.core.Checks;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds {@link CustomerSummaries} from precomputed columns, e.g. computed by Spark or a SQL
 * engine with the conventions of {@link CustomerSummaries}: customer ids, frequency {@code x},
 * recency {@code t_x}, age {@code T} (in the unit given to
 * {@link CustomerSummaries#fromColumns}), mean repeat spend, and optionally total spend and the
 * holdout frequency. Obtain one from {@link CustomerSummaries#fromColumns}; every column is
 * checked at {@link #build()} and copied. Not thread-safe.
 */
public final class SummaryColumns {

  private final LocalDate calibrationEnd;
  private final ActivityUnit unit;
  private List<String> ids;
  private double[] x;
  private double[] tx;
  private double[] age;
  private double[] meanRepeatSpend;
  private double[] totalSpend;
  private LocalDate holdoutEnd;
  private double[] holdoutFrequency;

  SummaryColumns(LocalDate calibrationEnd, ActivityUnit unit) {
    this.calibrationEnd = calibrationEnd;
    this.unit = unit;
  }

  /**
   * The main columns (required).
   *
   * @param customerIds distinct, non-null identifiers
   * @param frequency x, whole numbers {@code >= 0}
   * @param recency t_x, in {@code [0, T]}, 0 when {@code x = 0}
   * @param age T, finite and {@code >= 0}
   * @param meanRepeatSpend mean spend of the repeat purchases, finite, {@code >= 0}
   * @return this builder
   * @throws NullPointerException if an argument is null
   */
  @SuppressWarnings("HiddenField")
  public SummaryColumns columns(List<String> customerIds, double[] frequency, double[] recency,
      double[] age, double[] meanRepeatSpend) {
    this.ids = Checks.notNull(customerIds, "customerIds");
    this.x = Checks.notNull(frequency, "frequency").clone();
    this.tx = Checks.notNull(recency, "recency").clone();
    this.age = Checks.notNull(age, "age").clone();
    this.meanRepeatSpend = Checks.notNull(meanRepeatSpend, "meanRepeatSpend").clone();
    return this;
  }

  /**
   * Total spend in the calibration period, first purchase included (optional; without it the
   * total spend is taken as {@code x · meanRepeatSpend}, the repeat spend only).
   *
   * @param totalSpend one finite value {@code >= 0} per customer
   * @return this builder
   * @throws NullPointerException if {@code totalSpend} is null
   */
  @SuppressWarnings("HiddenField")
  public SummaryColumns totalSpend(double[] totalSpend) {
    this.totalSpend = Checks.notNull(totalSpend, "totalSpend").clone();
    return this;
  }

  /**
   * A holdout period {@code (calibrationEnd, holdoutEnd]} and each customer's purchase days in it
   * (optional).
   *
   * @param holdoutEnd the last day (inclusive) of the holdout, after the calibration end
   * @param holdoutFrequency whole numbers {@code >= 0}, one per customer
   * @return this builder
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code holdoutEnd} is not after the calibration end
   */
  @SuppressWarnings("HiddenField")
  public SummaryColumns holdout(LocalDate holdoutEnd, double[] holdoutFrequency) {
    Checks.notNull(holdoutEnd, "holdoutEnd");
    Checks.argument(holdoutEnd.isAfter(calibrationEnd), "holdoutEnd = " + holdoutEnd
        + " must be after calibrationEnd = " + calibrationEnd);
    this.holdoutEnd = holdoutEnd;
    this.holdoutFrequency = Checks.notNull(holdoutFrequency, "holdoutFrequency").clone();
    return this;
  }

  /**
   * Checks the columns and builds the summaries.
   *
   * @return the summaries, in the order of the columns
   * @throws IllegalStateException if {@link #columns} was not called
   * @throws NullPointerException if an identifier is null
   * @throws IllegalArgumentException if the columns differ in length, an identifier repeats, or
   *     a value is invalid (the message names the column and index)
   */
  public CustomerSummaries build() {
    if (ids == null) {
      throw new IllegalStateException("columns(customerIds, frequency, recency, age, "
          + "meanRepeatSpend) is required");
    }
    int n = ids.size();
    Checks.sameLength(n, "customerIds", x.length, "frequency");
    Checks.sameLength(n, "customerIds", tx.length, "recency");
    Checks.sameLength(n, "customerIds", age.length, "age");
    Checks.sameLength(n, "customerIds", meanRepeatSpend.length, "meanRepeatSpend");
    if (totalSpend != null) {
      Checks.sameLength(n, "customerIds", totalSpend.length, "totalSpend");
    }
    if (holdoutFrequency != null) {
      Checks.sameLength(n, "customerIds", holdoutFrequency.length, "holdoutFrequency");
    }
    long endDay = calibrationEnd.toEpochDay();
    double unitDays = unit.days();
    SummaryTable t = new SummaryTable(endDay,
        holdoutEnd == null ? endDay : holdoutEnd.toEpochDay(), unitDays, n, false);
    double maxDays = (double) endDay - LocalDate.MIN.toEpochDay();
    Set<String> seen = new HashSet<>(Math.max(16, 2 * n));
    for (int i = 0; i < n; i++) {
      int row = i;
      String id = Checks.elementNotNull(ids.get(i), "customerIds", i);
      Checks.argument(seen.add(id), () -> "customerIds[" + row + "] = " + id + " is repeated");
      double xi = x[i];
      Checks.element(xi >= 0 && xi == Math.rint(xi) && xi <= Integer.MAX_VALUE, "frequency", i,
          xi, "must be a whole number >= 0");
      Checks.element(age[i] >= 0 && age[i] * unitDays <= maxDays, "age", i, age[i],
          "must be >= 0 and at most the span of LocalDate before the calibration end");
      Checks.argument(tx[i] >= 0 && tx[i] <= age[i], () -> "recency[" + row + "] = " + tx[row]
          + " must be in [0, age[" + row + "] = " + age[row] + "]");
      Checks.element(xi > 0 || tx[i] == 0, "recency", i, tx[i], "must be 0 when frequency = 0");
      double m = meanRepeatSpend[i];
      Checks.element(m >= 0 && m < Double.POSITIVE_INFINITY, "meanRepeatSpend", i, m,
          "must be finite and >= 0");
      double total = totalSpend == null ? xi * m : totalSpend[i];
      Checks.element(total >= 0 && total < Double.POSITIVE_INFINITY, "totalSpend", i, total,
          "must be finite and >= 0");
      double h = holdoutFrequency == null ? 0 : holdoutFrequency[i];
      Checks.element(h >= 0 && h == Math.rint(h) && h <= Integer.MAX_VALUE, "holdoutFrequency",
          i, h, "must be a whole number >= 0");
      long first = endDay - Math.round(age[i] * unitDays);
      t.appendRow(id, xi, tx[i], age[i], m, total, h, first,
          first + Math.round(tx[i] * unitDays));
    }
    return CustomerSummaries.of(calibrationEnd, holdoutEnd, unit, t);
  }
}
