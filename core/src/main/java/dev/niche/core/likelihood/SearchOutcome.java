package dev.niche.core.likelihood;

/**
 * The outcome of one start's search.
 *
 * @param point the best internal point reached
 * @param value the log-likelihood there, {@code -∞} if nothing finite was found
 * @param converged whether the optimiser met its criterion
 */
record SearchOutcome(double[] point, double value, boolean converged) {}
