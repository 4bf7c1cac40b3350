package dev.niche.ecology;

import dev.niche.core.Checks;
import dev.niche.ecology.internal.DenseOutput;
import dev.niche.ecology.internal.SimulationResult;
import java.util.OptionalDouble;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * A simulated trajectory of a Lotka–Volterra system, starting at time 0.
 *
 * <p>{@link #times()} and {@link #states()} hold either the integrator's accepted step points
 * ({@code simulate(initial, tEnd)}) or the requested output times that the run reached
 * ({@code simulate(initial, times)}). {@link #at(double)} evaluates the continuous (dense) output
 * of the Dormand–Prince 8(5,3) integrator anywhere in {@code [0, endTime()]}, with the accuracy
 * of the integration itself. The integration runs on {@code ln N}, so every state is positive
 * or exactly zero (species absent at the start stay absent). When the run stopped early
 * ({@link #stopReason()} other than {@link StopReason#COMPLETED}), {@link #endTime()} is the
 * stop time: for {@link StopReason#EXTINCTION} and {@link StopReason#DIVERGED} the time at
 * which a state crossed the threshold, located on the dense output to about 1e-15 of the step.
 *
 * <p>Immutable and thread-safe.
 */
public final class Trajectory {

  private final double[] times;
  private final double[][] states;
  private final DenseOutput dense;
  private final double endTime;
  private final StopReason stopReason;
  private final int evaluations;

  Trajectory(SimulationResult result, double[] outputTimes) {
    this.dense = result.dense();
    this.endTime = result.endTime();
    this.stopReason = result.reason();
    this.evaluations = result.evaluations();
    if (outputTimes == null) {
      this.times = result.times();
      this.states = result.states();
    } else {
      int count = 0;
      while (count < outputTimes.length && outputTimes[count] <= endTime) {
        count++;
      }
      this.times = java.util.Arrays.copyOf(outputTimes, count);
      this.states = new double[count][dense.species()];
      for (int k = 0; k < count; k++) {
        dense.state(times[k], states[k]);
      }
    }
  }

  /**
   * The output times.
   *
   * @return a copy of the times
   */
  public double[] times() {
    return times.clone();
  }

  /**
   * The states at {@link #times()}: {@code states()[k][i]} is species {@code i} at time
   * {@code times()[k]}.
   *
   * @return a deep copy
   */
  public double[][] states() {
    double[][] copy = new double[states.length][];
    for (int k = 0; k < states.length; k++) {
      copy[k] = states[k].clone();
    }
    return copy;
  }

  /**
   * The state at any time in {@code [0, endTime()]} from the dense output.
   *
   * @param t the time
   * @return the state (a new array)
   * @throws IllegalArgumentException if {@code t} is not finite or outside {@code [0, endTime()]}
   */
  public double[] at(double t) {
    Checks.inRange(t, 0.0, endTime, "t");
    double[] out = new double[dense.species()];
    dense.state(t, out);
    return out;
  }

  /**
   * The last state, at {@link #endTime()}.
   *
   * @return the final state (a new array)
   */
  public double[] finalState() {
    return at(endTime);
  }

  /**
   * The time the run ended: the requested end time, or the stop time when it stopped early.
   *
   * @return the end time
   */
  public double endTime() {
    return endTime;
  }

  /**
   * Why the run ended.
   *
   * @return the stop reason
   */
  public StopReason stopReason() {
    return stopReason;
  }

  /**
   * Right-hand-side evaluations used by the integrator.
   *
   * @return the evaluation count
   */
  public int evaluations() {
    return evaluations;
  }

  /**
   * Number of species in each state.
   *
   * @return the species count
   */
  public int species() {
    return dense.species();
  }

  /**
   * The first time at which species {@code i}'s share {@code N_i / Σ_j N_j} crosses
   * {@code share}. The share is scanned on a grid of 16 points per integration step and the
   * crossing refined by Brent's method on the dense output (absolute accuracy about 1e-12 in
   * time relative to the step). A share that already equals the target at time 0 gives 0.
   *
   * @param species the species index
   * @param share the target share, in [0, 1]
   * @return the crossing time, or empty when the share does not cross the target before
   *     {@link #endTime()} (or every species is absent)
   * @throws IllegalArgumentException if {@code species} is out of range or {@code share} is
   *     outside [0, 1]
   */
  public OptionalDouble timeToShare(int species, double share) {
    Checks.argument(species >= 0 && species < dense.species(),
        "species = " + species + " must be in [0, " + dense.species() + ")");
    Checks.inRange(share, 0.0, 1.0, "share");
    double[] buffer = new double[dense.species()];
    double g0 = shareGap(0, species, share, buffer);
    if (Double.isNaN(g0)) {
      return OptionalDouble.empty();
    }
    if (g0 == 0) {
      return OptionalDouble.of(0.0);
    }
    double previousT = 0;
    int grid = 16;
    for (int s = 0; s < dense.segments(); s++) {
      double a = dense.segmentStart(s);
      double b = dense.segmentEnd(s);
      for (int k = 1; k <= grid; k++) {
        double t = k == grid ? b : a + (b - a) * k / grid;
        if (t <= previousT) {
          continue;
        }
        double g = shareGap(t, species, share, buffer);
        if (g == 0) {
          return OptionalDouble.of(t);
        }
        if ((g > 0) != (g0 > 0)) {
          double lo = previousT;
          BrentSolver solver = new BrentSolver(1e-12 * Math.max(1e-300, t - lo) + 1e-300);
          double root = solver.solve(200, x -> shareGap(x, species, share, new double[buffer.length]),
              lo, t);
          return OptionalDouble.of(root);
        }
        previousT = t;
      }
    }
    return OptionalDouble.empty();
  }

  private double shareGap(double t, int species, double share, double[] buffer) {
    dense.state(Math.min(t, endTime), buffer);
    double total = 0;
    for (double v : buffer) {
      total += v;
    }
    return total > 0 ? buffer[species] / total - share : Double.NaN;
  }
}
