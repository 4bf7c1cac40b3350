package dev.niche.core.likelihood;

import dev.niche.core.Checks;
import dev.niche.core.FitDiagnostics;
import dev.niche.core.Seeds;
import dev.niche.core.internal.LocalMaximum;
import dev.niche.core.internal.NumericalDerivatives;
import dev.niche.core.internal.ObservedInformation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maximises a {@link LogLikelihood} over named parameters with natural domains.
 *
 * <p>The procedure, for each start:
 *
 * <ol>
 *   <li>map the start to the internal coordinates {@code z} (see {@link Parameter});
 *   <li>maximise over the box {@code |z_i| <= limit_i} with BOBYQA (Powell 2009; Brent's method in
 *       one dimension), derivative-free and robust to rough likelihood surfaces;
 *   <li>polish with damped Newton steps on a central-difference Hessian while it is negative
 *       definite, which brings the gradient to rounding level.
 * </ol>
 *
 * The best start wins. A start whose optimiser fails (evaluation budget exhausted, or BOBYQA
 * unable to make progress on a degenerate surface) contributes the best point it reached and makes
 * {@code converged} false; it never throws. If the observed information at the winner is not positive definite, the
 * likelihood is probed along its flattest direction: when it keeps rising (or stays level) all the
 * way to the limit of the box, the supremum lies on the boundary of the parameter space; the fit
 * then reports {@code onBoundary}, names the parameters that went to their bounds, and returns the
 * point at the limit instead of pretending it is an interior maximum.
 *
 * <p>Instances are immutable and thread-safe provided the log-likelihood is.
 */
public final class MaximumLikelihood {

  /**
   * The most random starts a maximisation takes: each runs a full optimisation, so the work is
   * bounded by this many times the evaluation budget.
   */
  public static final int MAX_RANDOM_STARTS = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(MaximumLikelihood.class);

  private static final int NEWTON_ITERATIONS = 30;
  private static final double LIMIT_MARGIN = 1.0;

  private final LogLikelihood logLikelihood;
  private final List<Parameter> parameters;
  private final List<double[]> starts;
  private final int randomStarts;
  private final long seed;
  private final long observations;
  private final int maxEvaluations;

  private MaximumLikelihood(Builder b) {
    this.logLikelihood = b.logLikelihood;
    this.parameters = List.copyOf(b.parameters);
    List<double[]> copies = new ArrayList<>();
    for (double[] s : b.starts) {
      copies.add(s.clone());
    }
    this.starts = copies;
    this.randomStarts = b.randomStarts;
    this.seed = b.seed;
    this.observations = b.observations;
    this.maxEvaluations = b.maxEvaluations;
  }

  /**
   * Starts configuring a maximisation.
   *
   * @param logLikelihood the function to maximise, on the natural scale
   * @param parameters the parameters, in the order the function expects them
   * @return a builder
   * @throws NullPointerException if an argument or a parameter is null
   * @throws IllegalArgumentException if there are no parameters or two share a name
   */
  public static Builder builder(LogLikelihood logLikelihood, Parameter... parameters) {
    return new Builder(logLikelihood, parameters);
  }

