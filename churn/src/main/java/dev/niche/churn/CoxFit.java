package dev.niche.churn;

import dev.niche.churn.internal.BaselineHazard;
import dev.niche.churn.internal.ConcordanceCounter;
import dev.niche.churn.internal.CoxNewton;
import dev.niche.churn.internal.CoxPartialLikelihood;
import dev.niche.churn.internal.CoxRiskSets;
import dev.niche.churn.internal.ProportionalHazardsScore;
import dev.niche.churn.internal.SymmetricMatrix;
import dev.niche.core.Checks;
import dev.niche.core.Estimate;
import dev.niche.core.Interval;
import java.util.List;

/**
 * A fitted Cox proportional hazards model (see {@link CoxProportionalHazards}): coefficients
 * with model-based and (with clusters) robust standard errors, hazard ratios, the three global
 * tests of β = 0, Harrell's concordance, the Grambsch–Therneau test of proportional hazards and
 * predicted survival of new customers.
 *
 * <p>Immutable and thread-safe; the concordance and the proportional-hazards test are computed
 * on first request (synchronised) and then kept.
 */
public final class CoxFit {

  private final List<String> terms;
  private final Ties ties;
  private final int observations;
  private final int events;
  private final double[] beta;
  private final double[] modelVariance;
  private final double[] robustVariance;
  private final double nullLogLikelihood;
  private final double logLikelihood;
  private final double scoreStatistic;
  private final double[] means;
  private final CoxPartialLikelihood likelihood;
  private final BaselineHazard baseline;
  private final CoxDiagnostics diagnostics;
  private final CoxRiskSets strataLayout;
  private final int[] clusters;
  private Concordance concordance;
  private ProportionalHazardsTest phTest;

  CoxFit(List<String> terms, Ties ties, int observations, int events, CoxNewton.Result r,
      double[] robustVariance, double[] means, CoxPartialLikelihood likelihood,
      BaselineHazard baseline, CoxDiagnostics diagnostics, CoxRiskSets strataLayout,
      int[] clusters) {
    this.clusters = clusters;
    this.terms = terms;
    this.ties = ties;
    this.observations = observations;
    this.events = events;
    this.beta = r.beta;
    this.modelVariance = r.variance;
    this.robustVariance = robustVariance;
    this.nullLogLikelihood = r.nullLogLikelihood;
    this.logLikelihood = r.logLikelihood;
    this.scoreStatistic = r.scoreStatistic;
    this.means = means;
    this.likelihood = likelihood;
    this.baseline = baseline;
    this.diagnostics = diagnostics;
    this.strataLayout = strataLayout;
  }

  /**
   * The term (covariate column) names, in the order of {@link #coefficients()}.
   *
   * @return an unmodifiable list
   */
  public List<String> terms() {
    return terms;
  }

  /**
   * The tie handling of the fit.
   *
   * @return the ties method
   */
  public Ties ties() {
    return ties;
  }

  /**
   * The number of rows fitted.
   *
   * @return {@code n}
   */
  public int observations() {
    return observations;
  }

  /**
   * The number of events.
   *
   * @return {@code >= 1}
   */
  public int events() {
    return events;
  }

  /**
   * All coefficients β.
   *
   * @return a copy, in the order of {@link #terms()}
   */
  public double[] coefficients() {
    return beta.clone();
  }

  /**
   * A coefficient (log hazard ratio) with its standard error: the robust sandwich error of
   * Lin &amp; Wei (1989) when the data have clusters (R's {@code cluster()}) or case weights other
   * than 1 (sampling weights, R's default), else the model-based one.
   *
   * @param term the term's name
   * @return the estimate
   * @throws NullPointerException if {@code term} is null
   * @throws IllegalArgumentException if there is no such term
   */
  public Estimate coefficient(String term) {
    int k = indexOf(term);
    double[] v = variance();
    return new Estimate(beta[k], Math.sqrt(v[k * beta.length + k]));
  }

