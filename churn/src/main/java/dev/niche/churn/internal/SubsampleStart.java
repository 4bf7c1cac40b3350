package dev.niche.churn.internal;

import dev.niche.core.FitDiagnostics;
import dev.niche.core.likelihood.DifferentiableLogLikelihood;
import dev.niche.core.likelihood.LikelihoodFit;
import dev.niche.core.likelihood.MaximumLikelihood;
import dev.niche.core.likelihood.Parameter;
import java.util.Arrays;

/**
 * Maximum likelihood for repeat-purchase models on many customers in stages: the search from
 * the model's default starts runs on a deterministic systematic subsample of about
 * {@value #SUBSAMPLE_CUSTOMERS} customers (itself fitted the same way from a subsample of a tenth
 * of it), and its maximum warm-starts BFGS on all the rows, with the subsample's covariance scaled
 * by {@code n/N} as the initial inverse Hessian ({@link MaximumLikelihood.Builder#warmStart}): a
 * few full-data steps, one Newton step and a forward-difference Hessian of the analytic gradient
 * for the standard errors (for a likelihood that supplies its Hessian, such as the Pareto/NBD's,
 * Newton steps on that Hessian instead, which also gives the standard errors). The subsample's maximum lies within a few of its standard errors of
 * the full maximum, where the full likelihood is close to quadratic, so the next stage takes a
 * handful of full evaluations; the result is the maximum of the full likelihood (its gradient is
 * checked and reported by {@link MaximumLikelihood}). When a subsample's fit does not converge or
 * lies on the boundary, the rows of that stage are searched from the default starts instead. Not
 * part of the API.
 *
 * <p>The subsample is systematic over the cumulative weights of the distinct rows in their order
 * of first occurrence: row {@code i} gets {@code ⌊f C_i + ½⌋ - ⌊f C_{i-1} + ½⌋} customers, with
 * {@code C_i} the cumulative weight and {@code f} the sampling fraction, so it is reproducible and
 * keeps every stratum of sorted input.
 */
public final class SubsampleStart {

  /** Customers in the first stage's subsample. */
  static final int SUBSAMPLE_CUSTOMERS = 40_000;

  /**
   * The subsample sizes, largest first: the subsample of {@value #SUBSAMPLE_CUSTOMERS} is itself
   * fitted from a warm start on a subsample of a tenth of it, so the search from the default starts
   * (some dozens of evaluations) runs on a few thousand customers only.
   */
  private static final int[] SUBSAMPLES = {SUBSAMPLE_CUSTOMERS, SUBSAMPLE_CUSTOMERS / 10};

  private static final String STARTED = "; started from the maximum on a systematic subsample of ";

  /**
   * Evaluation budget per start: BFGS with the analytic gradient needs well under a hundred; the
   * budget bounds the work on hostile data (e.g. ages near the largest double).
   */
  private static final int MAX_EVALUATIONS = 2_000;

  /** Builds a likelihood over weighted rows. */
  @FunctionalInterface
  public interface Model {
    /**
     * The likelihood of validated rows.
     *
     * @param x frequencies
     * @param tx recencies
     * @param age ages
     * @param weight weights
     * @return the likelihood
     */
    DifferentiableLogLikelihood likelihood(int[] x, double[] tx, double[] age, double[] weight);
  }

  /**
   * A fit and its diagnostics with the work of both stages counted.
   *
   * @param fit the full-data fit
   * @param diagnostics its diagnostics, evaluations of both stages included
   */
  public record Outcome(LikelihoodFit fit, FitDiagnostics diagnostics) {}

  private SubsampleStart() {}

  /**
   * Fits a model to distinct rows.
   *
   * @param d the rows
   * @param model the likelihood
   * @param parameters the parameters
   * @param starts the default starts on the natural scale
   * @return the full-data fit
   */
  public static Outcome maximize(
      DistinctCustomers d, Model model, Parameter[] parameters, double[]... starts) {
    long observations = Math.max(1, Math.round(d.totalWeight()));
    return maximize(d, model, parameters, observations, 0, starts);
  }

