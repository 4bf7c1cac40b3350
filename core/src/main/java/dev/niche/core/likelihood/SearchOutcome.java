package dev.niche.core.likelihood;

/**
 * The outcome of one start's search.
 *
 * @param point the best internal point reached
 * @param value the log-likelihood there, {@code -∞} if nothing finite was found
 * @param converged whether the optimiser met its criterion
 * @param gradient the analytic gradient at {@code point} in internal coordinates, or null
 */
record SearchOutcome(double[] point, double value, boolean converged, double[] gradient) {

  /**
   * An outcome without a gradient (a derivative-free search).
   *
   * @param point the best internal point reached
   * @param value the log-likelihood there
   * @param converged whether the optimiser met its criterion
   */
  SearchOutcome(double[] point, double value, boolean converged) {
    this(point, value, converged, null);
  }
}
