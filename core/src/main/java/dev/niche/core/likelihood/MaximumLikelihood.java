package dev.niche.core.likelihood;

import dev.niche.core.Checks;
import dev.niche.core.FitDiagnostics;
import dev.niche.core.internal.LocalMaximum;
import dev.niche.core.internal.ObservedInformation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maximises a {@link LogLikelihood} over named parameters with natural domains.
 *
 * <p>The procedure, for each start:
 *
 * <ol>
 *   <li>map the start to the internal coordinates {@code z} (see {@link Parameter});
 *   <li>maximise over the box {@code |z_i| <= limit_i}: a {@link DifferentiableLogLikelihood}
 *       by BFGS with a backtracking line search, started from the inverse of the
 *       finite-difference Hessian of its gradient (so a start near the maximum takes Newton's
 *       step at once); any other {@link LogLikelihood} by BOBYQA (Powell 2009; Brent's method in
 *       one dimension), derivative-free and robust to rough likelihood surfaces;
 *   <li>polish with damped Newton steps on a central-difference Hessian (of the analytic
 *       gradient when there is one) while it is negative definite, which brings the gradient to
 *       rounding level.
 * </ol>
 *
 * The best start wins. With an analytic gradient the fit is converged when every component of
 * the gradient in internal coordinates (boundary parameters aside) is at most
 * {@code 1e-7 max(1, |ℓ|)} at the reported point; its size is reported in the diagnostics'
 * message and by {@link LikelihoodFit#gradientNorm()}. A start where the likelihood is not
 * finite is searched without derivatives. A start whose optimiser fails (evaluation budget exhausted, or BOBYQA
 * unable to make progress on a degenerate surface) contributes the best point it reached and makes
 * {@code converged} false; it never throws. If the observed information at the winner is not positive definite, the
 * likelihood is probed along its flattest direction: when it keeps rising (or stays level) all the
 * way to the limit of the box, the supremum lies on the boundary of the parameter space; the fit
 * then reports {@code onBoundary}, names the parameters that went to their bounds, and returns the
 * point at the limit instead of pretending it is an interior maximum.
 *
 * <p>A {@linkplain Builder#warmStart warm start} (a point near the maximum with the covariance of
 * the estimate there, e.g. from a fit on a subsample) saves most of the work on large data: BFGS
 * starts from the matching inverse Hessian and stops at a gradient a tenth of the final bound;
 * then one Newton step on a forward-difference Hessian of the analytic gradient, which also gives
 * the standard errors ({@code n} gradient evaluations instead of {@code 2n} per Hessian, and one
 * Hessian instead of at least two). A {@link TwiceDifferentiableLogLikelihood} takes Newton steps
 * on its own Hessian instead: from a warm start at once (the first step on the warm start's
 * covariance), until the step is below {@code 1e-6} standard errors, and after BFGS from any other
 * start; its standard errors come from that Hessian.
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

  static final int NEWTON_ITERATIONS = 30;
  /** An analytic-gradient fit is converged when its final gradient is below this relative bound. */
  private static final double FINAL_GRADIENT_TOLERANCE = 1e-7;
  static final double LIMIT_MARGIN = 1.0;

  private final LogLikelihood logLikelihood;
  private final List<Parameter> parameters;
  private final List<double[]> starts;
  private final List<WarmStart> warmStarts;
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
    this.warmStarts = new ArrayList<>(b.warmStarts);
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
    InternalObjective objective = new InternalObjective(logLikelihood, parameters, limits);
    List<double[]> internalStarts = StartSearch.internalStarts(parameters, starts, randomStarts,
        seed, limits);
    double[] best = null;
    double bestValue = Double.NEGATIVE_INFINITY;
    SearchOutcome warmWinner = null;
    boolean allConverged = true;
    for (int s = 0; s < internalStarts.size(); s++) {
      double[] start = internalStarts.get(s);
      WarmStart warm = s < warmStarts.size() ? warmStarts.get(s) : null;
      double[][] inverse = warm == null || !objective.hasGradient() ? null
          : warm.internalInverse(parameters, start);
      SearchOutcome run = StartSearch.run(objective, start, limits, inverse, maxEvaluations);
      allConverged &= run.converged();
      if (best == null || run.value() > bestValue) {
        best = run.point();
        bestValue = run.value();
        warmWinner = inverse != null && run.converged() && run.gradient() != null ? run : null;
      }
    }
    if (!Double.isFinite(bestValue)) {
      return nowhereFinite(internalStarts.get(0), objective.evaluations);
    }
    LocalAnalysis local = warmWinner == null
        ? LocalAnalysis.polish(objective, best, limits, NEWTON_ITERATIONS)
        : warmWinner.analysis() != null ? warmWinner.analysis()
        : LocalAnalysis.warm(objective, best, bestValue, warmWinner.gradient(), limits);
    List<String> notes = new ArrayList<>();
    if (!local.hessianFinite()) {
      notes.add("the Hessian at the maximum is not finite");
    } else if (!LocalMaximum.isNegativeDefinite(local.hessian())) {
      double[] boundary = LocalMaximum.probeFlatDirection(
          objective::value, local.point(), local.value(), local.hessian(), limits);
      if (boundary != null) {
        SearchOutcome run = StartSearch.run(objective, boundary, limits, null, maxEvaluations);
        if (run.value() >= local.value()) {
          local = LocalAnalysis.at(objective, run.point(), limits);
        }
      }
    }
    best = local.point();
    bestValue = local.value();
    boolean[] atBoundary = new boolean[n];
    boolean onBoundary = false;
    double gradientNorm = 0;
    for (int i = 0; i < n; i++) {
      if (Math.abs(best[i]) >= limits[i] - LIMIT_MARGIN) {
        atBoundary[i] = true;
        onBoundary = true;
        notes.add(parameters.get(i).boundaryDescription(best[i]));
      } else {
        gradientNorm = Math.max(gradientNorm, Math.abs(local.gradient()[i]));
      }
    }
    boolean converged = allConverged;
    if (objective.hasGradient()) {
      converged = gradientNorm <= FINAL_GRADIENT_TOLERANCE * Math.max(1, Math.abs(bestValue));
      if (!converged) {
        notes.add(String.format(Locale.ROOT, "the gradient is not zero at the reported point "
            + "(max |dl/dz| = %.3g): it may not be the maximum", gradientNorm));
      }
    }
    double[] values = new double[n];
    double[] jacobian = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = parameters.get(i).toNatural(best[i]);
      jacobian[i] = parameters.get(i).derivative(best[i]);
    }
    double[][] covariance = local.hessianFinite()
        ? ObservedInformation.covariance(local.hessian(), jacobian, atBoundary) : null;
    if (covariance == null) {
      notes.add("observed information is not positive definite: standard errors are unavailable");
      covariance = ObservedInformation.unknown(n);
    }
    double[] se = new double[n];
    for (int i = 0; i < n; i++) {
      se[i] = atBoundary[i] ? Double.NaN : Math.sqrt(covariance[i][i]);
    }
    String message = message(onBoundary, notes, converged);
    if (objective.hasGradient()) {
      message = (message.isEmpty() ? "" : message + "; ") + String.format(Locale.ROOT,
          "analytic gradient, max |dl/dz| = %.2g at the reported point", gradientNorm);
    }
    LOG.debug("maximised log-likelihood {} at {} after {} evaluations {}",
        bestValue, Arrays.toString(values), objective.evaluations, message);
    FitDiagnostics diagnostics =
        new FitDiagnostics(converged, objective.evaluations, bestValue, onBoundary, message);
    return new LikelihoodFit(parameters, values, se, covariance, atBoundary, observations,
        gradientNorm, diagnostics);
  }

  private static String message(boolean onBoundary, List<String> notes, boolean converged) {
    if (onBoundary) {
      return "supremum on the boundary of the parameter space: " + String.join(", ", notes);
    }
    if (!notes.isEmpty()) {
      return String.join("; ", notes);
    }
    return converged ? ""
        : "some starts hit the evaluation limit or stopped early; the best point reached is "
            + "reported";
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
        new boolean[n], observations, Double.NaN, diagnostics);
  }

  /** Configures a {@link MaximumLikelihood}; validates each setting as it is given. */
  public static final class Builder {
    private final LogLikelihood logLikelihood;
    private final List<Parameter> parameters;
    private final List<double[]> starts = new ArrayList<>();
    private final List<WarmStart> warmStarts = new ArrayList<>();
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
      warmStarts.add(null);
      return this;
    }

    /**
     * Adds a starting point near the maximum together with the covariance of the estimate there,
     * typically a fit on a subsample of {@code n} of the {@code N} observations with its
     * covariance scaled by {@code n/N}. For a likelihood with an analytic gradient, BFGS then
     * starts from the inverse Hessian this covariance implies, and if it converges from this start
     * the standard errors come from a forward-difference Hessian of the gradient without Newton
     * polishing (see the class documentation); a {@link TwiceDifferentiableLogLikelihood} takes
     * Newton steps on its own Hessian from this start instead. A poor covariance costs iterations,
     * never the maximum. Without an analytic gradient it is an ordinary {@link #start}.
     *
     * @param values one value per parameter, strictly inside its domain
     * @param covariance the covariance on the natural scale, square, finite, of the parameters'
     *     order, with positive diagonal (copied)
     * @return this builder
     * @throws NullPointerException if an argument or a row is null
     * @throws IllegalArgumentException if a length is wrong, a value is outside its domain, an
     *     entry is not finite or a diagonal entry is not positive
     */
    public Builder warmStart(double[] values, double[][] covariance) {
      int order = Checks.square(covariance, "covariance");
      Checks.sameLength(order, "covariance", parameters.size(), "parameters");
      for (int i = 0; i < order; i++) {
        Checks.element(covariance[i][i] > 0, "covariance", i, i, covariance[i][i],
            "must be positive on the diagonal");
      }
      start(values);
      warmStarts.set(warmStarts.size() - 1, WarmStart.of(covariance));
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
