package dev.niche.churn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import dev.niche.core.likelihood.DifferentiableLogLikelihood;
import dev.niche.core.likelihood.LogLikelihood;
import org.junit.jupiter.api.Test;

/**
 * The analytic gradients of the BG/NBD and Pareto/NBD log-likelihoods against central
 * differences of their values, and their values against the likelihoods the models evaluate, over
 * the parameter space (both branches of the Pareto/NBD series: α ≥ β and α &lt; β).
 */
class RepeatPurchaseScoreTest {

  private static final CohortSimulation BG = CohortSimulation.bgNbd(0.243, 4.414, 0.793, 2.426,
      3_000, 11L);
  private static final CohortSimulation PN = CohortSimulation.paretoNbd(0.5533, 10.5776, 0.6061,
      11.665, 3_000, 12L);

  @Test
  void bgNbdGradientMatchesCentralDifferencesAcrossTheParameterSpace() {
    DistinctCustomers d = DistinctCustomers.validated(BG.x, BG.tx, BG.age, null);
    BgNbdScore score = new BgNbdScore(d.x, d.tx, d.age, d.weight);
    BgNbdLikelihood reference = new BgNbdLikelihood(d.x, d.tx, d.age, d.weight);
    qt().withExamples(60).forAll(doubles().between(-3, 2), doubles().between(-2, 4),
            doubles().between(-3, 3), doubles().between(-3, 3))
        .checkAssert((lr, la, lA, lB) -> {
          double[] p = {Math.exp(lr), Math.exp(la), Math.exp(lA), Math.exp(lB)};
          assertEquals(reference.value(p), score.value(p), 1e-9 * Math.abs(reference.value(p)));
          assertGradient(score, p);
        });
  }

  @Test
  void paretoNbdGradientMatchesCentralDifferencesOnBothBranches() {
    DistinctCustomers d = DistinctCustomers.validated(PN.x, PN.tx, PN.age, null);
    ParetoNbdScore score = new ParetoNbdScore(d.x, d.tx, d.age, d.weight);
    ParetoNbdLikelihood reference = new ParetoNbdLikelihood(d.x, d.tx, d.age, d.weight);
    qt().withExamples(60).forAll(doubles().between(-2, 1.5), doubles().between(-1, 4),
            doubles().between(-2, 1.5), doubles().between(-1, 4))
        .checkAssert((lr, la, ls, lb) -> {
          double[] p = {Math.exp(lr), Math.exp(la), Math.exp(ls), Math.exp(lb)};
          double expected = reference.value(p);
          assertEquals(expected, score.value(p), 1e-9 * Math.abs(expected));
          assertGradient(score, p);
        });
  }

  @Test
  void paretoNbdGradientIsContinuousWhereTheBranchesMeet() {
    DistinctCustomers d = DistinctCustomers.validated(PN.x, PN.tx, PN.age, null);
    ParetoNbdScore score = new ParetoNbdScore(d.x, d.tx, d.age, d.weight);
    double[] below = new double[4];
    double[] at = new double[4];
    double[] above = new double[4];
    score.valueAndGradient(new double[] {0.55, 11.0 * (1 - 1e-9), 0.6, 11.0}, below);
    score.valueAndGradient(new double[] {0.55, 11.0, 0.6, 11.0}, at);
    score.valueAndGradient(new double[] {0.55, 11.0 * (1 + 1e-9), 0.6, 11.0}, above);
    for (int i = 0; i < 4; i++) {
      assertEquals(at[i], below[i], 1e-5 * (1 + Math.abs(at[i])));
      assertEquals(at[i], above[i], 1e-5 * (1 + Math.abs(at[i])));
    }
  }

  /** Central differences in log-parameters, step 1e-5: truncation ~1e-10 relative. */
  private static void assertGradient(DifferentiableLogLikelihood f, double[] p) {
    double[] g = new double[4];
    f.valueAndGradient(p, g);
    double scale = 0;
    for (int i = 0; i < 4; i++) {
      scale = Math.max(scale, Math.abs(g[i] * p[i]));
    }
    for (int i = 0; i < 4; i++) {
      double h = 1e-5;
      double numerical = (valueAt(f, p, i, h) - valueAt(f, p, i, -h)) / (2 * h);
      double analytic = g[i] * p[i];
      assertTrue(Math.abs(numerical - analytic) <= 1e-5 * (scale + 1),
          "component " + i + " at " + java.util.Arrays.toString(p) + ": analytic " + analytic
              + " numerical " + numerical);
    }
  }

  private static double valueAt(LogLikelihood f, double[] p, int i, double logStep) {
    double[] q = p.clone();
    q[i] = p[i] * Math.exp(logStep);
    return f.value(q);
  }
}
