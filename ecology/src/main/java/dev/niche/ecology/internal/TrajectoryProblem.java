package dev.niche.ecology.internal;

import dev.niche.ecology.SimulationOptions;
import dev.niche.ecology.StopReason;

/**
 * Predictions of a Lotka–Volterra model at the observed times, as a function of the parameter
 * vector {@code θ = (r_1..r_n, a_11, a_12, …, a_nn, ln N0 of each estimated initial state)}.
 *
 * <p>Each series starts at its first observation time, where its initial state is a parameter
 * (on the log scale, so it stays positive). A species that is zero throughout a series is absent
 * there: its initial state is fixed at zero and its observations are not part of the residual
 * vector. The simulation runs without an extinction stop; when it stops early (divergence,
 * step failure) the remaining predictions are set to the last state reached, a large residual
 * that the optimiser steps away from.
 */
public final class TrajectoryProblem {

  private final int n;
  private final double[][] times;
  private final double[][][] observed;
  private final boolean[][] present;
  private final int[][] initialIndex;
  private final int parameters;
  private final int observations;
  private final SimulationOptions options;

  /**
   * Sets up the problem.
   *
   * @param n number of species
   * @param times per series, observation times (strictly increasing)
   * @param observed per series, abundances by time and species
   * @param options simulation settings (the extinction check is switched off)
   */
  public TrajectoryProblem(int n, double[][] times, double[][][] observed,
      SimulationOptions options) {
    this.n = n;
    this.times = times;
    this.observed = observed;
    this.options = options.withExtinctionThreshold(0);
    this.present = new boolean[times.length][n];
    this.initialIndex = new int[times.length][n];
    int p = n + n * n;
    int obs = 0;
    for (int s = 0; s < times.length; s++) {
      for (int i = 0; i < n; i++) {
        for (double[] row : observed[s]) {
          present[s][i] |= row[i] > 0;
        }
        initialIndex[s][i] = present[s][i] ? p++ : -1;
        obs += present[s][i] ? times[s].length : 0;
      }
    }
    this.parameters = p;
    this.observations = obs;
  }

  /**
   * Number of parameters.
   *
   * @return the length of {@code θ}
   */
  public int parameters() {
    return parameters;
  }

  /**
   * Number of residuals.
   *
   * @return the observation count
   */
  public int observations() {
    return observations;
  }

  /**
   * Index of the {@code ln N0} parameter of species {@code i} in series {@code s}.
   *
   * @param s the series
   * @param i the species
   * @return the index in {@code θ}, or −1 when the species is absent from the series
   */
  public int initialIndex(int s, int i) {
    return initialIndex[s][i];
  }

  /**
   * The observations in residual order (series, species, time).
   *
   * @return the observed values
   */
  public double[] target() {
    double[] y = new double[observations];
    int k = 0;
    for (int s = 0; s < times.length; s++) {
      for (int i = 0; i < n; i++) {
        if (present[s][i]) {
          for (double[] row : observed[s]) {
            y[k++] = row[i];
          }
        }
      }
    }
    return y;
  }

  /**
   * Predictions in residual order.
   *
   * @param theta the parameters
   * @param worst receives the worst stop reason over the series (index 0)
   * @return the predicted values
   */
  public double[] predict(double[] theta, StopReason[] worst) {
    double[] r = new double[n];
    double[] a = new double[n * n];
    System.arraycopy(theta, 0, r, 0, n);
    System.arraycopy(theta, n, a, 0, n * n);
    double[] out = new double[observations];
    worst[0] = StopReason.COMPLETED;
    int k = 0;
    double[] state = new double[n];
    for (int s = 0; s < times.length; s++) {
      double[] t = times[s];
      double[] init = new double[n];
      double scale = 0;
      for (int i = 0; i < n; i++) {
        init[i] = present[s][i] ? Math.exp(Math.min(theta[initialIndex[s][i]], 600)) : 0;
        for (double[] row : observed[s]) {
          scale = Math.max(scale, row[i]);
        }
      }
      double tEnd = t[t.length - 1] - t[0];
      SimulationResult run = LogSpaceSimulator.run(r, a, init, tEnd, options,
          Math.max(scale, 1e-300));
      if (run.reason() != StopReason.COMPLETED) {
        worst[0] = run.reason();
      }
      double[][] fitted = new double[t.length][];
      for (int q = 0; q < t.length; q++) {
        double time = Math.min(t[q] - t[0], run.endTime());
        run.dense().state(time, state);
        fitted[q] = state.clone();
      }
      for (int i = 0; i < n; i++) {
        if (present[s][i]) {
          for (int q = 0; q < t.length; q++) {
            out[k++] = fitted[q][i];
          }
        }
      }
    }
    return out;
  }
}
