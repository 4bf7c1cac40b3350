package dev.niche.core.likelihood;

import dev.niche.core.Seeds;
import dev.niche.core.internal.LocalMaximum;
import dev.niche.core.internal.QuasiNewton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The starts of a {@link MaximumLikelihood} in internal coordinates and the search from each:
 * BFGS for a likelihood with an analytic gradient (stopping at {@value #GRADIENT_TOLERANCE}
 * {@code max(1, |ℓ|)}, or a tenth of the final bound from a warm start), Newton's method on the
 * analytic Hessian from a warm start when the likelihood has one, BOBYQA otherwise.
 */
final class StartSearch {

  private static final Logger LOG = LoggerFactory.getLogger(StartSearch.class);

  private static final int QUASI_NEWTON_ITERATIONS = 500;
  /** BFGS stops when every gradient component is below this times {@code max(1, |ℓ|)}. */
  private static final double GRADIENT_TOLERANCE = 1e-10;
  /**
   * BFGS from a warm start stops here, a tenth of the final bound; the Newton step on the
   * forward-difference Hessian that follows takes the gradient to rounding level.
   */
  private static final double WARM_GRADIENT_TOLERANCE = 1e-8;
  /** Newton steps from a warm start on the analytic Hessian: typically three or four. */
  private static final int WARM_NEWTON_ITERATIONS = 10;

  private StartSearch() {}

  /**
   * One start's search.
   *
   * @param objective the objective
   * @param start the start in internal coordinates
   * @param limits the box half-widths
   * @param inverse a warm start's inverse Hessian of {@code -ℓ} in internal coordinates, or null
   * @param maxEvaluations the optimiser's evaluation budget
   * @return the outcome; with the local analysis when Newton's method on the analytic Hessian
   *     finished it
   */
  static SearchOutcome run(InternalObjective objective, double[] start, double[] limits,
      double[][] inverse, int maxEvaluations) {
    if (!objective.hasGradient()) {
      return DerivativeFreeSearch.run(objective, start, limits, maxEvaluations);
    }
    objective.resetBest();
    if (inverse != null && objective.hasHessian()) {
      LocalAnalysis newton = LocalAnalysis.newton(objective, start, inverse, limits,
          WARM_NEWTON_ITERATIONS);
      if (newton != null) {
        LOG.debug("warm start {} -> {} by Newton steps", Arrays.toString(start), newton.value());
        return new SearchOutcome(newton.point(), newton.value(), true, newton.gradient(), newton);
      }
      objective.resetBest();
    }
    QuasiNewton.Result result = QuasiNewton.maximize(objective::valueAndGradient, start, limits,
        inverse == null ? GRADIENT_TOLERANCE : WARM_GRADIENT_TOLERANCE, QUASI_NEWTON_ITERATIONS,
        maxEvaluations, inverse);
    if (objective.bestPoint == null) {
      // The start is outside the region where the likelihood is finite: search without
      // derivatives, which needs no gradient to find its way back.
      return DerivativeFreeSearch.run(objective, start, limits, maxEvaluations);
    }
    LOG.debug("start {} -> {} in {} quasi-Newton iterations", Arrays.toString(start),
        result.value(), result.iterations());
    return new SearchOutcome(result.point(), result.value(), result.converged(),
        result.gradient(), null);
  }

  /**
   * The given starts and the random starts around the first, in internal coordinates, each
   * coordinate clamped to {@code 2 LIMIT_MARGIN} inside its limit.
   *
   * @param parameters the parameters
   * @param starts the starts on the natural scale
   * @param randomStarts how many random starts
   * @param seed their seed
   * @param limits the box half-widths
   * @return the starts
   */
  static List<double[]> internalStarts(List<Parameter> parameters, List<double[]> starts,
      int randomStarts, long seed, double[] limits) {
    int n = parameters.size();
    double margin = 2 * MaximumLikelihood.LIMIT_MARGIN;
    List<double[]> result = new ArrayList<>();
    for (double[] start : starts) {
      double[] z = new double[n];
      for (int i = 0; i < n; i++) {
        z[i] = LocalMaximum.clamp(parameters.get(i).toInternal(start[i]), limits[i] - margin);
      }
      result.add(z);
    }
    SplittableRandom random = Seeds.random(seed);
    double[] centre = result.get(0);
    for (int s = 0; s < randomStarts; s++) {
      double[] z = new double[n];
      for (int i = 0; i < n; i++) {
        z[i] = LocalMaximum.clamp(centre[i] + random.nextGaussian(), limits[i] - margin);
      }
      result.add(z);
    }
    return result;
  }
}
