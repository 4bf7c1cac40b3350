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
 * A maximum-likelihood fit of the {@link BetaDiscreteWeibull} model (Fader et al. 2018), with a
 * likelihood-ratio comparison against the {@link ShiftedBetaGeometric} ({@code c = 1}).
 *
 * <p>The fit never fails on a valid curve: {@code MaximumLikelihood} reports numerical trouble
 * in {@link #diagnostics()} (and keeps its parameters inside finite limits) instead of throwing.
 *
 * <p>The log-likelihood is that of {@link SbgFit} with the BdW's {@code P(T = t)} and
 * {@code S(n)}; it is maximised over {@code (ln α, ln β, ln c)}, with starts at the sBG estimate
 * ({@code c = 1}) so that the BdW maximum is never below the sBG's. When the maximum lies at
 * {@code α, β → ∞} (no heterogeneity) the fit compares with the two-parameter discrete Weibull
 * {@code S(t) = (1-θ)^(t^c)}, the limit, and carries it as the model with
 * {@code diagnostics().onBoundary() = true}; {@link #alpha()} and {@link #beta()} then throw.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class BdwFit {

  private static final Logger LOG = LoggerFactory.getLogger(BdwFit.class);
  private static final long SEED = 20_180_801L;

  private final RetentionCurve curve;
  private final BetaDiscreteWeibull model;
  private final Estimate alpha;
  private final Estimate beta;
  private final Estimate c;
  private final SbgFit sbg;
  private final FitDiagnostics diagnostics;

  private BdwFit(RetentionCurve curve, BetaDiscreteWeibull model, Estimate alpha, Estimate beta,
      Estimate c, SbgFit sbg, FitDiagnostics diagnostics) {
    this.curve = curve;
    this.model = model;
    this.alpha = alpha;
    this.beta = beta;
    this.c = c;
    this.sbg = sbg;
    this.diagnostics = diagnostics;
  }

  static BdwFit fit(RetentionCurve curve) {
    Checks.notNull(curve, "curve");
    Checks.argument(curve.periods() >= 2,
        "curve has " + curve.periods() + " periods; need >= 2 to fit three parameters");
    long[] n = curve.counts();
    SbgFit sbg = SbgFit.fit(curve);
    Checks.argument(n[0] != n[n.length - 1] && n[1] != 0,
        "curve = " + curve + " has no loss or loses everyone in period 1; c is not identified");
    double theta = sbg.meanChurnProbability().value();
    double[] sbgStart = sbg.isGeometricLimit()
        ? new double[] {1e4 * theta, 1e4 * (1 - theta), 1.0}
        : new double[] {sbg.alpha().value(), sbg.beta().value(), 1.0};
    LikelihoodFit f = MaximumLikelihood
        .builder(p -> RetentionLikelihood.betaDiscreteWeibull(p[0], p[1], p[2], n),
            Parameter.positive("alpha"), Parameter.positive("beta"), Parameter.positive("c"))
        .start(sbgStart)
        .start(1.0, 1.0, 1.0)
        .start(2 * theta, 2 * (1 - theta), 1.0)
        .randomStarts(6, SEED)
        .observations(n[0])
        .maximize();
    LikelihoodFit weibull = MaximumLikelihood
        .builder(p -> RetentionLikelihood.discreteWeibull(p[0], p[1], n),
            Parameter.unitInterval("theta"), Parameter.positive("c"))
        .start(Math.min(0.99, Math.max(0.01, theta)), 1.0)
        .randomStarts(2, SEED)
        .observations(n[0])
        .maximize();
    LOG.debug("BdW fit {}; discrete Weibull {}", f, weibull);
    double improvement = f.logLikelihood() - weibull.logLikelihood();
    boolean bothInfinite = f.atBoundary(0) && f.atBoundary(1) && f.value(0) > 1 && f.value(1) > 1;
    if (bothInfinite || improvement <= 1e-9 * (1 + Math.abs(weibull.logLikelihood()))) {
      String message = String.format(Locale.ROOT,
          "no heterogeneity is detectable: the likelihood increases towards alpha, beta -> "
              + "infinity with alpha/(alpha+beta) = %.6g (best BdW log-likelihood %.10g, discrete "
              + "Weibull limit %.10g); the fit carries the discrete Weibull limit",
          weibull.value(0), f.logLikelihood(), weibull.logLikelihood());
      FitDiagnostics d = new FitDiagnostics(weibull.diagnostics().converged(),
          f.diagnostics().evaluations() + weibull.diagnostics().evaluations(),
          weibull.logLikelihood(), true, message);
      return new BdwFit(curve, BetaDiscreteWeibull.discreteWeibull(weibull.value(0),
          weibull.value(1)), null, null, weibull.estimate(1), sbg, d);
    }
    return new BdwFit(curve, BetaDiscreteWeibull.of(f.value(0), f.value(1), f.value(2)),
        f.estimate(0), f.estimate(1), f.estimate(2), sbg, f.diagnostics());
  }

  /**
   * The fitted model, or its discrete Weibull limit.
   *
   * @return the model
   */
  public BetaDiscreteWeibull model() {
    return model;
  }

  /**
   * The estimate of α.
   *
   * @return α with its standard error
   * @throws IllegalStateException in the discrete Weibull limit, where α is infinite
   */
  public Estimate alpha() {
    requireInterior("alpha");
    return alpha;
  }

  /**
   * The estimate of β.
   *
   * @return β with its standard error
   * @throws IllegalStateException in the discrete Weibull limit, where β is infinite
   */
  public Estimate beta() {
    requireInterior("beta");
    return beta;
  }

  /**
   * The estimate of the duration-dependence exponent {@code c}.
   *
   * @return c with its standard error
   */
  public Estimate c() {
    return c;
  }

  /**
   * The sBG fitted to the same curve (the nested model, {@code c = 1}).
   *
   * @return the sBG fit
   */
  public SbgFit sbg() {
    return sbg;
  }

  /**
   * The likelihood-ratio test of the sBG ({@code c = 1}) against the BdW: statistic
   * {@code 2 (LL_BdW - LL_sBG)}, 1 degree of freedom.
   *
   * @return the test
   */
  public LikelihoodRatio versusSbg() {
    return LikelihoodRatio.of(logLikelihood(), sbg.logLikelihood(), 1);
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
   * @return the diagnostics
   */
  public FitDiagnostics diagnostics() {
    return diagnostics;
  }

  /**
   * Survivors projected from the fitted cohort size for {@code t = 0..periods}.
   *
   * @param periods the horizon, in {@code [0, MAX_PERIODS]}
   * @return a new array {@code N_0 · S(t)}
   * @throws IllegalArgumentException if {@code periods} is out of range
   */
  public double[] projectedSurvivors(int periods) {
    return model.expectedSurvivors(curve.size(), periods);
  }

  private void requireInterior(String name) {
    if (model.isDiscreteWeibullLimit()) {
      throw new IllegalStateException(name + " is infinite: " + diagnostics.message());
    }
  }

  @Override
  public String toString() {
    return "BdwFit{" + model + ", logLik=" + logLikelihood() + ", onBoundary="
        + diagnostics.onBoundary() + "}";
  }
}
