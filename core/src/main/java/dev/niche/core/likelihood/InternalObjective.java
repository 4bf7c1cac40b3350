package dev.niche.core.likelihood;

import dev.niche.core.internal.LocalMaximum;
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
  private final List<Parameter> parameters;
  private final double[] limits;
  private final double[] natural;
  private final double[] naturalGradient;
  int evaluations;
  double[] bestPoint;
  double bestValue;
  private double worstFinite = 0;

  InternalObjective(LogLikelihood logLikelihood, List<Parameter> parameters, double[] limits) {
    this.logLikelihood = logLikelihood;
    this.differentiable = logLikelihood instanceof DifferentiableLogLikelihood d ? d : null;
    this.parameters = parameters;
    this.limits = limits;
    this.natural = new double[limits.length];
    this.naturalGradient = new double[limits.length];
  }

  /** True if the likelihood supplies its gradient. */
  boolean hasGradient() {
    return differentiable != null;
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
