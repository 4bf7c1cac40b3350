package dev.niche.core;

import org.apache.commons.math3.special.Erf;

/**
 * A point estimate with its standard error.
 *
 * <p>Confidence intervals are Wald intervals {@code value ± z·standardError} with
 * {@code z = Φ⁻¹((1 + level) / 2)}. The standard error is NaN when it is not identified, for
 * example when the maximum of a likelihood lies on the boundary of the parameter space; the
 * estimate's producer documents when that happens.
 *
 * @param value the point estimate, finite
 * @param standardError the standard error, {@code >= 0}, or NaN when not identified
 */
public record Estimate(double value, double standardError) {

  /**
   * Creates an estimate.
   *
   * @param value the point estimate
   * @param standardError the standard error, or NaN
   * @throws IllegalArgumentException if {@code value} is not finite, or {@code standardError} is
   *     negative or infinite
   */
  public Estimate {
    Checks.finite(value, "value");
    if (!Double.isNaN(standardError)) {
      Checks.nonNegative(standardError, "standardError");
    }
  }

  /**
   * An estimate whose standard error is not known.
   *
   * @param value the point estimate
   * @return an estimate with a NaN standard error
   */
  public static Estimate withoutError(double value) {
    return new Estimate(value, Double.NaN);
  }

  /**
   * The two-sided Wald confidence interval {@code value ± Φ⁻¹((1 + level) / 2)·standardError}.
   *
   * @param level the confidence level, in (0, 1), e.g. 0.95
   * @return the interval; both bounds are NaN when the standard error is NaN
   * @throws IllegalArgumentException if {@code level} is not in (0, 1)
   */
  public Interval confidenceInterval(double level) {
    Checks.openUnit(level, "level");
    if (Double.isNaN(standardError)) {
      return new Interval(Double.NaN, Double.NaN);
    }
    double z = Math.sqrt(2.0) * Erf.erfInv(level);
    return new Interval(value - z * standardError, value + z * standardError);
  }
}
