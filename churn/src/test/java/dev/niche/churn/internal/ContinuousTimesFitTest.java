package dev.niche.churn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import dev.niche.churn.BgNbd;
import dev.niche.churn.BgNbdFit;
import dev.niche.core.likelihood.LikelihoodFit;
import dev.niche.core.likelihood.MaximumLikelihood;
import dev.niche.core.likelihood.Parameter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Repeat-purchase fits on continuous purchase times, where nearly every customer is a distinct row
 * and a distinct {@code (x, T)} pair: the Pareto/NBD score's per-row evaluation against the
 * reference likelihood and central differences, and the subsample-started BG/NBD fit (warm start
 * of the full-data BFGS) against a full-data search from the default starts.
 */
class ContinuousTimesFitTest {

  @Test
  void paretoNbdScoreOnDistinctRowsMatchesTheReferenceAndItsDifferences() {
    // Day-granular summaries moved off the day grid: every row its own (x, T) pair.
    CohortSimulation s = CohortSimulation.paretoNbd(0.5533, 10.5776, 0.6061, 11.665, 3_000, 21L);
    SplittableRandom random = new SplittableRandom(5);
    double[] tx = new double[s.x.length];
    double[] age = new double[s.x.length];
    for (int i = 0; i < age.length; i++) {
      age[i] = s.age[i] + 0.1 * random.nextDouble();
      tx[i] = Math.min(age[i], s.tx[i] * (age[i] / s.age[i]));
    }
    DistinctCustomers d = DistinctCustomers.validated(s.x, tx, age, null);
    ParetoNbdScore score = new ParetoNbdScore(d.x, d.tx, d.age, d.weight);
    ParetoNbdLikelihood reference = new ParetoNbdLikelihood(d.x, d.tx, d.age, d.weight);
    qt().withExamples(40).forAll(doubles().between(-2, 1.5), doubles().between(-1, 4),
            doubles().between(-2, 1.5), doubles().between(-1, 4))
        .checkAssert((lr, la, ls, lb) -> {
          double[] p = {Math.exp(lr), Math.exp(la), Math.exp(ls), Math.exp(lb)};
          double expected = reference.value(p);
          double[] g = new double[4];
          assertEquals(expected, score.valueAndGradient(p, g), 1e-9 * Math.abs(expected));
          double scale = 0;
          for (int i = 0; i < 4; i++) {
            scale = Math.max(scale, Math.abs(g[i] * p[i]));
          }
          for (int i = 0; i < 4; i++) {
            double[] up = p.clone();
            double[] down = p.clone();
            up[i] = p[i] * Math.exp(1e-5);
            down[i] = p[i] * Math.exp(-1e-5);
            double numerical = (score.value(up) - score.value(down)) / 2e-5;
            assertTrue(Math.abs(numerical - g[i] * p[i]) <= 1e-5 * (scale + 1),
                "component " + i + ": analytic " + g[i] * p[i] + " numerical " + numerical);
          }
        });
  }

