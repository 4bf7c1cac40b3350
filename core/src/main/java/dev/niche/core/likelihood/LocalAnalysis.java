package dev.niche.core.likelihood;

import dev.niche.core.internal.ExactNewton;
import dev.niche.core.internal.LocalMaximum;
import dev.niche.core.internal.NewtonSteps;
import dev.niche.core.internal.NumericalDerivatives;

/**
 * A candidate maximum in internal coordinates after Newton polishing, with the gradient and
 * Hessian there: the likelihood's own Hessian when it has one
 * ({@link TwiceDifferentiableLogLikelihood}), else from the analytic gradient (central differences
 * of it for the Hessian) when it has one, else from central differences of the value.
 *
 * @param point the point
 * @param value the log-likelihood there
 * @param gradient the gradient in internal coordinates
 * @param hessian the Hessian in internal coordinates
 */
record LocalAnalysis(double[] point, double value, double[] gradient, double[][] hessian) {

  /**
   * Polishes a point by Newton steps and analyses it.
   *
   * @param objective the objective
   * @param start the point (not modified)
   * @param limits the box half-widths
   * @param iterations the most Newton steps
   * @return the analysis at the polished point
   */
  static LocalAnalysis polish(
      InternalObjective objective, double[] start, double[] limits, int iterations) {
    if (objective.hasHessian()) {
      LocalAnalysis exact = newton(objective, start, null, limits, iterations);
      if (exact != null) {
        return exact;
      }
    }
    if (objective.hasGradient()) {
      NewtonSteps.Polished p =
          NewtonSteps.polish(objective::valueAndGradient, start, limits, iterations);
      return new LocalAnalysis(p.point(), p.value(), p.gradient(), p.hessian());
    }
    return at(objective,
        LocalMaximum.polish(objective::value, start, limits, iterations), limits);
  }

  /**
   * Newton steps on the likelihood's analytic Hessian ({@link ExactNewton}), from the Hessian at
   * the start or from a warm start's inverse Hessian.
   *
   * @param objective the objective, with an analytic Hessian
   * @param start the point (not modified)
   * @param inverse the inverse of {@code -H} for the first step (not modified), or null
   * @param limits the box half-widths
   * @param iterations the most Newton steps
   * @return the analysis at the last point, or null if Newton's method does not apply there
   */
  static LocalAnalysis newton(InternalObjective objective, double[] start, double[][] inverse,
      double[] limits, int iterations) {
    NewtonSteps.Polished p = ExactNewton.maximize(objective::valueAndGradient,
        objective::valueGradientAndHessian, start, inverse, limits, iterations);
    return p == null ? null : new LocalAnalysis(p.point(), p.value(), p.gradient(), p.hessian());
  }

  /**
   * Analyses a point as it is.
   *
   * @param objective the objective
   * @param point the point (not modified)
   * @param limits the box half-widths
   * @return the analysis
   */
  static LocalAnalysis at(InternalObjective objective, double[] point, double[] limits) {
    if (objective.hasHessian()) {
      double[] gradient = new double[point.length];
      double[][] hessian = new double[point.length][point.length];
      double value = objective.valueGradientAndHessian(point, gradient, hessian);
      return new LocalAnalysis(point.clone(), value, gradient, hessian);
    }
    if (objective.hasGradient()) {
      double[] gradient = new double[point.length];
      double value = objective.valueAndGradient(point, gradient);
      return new LocalAnalysis(point.clone(), value, gradient,
          NewtonSteps.hessian(objective::valueAndGradient, point, limits));
    }
    double value = objective.value(point);
    return new LocalAnalysis(point.clone(), value,
        NumericalDerivatives.gradient(objective::value, point),
        NumericalDerivatives.hessian(objective::value, point, value));
  }

  /**
   * Finishes a point reached by BFGS from a warm start, where the gradient is already small: the
   * Hessian from forward differences of the analytic gradient ({@code n} more evaluations), then
   * one Newton step if that Hessian is negative definite and the step does not lower the value
   * beyond rounding ({@link NewtonSteps#finish}). The Hessian is the one at the start of the step,
   * which moves by far less than a standard error.
   *
   * @param objective the objective, with an analytic gradient
   * @param point the point (not modified)
   * @param value the value there
   * @param gradient the gradient there (not modified)
   * @param limits the box half-widths
   * @return the analysis
   */
  static LocalAnalysis warm(InternalObjective objective, double[] point, double value,
      double[] gradient, double[] limits) {
    NewtonSteps.Polished p =
        NewtonSteps.finish(objective::valueAndGradient, point, value, gradient, limits);
    return new LocalAnalysis(p.point(), p.value(), p.gradient(), p.hessian());
  }

  /**
   * Tells whether every entry of the Hessian is finite.
   *
   * @return true if so
   */
  boolean hessianFinite() {
    for (double[] row : hessian) {
      for (double h : row) {
        if (!Double.isFinite(h)) {
          return false;
        }
      }
    }
    return true;
  }
}
