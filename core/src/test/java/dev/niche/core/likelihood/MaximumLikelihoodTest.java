package dev.niche.core.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.junit.jupiter.api.Test;

/** Maximum likelihood against problems whose answers are known in closed form. */
class MaximumLikelihoodTest {

  private static final double[] SAMPLE = {
    0.62, 1.85, 0.33, 2.71, 1.12, 0.48, 3.05, 0.91, 1.64, 0.27, 2.19, 1.38, 0.75, 1.02, 4.11
  };

  @Test
  void exponentialRateIsTheReciprocalMeanWithErrorRateOverRootN() {
    // Exponential MLE: rate = 1 / mean, observed information n / rate^2, so se = rate / sqrt(n).
    int n = SAMPLE.length;
    double mean = Arrays.stream(SAMPLE).average().orElseThrow();
    double sum = mean * n;
    LikelihoodFit fit = MaximumLikelihood
        .builder(p -> n * Math.log(p[0]) - p[0] * sum, Parameter.positive("rate"))
        .start(5.0)
        .observations(n)
        .maximize();
    assertEquals(1 / mean, fit.value(0), 1e-9);
    assertEquals(1 / mean / Math.sqrt(n), fit.estimate("rate").standardError(), 1e-6);
    assertTrue(fit.diagnostics().converged());
    assertFalse(fit.diagnostics().onBoundary());
    assertEquals(2 - 2 * fit.logLikelihood(), fit.aic(), 1e-12);
    assertEquals(Math.log(n) - 2 * fit.logLikelihood(), fit.bic(), 1e-12);
  }

  @Test
  void normalMeanAndSigmaMatchTheSampleMomentsAndTheirAsymptoticErrors() {
    // mu = mean, sigma^2 = mean squared deviation; se(mu) = sigma/sqrt(n), se(sigma) = sigma/sqrt(2n).
    int n = SAMPLE.length;
    NormalSample sample = NormalSample.of(SAMPLE);
    double mean = sample.mean;
    double sigma = sample.sd;
    LogLikelihood valueOnly = sample.logLikelihood()::value;
    LikelihoodFit fit = NormalSample.builder(valueOnly).start(0.0, 1.0).maximize();
    assertEquals(mean, fit.value(0), 1e-8);
    assertEquals(sigma, fit.value(1), 1e-8);
    assertEquals(sigma / Math.sqrt(n), fit.standardErrors()[0], 1e-6);
    assertEquals(sigma / Math.sqrt(2.0 * n), fit.standardErrors()[1], 1e-6);
    assertEquals(0.0, fit.covariance()[0][1], 1e-8);
  }

  @Test
  void gammaShapeSolvesTheProfileEquation() {
    // Gamma MLE (e.g. Minka 2002, "Estimating a Gamma distribution"): the shape k solves
    // ln k - digamma(k) = ln(mean) - mean(ln x), and the rate is k / mean.
    int n = SAMPLE.length;
    double mean = Arrays.stream(SAMPLE).average().orElseThrow();
    double meanLog = Arrays.stream(SAMPLE).map(Math::log).average().orElseThrow();
    double s = Math.log(mean) - meanLog;
    double k = new BrentSolver(1e-14).solve(200, x -> Math.log(x) - Gamma.digamma(x) - s, 1e-3, 1e3);
    LogLikelihood gamma = p -> {
      double shape = p[0];
      double rate = p[1];
      return n * (shape * Math.log(rate) - Gamma.logGamma(shape))
          + (shape - 1) * meanLog * n - rate * mean * n;
    };
    LikelihoodFit fit = MaximumLikelihood
        .builder(gamma, Parameter.positive("shape"), Parameter.positive("rate"))
        .start(1.0, 1.0)
        .randomStarts(3, 42L)
        .maximize();
    assertEquals(k, fit.value(0), 1e-7 * k);
    assertEquals(k / mean, fit.value(1), 1e-7 * k / mean);
  }

