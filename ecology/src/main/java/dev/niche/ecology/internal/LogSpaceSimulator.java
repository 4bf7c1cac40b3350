package dev.niche.ecology.internal;

import dev.niche.ecology.SimulationOptions;
import dev.niche.ecology.StopReason;
import java.util.Arrays;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Integrates the generalised Lotka–Volterra system {@code dN/dt = N ∘ (r + A N)} in log space.
 *
 * <p>With {@code y_i = ln N_i} the system becomes {@code dy_i/dt = r_i + Σ_j a_ij exp(y_j)}, so
 * the states {@code N_i = exp(y_i)} can never become negative or zero, and a species that starts
 * at zero stays at zero (it is left out of the integration). The integrator is Commons Math's
 * adaptive {@link DormandPrince853Integrator} (Dormand–Prince 8(5,3), Hairer, Nørsett &amp;
 * Wanner 1993); each accepted step is sampled at eight nodes to keep its degree-7 dense output
 * ({@link DenseOutput}). Divergence and extinction are checked on those nodes and located inside
 * the step by bisection on the interpolant; integrator failures (step size below its minimum,
 * evaluation budget exhausted) end the run with {@link StopReason#STEP_FAILURE} instead of
 * propagating.
 *
 * <p>Long horizons. Once the state is at rest ({@link Rest}): every species is either stationary
 * or negligible and declining, the rest of the horizon is filled in exactly, stationary species
 * constant and negligible ones declining log-linearly, instead of being integrated step by step;
 * so a horizon of {@code 1e100} costs what the transient costs. The step size is bounded by the
 * time scale of the dynamics at the start, {@code 1 / max_i (|r_i| + Σ_j |a_ij| N_j(0))}: at most
 * {@value #MAX_STEP_TIME_SCALES} of them and at least {@code 1e-12} of one (or 16 ulps of the end
 * time, if that is smaller), never the horizon itself.
 */
public final class LogSpaceSimulator {

  private static final Logger LOG = LoggerFactory.getLogger(LogSpaceSimulator.class);
  /** Exponent cap: keeps {@code exp(y)} finite so the step-size control rejects wild steps. */
  static final double MAX_EXPONENT = 600;
  /** Largest step, in time scales of the dynamics at the start. */
  private static final double MAX_STEP_TIME_SCALES = 1e4;

  private LogSpaceSimulator() {}

  /**
   * Runs a simulation from time 0 to {@code tEnd}.
   *
   * @param r growth rates (length n)
   * @param a interaction matrix, row-major (length n²)
   * @param initial initial states, non-negative (length n)
   * @param tEnd end time, {@code >= 0}
   * @param options integration settings
   * @param scale the scale for automatic thresholds, {@code > 0}
   * @return the raw result
   */
  public static SimulationResult run(double[] r, double[] a, double[] initial, double tEnd,
      SimulationOptions options, double scale) {
    int n = r.length;
    int m = 0;
    int[] support = new int[n];
    for (int i = 0; i < n; i++) {
      if (initial[i] > 0) {
        support[m++] = i;
      }
    }
    support = Arrays.copyOf(support, m);
    double[] y0 = new double[m];
    double[] rs = new double[m];
    double[] as = new double[m * m];
    for (int k = 0; k < m; k++) {
      int i = support[k];
      y0[k] = Math.log(initial[i]);
      rs[k] = r[i];
      for (int l = 0; l < m; l++) {
        as[k * m + l] = a[i * n + support[l]];
      }
    }
    double extinction = Double.isNaN(options.extinctionThreshold())
        ? 1e-12 * scale : options.extinctionThreshold();
    double divergence = Double.isNaN(options.divergenceThreshold())
        ? 1e8 * scale : options.divergenceThreshold();
    double lnExt = extinction > 0 ? Math.log(extinction) : Double.NEGATIVE_INFINITY;
    double lnDiv = Math.log(divergence);
    boolean[] watched = new boolean[m];
    for (int k = 0; k < m; k++) {
      watched[k] = y0[k] >= lnExt;
    }
    DenseOutput.Recorder recorder = new DenseOutput.Recorder(n, support, y0, 0.0);
    double tolerance = Math.max(options.absoluteTolerance(), options.relativeTolerance());
    Rest rest = new Rest(rs, as, 1e-30 * scale, tolerance);
    Steps steps = new Steps(n, support, y0, lnExt, lnDiv, watched, recorder, rest, tEnd);
    if (m == 0 || tEnd == 0) {
      return steps.finish(0.0, StopReason.COMPLETED, 0);
    }
    double rate = rest.rate(y0);
    double timeScale = rate > 0 && Double.isFinite(rate) ? 1 / rate : tEnd;
    double maxStep = Math.min(tEnd, MAX_STEP_TIME_SCALES * timeScale);
    double minStep = Math.min(16 * Math.ulp(tEnd), 1e-12 * timeScale);
    if (!(minStep > 0) || !(maxStep > minStep)) {
      minStep = 16 * Math.ulp(tEnd);
      maxStep = tEnd;
    }
    DormandPrince853Integrator integrator = new DormandPrince853Integrator(minStep, maxStep,
        options.absoluteTolerance(), options.relativeTolerance());
    integrator.setMaxEvaluations(options.maxEvaluations());
    integrator.addStepHandler(steps);
    Equations equations = new Equations(rs, as);
    double[] y = y0.clone();
    try {
      integrator.integrate(equations, 0.0, y, tEnd, y);
    } catch (StopSignal stop) {
      return steps.finish(steps.stopTime, steps.stopReason, integrator.getEvaluations());
    } catch (MathIllegalArgumentException | MathIllegalStateException e) {
      LOG.debug("integration failed at t = {}: {}", steps.lastTime, e.getMessage());
      return steps.finish(steps.lastTime, StopReason.STEP_FAILURE, integrator.getEvaluations());
    }
    return steps.finish(tEnd, StopReason.COMPLETED, integrator.getEvaluations());
  }

  /** {@code dy/dt = r + A exp(y)} on the support. */
  private static final class Equations implements FirstOrderDifferentialEquations {
    private final double[] r;
    private final double[] a;
    private final double[] e;

    Equations(double[] r, double[] a) {
      this.r = r;
      this.a = a;
      this.e = new double[r.length];
    }

    @Override
    public int getDimension() {
      return r.length;
    }

    @Override
    public void computeDerivatives(double t, double[] y, double[] yDot) {
      int m = r.length;
      for (int l = 0; l < m; l++) {
        e[l] = Math.exp(Math.min(y[l], MAX_EXPONENT));
      }
      for (int k = 0; k < m; k++) {
        double s = r[k];
        int row = k * m;
        for (int l = 0; l < m; l++) {
          s += a[row + l] * e[l];
        }
        yDot[k] = s;
      }
    }
  }

  /** Ends the integration from inside the step handler. */
  private static final class StopSignal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StopSignal() {
      super("stop", null, false, false);
    }
  }

  /** Samples accepted steps, checks thresholds and records step points. */
  private static final class Steps implements StepHandler {
    private final int n;
    private final int[] support;
    private final double lnExt;
    private final double lnDiv;
    private final boolean[] watched;
    private final DenseOutput.Recorder recorder;
    private final double[] stepNodes;
    private final Rest rest;
    private final double tEnd;
    private double[] times = new double[64];
    private double[] logStates;
    private int count;
    double lastTime;
    double stopTime;
    StopReason stopReason = StopReason.COMPLETED;

    Steps(int n, int[] support, double[] y0, double lnExt, double lnDiv, boolean[] watched,
        DenseOutput.Recorder recorder, Rest rest, double tEnd) {
      this.n = n;
      this.rest = rest;
      this.tEnd = tEnd;
      this.support = support;
      this.lnExt = lnExt;
      this.lnDiv = lnDiv;
      this.watched = watched;
      this.recorder = recorder;
      int m = support.length;
      this.stepNodes = new double[DenseOutput.NODES * m];
      this.logStates = new double[64 * Math.max(1, m)];
      append(0.0, y0, 0);
    }

    private void append(double t, double[] values, int offset) {
      int m = support.length;
      if (count == times.length) {
        times = Arrays.copyOf(times, 2 * count);
        logStates = Arrays.copyOf(logStates, 2 * count * Math.max(1, m));
      }
      times[count] = t;
      System.arraycopy(values, offset, logStates, count * m, m);
      count++;
    }

    @Override
    public void init(double t0, double[] y0, double t) {
      // the initial point is recorded by the constructor
    }

    @Override
    public void handleStep(StepInterpolator interpolator, boolean isLast) {
      int m = support.length;
      double t0 = interpolator.getPreviousTime();
      double t1 = interpolator.getCurrentTime();
      double h = t1 - t0;
      for (int k = 0; k < DenseOutput.NODES; k++) {
        double t = k == 0 ? t0 : k == DenseOutput.NODES - 1 ? t1 : t0 + DenseOutput.theta(k) * h;
        interpolator.setInterpolatedTime(t);
        System.arraycopy(interpolator.getInterpolatedState(), 0, stepNodes, k * m, m);
      }
      for (double v : stepNodes) {
        if (!Double.isFinite(v)) {
          stop(t0, StopReason.DIVERGED);
        }
      }
      int first = -1;
      StopReason reason = null;
      for (int k = 1; k < DenseOutput.NODES && first < 0; k++) {
        for (int l = 0; l < m; l++) {
          double v = stepNodes[k * m + l];
          if (v > lnDiv) {
            first = k;
            reason = StopReason.DIVERGED;
            break;
          }
          if (watched[l] && v < lnExt) {
            first = k;
            reason = StopReason.EXTINCTION;
            break;
          }
        }
      }
      recorder.add(t0, h, stepNodes);
      if (first < 0) {
        lastTime = t1;
        append(t1, stepNodes, (DenseOutput.NODES - 1) * m);
        if (t1 < tEnd && rest.atRest(stepNodes, (DenseOutput.NODES - 1) * m)) {
          fillToEnd(t1);
        }
        return;
      }
      double lo = DenseOutput.theta(first - 1);
      double hi = DenseOutput.theta(first);
      for (int it = 0; it < 60; it++) {
        double mid = 0.5 * (lo + hi);
        if (crossed(mid)) {
          hi = mid;
        } else {
          lo = mid;
        }
      }
      double tStop = hi >= 1 ? t1 : t0 + hi * h;
      double[] at = new double[m];
      for (int l = 0; l < m; l++) {
        at[l] = DenseOutput.interpolate(stepNodes, l, m, hi);
      }
      append(tStop, at, 0);
      lastTime = tStop;
      stop(tStop, reason);
    }

    /**
     * Fills in the rest of the horizon from a state at rest: stationary species stay, negligible
     * ones decline log-linearly at their (negative) growth rates; a watched one that reaches the
     * extinction threshold on the way ends the run there.
     */
    private void fillToEnd(double t1) {
      int m = support.length;
      int last = (DenseOutput.NODES - 1) * m;
      double[] y = Arrays.copyOfRange(stepNodes, last, last + m);
      double[] slope = rest.slopes();
      double end = tEnd;
      StopReason reason = StopReason.COMPLETED;
      for (int l = 0; l < m; l++) {
        if (slope[l] < 0 && watched[l] && y[l] >= lnExt) {
          double crossing = t1 + (lnExt - y[l]) / slope[l];
          if (crossing < end) {
            end = crossing;
            reason = StopReason.EXTINCTION;
          }
        }
      }
      double h = end - t1;
      if (!(h > 0)) {
        stop(t1, reason);
      }
      for (int k = 0; k < DenseOutput.NODES; k++) {
        double dt = DenseOutput.theta(k) * h;
        for (int l = 0; l < m; l++) {
          stepNodes[k * m + l] = y[l] + slope[l] * dt;
        }
      }
      recorder.add(t1, h, stepNodes);
      append(end, stepNodes, last);
      lastTime = end;
      LOG.debug("at rest at t = {}; filled in to t = {} ({})", t1, end, reason);
      stop(end, reason);
    }

    private boolean crossed(double theta) {
      int m = support.length;
      for (int l = 0; l < m; l++) {
        double v = DenseOutput.interpolate(stepNodes, l, m, theta);
        if (v > lnDiv || (watched[l] && v < lnExt)) {
          return true;
        }
      }
      return false;
    }

    private void stop(double t, StopReason reason) {
      stopTime = t;
      stopReason = reason;
      throw new StopSignal();
    }

    SimulationResult finish(double endTime, StopReason reason, int evaluations) {
      int m = support.length;
      double[] outTimes = Arrays.copyOf(times, count);
      double[][] states = new double[count][n];
      for (int s = 0; s < count; s++) {
        for (int l = 0; l < m; l++) {
          states[s][support[l]] = Math.exp(logStates[s * m + l]);
        }
      }
      return new SimulationResult(outTimes, states, recorder.build(endTime), endTime, reason,
          evaluations);
    }
  }
}