  /**
   * A coefficient with its model-based standard error {@code √(I⁻¹)_kk}, whether or not the data
   * have clusters (R's {@code naive.var}).
   *
   * @param term the term's name
   * @return the estimate
   * @throws IllegalArgumentException if there is no such term
   */
  public Estimate modelBasedCoefficient(String term) {
    int k = indexOf(term);
    return new Estimate(beta[k], Math.sqrt(modelVariance[k * beta.length + k]));
  }

  /**
   * Whether the reported variance is the robust (cluster) sandwich.
   *
   * @return true when the data have clusters or case weights other than 1
   */
  public boolean isRobust() {
    return robustVariance != null;
  }

  /**
   * The reported variance matrix of the coefficients (robust with clusters).
   *
   * @return a new {@code p × p} matrix
   */
  public double[][] covariance() {
    return square(variance());
  }

  /**
   * The model-based variance matrix {@code I(β̂)⁻¹}.
   *
   * @return a new {@code p × p} matrix
   */
  public double[][] modelBasedCovariance() {
    return square(modelVariance);
  }

  /**
   * The hazard ratio {@code exp(β)} of a term with its 95% interval.
   *
   * @param term the term's name
   * @return the ratio
   * @throws IllegalArgumentException if there is no such term
   */
  public HazardRatio hazardRatio(String term) {
    return hazardRatio(term, 0.95);
  }

  /**
   * The hazard ratio {@code exp(β)} of a term with its interval {@code exp(β ± z·se)}.
   *
   * @param term the term's name
   * @param level the confidence level, in (0, 1)
   * @return the ratio
   * @throws IllegalArgumentException if there is no such term or the level is not in (0, 1)
   */
  public HazardRatio hazardRatio(String term, double level) {
    Estimate e = coefficient(term);
    Interval ci = e.confidenceInterval(level);
    return new HazardRatio(term, Math.exp(e.value()),
        new Interval(Math.exp(ci.lower()), Math.exp(ci.upper())), level);
  }

  /**
   * The maximised log partial likelihood.
   *
   * @return {@code ℓ(β̂)}
   */
  public double logLikelihood() {
    return logLikelihood;
  }

  /**
   * The log partial likelihood of the null model β = 0.
   *
   * @return {@code ℓ(0)}
   */
  public double nullLogLikelihood() {
    return nullLogLikelihood;
  }

  /**
   * The likelihood-ratio test of β = 0: {@code 2(ℓ(β̂) − ℓ(0))} on {@code p} df.
   *
   * @return the test
   */
  public ChiSquareTest likelihoodRatioTest() {
    return ChiSquareTest.of(2 * (logLikelihood - nullLogLikelihood), beta.length);
  }

  /**
   * The Wald test of β = 0: {@code β̂ᵀ V⁻¹ β̂} on {@code p} df, with the reported variance
   * (robust with clusters, as R).
   *
   * @return the test
   */
  public ChiSquareTest waldTest() {
    int p = beta.length;
    double[] factor = variance().clone();
    SymmetricMatrix.cholesky(factor, p, 0);
    return ChiSquareTest.of(SymmetricMatrix.inverseQuadraticForm(factor, p, beta), p);
  }

  /**
   * The score (log-rank) test of β = 0: {@code U(0)ᵀ I(0)⁻¹ U(0)} on {@code p} df.
   *
   * @return the test
   */
  public ChiSquareTest scoreTest() {
    return ChiSquareTest.of(scoreStatistic, beta.length);
  }

  /**
   * Harrell's concordance of the linear predictor with the observed times, as R's
   * {@code summary(coxph)} reports it.
   *
   * @return the concordance
   */
  public synchronized Concordance concordance() {
    if (concordance == null) {
      double[] c = ConcordanceCounter.count(likelihood.data(), beta, clusters);
      concordance = new Concordance(c[0], c[1], c[2], c[3], c[4], c[5]);
    }
    return concordance;
  }

