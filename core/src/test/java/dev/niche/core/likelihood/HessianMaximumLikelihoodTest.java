package dev.niche.core.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Maximum likelihood with an analytic Hessian ({@link TwiceDifferentiableLogLikelihood}): Newton
 * steps from a warm start reach the closed-form maximum with fewer evaluations, and every kind of
 * parameter gives the same maximum and standard errors as the gradient-only path.
 */
class HessianMaximumLikelihoodTest {

  /**
   * Binomial counts {@code k_i} of {@code n_i} with success probabilities {@code p}, {@code (q-2)/3}
   * and {@code 1 - e^{-u}}, {@code p ∈ (0,1)}, {@code q ∈ (2,5)}, {@code u > 0}: one parameter of
   * each transformed kind, with maximum {@code p = k_0/n_0}, {@code q = 2 + 3 k_1/n_1},
   * {@code u = -ln(1 - k_2/n_2)}.
   */
  static TwiceDifferentiableLogLikelihood binomials(int[] k, int[] n) {
    return new TwiceDifferentiableLogLikelihood() {
      @Override
      public double value(double[] p) {
        return valueAndGradient(p, new double[3]);
      }

      @Override
      public double valueAndGradient(double[] p, double[] g) {
        return valueGradientAndHessian(p, g, new double[3][3]);
      }

      @Override
      public double valueGradientAndHessian(double[] p, double[] g, double[][] h) {
        double[] prob = {p[0], (p[1] - 2) / 3, -Math.expm1(-p[2])};
        double[] d1 = {1, 1.0 / 3, Math.exp(-p[2])};
        double[] d2 = {0, 0, -Math.exp(-p[2])};
        double v = 0;
        for (double[] row : h) {
          Arrays.fill(row, 0);
        }
        for (int i = 0; i < 3; i++) {
          double a = k[i];
          double b = n[i] - k[i];
          double pi = prob[i];
          v += a * Math.log(pi) + b * Math.log1p(-pi);
          double dp = a / pi - b / (1 - pi);
          double dpp = -a / (pi * pi) - b / ((1 - pi) * (1 - pi));
          g[i] = dp * d1[i];
          h[i][i] = dpp * d1[i] * d1[i] + dp * d2[i];
        }
        return v;
      }
    };
  }

  @Test
  void warmStartReachesTheClosedFormMaximumByNewtonStepsWithFewerEvaluations() {
    qt().withExamples(30).forAll(longs().all(), doubles().between(-100, 100),
            doubles().between(0.01, 100))
        .checkAssert((seed, mu, sigma) -> {
          NormalSample sample = NormalSample.draw(seed, mu, sigma, 2000);
          double mean = sample.mean;
          double sd = sample.sd;
          LikelihoodFit first = NormalSample
              .builder(sample.head(200).logLikelihoodWithHessian(true)).start(0.0, 1.0).maximize();
          double[][] covariance = NormalSample.times(first.covariance(), 0.1);
          LikelihoodFit cold = NormalSample.builder(sample.logLikelihoodWithHessian(true))
              .start(first.values()).maximize();
          LikelihoodFit warm = NormalSample.builder(sample.logLikelihoodWithHessian(true))
              .warmStart(first.values(), covariance).maximize();
          LikelihoodFit gradientOnly = NormalSample.builder(sample.logLikelihood())
              .start(first.values()).maximize();
          for (LikelihoodFit fit : new LikelihoodFit[] {cold, warm}) {
            assertTrue(fit.diagnostics().converged(), fit.diagnostics().message());
            // Newton stops within 1e-6 standard errors of the maximum.
            double se = sd / Math.sqrt(sample.size());
            assertEquals(mean, fit.value(0), 2e-6 * se + 1e-12 * (Math.abs(mean) + sd));
            assertEquals(sd, fit.value(1), 2e-6 * se / Math.sqrt(2) + 1e-12 * sd);
            assertEquals(se, fit.standardErrors()[0], 1e-6 * se);
            assertEquals(se / Math.sqrt(2), fit.standardErrors()[1], 1e-6 * se);
            assertEquals(gradientOnly.logLikelihood(), fit.logLikelihood(),
                1e-12 * Math.abs(gradientOnly.logLikelihood()));
            for (int i = 0; i < 2; i++) {
              assertEquals(gradientOnly.standardErrors()[i], fit.standardErrors()[i],
                  1e-5 * gradientOnly.standardErrors()[i]);
            }
          }
          assertTrue(warm.diagnostics().evaluations() < cold.diagnostics().evaluations(),
              warm.diagnostics().evaluations() + " vs " + cold.diagnostics().evaluations());
          assertTrue(warm.diagnostics().evaluations() < gradientOnly.diagnostics().evaluations());
        });
  }

  @Test
  void everyKindOfParameterGivesTheGradientOnlyMaximumAndStandardErrors() {
    qt().withExamples(40).forAll(integers().between(1, 99), integers().between(1, 99),
            integers().between(1, 99))
        .checkAssert((k0, k1, k2) -> {
          int[] k = {k0, k1, k2};
          int[] n = {100, 100, 100};
          Parameter[] parameters = {Parameter.unitInterval("p"), Parameter.bounded("q", 2, 5),
              Parameter.positive("u")};
          LikelihoodFit exact = MaximumLikelihood.builder(binomials(k, n), parameters)
              .start(0.5, 3.5, 1.0).maximize();
          DifferentiableLogLikelihood gradient = new DifferentiableLogLikelihood() {
            @Override
            public double value(double[] p) {
              return binomials(k, n).value(p);
            }

            @Override
            public double valueAndGradient(double[] p, double[] g) {
              return binomials(k, n).valueAndGradient(p, g);
            }
          };
          LikelihoodFit differences = MaximumLikelihood.builder(gradient, parameters)
              .start(0.5, 3.5, 1.0).maximize();
          assertTrue(exact.diagnostics().converged(), exact.diagnostics().message());
          double[] expected = {k0 / 100.0, 2 + 3 * k1 / 100.0, -Math.log1p(-k2 / 100.0)};
          for (int i = 0; i < 3; i++) {
            double se = differences.standardErrors()[i];
            assertEquals(expected[i], exact.value(i), 2e-6 * se + 1e-12 * expected[i]);
            assertEquals(se, exact.standardErrors()[i], 1e-5 * se);
          }
          assertEquals(differences.logLikelihood(), exact.logLikelihood(),
              1e-12 * Math.abs(differences.logLikelihood()));
        });
  }

  @Test
  void aHessianWithNaNIsReplacedByDifferencesOfTheGradient() {
    NormalSample sample =
        NormalSample.of(0.62, 1.85, 0.33, 2.71, 1.12, 0.48, 3.05, 0.91, 1.64, 0.27, 2.19, 1.38);
    LikelihoodFit withNaN = NormalSample.builder(sample.logLikelihoodWithHessian(false))
        .start(5.0, 0.1).maximize();
    LikelihoodFit exact = NormalSample.builder(sample.logLikelihoodWithHessian(true))
        .start(5.0, 0.1).maximize();
    assertTrue(withNaN.diagnostics().converged(), withNaN.diagnostics().message());
    for (int i = 0; i < 2; i++) {
      assertEquals(exact.value(i), withNaN.value(i), 1e-6 * exact.standardErrors()[i]);
      assertEquals(exact.standardErrors()[i], withNaN.standardErrors()[i],
          1e-5 * exact.standardErrors()[i]);
    }
  }
}
