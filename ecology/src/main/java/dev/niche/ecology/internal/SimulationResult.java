package dev.niche.ecology.internal;

import dev.niche.ecology.StopReason;

/**
 * Raw output of {@link LogSpaceSimulator}: the step points, the dense output, where and why the
 * run ended. Arrays are owned by the receiver.
 *
 * @param times step times (start, each accepted step end, the stop time)
 * @param states states at {@code times}
 * @param dense the dense output
 * @param endTime the time the run ended
 * @param reason why it ended
 * @param evaluations right-hand-side evaluations used
 */
public record SimulationResult(double[] times, double[][] states, DenseOutput dense,
    double endTime, StopReason reason, int evaluations) {}
