package dev.niche.core.likelihood;

import dev.niche.core.Checks;
import dev.niche.core.Estimate;
import dev.niche.core.FitDiagnostics;
import java.util.List;

/**
 * The result of {@link MaximumLikelihood#maximize()}: the maximising parameters on their natural
 * scale, their observed-information standard errors and covariance, information criteria and
 * diagnostics.
 *
 * <p>Standard errors come from the inverse of the negative numerical Hessian of the
 * log-likelihood in the internal coordinates {@code z}, mapped to the natural scale by the delta
 * method {@code Cov(θ) = D Cov(z) D} with {@code D = diag(dθ/dz)}. They are NaN when the
 * information matrix is not positive definite or the parameter sits on the boundary; the
 * diagnostics' message then says why.
 *
 * <p>Instances are immutable and thread-safe; array accessors return copies.
 */
public final class LikelihoodFit {

  private final List<Parameter> parameters;
  private final double[] values;
  private final double[] standardErrors;
  private final double[][] covariance;
  private final boolean[] atBoundary;
  private final long observations;
  private final double gradientNorm;
  private final FitDiagnostics diagnostics;

  LikelihoodFit(
      List<Parameter> parameters,
      double[] values,
      double[] standardErrors,
      double[][] covariance,
      boolean[] atBoundary,
      long observations,
      double gradientNorm,
      FitDiagnostics diagnostics) {
    this.parameters = List.copyOf(parameters);
    this.values = values.clone();
    this.standardErrors = standardErrors.clone();
    this.covariance = deepCopy(covariance);
    this.atBoundary = atBoundary.clone();
    this.observations = observations;
    this.gradientNorm = gradientNorm;
    this.diagnostics = diagnostics;
  }

  /**
   * The parameters, in the order they were declared.
   *
   * @return an unmodifiable list
   */
  public List<Parameter> parameters() {
    return parameters;
  }

  /**
   * The maximising parameter values on their natural scale.
   *
   * @return a new array, in declaration order
   */
  public double[] values() {
    return values.clone();
  }

  /**
   * One maximising parameter value.
   *
   * @param index the parameter's index in declaration order
   * @return its value on the natural scale
   * @throws IllegalArgumentException if the index is out of range
   */
  public double value(int index) {
    return values[Checks.index(index, values.length, "index")];
  }

  /**
   * One parameter as an estimate with its standard error.
   *
   * @param index the parameter's index in declaration order
   * @return the estimate; its standard error is NaN when not identified
   * @throws IllegalArgumentException if the index is out of range
   */
  public Estimate estimate(int index) {
    Checks.index(index, values.length, "index");
    return new Estimate(values[index], standardErrors[index]);
  }

  /**
   * One parameter, by name, as an estimate with its standard error.
   *
   * @param name the parameter's name
   * @return the estimate
   * @throws IllegalArgumentException if no parameter has that name
   */
  public Estimate estimate(String name) {
    Checks.notNull(name, "name");
    int index = 0;
    while (index < parameters.size() && !parameters.get(index).name().equals(name)) {
      index++;
    }
    Checks.argument(index < parameters.size(),
        "name = " + name + " is not a parameter of this fit");
    return estimate(index);
  }

  /**
   * Standard errors on the natural scale.
   *
   * @return a new array; entries are NaN where not identified
   */
  public double[] standardErrors() {
    return standardErrors.clone();
  }

  /**
   * The asymptotic covariance matrix on the natural scale.
   *
   * @return a new matrix; all NaN when the observed information is not positive definite
   */
  public double[][] covariance() {
    return deepCopy(covariance);
  }

  /**
   * Tells whether a parameter went to the boundary of its domain.
   *
   * @param index the parameter's index in declaration order
   * @return true if the supremum has this parameter at a bound or at infinity
   * @throws IllegalArgumentException if the index is out of range
   */
  public boolean atBoundary(int index) {
    return atBoundary[Checks.index(index, atBoundary.length, "index")];
  }

  /**
   * The maximised log-likelihood.
   *
   * @return {@code diagnostics().logLikelihood()}; {@code -∞} when no start reached a finite
   *     log-likelihood
   */
  public double logLikelihood() {
    return diagnostics.logLikelihood();
  }

  /**
   * Akaike's information criterion {@code 2k - 2 log L}.
   *
   * @return the AIC, smaller is better; {@code +∞} when the log-likelihood is {@code -∞}
   */
  public double aic() {
    return 2.0 * parameters.size() - 2.0 * logLikelihood();
  }

  /**
   * The Bayesian (Schwarz) information criterion {@code k ln n - 2 log L}.
   *
   * @return the BIC, smaller is better ({@code +∞} when the log-likelihood is {@code -∞}); NaN
   *     when the number of observations was not given to
   *     {@link MaximumLikelihood.Builder#observations(long)}
   */
  public double bic() {
    if (observations <= 0) {
      return Double.NaN;
    }
    return parameters.size() * Math.log(observations) - 2.0 * logLikelihood();
  }

  /**
   * The largest component of the gradient of the log-likelihood in the internal coordinates
   * {@code z} (see {@link Parameter}) at the reported point, parameters on the boundary left
   * out: analytic for a {@link DifferentiableLogLikelihood}, central differences otherwise. At
   * an interior maximum it is zero up to rounding.
   *
   * @return the gradient's max-norm, NaN when no start reached a finite log-likelihood
   */
  public double gradientNorm() {
    return gradientNorm;
  }

  /**
   * How the maximisation went: convergence, evaluations, log-likelihood, boundary, message.
   *
   * @return the diagnostics
   */
  public FitDiagnostics diagnostics() {
    return diagnostics;
  }

  private static double[][] deepCopy(double[][] m) {
    double[][] copy = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      copy[i] = m[i].clone();
    }
    return copy;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("LikelihoodFit{");
    for (int i = 0; i < values.length; i++) {
      s.append(parameters.get(i).name()).append('=').append(values[i])
          .append(" (se ").append(standardErrors[i]).append("), ");
    }
    return s.append("logLik=").append(logLikelihood()).append('}').toString();
  }
}
