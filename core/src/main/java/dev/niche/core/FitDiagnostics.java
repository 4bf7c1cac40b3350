package dev.niche.core;

/**
 * What a fitting procedure reports about itself, so that numerical trouble is never hidden.
 *
 * @param converged true if the optimiser met its convergence criterion
 * @param evaluations how many times the objective was evaluated, {@code >= 0}
 * @param logLikelihood the maximised log-likelihood (or the negative objective for least-squares
 *     fits, as the producer documents); {@code -∞} when no finite value was found, NaN when it is
 *     not defined (the producer documents when)
 * @param onBoundary true if the supremum lies on the boundary of the parameter space (a parameter
 *     tends to zero, one or infinity), in which case the reported parameters are a limit, not an
 *     interior maximum
 * @param message a human-readable summary; never null, empty when there is nothing to say
 */
public record FitDiagnostics(
    boolean converged, int evaluations, double logLikelihood, boolean onBoundary, String message) {

  /**
   * Creates diagnostics.
   *
   * @param converged whether the optimiser converged
   * @param evaluations objective evaluations
   * @param logLikelihood the maximised log-likelihood
   * @param onBoundary whether the supremum is on the boundary
   * @param message a summary, never null
   * @throws NullPointerException if {@code message} is null
   * @throws IllegalArgumentException if {@code evaluations < 0}
   */
  public FitDiagnostics {
    Checks.notNull(message, "message");
    Checks.nonNegative(evaluations, "evaluations");
  }
}
