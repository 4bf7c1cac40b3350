package dev.niche.churn;

import dev.niche.core.Checks;
import org.apache.commons.math3.special.Gamma;

/**
 * A test statistic referred to the χ² distribution: likelihood-ratio, Wald, score and
 * proportional-hazards tests of a Cox fit.
 *
 * @param statistic the statistic, {@code >= 0}
 * @param degreesOfFreedom the degrees of freedom, {@code >= 1}
 * @param pValue {@code P(χ²_df > statistic)}, in [0, 1]
 */
public record ChiSquareTest(double statistic, int degreesOfFreedom, double pValue) {

  /**
   * Validates the components.
   *
   * @param statistic the statistic, {@code >= 0}
   * @param degreesOfFreedom the degrees of freedom, {@code >= 1}
   * @param pValue the p-value, in [0, 1]
   * @throws IllegalArgumentException if a component is out of range
   */
  public ChiSquareTest {
    Checks.nonNegative(statistic, "statistic");
    Checks.positive(degreesOfFreedom, "degreesOfFreedom");
    Checks.inRange(pValue, 0.0, 1.0, "pValue");
  }

  /**
   * The test of a statistic with its upper-tail χ² p-value.
   *
   * @param statistic the statistic; a negative value from rounding counts as 0
   * @param degreesOfFreedom the degrees of freedom, {@code >= 1}
   * @return the test
   * @throws IllegalArgumentException if the statistic is NaN or infinite, or df &lt; 1
   */
  public static ChiSquareTest of(double statistic, int degreesOfFreedom) {
    Checks.finite(statistic, "statistic");
    Checks.positive(degreesOfFreedom, "degreesOfFreedom");
    double s = Math.max(0.0, statistic);
    double p = Gamma.regularizedGammaQ(degreesOfFreedom / 2.0, s / 2.0);
    return new ChiSquareTest(s, degreesOfFreedom, Math.max(0, Math.min(1, p)));
  }
}
