package dev.niche.churn;

import dev.niche.churn.internal.RetentionLikelihood;
import dev.niche.core.Checks;
import dev.niche.core.Estimate;
import dev.niche.core.FitDiagnostics;
import dev.niche.core.likelihood.LikelihoodFit;
import dev.niche.core.likelihood.MaximumLikelihood;
import dev.niche.core.likelihood.Parameter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A maximum-likelihood fit of the {@link ShiftedBetaGeometric} model to a retention curve
 * (Fader &amp; Hardie 2007, §"Estimating model parameters").
 *
 * <p>The log-likelihood of survivors {@code N_0..N_n} is
 * {@code LL(α, β) = Σ_{t=1..n} (N_{t-1} - N_t) ln P(T = t) + N_n ln S(n)}: customers lost in
 * period {@code t} contribute the probability of churning then, those still active at the end
 * the probability of surviving {@code n} periods. It is maximised over {@code (ln α, ln β)} by
 * core's {@code MaximumLikelihood}; standard errors come from the observed information.
 *
 * <p><b>Boundary.</b> The sBG can only produce rising retention. When the observed retention is
 * flat or falls, {@code LL} keeps increasing as {@code α, β → ∞} with {@code α / (α + β)} fixed,
 * and has no interior maximum. The fit detects this by comparing with the one-parameter geometric
 * model ({@code θ̂ = D / E}, {@code D} losses over {@code E} customer-periods at risk), which is
 * that limit: when the sBG does not beat it (by more than {@code 1e-9} relative) or both
 * parameters ran to infinity, the fit reports {@code diagnostics().onBoundary() = true} with a
 * message, {@link #isGeometricLimit()} is true and {@link #model()} is
 * {@link ShiftedBetaGeometric#geometric(double)}. {@link #alpha()} and {@link #beta()} then have
 * no finite value and throw; {@link #meanChurnProbability()} and {@link #polarization()} remain
 * defined. A curve with no loss, or with everyone lost in period 1, is fitted by the geometric
 * model with churn 0 or 1 (also on the boundary).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SbgFit {

  private static final Logger LOG = LoggerFactory.getLogger(SbgFit.class);
  private static final long SEED = 20_070_101L;

  private final RetentionCurve curve;
  private final ShiftedBetaGeometric model;
  private final Estimate alpha;
  private final Estimate beta;
  private final Estimate meanChurn;
  private final Estimate polarization;
  private final double geometricLogLikelihood;
  private final FitDiagnostics diagnostics;

  private SbgFit(RetentionCurve curve, ShiftedBetaGeometric model, Estimate alpha, Estimate beta,
      Estimate meanChurn, Estimate polarization, double geometricLogLikelihood,
      FitDiagnostics diagnostics) {
    this.curve = curve;
    this.model = model;
    this.alpha = alpha;
    this.beta = beta;
    this.meanChurn = meanChurn;
    this.polarization = polarization;
    this.geometricLogLikelihood = geometricLogLikelihood;
    this.diagnostics = diagnostics;
  }

  static SbgFit fit(RetentionCurve curve) {
    Checks.notNull(curve, "curve");
    Checks.argument(curve.periods() >= 1,
        "curve has " + curve.periods() + " periods; need >= 1 to fit");
    long[] n = curve.counts();
    double[] de = RetentionLikelihood.lossesAndExposure(n);
    double theta = de[0] / de[1];
    double geometricLl = RetentionLikelihood.geometric(theta, n);
    Estimate thetaEstimate = new Estimate(theta,
        theta > 0 && theta < 1 ? Math.sqrt(theta * (1 - theta) / de[1]) : Double.NaN);
    if (de[0] == 0 || n[1] == 0) {
      String message = de[0] == 0
          ? "no customer was lost: the supremum has alpha -> 0 (nobody churns); carrying the "
              + "geometric model with churn probability 0"
          : "every customer was lost in period 1: the supremum has beta -> 0; carrying the "
              + "geometric model with churn probability 1";
      return geometricFit(curve, theta, thetaEstimate, geometricLl, 0, message);
    }
    double first = curve.churnRate(1);
    LikelihoodFit f = MaximumLikelihood
        .builder(p -> RetentionLikelihood.shiftedBetaGeometric(p[0], p[1], n),
            Parameter.positive("alpha"), Parameter.positive("beta"))
        .start(1.0, 1.0)
        .start(2 * first, 2 * (1 - first))
        .randomStarts(4, SEED)
        .observations(n[0])
        .maximize();
    double ll = f.logLikelihood();
    double improvement = ll - geometricLl;
    boolean bothInfinite = f.atBoundary(0) && f.atBoundary(1)
        && f.value(0) > 1 && f.value(1) > 1;
    LOG.debug("sBG fit {} vs geometric theta {} logLik {}", f, theta, geometricLl);
    if (bothInfinite || improvement <= 1e-9 * (1 + Math.abs(geometricLl))) {
      String message = String.format(Locale.ROOT,
          "retention does not rise over time, which the sBG cannot produce: the likelihood "
              + "increases towards alpha, beta -> infinity with alpha/(alpha+beta) = %.6g "
              + "(best sBG log-likelihood %.10g, geometric limit %.10g); the fit carries the "
              + "geometric (constant churn) limit", theta, ll, geometricLl);
      return geometricFit(curve, theta, thetaEstimate, geometricLl,
          f.diagnostics().evaluations(), message);
    }
    double a = f.value(0);
    double b = f.value(1);
    double[][] cov = f.covariance();
    double s = a + b;
    double da = b / (s * s);
    double db = -a / (s * s);
    double varTheta = da * da * cov[0][0] + 2 * da * db * cov[0][1] + db * db * cov[1][1];
    double dp = -1 / ((s + 1) * (s + 1));
    double varPhi = dp * dp * (cov[0][0] + 2 * cov[0][1] + cov[1][1]);
    return new SbgFit(curve, ShiftedBetaGeometric.of(a, b), f.estimate(0), f.estimate(1),
        new Estimate(a / s, sqrtOrNaN(varTheta)), new Estimate(1 / (s + 1), sqrtOrNaN(varPhi)),
        geometricLl, f.diagnostics());
  }

  private static SbgFit geometricFit(RetentionCurve curve, double theta, Estimate thetaEstimate,
      double geometricLl, int evaluations, String message) {
    return new SbgFit(curve, ShiftedBetaGeometric.geometric(theta), null, null, thetaEstimate,
        new Estimate(0.0, Double.NaN), geometricLl,
        new FitDiagnostics(true, evaluations, geometricLl, true, message));
  }

  private static double sqrtOrNaN(double v) {
    return v >= 0 ? Math.sqrt(v) : Double.NaN;
  }

  /**
   * The fitted model: the sBG at the maximum, or its geometric limit.
   *
   * @return the model
   */
  public ShiftedBetaGeometric model() {
    return model;
  }

  /**
   * Tells whether the likelihood has its supremum in the geometric limit (see the class
   * comment); then {@link #alpha()} and {@link #beta()} throw.
   *
   * @return true when the model is the constant-churn limit
   */
  public boolean isGeometricLimit() {
    return model.isGeometricLimit();
  }

  /**
   * The estimate of α.
   *
   * @return α with its standard error
   * @throws IllegalStateException in the geometric limit, where α is infinite
   */
  public Estimate alpha() {
    requireInterior("alpha");
    return alpha;
  }

  /**
   * The estimate of β.
   *
   * @return β with its standard error
   * @throws IllegalStateException in the geometric limit, where β is infinite
   */
  public Estimate beta() {
    requireInterior("beta");
    return beta;
  }

  /**
   * The mean churn probability {@code α / (α + β)} (delta-method error), or the geometric
   * {@code θ̂ = D / E} with error {@code sqrt(θ̂(1-θ̂)/E)} in the limit.
   *
   * @return the estimate; its error is NaN when θ̂ is 0 or 1
   */
  public Estimate meanChurnProbability() {
    return meanChurn;
  }

  /**
   * The polarization index {@code φ = 1/(α+β+1)} (delta-method error); 0 with NaN error in the
   * geometric limit.
   *
   * @return the estimate
   */
  public Estimate polarization() {
    return polarization;
  }

  /**
   * The maximised log-likelihood of the one-parameter geometric (constant churn) model, the
   * sBG's limit; {@code 2 (logLikelihood - geometricLogLikelihood)} is the likelihood-ratio
   * statistic for heterogeneity (on the boundary: a 50:50 mixture of χ²₀ and χ²₁).
   *
   * @return the geometric log-likelihood
   */
  public double geometricLogLikelihood() {
    return geometricLogLikelihood;
  }

  /**
   * The maximised log-likelihood.
   *
   * @return {@code diagnostics().logLikelihood()}
   */
  public double logLikelihood() {
    return diagnostics.logLikelihood();
  }

  /**
   * Convergence, evaluations, log-likelihood and boundary of the fit.
   *
   * @return the diagnostics; {@code onBoundary()} is true in the geometric limit
   */
  public FitDiagnostics diagnostics() {
    return diagnostics;
  }

  /**
   * The curve the model was fitted to.
   *
   * @return the curve
   */
  public RetentionCurve curve() {
    return curve;
  }

  /**
   * Survivors projected from the fitted cohort size {@code N_0} for {@code t = 0..periods}.
   *
   * @param periods the horizon, in {@code [0, MAX_PERIODS]} (may exceed the fitted periods)
   * @return a new array {@code N_0 · S(t)}
   * @throws IllegalArgumentException if {@code periods} is out of range
   */
  public double[] projectedSurvivors(int periods) {
    return model.expectedSurvivors(curve.size(), periods);
  }

  private void requireInterior(String name) {
    if (model.isGeometricLimit()) {
      throw new IllegalStateException(name + " is infinite: " + diagnostics.message());
    }
  }

  @Override
  public String toString() {
    return "SbgFit{" + model + ", logLik=" + logLikelihood() + ", onBoundary="
        + diagnostics.onBoundary() + "}";
  }
}