  @Test
  void betaParametersSolveTheDigammaEquations() {
    // Beta MLE: digamma(a) - digamma(a+b) = mean(ln x), digamma(b) - digamma(a+b) = mean(ln(1-x)).
    double[] x = {0.12, 0.35, 0.27, 0.51, 0.44, 0.19, 0.62, 0.31, 0.08, 0.40, 0.23, 0.57};
    double g1 = Arrays.stream(x).map(Math::log).average().orElseThrow();
    double g2 = Arrays.stream(x).map(v -> Math.log1p(-v)).average().orElseThrow();
    int n = x.length;
    LikelihoodFit fit = MaximumLikelihood
        .builder(p -> n * ((p[0] - 1) * g1 + (p[1] - 1) * g2 - Beta.logBeta(p[0], p[1])),
            Parameter.positive("a"), Parameter.positive("b"))
        .start(1.0, 1.0)
        .maximize();
    double a = fit.value(0);
    double b = fit.value(1);
    assertEquals(g1, Gamma.digamma(a) - Gamma.digamma(a + b), 1e-9);
    assertEquals(g2, Gamma.digamma(b) - Gamma.digamma(a + b), 1e-9);
  }

  @Test
  void allSuccessesPutTheBinomialProbabilityOnTheBoundary() {
    // 10 successes in 10 trials: the likelihood p^10 has its supremum at p = 1, outside (0, 1).
    LikelihoodFit fit = MaximumLikelihood
        .builder(p -> 10 * Math.log(p[0]), Parameter.unitInterval("p"))
        .start(0.5)
        .maximize();
    assertTrue(fit.diagnostics().onBoundary());
    assertTrue(fit.atBoundary(0));
    assertTrue(fit.diagnostics().message().contains("p -> 1.0"), fit.diagnostics().message());
    assertTrue(Double.isNaN(fit.estimate(0).standardError()));
    assertEquals(0.0, fit.logLikelihood(), 1e-7); // p = logistic(20) = 1 - 2e-9 at the limit
  }

  @Test
  void underdispersedBetaBinomialGoesToItsBinomialLimit() {
    // 20 groups of 10 trials, every group exactly 5 successes: less spread than binomial, so the
    // beta-binomial likelihood rises toward a, b -> infinity with a / (a + b) = 1/2, and its
    // supremum is the binomial log-likelihood 20 ln(C(10,5) / 2^10).
    int groups = 20;
    double logChoose = CombinatoricsUtils.binomialCoefficientLog(10, 5);
    // B(5 + a, 5 + b) / B(a, b) as a product, which stays accurate for huge a and b.
    LogLikelihood betaBinomial = p -> {
      double s = logChoose;
      for (int i = 0; i < 5; i++) {
        s += Math.log((p[0] + i) / (p[0] + p[1] + 2 * i)) + Math.log((p[1] + i) / (p[0] + p[1] + 2 * i + 1));
      }
      return groups * s;
    };
    LikelihoodFit fit = MaximumLikelihood
        .builder(betaBinomial, Parameter.positive("a"), Parameter.positive("b"))
        .start(1.0, 1.0)
        .maximize();
    double binomial = groups * (logChoose - 10 * Math.log(2));
    assertTrue(fit.diagnostics().onBoundary(), fit.diagnostics().message());
    assertTrue(fit.diagnostics().message().contains("a -> infinity"), fit.diagnostics().message());
    assertEquals(0.5, fit.value(0) / (fit.value(0) + fit.value(1)), 1e-6);
    assertEquals(binomial, fit.logLikelihood(), 1e-6);
  }

  @Test
  void builderValidatesEarly() {
    LogLikelihood ll = p -> -p[0] * p[0];
    assertThrows(IllegalArgumentException.class,
        () -> MaximumLikelihood.builder(ll, Parameter.positive("x")).start(-1.0));
    assertThrows(IllegalArgumentException.class,
        () -> MaximumLikelihood.builder(ll, Parameter.free("x")).start(1.0, 2.0));
    assertThrows(IllegalArgumentException.class,
        () -> MaximumLikelihood.builder(ll, Parameter.free("x"), Parameter.free("x")));
    assertThrows(IllegalStateException.class,
        () -> MaximumLikelihood.builder(ll, Parameter.free("x")).build());
    assertThrows(NullPointerException.class, () -> MaximumLikelihood.builder(null));
  }

  @Test
  void infeasibleRegionsAreAvoidedNotReturned() {
    // Log-likelihood is -infinity for x > 2; maximum of -(x-1)^2 at 1 lies in the feasible part.
    LikelihoodFit fit = MaximumLikelihood
        .builder(p -> p[0] > 2 ? Double.NEGATIVE_INFINITY : -(p[0] - 1) * (p[0] - 1)
                - (p[1] + 3) * (p[1] + 3),
            Parameter.free("x"), Parameter.free("y"))
        .start(1.5, 0)
        .maximize();
    assertEquals(1.0, fit.value(0), 1e-8);
    assertEquals(-3.0, fit.value(1), 1e-8);
  }
}
