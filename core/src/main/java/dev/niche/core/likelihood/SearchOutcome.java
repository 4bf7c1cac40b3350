package dev.niche.core.likelihood;

/**
 * The outcome of one start's search.
 *
 * @param point the best internal point reached
 * @param value the log-likelihood there, {@code -∞} if nothing finite was found
 * @param converged whether the optimiser met its criterion
 * @param gradient the analytic gradient at {@code point} in internal coordinates, or null
 * @param analysis the local analysis at {@code point} when the search itself ended with Newton
 *     steps on an analytic Hessian, or null
 */
record SearchOutcome(double[] point, double value, boolean converged, double[] gradient,
    LocalAnalysis analysis) {

  /**
   * An outcome without a gradient (a derivative-free search).
   *
   * @param point the best internal point reached
   * @param value the log-likelihood there
   * @param converged whether the optimiser met its criterion
   */
  SearchOutcome(double[] point, double value, boolean converged) {
    this(point, value, converged, null, null);
  }
}