  @Test
  void subsampleWarmStartReachesTheFullDataMaximum() {
    int n = 100_000;
    SplittableRandom random = new SplittableRandom(3);
    double[] x = new double[n];
    double[] tx = new double[n];
    double[] age = new double[n];
    for (int i = 0; i < n; i++) {
      age[i] = 39 - 12 * random.nextDouble();
      double lambda = BgNbdSimulation.gamma(random, 0.8) / 12;
      double ga = BgNbdSimulation.gamma(random, 1.5);
      double p = ga / (ga + BgNbdSimulation.gamma(random, 6));
      double now = 0;
      while (true) {
        now += -Math.log1p(-random.nextDouble()) / lambda;
        if (now > age[i]) {
          break;
        }
        x[i]++;
        tx[i] = now;
        if (random.nextDouble() < p) {
          break;
        }
      }
    }
    BgNbdFit fit = BgNbd.fit(x, tx, age);
    assertTrue(fit.diagnostics().converged(), fit.diagnostics().message());
    assertTrue(fit.diagnostics().message().contains("subsample"), fit.diagnostics().message());
    DistinctCustomers d = DistinctCustomers.validated(x, tx, age, null);
    LikelihoodFit full = MaximumLikelihood.builder(new BgNbdScore(d.x, d.tx, d.age, d.weight),
            Parameter.positive("r"), Parameter.positive("alpha"), Parameter.positive("a"),
            Parameter.positive("b"))
        .start(1.0, 10.0, 1.0, 3.0).maximize();
    assertTrue(full.diagnostics().converged(), full.diagnostics().message());
    assertEquals(full.logLikelihood(), fit.logLikelihood(), 1e-12 * Math.abs(full.logLikelihood()));
    double[] warm = {fit.r().value(), fit.alpha().value(), fit.a().value(), fit.b().value()};
    double[] se = {fit.r().standardError(), fit.alpha().standardError(), fit.a().standardError(),
        fit.b().standardError()};
    for (int i = 0; i < 4; i++) {
      assertEquals(full.value(i), warm[i], 1e-4 * full.standardErrors()[i], "parameter " + i);
      assertEquals(full.standardErrors()[i], se[i], 1e-4 * full.standardErrors()[i],
          "standard error " + i);
    }
  }

  @Test
  void paretoNbdNewtonStepsFromTheSubsampleReachTheGradientOnlyMaximum() {
    // 100,000 customers with continuous times: the fit goes through both subsamples and finishes
    // by Newton steps on the analytic Hessian; the reference is BFGS on the same rows from the
    // default start with the standard errors from differences of the gradient.
    CohortSimulation s = CohortSimulation.paretoNbd(0.5533, 10.5776, 0.6061, 11.665, 100_000, 22L);
    SplittableRandom random = new SplittableRandom(6);
    double[] tx = new double[s.x.length];
    double[] age = new double[s.x.length];
    for (int i = 0; i < age.length; i++) {
      age[i] = s.age[i] + 0.1 * random.nextDouble();
      tx[i] = Math.min(age[i], s.tx[i] * (age[i] / s.age[i]));
    }
    dev.niche.churn.ParetoNbdFit fit = dev.niche.churn.ParetoNbd.fit(s.x, tx, age);
    assertTrue(fit.diagnostics().converged(), fit.diagnostics().message());
    assertTrue(fit.diagnostics().message().contains("subsample"), fit.diagnostics().message());
    DistinctCustomers d = DistinctCustomers.validated(s.x, tx, age, null);
    ParetoNbdScore score = new ParetoNbdScore(d.x, d.tx, d.age, d.weight);
    dev.niche.core.likelihood.DifferentiableLogLikelihood gradientOnly =
        new dev.niche.core.likelihood.DifferentiableLogLikelihood() {
          @Override
          public double value(double[] p) {
            return score.value(p);
          }

          @Override
          public double valueAndGradient(double[] p, double[] g) {
            return score.valueAndGradient(p, g);
          }
        };
    LikelihoodFit full = MaximumLikelihood.builder(gradientOnly, Parameter.positive("r"),
            Parameter.positive("alpha"), Parameter.positive("s"), Parameter.positive("beta"))
        .start(1.0, 10.0, 1.0, 10.0).maximize();
    assertTrue(full.diagnostics().converged(), full.diagnostics().message());
    assertEquals(full.logLikelihood(), fit.logLikelihood(), 1e-12 * Math.abs(full.logLikelihood()));
    double[] warm = {fit.r().value(), fit.alpha().value(), fit.s().value(), fit.beta().value()};
    double[] se = {fit.r().standardError(), fit.alpha().standardError(), fit.s().standardError(),
        fit.beta().standardError()};
    for (int i = 0; i < 4; i++) {
      assertEquals(full.value(i), warm[i], 1e-5 * full.standardErrors()[i], "parameter " + i);
      assertEquals(full.standardErrors()[i], se[i], 1e-5 * full.standardErrors()[i],
          "standard error " + i);
    }
  }
}
