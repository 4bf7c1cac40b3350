package dev.niche.ecology;

import dev.niche.core.Checks;
import dev.niche.core.Estimate;
import dev.niche.core.FitDiagnostics;

/**
 * The result of {@link LotkaVolterraFitter#fit}: the fitted system, standard errors, residual
 * standard error and diagnostics.
 *
 * <p>Parameters are indexed as {@code θ = (r_1..r_n, a_11, a_12, …, a_nn, ln N0 …)}: growth
 * rates, the interaction matrix row by row, then the logarithm of each estimated initial state
 * (series by series, species by species; species absent from a series have none). The
 * covariance is the least-squares one, {@code σ̂² (JᵀJ)⁻¹} with {@code J} the Jacobian of the
 * predictions at the optimum and {@code σ̂² = RSS / df}, {@code df = observations − parameters}
 * (Bates &amp; Watts, <i>Nonlinear Regression Analysis</i>, 1988, §2.3 — what R's
 * {@code summary.nls} reports). Standard errors of initial states are delta-method ones,
 * {@code N0·se(ln N0)}. They are NaN when {@code JᵀJ} is numerically singular (parameters not
 * identified), which the diagnostics message says. Immutable.
 */
public final class LotkaVolterraFit {

  private final LotkaVolterra model;
  private final LotkaVolterra start;
  private final double[] theta;
  private final double[][] covariance;
  private final int[][] initialIndex;
  private final double rss;
  private final int observations;
  private final FitDiagnostics diagnostics;
  private final double[][][] fitted;

  LotkaVolterraFit(LotkaVolterra model, LotkaVolterra start, double[] theta,
      double[][] covariance, int[][] initialIndex, double rss, int observations,
      FitDiagnostics diagnostics, double[][][] fitted) {
    this.model = model;
    this.start = start;
    this.theta = theta;
    this.covariance = covariance;
    this.initialIndex = initialIndex;
    this.rss = rss;
    this.observations = observations;
    this.diagnostics = diagnostics;
    this.fitted = fitted;
  }

  /**
   * The fitted system.
   *
   * @return the model with the estimated {@code r} and {@code A}
   */
  public LotkaVolterra model() {
    return model;
  }

  /**
   * The gradient-matching start from which the trajectory fit began.
   *
   * @return the starting model
   */
  public LotkaVolterra startingModel() {
    return start;
  }

  /**
   * Growth rate of species {@code i} with its standard error.
   *
   * @param i the species
   * @return the estimate
   * @throws IllegalArgumentException if {@code i} is out of range
   */
  public Estimate growthRate(int i) {
    checkSpecies(i, "i");
    return estimate(i);
  }

  /**
   * Interaction coefficient {@code a_ij} (effect of {@code j} on {@code i}) with its standard
   * error.
   *
   * @param i the affected species
   * @param j the acting species
   * @return the estimate
   * @throws IllegalArgumentException if an index is out of range
   */
  public Estimate interaction(int i, int j) {
    checkSpecies(i, "i");
    checkSpecies(j, "j");
    int n = model.species();
    return estimate(n + i * n + j);
  }

  /**
   * Initial state (at the series' first observation time) of species {@code i} in series
   * {@code s}, with its delta-method standard error.
   *
   * @param s the series index
   * @param i the species
   * @return the estimate; exactly 0 with standard error 0 for a species absent from the series
   * @throws IllegalArgumentException if an index is out of range
   */
  public Estimate initialState(int s, int i) {
    Checks.argument(s >= 0 && s < initialIndex.length,
        "s = " + s + " must be in [0, " + initialIndex.length + ")");
    checkSpecies(i, "i");
    int k = initialIndex[s][i];
    if (k < 0) {
      return new Estimate(0, 0);
    }
    double value = Math.exp(theta[k]);
    double se = Math.sqrt(covariance[k][k]);
    return new Estimate(value, Double.isNaN(se) ? Double.NaN : value * se);
  }

  /**
   * The fitted values of series {@code s} at its observation times.
   *
   * @param s the series index
   * @return fitted abundances by time and species (a copy)
   * @throws IllegalArgumentException if {@code s} is out of range
   */
  public double[][] fitted(int s) {
    Checks.argument(s >= 0 && s < fitted.length,
        "s = " + s + " must be in [0, " + fitted.length + ")");
    double[][] copy = new double[fitted[s].length][];
    for (int k = 0; k < copy.length; k++) {
      copy[k] = fitted[s][k].clone();
    }
    return copy;
  }

  /**
   * The parameter vector {@code θ} (see the class comment).
   *
   * @return a copy
   */
  public double[] parameters() {
    return theta.clone();
  }

  /**
   * The covariance of {@code θ}, {@code σ̂² (JᵀJ)⁻¹}; NaN entries when not identified.
   *
   * @return a copy
   */
  public double[][] covariance() {
    double[][] copy = new double[covariance.length][];
    for (int k = 0; k < copy.length; k++) {
      copy[k] = covariance[k].clone();
    }
    return copy;
  }

  /**
   * Residual sum of squares.
   *
   * @return RSS
   */
  public double residualSumOfSquares() {
    return rss;
  }

  /**
   * Number of observations in the residual vector.
   *
   * @return the observation count
   */
  public int observations() {
    return observations;
  }

  /**
   * Residual degrees of freedom, observations minus parameters.
   *
   * @return {@code df}
   */
  public int degreesOfFreedom() {
    return observations - theta.length;
  }

  /**
   * Residual standard error {@code sqrt(RSS / df)}, as R's {@code summary.nls} reports it.
   *
   * @return the residual standard error, NaN when {@code df <= 0}
   */
  public double residualStandardError() {
    int df = degreesOfFreedom();
    return df > 0 ? Math.sqrt(rss / df) : Double.NaN;
  }

  /**
   * What the optimiser reports: convergence, evaluations, the Gaussian log-likelihood
   * {@code −(n/2)(ln(2π RSS/n) + 1)} at the optimum, and a message.
   *
   * @return the diagnostics
   */
  public FitDiagnostics diagnostics() {
    return diagnostics;
  }

  private Estimate estimate(int k) {
    double se = Math.sqrt(covariance[k][k]);
    return new Estimate(theta[k], se);
  }

  private void checkSpecies(int i, String name) {
    Checks.argument(i >= 0 && i < model.species(),
        name + " = " + i + " must be in [0, " + model.species() + ")");
  }
}
