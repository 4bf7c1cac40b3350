package dev.niche.core.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

/** Maximum likelihood with analytic gradients (BFGS and Newton) on problems with known answers. */
class GradientMaximumLikelihoodTest {

  @Test
  void normalFitIsTheSampleMomentsForAnySample() {
    qt().withExamples(50).forAll(longs().all(), doubles().between(-100, 100),
            doubles().between(0.01, 100))
        .checkAssert((seed, mu, sigma) -> {
          NormalSample sample = NormalSample.draw(seed, mu, sigma, 50);
          double mean = sample.mean;
          double sd = sample.sd;
          LikelihoodFit fit = NormalSample.builder(sample.logLikelihood())
              .start(0.0, 1.0)
              .maximize();
          assertTrue(fit.diagnostics().converged(), fit.diagnostics().message());
          assertEquals(mean, fit.value(0), 1e-9 * (Math.abs(mean) + sd));
          assertEquals(sd, fit.value(1), 1e-9 * sd);
          // Observed information: se(mu) = sd / sqrt(n), se(sigma) = sd / sqrt(2n).
          assertEquals(sd / Math.sqrt(50), fit.standardErrors()[0], 1e-6 * sd);
          assertEquals(sd / Math.sqrt(100), fit.standardErrors()[1], 1e-6 * sd);
          assertTrue(fit.gradientNorm() <= 1e-6, "gradient " + fit.gradientNorm());
          assertTrue(fit.diagnostics().message().contains("analytic gradient"));
        });
  }

  @Test
  void warmStartFromASubsampleReachesTheFullMaximumWithFewerEvaluations() {
    qt().withExamples(30).forAll(longs().all(), doubles().between(-100, 100),
            doubles().between(0.01, 100))
        .checkAssert((seed, mu, sigma) -> {
          NormalSample sample = NormalSample.draw(seed, mu, sigma, 2000);
          LikelihoodFit first = NormalSample.builder(sample.head(200).logLikelihood())
              .start(0.0, 1.0).maximize();
          double[][] covariance = NormalSample.times(first.covariance(), 0.1);
          LikelihoodFit cold = NormalSample.builder(sample.logLikelihood())
              .start(first.values()).maximize();
          LikelihoodFit warm = NormalSample.builder(sample.logLikelihood())
              .warmStart(first.values(), covariance).maximize();
          assertTrue(warm.diagnostics().converged(), warm.diagnostics().message());
          assertTrue(warm.diagnostics().evaluations() < cold.diagnostics().evaluations(),
              warm.diagnostics().evaluations() + " vs " + cold.diagnostics().evaluations());
          double sd = cold.value(1);
          assertEquals(cold.value(0), warm.value(0), 1e-9 * (Math.abs(cold.value(0)) + sd));
          assertEquals(sd, warm.value(1), 1e-9 * sd);
          assertEquals(cold.logLikelihood(), warm.logLikelihood(),
              1e-12 * Math.abs(cold.logLikelihood()));
          for (int i = 0; i < 2; i++) {
            assertEquals(cold.standardErrors()[i], warm.standardErrors()[i],
                1e-5 * cold.standardErrors()[i]);
          }
        });
  }

  @Test
  void warmStartRejectsABadCovariance() {
    MaximumLikelihood.Builder b = NormalSample.builder(NormalSample.of(1, 2, 3).logLikelihood());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> b.warmStart(new double[] {2, 1}, new double[][] {{1, 0}, {0, -1}}));
    assertTrue(e.getMessage().contains("covariance[1][1] = -1.0"), e.getMessage());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> b.warmStart(new double[] {2, 1}, new double[][] {{1}}));
  }

  @Test
  void gradientAndDerivativeFreeSearchesFindTheSameMaximum() {
    DifferentiableLogLikelihood f = NormalSample
        .of(0.62, 1.85, 0.33, 2.71, 1.12, 0.48, 3.05, 0.91, 1.64, 0.27, 2.19, 1.38)
        .logLikelihood();
    LogLikelihood valueOnly = f::value;
    LikelihoodFit withGradient = NormalSample.builder(f).start(5.0, 0.1).maximize();
    LikelihoodFit without = NormalSample.builder(valueOnly).start(5.0, 0.1).maximize();
    assertEquals(without.value(0), withGradient.value(0), 1e-7);
    assertEquals(without.value(1), withGradient.value(1), 1e-7);
    assertEquals(without.logLikelihood(), withGradient.logLikelihood(), 1e-10);
    assertTrue(withGradient.diagnostics().evaluations() < without.diagnostics().evaluations());
  }

  @Test
  void supremumAtInfinityIsReportedOnTheBoundary() {
    // l(a, b) = -1/a - 1/b rises towards a, b -> infinity without a maximum.
    DifferentiableLogLikelihood rising = new DifferentiableLogLikelihood() {
      @Override
      public double value(double[] p) {
        return -1.0 / p[0] - 1.0 / p[1];
      }

      @Override
      public double valueAndGradient(double[] p, double[] g) {
        g[0] = 1.0 / (p[0] * p[0]);
        g[1] = 1.0 / (p[1] * p[1]);
        return value(p);
      }
    };
    LikelihoodFit fit = MaximumLikelihood
        .builder(rising, Parameter.positive("a"), Parameter.positive("b")).start(1.0, 2.0)
        .maximize();
    assertTrue(fit.diagnostics().onBoundary(), fit.diagnostics().message());
    assertTrue(fit.atBoundary(0) && fit.atBoundary(1));
    assertTrue(Double.isNaN(fit.standardErrors()[0]));
  }

  @Test
  void nanGradientFallsBackToNumericalDifferentiation() {
    DifferentiableLogLikelihood f = NormalSample.of(1.0, 2.0, 4.0, 3.0).logLikelihood();
    DifferentiableLogLikelihood noGradient = new DifferentiableLogLikelihood() {
      @Override
      public double value(double[] p) {
        return f.value(p);
      }

      @Override
      public double valueAndGradient(double[] p, double[] g) {
        g[0] = Double.NaN;
        g[1] = Double.NaN;
        return f.value(p);
      }
    };
    LikelihoodFit fit = NormalSample.builder(noGradient).start(0.0, 1.0).maximize();
    assertEquals(2.5, fit.value(0), 1e-6);
    assertEquals(Math.sqrt(1.25), fit.value(1), 1e-6);
  }
}
