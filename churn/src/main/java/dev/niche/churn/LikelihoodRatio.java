package dev.niche.churn;

import dev.niche.core.Checks;
import org.apache.commons.math3.special.Gamma;

/**
 * A likelihood-ratio test of a nested model against a larger one (Wilks 1938):
 * {@code statistic = 2 (LL_full - LL_nested)}, asymptotically χ² with {@code degreesOfFreedom}
 * degrees of freedom under the nested model.
 *
 * @param statistic the statistic, {@code >= 0}
 * @param degreesOfFreedom the number of extra parameters, {@code >= 1}
 * @param pValue {@code P(χ²_df > statistic)}
 */
public record LikelihoodRatio(double statistic, int degreesOfFreedom, double pValue) {

  /**
   * Validates the components.
   *
   * @param statistic the statistic, {@code >= 0}
   * @param degreesOfFreedom the number of extra parameters, {@code >= 1}
   * @param pValue the p-value, in [0, 1]
   * @throws IllegalArgumentException if a component is out of range
   */
  public LikelihoodRatio {
    Checks.nonNegative(statistic, "statistic");
    Checks.positive(degreesOfFreedom, "degreesOfFreedom");
    Checks.inRange(pValue, 0.0, 1.0, "pValue");
  }

  /**
   * The test from two maximised log-likelihoods.
   *
   * @param fullLogLikelihood the larger model's maximum
   * @param nestedLogLikelihood the nested model's maximum
   * @param degreesOfFreedom the number of extra parameters, {@code >= 1}
   * @return the test; a negative difference (from rounding) counts as 0
   * @throws IllegalArgumentException if a log-likelihood is not finite, their difference
   *     overflows, or df &lt; 1
   */
  public static LikelihoodRatio of(
      double fullLogLikelihood, double nestedLogLikelihood, int degreesOfFreedom) {
    Checks.finite(fullLogLikelihood, "fullLogLikelihood");
    Checks.finite(nestedLogLikelihood, "nestedLogLikelihood");
    Checks.positive(degreesOfFreedom, "degreesOfFreedom");
    double statistic = Math.max(0.0, 2 * (fullLogLikelihood - nestedLogLikelihood));
    Checks.argument(Double.isFinite(statistic), "2 (fullLogLikelihood - nestedLogLikelihood) = 2 ("
        + fullLogLikelihood + " - " + nestedLogLikelihood + ") overflows");
    double shape = degreesOfFreedom / 2.0;
    double x = statistic / 2.0;
    // Beyond x = 2 shape + 1000 the upper tail is below 1e-300 (and Commons Math's continued
    // fraction may fail to converge there).
    double p = x > 2 * shape + 1000 ? 0.0 : Gamma.regularizedGammaQ(shape, x);
    return new LikelihoodRatio(statistic, degreesOfFreedom, Math.max(0, Math.min(1, p)));
  }
}
