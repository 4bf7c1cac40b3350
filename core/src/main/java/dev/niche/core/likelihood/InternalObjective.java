package dev.niche.core.likelihood;

import dev.niche.core.internal.LocalMaximum;
import dev.niche.core.internal.NewtonSteps;
import dev.niche.core.internal.NumericalDerivatives;
import java.util.List;

/**
 * A log-likelihood seen in the internal coordinates {@code z} of its {@link Parameter}s, with the
 * count of evaluations and the best point seen since the last {@link #resetBest()}. Non-finite
 * values are replaced by a finite value below every finite value seen, so that the optimisers'
 * models stay sane. The analytic gradient, when the likelihood has one, is mapped by the chain
 * rule {@code ∂ℓ/∂z_i = ∂ℓ/∂θ_i · dθ_i/dz_i}. Not thread-safe: one per maximisation.
 */
final class InternalObjective {

  private final LogLikelihood logLikelihood;
  private final DifferentiableLogLikelihood differentiable;
  private final TwiceDifferentiableLogLikelihood twice;
  private final List<Parameter> parameters;
  private final double[] limits;
  private final double[] natural;
  private final double[] naturalGradient;
  private final double[][] naturalHessian;
  int evaluations;
  double[] bestPoint;
  double bestValue;
  private double worstFinite = 0;

  InternalObjective(LogLikelihood logLikelihood, List<Parameter> parameters, double[] limits) {
    this.logLikelihood = logLikelihood;
    this.differentiable = logLikelihood instanceof DifferentiableLogLikelihood d ? d : null;
    this.twice = logLikelihood instanceof TwiceDifferentiableLogLikelihood t ? t : null;
    this.parameters = parameters;
    this.limits = limits;
    this.natural = new double[limits.length];
    this.naturalGradient = new double[limits.length];
    this.naturalHessian = new double[limits.length][limits.length];
  }

  /** True if the likelihood supplies its gradient. */
  boolean hasGradient() {
    return differentiable != null;
  }

  /** True if the likelihood supplies its Hessian. */
  boolean hasHessian() {
    return twice != null;
  }

  void resetBest() {
    bestPoint = null;
    bestValue = Double.NEGATIVE_INFINITY;
  }

  double value(double[] z) {
    evaluations++;
    toNatural(z);
    return record(z, logLikelihood.value(natural));
  }

  /**
   * The value and the gradient in internal coordinates; the gradient is NaN where the value is
   * not finite, and central differences of {@link #value} where the likelihood wrote NaN.
   */
  double valueAndGradient(double[] z, double[] gradient) {
    evaluations++;
    toNatural(z);
    double v = differentiable.valueAndGradient(natural, naturalGradient);
    double recorded = record(z, v);
    if (!Double.isFinite(v)) {
      java.util.Arrays.fill(gradient, Double.NaN);
      return recorded;
    }
    boolean finite = true;
    for (int i = 0; i < z.length; i++) {
      double zi = LocalMaximum.clamp(z[i], limits[i]);
      gradient[i] = naturalGradient[i] * parameters.get(i).derivative(zi);
      finite &= Double.isFinite(gradient[i]);
    }
    if (!finite) {
      double[] numerical = NumericalDerivatives.gradient(this::value, z);
      System.arraycopy(numerical, 0, gradient, 0, z.length);
    }
    return recorded;
  }

  /**
   * The value, gradient and Hessian in internal coordinates, by the chain rule
   * {@code ∂²ℓ/∂z_i∂z_j = ∂²ℓ/∂θ_i∂θ_j θ_i' θ_j' + δ_ij ∂ℓ/∂θ_i θ_i''}; one evaluation. Where the
   * likelihood's gradient is not finite this is {@link #valueAndGradient} with the Hessian from
   * central differences of that gradient ({@link NewtonSteps#hessian}); likewise where only its
   * Hessian is not finite.
   *
   * @param z the point (not modified)
   * @param gradient receives the gradient
   * @param hessian receives the Hessian, square of the parameters' order
   * @return the value, as {@link #valueAndGradient} returns it
   */
  double valueGradientAndHessian(double[] z, double[] gradient, double[][] hessian) {
    evaluations++;
    toNatural(z);
    int n = z.length;
    double v = twice.valueGradientAndHessian(natural, naturalGradient, naturalHessian);
    boolean finite = Double.isFinite(v);
    double[] jacobian = new double[n];
    for (int i = 0; i < n && finite; i++) {
      double zi = LocalMaximum.clamp(z[i], limits[i]);
      jacobian[i] = parameters.get(i).derivative(zi);
      gradient[i] = naturalGradient[i] * jacobian[i];
      finite = Double.isFinite(gradient[i]);
      hessian[i][i] = naturalGradient[i] * parameters.get(i).secondDerivative(zi);
    }
    for (int i = 0; i < n && finite; i++) {
      for (int j = 0; j < n; j++) {
        hessian[i][j] = (i == j ? hessian[i][i] : 0) + naturalHessian[i][j] * jacobian[i]
            * jacobian[j];
        finite &= Double.isFinite(hessian[i][j]);
      }
    }
    if (finite) {
      return record(z, v);
    }
    evaluations--;
    double value = valueAndGradient(z, gradient);
    double[][] numerical = NewtonSteps.hessian(this::valueAndGradient, z, limits);
    for (int i = 0; i < n; i++) {
      System.arraycopy(numerical[i], 0, hessian[i], 0, n);
    }
    return value;
  }

  private void toNatural(double[] z) {
    for (int i = 0; i < z.length; i++) {
      natural[i] = parameters.get(i).toNatural(LocalMaximum.clamp(z[i], limits[i]));
    }
  }

  private double record(double[] z, double v) {
    if (!Double.isFinite(v)) {
      // Worse than anything finite, but finite so that the optimiser's models stay sane.
      return worstFinite - 1e6 * (1 + Math.abs(worstFinite));
    }
    worstFinite = Math.min(worstFinite, v);
    if (bestPoint == null || v > bestValue) {
      bestPoint = z.clone();
      bestValue = v;
    }
    return v;
  }
}
