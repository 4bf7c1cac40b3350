package dev.niche.churn;

import dev.niche.core.Checks;
import dev.niche.core.Interval;

/**
 * A hazard ratio {@code exp(β)} of one term of a Cox model with its confidence interval
 * {@code exp(β ± z·se)}: the factor by which the churn hazard is multiplied per unit of the
 * covariate (or for a level against the reference level).
 *
 * @param term the term's name
 * @param value {@code exp(β)}, {@code >= 0}
 * @param interval the interval {@code [exp(β − z·se), exp(β + z·se)]}
 * @param level the confidence level, in (0, 1)
 */
public record HazardRatio(String term, double value, Interval interval, double level) {

  /**
   * Validates the components.
   *
   * @param term the term's name, not null
   * @param value the ratio, {@code >= 0}
   * @param interval the interval, not null
   * @param level the confidence level, in (0, 1)
   * @throws NullPointerException if {@code term} or {@code interval} is null
   * @throws IllegalArgumentException if {@code value} is negative or NaN, or {@code level} is not
   *     in (0, 1)
   */
  public HazardRatio {
    Checks.notNull(term, "term");
    Checks.notNull(interval, "interval");
    Checks.argument(value >= 0, "value = " + value + " must be >= 0");
    Checks.openUnit(level, "level");
  }
}
