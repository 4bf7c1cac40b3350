package dev.niche.core.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 18: the maximiser never throws on a hopeless likelihood; indices and sizes are checked. */
class HostileLikelihoodTest {

  @Test
  void aLikelihoodThatIsNaNEverywhereGivesAnUnconvergedFit() {
    for (LogLikelihood hopeless : new LogLikelihood[] {
        p -> Double.NaN, p -> Double.NEGATIVE_INFINITY, p -> Double.POSITIVE_INFINITY}) {
      LikelihoodFit fit = MaximumLikelihood.builder(hopeless, Parameter.positive("a"),
          Parameter.free("b")).start(2.0, 0.5).randomStarts(2, 1).maximize();
      assertFalse(fit.diagnostics().converged());
      assertEquals(Double.NEGATIVE_INFINITY, fit.logLikelihood());
      assertEquals(2.0, fit.value(0), 1e-12);
      assertTrue(Double.isNaN(fit.estimate(1).standardError()));
      assertTrue(fit.diagnostics().message().contains("no start gave a finite log-likelihood"));
    }
  }

  @Test
  void aOneParameterLikelihoodThatIsNaNEverywhereGivesAnUnconvergedFit() {
    LikelihoodFit fit = MaximumLikelihood.builder(p -> Double.NaN, Parameter.unitInterval("p"))
        .start(0.3).maximize();
    assertFalse(fit.diagnostics().converged());
    assertEquals(0.3, fit.value(0), 1e-12);
  }

  @Test
  void indicesOutOfRangeAreRejectedWithTheirRange() {
    LikelihoodFit fit = MaximumLikelihood.builder(p -> -(p[0] - 1) * (p[0] - 1),
        Parameter.free("x")).start(0.0).maximize();
    assertEquals(1.0, fit.value(0), 1e-6);
    for (int bad : new int[] {-1, 1, Integer.MAX_VALUE}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> fit.atBoundary(bad));
      assertEquals("index = " + bad + " must be in [0, 1)", e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> fit.value(bad));
      assertThrows(IllegalArgumentException.class, () -> fit.estimate(bad));
    }
  }

  @Test
  void randomStartsAreBounded() {
    MaximumLikelihood.Builder b = MaximumLikelihood.builder(p -> -p[0] * p[0],
        Parameter.free("x")).start(0.0);
    b.randomStarts(MaximumLikelihood.MAX_RANDOM_STARTS, 1);
    assertThrows(IllegalArgumentException.class,
        () -> b.randomStarts(MaximumLikelihood.MAX_RANDOM_STARTS + 1, 1));
    assertThrows(IllegalArgumentException.class, () -> b.randomStarts(-1, 1));
  }
}
