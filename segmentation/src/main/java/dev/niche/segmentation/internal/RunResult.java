package dev.niche.segmentation.internal;

/**
 * The outcome of one k-means start.
 *
 * @param centres final centres, flat
 * @param labels final labels (nearest final centre)
 * @param inertia weighted sum of squared distances to the assigned final centres
 * @param iterations number of M-steps performed
 * @param converged whether the tolerance or a stable assignment stopped the iteration
 * @param history inertia of the assignment before each M-step
 */
@SuppressWarnings("ArrayRecordComponent") // internal carrier; the public model copies
public record RunResult(
    double[] centres,
    int[] labels,
    double inertia,
    int iterations,
    boolean converged,
    double[] history) {}
