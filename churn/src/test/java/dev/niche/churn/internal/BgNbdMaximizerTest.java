package dev.niche.churn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.core.likelihood.LikelihoodFit;
import dev.niche.core.likelihood.Parameter;
import org.junit.jupiter.api.Test;

class BgNbdMaximizerTest {

  private static final Parameter[] BG_NBD = {Parameter.positive("r"), Parameter.positive("alpha"),
      Parameter.positive("a"), Parameter.positive("b")};

  @Test
  void optimiserFailureFromEveryStartIsReported() {
    // Without repeat purchases the BG/NBD likelihood ignores a and b and rises as r -> 0:
    // Commons Math's BOBYQA gives up ("trust region step has failed to reduce Q") from both
    // starts, and the failure surfaces as a documented ArithmeticException, not a hidden one.
    BgNbdLikelihood flat = new BgNbdLikelihood(new int[] {0, 0, 0}, new double[] {0, 0, 0},
        new double[] {5, 6, 7}, new double[] {1, 1, 1});
    ArithmeticException e = assertThrows(ArithmeticException.class,
        () -> BgNbdMaximizer.maximize(flat, 3, BG_NBD, new double[] {1, 6, 1, 3},
            new double[] {0.25, 1.5, 0.8, 2.5}));
    assertTrue(e.getMessage().contains("every start"), e.getMessage());
  }

  @Test
  void wellPosedProblemsPassThrough() {
    // A Gaussian log-likelihood in two positive parameters with its maximum at (2, 3).
    LikelihoodFit f = BgNbdMaximizer.maximize(
        p -> -(p[0] - 2) * (p[0] - 2) - (p[1] - 3) * (p[1] - 3), 10,
        new Parameter[] {Parameter.positive("u"), Parameter.positive("v")},
        new double[] {1, 1});
    assertEquals(2.0, f.value(0), 1e-6);
    assertEquals(3.0, f.value(1), 1e-6);
  }
}