  /**
   * Runs the maximisation.
   *
   * @return the fit; never null, numerical trouble is reported in its diagnostics. When no
   *     start reaches a finite log-likelihood the fit is not converged, its log-likelihood is
   *     {@code -∞}, its values are the first start and its standard errors NaN.
   */
  public LikelihoodFit maximize() {
    int n = parameters.size();
    double[] limits = new double[n];
    for (int i = 0; i < n; i++) {
      limits[i] = parameters.get(i).internalLimit();
    }
    Objective objective = new Objective(limits);
    List<double[]> internalStarts = internalStarts(limits);
    double[] best = null;
    double bestValue = Double.NEGATIVE_INFINITY;
    boolean allConverged = true;
    for (double[] start : internalStarts) {
      Run run = optimise(objective, start, limits);
      allConverged &= run.converged();
      if (best == null || run.value() > bestValue) {
        best = run.point();
        bestValue = run.value();
      }
    }
    if (!Double.isFinite(bestValue)) {
      return nowhereFinite(internalStarts.get(0), objective.evaluations);
    }
    best = LocalMaximum.polish(objective::value, best, limits, NEWTON_ITERATIONS);
    bestValue = objective.value(best);
    double[][] hessian = NumericalDerivatives.hessian(objective::value, best, bestValue);

    List<String> notes = new ArrayList<>();
    if (!LocalMaximum.isNegativeDefinite(hessian)) {
      double[] boundary =
          LocalMaximum.probeFlatDirection(objective::value, best, bestValue, hessian, limits);
      if (boundary != null) {
        Run run = optimise(objective, boundary, limits);
        if (run.value() >= bestValue) {
          best = run.point();
          bestValue = run.value();
        }
        hessian = NumericalDerivatives.hessian(objective::value, best, bestValue);
      }
    }
    boolean[] atBoundary = new boolean[n];
    boolean onBoundary = false;
    for (int i = 0; i < n; i++) {
      if (Math.abs(best[i]) >= limits[i] - LIMIT_MARGIN) {
        atBoundary[i] = true;
        onBoundary = true;
        notes.add(parameters.get(i).boundaryDescription(best[i]));
      }
    }
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = parameters.get(i).toNatural(best[i]);
    }
    double[] jacobian = new double[n];
    for (int i = 0; i < n; i++) {
      jacobian[i] = parameters.get(i).derivative(best[i]);
    }
    double[][] covariance = ObservedInformation.covariance(hessian, jacobian, atBoundary);
    if (covariance == null) {
      notes.add("observed information is not positive definite: standard errors are unavailable");
      covariance = ObservedInformation.unknown(n);
    }
    double[] se = new double[n];
    for (int i = 0; i < n; i++) {
      se[i] = atBoundary[i] ? Double.NaN : Math.sqrt(covariance[i][i]);
    }
    String message;
    if (onBoundary) {
      message = "supremum on the boundary of the parameter space: " + String.join(", ", notes);
    } else if (!notes.isEmpty()) {
      message = String.join("; ", notes);
    } else {
      message = allConverged ? ""
          : "some starts hit the evaluation limit or stopped early; the best point reached is "
              + "reported";
    }
    boolean converged = allConverged && Double.isFinite(bestValue);
    if (!Double.isFinite(bestValue)) {
      message = "no start gave a finite log-likelihood";
    }
    LOG.debug("maximised log-likelihood {} at {} after {} evaluations {}",
        bestValue, Arrays.toString(values), objective.evaluations, message);
    FitDiagnostics diagnostics =
        new FitDiagnostics(converged, objective.evaluations, bestValue, onBoundary, message);
    return new LikelihoodFit(parameters, values, se, covariance, atBoundary, observations,
        diagnostics);
  }

  private List<double[]> internalStarts(double[] limits) {
    int n = parameters.size();
    List<double[]> result = new ArrayList<>();
    for (double[] start : starts) {
      double[] z = new double[n];
      for (int i = 0; i < n; i++) {
        z[i] = LocalMaximum.clamp(parameters.get(i).toInternal(start[i]), limits[i] - 2 * LIMIT_MARGIN);
      }
      result.add(z);
    }
    SplittableRandom random = Seeds.random(seed);
    double[] centre = result.get(0);
    for (int s = 0; s < randomStarts; s++) {
      double[] z = new double[n];
      for (int i = 0; i < n; i++) {
        z[i] = LocalMaximum.clamp(centre[i] + random.nextGaussian(), limits[i] - 2 * LIMIT_MARGIN);
      }
      result.add(z);
    }
    return result;
  }

  private Run optimise(Objective objective, double[] start, double[] limits) {
    int n = start.length;
    int before = objective.evaluations;
    objective.resetBest();
    boolean converged = true;
    try {
      if (n == 1) {
        BrentOptimizer brent = new BrentOptimizer(1e-12, 1e-14);
        brent.optimize(
            new MaxEval(maxEvaluations),
            new UnivariateObjectiveFunction(z -> objective.value(new double[] {z})),
            GoalType.MAXIMIZE,
            new SearchInterval(-limits[0], limits[0], start[0]));
      } else {
        double radius = 0.5;
        for (double limit : limits) {
          radius = Math.min(radius, limit / 4);
        }
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
          lower[i] = -limits[i];
          upper[i] = limits[i];
        }
        BOBYQAOptimizer bobyqa = new BOBYQAOptimizer(2 * n + 1, radius, 1e-9);
        bobyqa.optimize(
            new MaxEval(maxEvaluations),
            new ObjectiveFunction(objective::value),
            GoalType.MAXIMIZE,
            new InitialGuess(start),
            new SimpleBounds(lower, upper));
      }
    } catch (TooManyEvaluationsException e) {
      converged = false;
      LOG.debug("start {} hit the evaluation limit {}", Arrays.toString(start), maxEvaluations);
    } catch (MathIllegalStateException e) {
      // BOBYQA gives up on degenerate surfaces ("trust region step has failed to reduce Q"):
      // keep the best point it reached and report the start as not converged.
      converged = false;
      LOG.debug("start {} stopped early: {}", Arrays.toString(start), e.getMessage());
    }
    LOG.debug("start {} -> {} in {} evaluations", Arrays.toString(start), objective.bestValue,
        objective.evaluations - before);
    if (objective.bestPoint == null) {
      // No finite log-likelihood anywhere on this start's path.
      return new Run(start.clone(), Double.NEGATIVE_INFINITY, false);
    }
    return new Run(objective.bestPoint.clone(), objective.bestValue, converged);
  }

  /** The fit reported when no start reached a finite log-likelihood. */
  private LikelihoodFit nowhereFinite(double[] start, int evaluations) {
    int n = parameters.size();
    double[] values = new double[n];
    double[] se = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = parameters.get(i).toNatural(start[i]);
      se[i] = Double.NaN;
    }
    String message = "no start gave a finite log-likelihood; the values are the first start";
    LOG.debug("maximisation failed: {}", message);
    FitDiagnostics diagnostics = new FitDiagnostics(false, evaluations,
        Double.NEGATIVE_INFINITY, false, message);
    return new LikelihoodFit(parameters, values, se, ObservedInformation.unknown(n),
        new boolean[n], observations, diagnostics);
  }

  /** The log-likelihood in internal coordinates, with evaluation count and best point seen. */
  private final class Objective {
    private final double[] limits;
    private final double[] natural;
    int evaluations;
    double[] bestPoint;
    double bestValue;
    private double worstFinite = 0;

    Objective(double[] limits) {
      this.limits = limits;
      this.natural = new double[limits.length];
    }

    void resetBest() {
      bestPoint = null;
      bestValue = Double.NEGATIVE_INFINITY;
    }

    double value(double[] z) {
      evaluations++;
      for (int i = 0; i < z.length; i++) {
        natural[i] = parameters.get(i).toNatural(LocalMaximum.clamp(z[i], limits[i]));
      }
      double v = logLikelihood.value(natural);
      if (!Double.isFinite(v)) {
        // Worse than anything finite, but finite so that the optimiser's models stay sane.
        return worstFinite - 1e6 * (1 + Math.abs(worstFinite));
      }
      worstFinite = Math.min(worstFinite, v);
      if (bestPoint == null || v > bestValue) {
        bestPoint = z.clone();
        bestValue = v;
      }
      return v;
    }
  }

  /** The outcome of one start. */
  private record Run(double[] point, double value, boolean converged) {}

  /** Configures a {@link MaximumLikelihood}; validates each setting as it is given. */
  public static final class Builder {
    private final LogLikelihood logLikelihood;
    private final List<Parameter> parameters;
    private final List<double[]> starts = new ArrayList<>();
    private int randomStarts;
    private long seed;
    private long observations;
    private int maxEvaluations = 20_000;

    private Builder(LogLikelihood logLikelihood, Parameter... parameters) {
      this.logLikelihood = Checks.notNull(logLikelihood, "logLikelihood");
      Checks.notNull(parameters, "parameters");
      Checks.argument(parameters.length > 0, "parameters must not be empty");
      List<String> names = new ArrayList<>();
      for (int i = 0; i < parameters.length; i++) {
        Checks.notNull(parameters[i], "parameters[" + i + "]");
        String name = parameters[i].name();
        Checks.argument(!names.contains(name),
            "parameters[" + i + "] repeats the name " + name);
        names.add(name);
      }
      this.parameters = List.of(parameters);
    }

    /**
     * Adds a starting point on the natural scale. The first start is also the centre of the
     * random starts. At least one start is required.
     *
     * @param values one value per parameter, strictly inside its domain
     * @return this builder
     * @throws IllegalArgumentException if the length is wrong or a value is outside its domain
     */
    public Builder start(double... values) {
      Checks.notNull(values, "values");
      Checks.sameLength(values.length, "values", parameters.size(), "parameters");
      for (int i = 0; i < values.length; i++) {
        parameters.get(i).toInternal(values[i]);
      }
      starts.add(values.clone());
      return this;
    }

    /**
     * Adds random starts drawn around the first start: each internal coordinate is perturbed by
     * a standard normal deviate.
     *
     * @param count how many, in {@code [0, MAX_RANDOM_STARTS]}
     * @param seed the seed of the draws
     * @return this builder
     * @throws IllegalArgumentException if {@code count} is out of range
     */
    public Builder randomStarts(int count, long seed) {
      Checks.argument(count >= 0 && count <= MAX_RANDOM_STARTS,
          "count = " + count + " must be in [0, " + MAX_RANDOM_STARTS + "]");
      this.randomStarts = count;
      this.seed = seed;
      return this;
    }

    /**
     * The number of observations behind the likelihood, used for BIC.
     *
     * @param n the number of observations, {@code >= 1}
     * @return this builder
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Builder observations(long n) {
      Checks.argument(n >= 1, "observations = " + n + " must be >= 1");
      this.observations = n;
      return this;
    }

    /**
     * The evaluation budget of each start's optimiser (default 20,000).
     *
     * @param evaluations the budget, {@code >= 10}
     * @return this builder
     * @throws IllegalArgumentException if {@code evaluations < 10}
     */
    public Builder maxEvaluations(int evaluations) {
      Checks.argument(evaluations >= 10, "evaluations = " + evaluations + " must be >= 10");
      this.maxEvaluations = evaluations;
      return this;
    }

    /**
     * Builds the configured maximisation.
     *
     * @return an immutable, reusable {@link MaximumLikelihood}
     * @throws IllegalStateException if no start was given
     */
    public MaximumLikelihood build() {
      if (starts.isEmpty()) {
        throw new IllegalStateException("at least one start(...) is required");
      }
      return new MaximumLikelihood(this);
    }

    /**
     * Shorthand for {@code build().maximize()}.
     *
     * @return the fit
     * @throws IllegalStateException if no start was given
     */
    public LikelihoodFit maximize() {
      return build().maximize();
    }
  }
}
