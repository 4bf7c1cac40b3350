package dev.niche.ecology;

import dev.niche.core.Checks;

/**
 * Settings of a simulation run.
 *
 * <p>The integrator works on {@code y = ln N} (see {@link Trajectory}), so the tolerances apply to
 * the logarithms of the states: an absolute tolerance {@code ε} bounds the local <em>relative</em>
 * error of each state by about {@code ε}. The local error test of the Dormand–Prince 8(5,3)
 * integrator is {@code |err_i| <= absoluteTolerance + relativeTolerance·|y_i|}.
 *
 * <p>The two thresholds are absolute, in the units of the states. {@code NaN} (the default)
 * means automatic: with {@code scale} the largest of the initial states and the single-species
 * capacities {@code −r_i / a_ii} (for {@code a_ii < 0}), the extinction threshold is
 * {@code 1e-12·scale} and the divergence threshold {@code 1e8·scale}. An extinction threshold of
 * {@code 0} and a divergence threshold of {@code +∞} switch the checks off.
 *
 * @param relativeTolerance relative tolerance on {@code ln N}, in (0, 0.1]
 * @param absoluteTolerance absolute tolerance on {@code ln N}, in (0, 0.1]
 * @param extinctionThreshold a watched species below this stops the run with
 *     {@link StopReason#EXTINCTION}; {@code >= 0}, or NaN for automatic
 * @param divergenceThreshold a state above this stops the run with {@link StopReason#DIVERGED};
 *     {@code > 0} (may be {@code +∞}), or NaN for automatic
 * @param maxEvaluations the budget of right-hand-side evaluations, {@code >= 1}; running out
 *     stops the run with {@link StopReason#STEP_FAILURE}
 */
public record SimulationOptions(
    double relativeTolerance,
    double absoluteTolerance,
    double extinctionThreshold,
    double divergenceThreshold,
    int maxEvaluations) {

  /** Default relative tolerance on {@code ln N}. */
  public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-11;
  /** Default absolute tolerance on {@code ln N}. */
  public static final double DEFAULT_ABSOLUTE_TOLERANCE = 1e-11;
  /** Default evaluation budget. */
  public static final int DEFAULT_MAX_EVALUATIONS = 5_000_000;

  /**
   * Creates options.
   *
   * @param relativeTolerance relative tolerance on {@code ln N}
   * @param absoluteTolerance absolute tolerance on {@code ln N}
   * @param extinctionThreshold extinction threshold, or NaN for automatic
   * @param divergenceThreshold divergence threshold, or NaN for automatic
   * @param maxEvaluations evaluation budget
   * @throws IllegalArgumentException if a value is out of range
   */
  public SimulationOptions {
    Checks.inRange(relativeTolerance, Double.MIN_NORMAL, 0.1, "relativeTolerance");
    Checks.inRange(absoluteTolerance, Double.MIN_NORMAL, 0.1, "absoluteTolerance");
    if (!Double.isNaN(extinctionThreshold)) {
      Checks.nonNegative(extinctionThreshold, "extinctionThreshold");
    }
    if (!Double.isNaN(divergenceThreshold)) {
      Checks.argument(divergenceThreshold > 0,
          "divergenceThreshold = " + divergenceThreshold + " must be > 0");
    }
    Checks.positive(maxEvaluations, "maxEvaluations");
  }

  /**
   * The default options: tolerances {@code 1e-11}, automatic thresholds, 5,000,000 evaluations.
   *
   * @return the defaults
   */
  public static SimulationOptions defaults() {
    return new SimulationOptions(DEFAULT_RELATIVE_TOLERANCE, DEFAULT_ABSOLUTE_TOLERANCE,
        Double.NaN, Double.NaN, DEFAULT_MAX_EVALUATIONS);
  }

  /**
   * A copy with other tolerances.
   *
   * @param relative relative tolerance on {@code ln N}
   * @param absolute absolute tolerance on {@code ln N}
   * @return the new options
   * @throws IllegalArgumentException if a tolerance is out of range
   */
  public SimulationOptions withTolerances(double relative, double absolute) {
    return new SimulationOptions(relative, absolute, extinctionThreshold, divergenceThreshold,
        maxEvaluations);
  }

  /**
   * A copy with another extinction threshold.
   *
   * @param threshold the absolute threshold ({@code 0} switches the check off), or NaN for
   *     automatic
   * @return the new options
   * @throws IllegalArgumentException if {@code threshold} is negative or infinite
   */
  public SimulationOptions withExtinctionThreshold(double threshold) {
    return new SimulationOptions(relativeTolerance, absoluteTolerance, threshold,
        divergenceThreshold, maxEvaluations);
  }

  /**
   * A copy with another divergence threshold.
   *
   * @param threshold the absolute threshold ({@code +∞} switches the check off), or NaN for
   *     automatic
   * @return the new options
   * @throws IllegalArgumentException if {@code threshold} is not positive
   */
  public SimulationOptions withDivergenceThreshold(double threshold) {
    return new SimulationOptions(relativeTolerance, absoluteTolerance, extinctionThreshold,
        threshold, maxEvaluations);
  }

  /**
   * A copy with another evaluation budget.
   *
   * @param evaluations the budget, {@code >= 1}
   * @return the new options
   * @throws IllegalArgumentException if {@code evaluations < 1}
   */
  public SimulationOptions withMaxEvaluations(int evaluations) {
    return new SimulationOptions(relativeTolerance, absoluteTolerance, extinctionThreshold,
        divergenceThreshold, evaluations);
  }
}