  private static Outcome maximize(DistinctCustomers d, Model model, Parameter[] parameters,
      long observations, int stage, double[]... starts) {
    if (stage < SUBSAMPLES.length && d.size() > SUBSAMPLES[stage] / 2
        && d.totalWeight() > 2 * SUBSAMPLES[stage]) {
      DistinctCustomers sample = systematic(d, SUBSAMPLES[stage] / d.totalWeight());
      if (sample.meanFrequency() > 0) {
        Outcome first = maximize(sample, model, parameters, observations, stage + 1, starts);
        FitDiagnostics fd = first.diagnostics();
        if (fd.converged() && !fd.onBoundary()) {
          LikelihoodFit full = warmFit(model.likelihood(d.x, d.tx, d.age, d.weight),
              parameters, observations, first.fit(), sample.totalWeight() / d.totalWeight());
          FitDiagnostics f = full.diagnostics();
          String from = fd.message().contains(STARTED) ? fd.message()
              .substring(fd.message().indexOf(STARTED) + STARTED.length()) + " and " : "";
          return new Outcome(full, new FitDiagnostics(f.converged(),
              f.evaluations() + fd.evaluations(), f.logLikelihood(), f.onBoundary(),
              f.message() + STARTED + from + Math.round(sample.totalWeight()) + " customers"));
        }
      }
    }
    LikelihoodFit full = fit(model.likelihood(d.x, d.tx, d.age, d.weight), parameters,
        observations, starts);
    return new Outcome(full, full.diagnostics());
  }

  private static LikelihoodFit fit(DifferentiableLogLikelihood likelihood,
      Parameter[] parameters, long observations, double[]... starts) {
    MaximumLikelihood.Builder b = MaximumLikelihood.builder(likelihood, parameters)
        .observations(observations)
        .maxEvaluations(MAX_EVALUATIONS);
    for (double[] start : starts) {
      b.start(start);
    }
    return b.maximize();
  }

  /**
   * The full-data fit warm-started at the subsample's maximum, with the subsample's covariance
   * scaled by {@code n/N} as the estimate of the full data's (see
   * {@link MaximumLikelihood.Builder#warmStart}).
   */
  private static LikelihoodFit warmFit(DifferentiableLogLikelihood likelihood,
      Parameter[] parameters, long observations, LikelihoodFit first, double fraction) {
    double[][] covariance = first.covariance();
    for (double[] row : covariance) {
      for (int j = 0; j < row.length; j++) {
        row[j] *= fraction;
      }
    }
    MaximumLikelihood.Builder b = MaximumLikelihood.builder(likelihood, parameters)
        .observations(observations)
        .maxEvaluations(MAX_EVALUATIONS);
    if (usable(covariance)) {
      b.warmStart(first.values(), covariance);
    } else {
      b.start(first.values());
    }
    return b.maximize();
  }

  static boolean usable(double[][] covariance) {
    for (int i = 0; i < covariance.length; i++) {
      if (!(covariance[i][i] > 0)) {
        return false;
      }
      for (double c : covariance[i]) {
        if (!Double.isFinite(c)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The systematic subsample (see the class documentation).
   *
   * @param d the rows
   * @param fraction the sampling fraction, in {@code (0, 1)}
   * @return the sampled rows with whole-number weights
   */
  static DistinctCustomers systematic(DistinctCustomers d, double fraction) {
    int n = d.size();
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] age = new double[n];
    double[] weight = new double[n];
    double cumulative = 0;
    double taken = 0;
    int count = 0;
    for (int i = 0; i < n; i++) {
      cumulative += d.weight[i];
      double upTo = Math.floor(fraction * cumulative + 0.5);
      if (upTo > taken) {
        x[count] = d.x[i];
        tx[count] = d.tx[i];
        age[count] = d.age[i];
        weight[count] = upTo - taken;
        count++;
        taken = upTo;
      }
    }
    return DistinctCustomers.of(Arrays.copyOf(x, count), Arrays.copyOf(tx, count),
        Arrays.copyOf(age, count), Arrays.copyOf(weight, count));
  }
}
