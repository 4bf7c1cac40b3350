package dev.niche.churn.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.core.likelihood.LikelihoodFit;
import dev.niche.core.likelihood.MaximumLikelihood;
import dev.niche.core.likelihood.Parameter;
import org.junit.jupiter.api.Test;

class DegenerateBgNbdTest {

  @Test
  void optimiserFailureIsReportedNotThrown() {
    // Without repeat purchases the BG/NBD likelihood ignores a and b and rises as r -> 0:
    // Commons Math's BOBYQA gives up ("trust region step has failed to reduce Q"). Core's
    // maximum likelihood must report that in the diagnostics instead of letting it escape.
    BgNbdLikelihood flat = new BgNbdLikelihood(new int[] {0, 0, 0}, new double[] {0, 0, 0},
        new double[] {5, 6, 7}, new double[] {1, 1, 1});
    LikelihoodFit f = MaximumLikelihood
        .builder(flat, Parameter.positive("r"), Parameter.positive("alpha"),
            Parameter.positive("a"), Parameter.positive("b"))
        .start(1, 6, 1, 3)
        .start(0.25, 1.5, 0.8, 2.5)
        .maximize();
    assertTrue(Double.isFinite(f.logLikelihood()));
    assertFalse(f.diagnostics().converged() && !f.diagnostics().onBoundary(),
        f.diagnostics().toString());
  }
}
