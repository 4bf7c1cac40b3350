package dev.niche.ecology;

import dev.niche.core.Checks;
import dev.niche.core.FitDiagnostics;
import dev.niche.ecology.internal.GradientMatching;
import dev.niche.ecology.internal.TrajectoryLeastSquares;
import dev.niche.ecology.internal.TrajectoryProblem;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Estimates {@code r}, {@code A} and the initial states of {@code dN/dt = N ∘ (r + A N)} from
 * observed time series (one or several replicates sharing {@code r} and {@code A}).
 *
 * <ol>
 *   <li><b>Start by gradient matching</b>: per-capita growth rates from finite differences of
 *       {@code ln N} regressed on the interval-mean abundances (Ellner, Seifu &amp; Smith 2002);
 *       initial states from the first observations.</li>
 *   <li><b>Trajectory least squares</b>: Levenberg–Marquardt (Moré 1978; Commons Math) on
 *       {@code Σ (N_obs − N_sim)²} with the system simulated from the estimated initial state
 *       of each series at its first observation time. {@code r} and {@code A} are
 *       unconstrained, so coefficients may change sign (unlike gauseR's {@code lv_optim}, which
 *       fixes signs from the start); initial states are fitted as {@code ln N0}. Two starts are
 *       tried — the gradient-matching one and the same with the off-diagonal interactions set to
 *       zero (independent logistic growth) — and the lower residual sum of squares wins.</li>
 *   <li><b>Uncertainty</b>: {@code σ̂² (JᵀJ)⁻¹} at the optimum, residual standard error on
 *       {@code df = observations − parameters} (see {@link LotkaVolterraFit}).</li>
 * </ol>
 *
 * <p>Species that are zero throughout a series are treated as absent from that series (initial
 * state fixed at 0, observations not counted). {@link FitDiagnostics#converged()} is true only
 * when Levenberg–Marquardt met its convergence criteria and the fitted trajectories complete
 * without divergence. Immutable and thread-safe; build with {@link #builder()}.
 */
public final class LotkaVolterraFitter {

  private static final Logger LOG = LoggerFactory.getLogger(LotkaVolterraFitter.class);

  private final int maxIterations;
  private final SimulationOptions options;

  private LotkaVolterraFitter(Builder b) {
    this.maxIterations = b.maxIterations;
    this.options = b.options;
  }

  /**
   * A builder with the defaults: 200 Levenberg–Marquardt iterations, tolerances 1e-10 on
   * {@code ln N}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Fits one series.
   *
   * @param series the observations
   * @return the fit
   * @throws NullPointerException if {@code series} is null
   * @throws IllegalArgumentException if there are fewer observations than parameters
   */
  public LotkaVolterraFit fit(ObservedSeries series) {
    return fit(List.of(Checks.notNull(series, "series")));
  }

  /**
   * Fits replicate series that share {@code r} and {@code A}, each with its own initial state.
   *
   * @param series the observations, at least one; all with the same number of species
   * @return the fit
   * @throws NullPointerException if the list or an element is null
   * @throws IllegalArgumentException if the list is empty, the species counts differ, a species
   *     is never observed, or there are not more observations than parameters
   */
  public LotkaVolterraFit fit(List<ObservedSeries> series) {
    Checks.notNull(series, "series");
    Checks.argument(!series.isEmpty(), "series must not be empty");
    int n = Checks.notNull(series.get(0), "series[0]").species();
    double[][] times = new double[series.size()][];
    double[][][] obs = new double[series.size()][][];
    double maxAbundance = 0;
    for (int s = 0; s < series.size(); s++) {
      ObservedSeries o = Checks.notNull(series.get(s), "series[" + s + "]");
      Checks.sameLength(o.species(), "series[" + s + "] species", n, "series[0] species");
      times[s] = o.times();
      obs[s] = o.abundances();
      for (double[] row : obs[s]) {
        for (double v : row) {
          maxAbundance = Math.max(maxAbundance, v);
        }
      }
    }
    TrajectoryProblem problem = new TrajectoryProblem(n, times, obs, options);
    for (int i = 0; i < n; i++) {
      boolean seen = false;
      for (int s = 0; s < times.length; s++) {
        seen |= problem.initialIndex(s, i) >= 0;
      }
      Checks.argument(seen, "species " + i + " is zero in every series");
    }
    int p = problem.parameters();
    Checks.argument(problem.observations() > p, "the series hold " + problem.observations()
        + " observations but the model has " + p + " parameters; need more observations");

    double[][] gm = GradientMatching.estimate(times, obs, n);
    double[] start = new double[p];
    double typicalRate = 0;
    for (int i = 0; i < n; i++) {
      start[i] = gm[i][0];
      typicalRate = Math.max(typicalRate, Math.abs(gm[i][0]));
      for (int j = 0; j < n; j++) {
        start[n + i * n + j] = gm[i][j + 1];
      }
    }
    for (int s = 0; s < times.length; s++) {
      for (int i = 0; i < n; i++) {
        int k = problem.initialIndex(s, i);
        if (k >= 0) {
          start[k] = Math.log(firstPositive(obs[s], i));
        }
      }
    }
    double[] logistic = start.clone();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          logistic[n + i * n + j] = 0;
        }
      }
      if (!(logistic[n + i * n + i] < 0)) {
        logistic[n + i * n + i] = -Math.abs(logistic[i]) / maxAbundance;
      }
    }
    TrajectoryLeastSquares lsq = new TrajectoryLeastSquares(problem, n,
        typicalRate > 0 ? typicalRate : 1, maxAbundance > 0 ? maxAbundance : 1);
    TrajectoryLeastSquares.Result fromGm = lsq.minimise(start, maxIterations);
    TrajectoryLeastSquares.Result fromLogistic = lsq.minimise(logistic, maxIterations);
    LOG.debug("RSS from gradient-matching start {}, from logistic start {}", fromGm.rss(),
        fromLogistic.rss());
    boolean gmWins = fromGm.rss() <= fromLogistic.rss();
    TrajectoryLeastSquares.Result best = gmWins ? fromGm : fromLogistic;
    double[] theta = best.theta();

    double[] r = new double[n];
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      r[i] = theta[i];
      System.arraycopy(theta, n + i * n, a[i], 0, n);
    }
    LotkaVolterra model = LotkaVolterra.of(r, a);
    double[] startR = new double[n];
    double[][] startA = new double[n][n];
    for (int i = 0; i < n; i++) {
      startR[i] = gm[i][0];
      System.arraycopy(gm[i], 1, startA[i], 0, n);
    }
    int nObs = problem.observations();
    double rss = best.rss();
    double sigma2 = rss / (nObs - p);
    double[][] cov = Double.isFinite(rss)
        ? TrajectoryLeastSquares.covariance(lsq.jacobian(theta), sigma2) : null;
    int[][] index = new int[times.length][n];
    double[][][] fitted = new double[times.length][][];
    boolean completes = true;
    for (int s = 0; s < times.length; s++) {
      double[] init = new double[n];
      for (int i = 0; i < n; i++) {
        index[s][i] = problem.initialIndex(s, i);
        init[i] = index[s][i] >= 0 ? Math.exp(theta[index[s][i]]) : 0;
      }
      double[] shifted = new double[times[s].length];
      for (int k = 0; k < shifted.length; k++) {
        shifted[k] = times[s][k] - times[s][0];
      }
      Trajectory t = model.simulate(init, shifted, options.withExtinctionThreshold(0));
      completes &= t.stopReason() == StopReason.COMPLETED;
      fitted[s] = t.states();
    }
    StringBuilder message = new StringBuilder(best.message())
        .append("; best start: ").append(gmWins ? "gradient matching" : "logistic (no interactions)");
    if (cov == null) {
      message.append("; J'J is numerically singular: standard errors not identified");
      cov = new double[p][p];
      for (double[] row : cov) {
        java.util.Arrays.fill(row, Double.NaN);
      }
    }
    if (!completes) {
      message.append("; the fitted trajectories do not complete");
    }
    double logLik = Double.isFinite(rss) && rss > 0
        ? -0.5 * nObs * (Math.log(2 * Math.PI * rss / nObs) + 1) : Double.NaN;
    FitDiagnostics diagnostics = new FitDiagnostics(best.converged() && completes,
        lsq.evaluations(), logLik, false, message.toString());
    return new LotkaVolterraFit(model, LotkaVolterra.of(startR, startA), theta, cov, index, rss,
        nObs, diagnostics, fitted);
  }

  private static double firstPositive(double[][] obs, int i) {
    for (double[] row : obs) {
      if (row[i] > 0) {
        return row[i];
      }
    }
    return 1;
  }

  /**
   * The largest iteration budget per start: every iteration simulates the trajectories, so the
   * work of a fit is bounded by this many simulations per start.
   */
  public static final int MAX_ITERATIONS = 10_000;

  /** Validating builder for {@link LotkaVolterraFitter}. */
  public static final class Builder {
    private int maxIterations = 200;
    private SimulationOptions options = SimulationOptions.defaults().withTolerances(1e-10, 1e-10);

    private Builder() {}

    /**
     * Levenberg–Marquardt iteration budget per start.
     *
     * @param iterations the budget, in {@code [1, MAX_ITERATIONS]}
     * @return this builder
     * @throws IllegalArgumentException if {@code iterations} is out of range
     */
    public Builder maxIterations(int iterations) {
      Checks.argument(iterations >= 1 && iterations <= MAX_ITERATIONS,
          "iterations = " + iterations + " must be in [1, " + MAX_ITERATIONS + "]");
      this.maxIterations = iterations;
      return this;
    }

    /**
     * Simulation settings used for the trajectories (the extinction check is always off).
     *
     * @param options the settings
     * @return this builder
     * @throws NullPointerException if {@code options} is null
     */
    public Builder simulationOptions(SimulationOptions options) {
      this.options = Checks.notNull(options, "options");
      return this;
    }

    /**
     * Builds the fitter.
     *
     * @return the fitter
     */
    public LotkaVolterraFitter build() {
      return new LotkaVolterraFitter(this);
    }
  }
}
