package dev.niche.ecology;

/**
 * The long-run outcome of the two-platform model {@link CompetitionModel} for initial states with
 * both platforms present. See {@link CompetitionModel#outcome()} for the conditions.
 */
public enum Outcome {
  /** A globally stable interior equilibrium: both platforms persist. */
  COEXISTENCE,
  /** Platform A (resource R1) wins: every trajectory tends to (K1, 0). */
  A_EXCLUDES_B,
  /** Platform B (resource R2) wins: every trajectory tends to (0, K2). */
  B_EXCLUDES_A,
  /** Both exclusion equilibria are stable; the winner depends on the initial state. */
  BISTABLE,
  /** Strong mutualism: trajectories grow without bound (blow up in finite time). */
  UNBOUNDED_GROWTH,
  /** A boundary case ({@code a = 1}, {@code b = 1} or {@code ab = 1}): not structurally stable. */
  DEGENERATE
}
