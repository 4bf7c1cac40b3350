package dev.niche.core.likelihood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.core.Estimate;
import dev.niche.core.FitDiagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The accessors of a fit: copies, lookups by name, information criteria and boundary flags. */
class LikelihoodFitTest {

  private static final List<Parameter> PARAMETERS =
      List.of(Parameter.free("mu"), Parameter.positive("sigma"), Parameter.unitInterval("p"));
  private static final FitDiagnostics DIAGNOSTICS =
      new FitDiagnostics(true, 123, -41.5, true, "p -> 1.0");

  private static LikelihoodFit fit(long observations) {
    return new LikelihoodFit(PARAMETERS, new double[] {1.5, 2.0, 1.0},
        new double[] {0.1, 0.2, Double.NaN},
        new double[][] {{0.01, 0.002, 0}, {0.002, 0.04, 0}, {0, 0, Double.NaN}},
        new boolean[] {false, false, true}, observations, 3e-9, DIAGNOSTICS);
  }

  @Test
  void valuesAndEstimatesAreFoundByIndexAndByName() {
    LikelihoodFit fit = fit(20);
    assertEquals(PARAMETERS, fit.parameters());
    assertArrayEquals(new double[] {1.5, 2.0, 1.0}, fit.values(), 0.0);
    assertEquals(2.0, fit.value(1));
    assertEquals(new Estimate(1.5, 0.1), fit.estimate(0));
    assertEquals(new Estimate(2.0, 0.2), fit.estimate("sigma"));
    assertEquals(1.0, fit.estimate("p").value());
    assertTrue(Double.isNaN(fit.estimate("p").standardError()));
    assertEquals(new Estimate(1.5, 0.1), fit.estimate("mu"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> fit.estimate("tau"));
    assertEquals("name = tau is not a parameter of this fit", e.getMessage());
    assertThrows(NullPointerException.class, () -> fit.estimate((String) null));
  }

  @Test
  void boundaryFlagsAndDiagnosticsAreReported() {
    LikelihoodFit fit = fit(20);
    assertFalse(fit.atBoundary(0));
    assertFalse(fit.atBoundary(1));
    assertTrue(fit.atBoundary(2));
    assertSame(DIAGNOSTICS, fit.diagnostics());
    assertEquals(-41.5, fit.logLikelihood());
    assertEquals(3e-9, fit.gradientNorm());
  }

  @Test
  void informationCriteriaFollowTheirDefinitions() {
    // AIC = 2k - 2 log L = 6 + 83; BIC = k ln n - 2 log L = 3 ln 20 + 83.
    assertEquals(89.0, fit(20).aic(), 0.0);
    assertEquals(3 * Math.log(20) + 83, fit(20).bic(), 1e-12);
    assertEquals(83.0, fit(1).bic(), 0.0);
    assertTrue(Double.isNaN(fit(0).bic()), "no observations given");
  }

  @Test
  void arraysAreCopiedInAndOut() {
    double[] values = {1.5, 2.0, 1.0};
    double[] se = {0.1, 0.2, 0.3};
    double[][] covariance = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    boolean[] atBoundary = {false, false, false};
    LikelihoodFit fit = new LikelihoodFit(PARAMETERS, values, se, covariance, atBoundary, 5, 0,
        DIAGNOSTICS);
    values[0] = 99;
    se[0] = 99;
    covariance[0][0] = 99;
    atBoundary[0] = true;
    assertEquals(1.5, fit.value(0));
    assertEquals(0.1, fit.standardErrors()[0]);
    assertEquals(1.0, fit.covariance()[0][0]);
    assertFalse(fit.atBoundary(0));
    fit.values()[1] = 99;
    fit.standardErrors()[1] = 99;
    fit.covariance()[1][1] = 99;
    assertArrayEquals(new double[] {1.5, 2.0, 1.0}, fit.values(), 0.0);
    assertArrayEquals(new double[] {0.1, 0.2, 0.3}, fit.standardErrors(), 0.0);
    assertArrayEquals(new double[] {0, 1, 0}, fit.covariance()[1], 0.0);
    assertEquals(3, fit.covariance().length);
  }

  @Test
  void toStringListsEachParameterWithItsError() {
    assertEquals("LikelihoodFit{mu=1.5 (se 0.1), sigma=2.0 (se 0.2), p=1.0 (se NaN), "
        + "logLik=-41.5}", fit(20).toString());
  }
}
