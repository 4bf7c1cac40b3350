package dev.niche.ecology;

/** Why a simulation ended. */
public enum StopReason {
  /** The run reached its end time. */
  COMPLETED,
  /**
   * A state exceeded the divergence threshold (for example finite-time blow-up under strong
   * mutualism), or the integration overflowed.
   */
  DIVERGED,
  /** A species that started at or above the extinction threshold fell below it. */
  EXTINCTION,
  /**
   * The integrator could not continue: the step size fell below its minimum or the evaluation
   * budget ran out.
   */
  STEP_FAILURE
}
