package dev.niche.core.likelihood;

import java.util.Arrays;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One start's derivative-free search over the box {@code |z_i| <= limit_i}: BOBYQA (Powell 2009)
 * in several dimensions, Brent's method in one. A start whose optimiser fails (evaluation budget
 * exhausted, or BOBYQA unable to make progress on a degenerate surface) contributes the best point
 * it reached and is reported as not converged; it never throws.
 */
final class DerivativeFreeSearch {

  private static final Logger LOG = LoggerFactory.getLogger(DerivativeFreeSearch.class);

  private DerivativeFreeSearch() {}

  static SearchOutcome run(
      InternalObjective objective, double[] start, double[] limits, int maxEvaluations) {
    int n = start.length;
    int before = objective.evaluations;
    objective.resetBest();
    boolean converged = true;
    try {
      if (n == 1) {
        BrentOptimizer brent = new BrentOptimizer(1e-12, 1e-14);
        brent.optimize(
            new MaxEval(maxEvaluations),
            new UnivariateObjectiveFunction(z -> objective.value(new double[] {z})),
            GoalType.MAXIMIZE,
            new SearchInterval(-limits[0], limits[0], start[0]));
      } else {
        double radius = 0.5;
        for (double limit : limits) {
          radius = Math.min(radius, limit / 4);
        }
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
          lower[i] = -limits[i];
          upper[i] = limits[i];
        }
        BOBYQAOptimizer bobyqa = new BOBYQAOptimizer(2 * n + 1, radius, 1e-9);
        bobyqa.optimize(
            new MaxEval(maxEvaluations),
            new ObjectiveFunction(objective::value),
            GoalType.MAXIMIZE,
            new InitialGuess(start),
            new SimpleBounds(lower, upper));
      }
    } catch (TooManyEvaluationsException e) {
      converged = false;
      LOG.debug("start {} hit the evaluation limit {}", Arrays.toString(start), maxEvaluations);
    } catch (MathIllegalStateException e) {
      // BOBYQA gives up on degenerate surfaces ("trust region step has failed to reduce Q"):
      // keep the best point it reached and report the start as not converged.
      converged = false;
      LOG.debug("start {} stopped early: {}", Arrays.toString(start), e.getMessage());
    }
    LOG.debug("start {} -> {} in {} evaluations", Arrays.toString(start), objective.bestValue,
        objective.evaluations - before);
    if (objective.bestPoint == null) {
      // No finite log-likelihood anywhere on this start's path.
      return new SearchOutcome(start.clone(), Double.NEGATIVE_INFINITY, false);
    }
    return new SearchOutcome(objective.bestPoint.clone(), objective.bestValue, converged);
  }
}