  /**
   * The test of proportional hazards of Grambsch &amp; Therneau (1994) on scaled Schoenfeld
   * residuals, with the Kaplan–Meier time transform (R {@code cox.zph(fit, terms = FALSE)}).
   *
   * @return the per-term and global tests
   */
  public synchronized ProportionalHazardsTest proportionalHazardsTest() {
    if (phTest == null) {
      double[] stats = ProportionalHazardsScore.statistics(likelihood, beta);
      phTest = new ProportionalHazardsTest(terms, stats);
    }
    return phTest;
  }

  /**
   * Predicted survival {@code S(t | z) = exp(−Λ0(t) exp((z − mean)·β))} of a new customer with
   * covariates {@code z}, with the Breslow baseline hazard matching the fit's ties (R
   * {@code survfit(fit, newdata)}). For a fit without strata.
   *
   * @param covariateRow the customer's covariates in the order of {@link #terms()}
   * @param t the time, {@code >= 0}
   * @return the survival probability, in [0, 1]
   * @throws IllegalStateException if the fit has strata (use the stratum overload)
   * @throws IllegalArgumentException if the row's length differs from the terms' or a value is
   *     not finite, or {@code t} is negative or not finite
   */
  public double survival(double[] covariateRow, double t) {
    if (strataLayout != null) {
      throw new IllegalStateException(
          "the fit has strata: use survival(stratum, covariateRow, t)");
    }
    return survivalIn(0, covariateRow, t);
  }

  /**
   * Predicted survival of a new customer in a stratum (see {@link #survival(double[], double)}).
   *
   * @param stratum the stratum label, as given in the data
   * @param covariateRow the customer's covariates in the order of {@link #terms()}
   * @param t the time, {@code >= 0}
   * @return the survival probability, in [0, 1]
   * @throws IllegalArgumentException if the stratum does not occur in the data, or as
   *     {@link #survival(double[], double)}
   */
  public double survival(int stratum, double[] covariateRow, double t) {
    int s = 0;
    if (strataLayout != null) {
      s = strataLayout.stratumIndex(stratum);
      Checks.argument(s >= 0, "stratum = " + stratum + " does not occur in the data");
    } else {
      Checks.argument(stratum == 0, "stratum = " + stratum + ": the fit has no strata (use 0)");
    }
    return survivalIn(s, covariateRow, t);
  }

  private double survivalIn(int s, double[] row, double t) {
    Checks.notNull(row, "covariateRow");
    Checks.sameLength(beta.length, "terms", row.length, "covariateRow");
    Checks.finite(row, "covariateRow");
    Checks.argument(t >= 0 && t < Double.POSITIVE_INFINITY, "t = " + t + " must be finite, >= 0");
    double eta = 0;
    for (int k = 0; k < beta.length; k++) {
      eta += (row[k] - means[k]) * beta[k];
    }
    return Math.exp(-baseline.cumulative(s, t) * Math.exp(eta));
  }

  /**
   * What the iterations report (convergence, iterations, possibly infinite terms).
   *
   * @return the diagnostics
   */
  public CoxDiagnostics diagnostics() {
    return diagnostics;
  }

  /**
   * A text table with one row per term: coefficient, hazard ratio, standard error (robust with
   * clusters), z, p and the 95% interval of the hazard ratio, followed by the tests and the
   * concordance, in the manner of R's {@code summary(coxph)}.
   *
   * @return the table
   */
  public String summary() {
    return CoxSummary.format(this);
  }

  @Override
  public String toString() {
    return summary();
  }

  private double[] variance() {
    return robustVariance != null ? robustVariance : modelVariance;
  }

  private int indexOf(String term) {
    Checks.notNull(term, "term");
    int k = terms.indexOf(term);
    Checks.argument(k >= 0, "no term named '" + term + "'; the terms are " + terms);
    return k;
  }

  private double[][] square(double[] flat) {
    int p = beta.length;
    double[][] m = new double[p][p];
    for (int k = 0; k < p; k++) {
      System.arraycopy(flat, k * p, m[k], 0, p);
    }
    return m;
  }
}
