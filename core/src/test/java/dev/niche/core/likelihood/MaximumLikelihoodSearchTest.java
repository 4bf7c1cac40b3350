package dev.niche.core.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.core.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.junit.jupiter.api.Test;

/**
 * The search paths of {@link MaximumLikelihood}: which start wins, what an exhausted budget, a
 * gradient that disagrees with the likelihood, a non-identified parameter or an undefined
 * neighbourhood of the maximum make of the fit and its diagnostics.
 */
class MaximumLikelihoodSearchTest {

  private static final NormalSample SAMPLE = NormalSample.of(
      0.62, 1.85, 0.33, 2.71, 1.12, 0.48, 3.05, 0.91, 1.64, 0.27, 2.19, 1.38, 0.75, 1.02, 4.11);
  private static final double MEAN = SAMPLE.mean;
  private static final double SD = SAMPLE.sd;

  /** Normal log-likelihood of {@link #SAMPLE} in (mu, sigma) with its analytic gradient. */
  private static final DifferentiableLogLikelihood NORMAL = SAMPLE.logLikelihood();

  /**
   * A tilted double well {@code -(u² - 1)² + 0.3 u} with {@code u = x - 3}: local maxima where
   * {@code 4u³ - 4u = 0.3}, near x = 2.04 (lower) and 4.04 (higher), separated by a minimum near
   * x = 2.925; from x = 0 the search climbs to the lower one.
   */
  private static final DifferentiableLogLikelihood WELLS = new DifferentiableLogLikelihood() {
    @Override
    public double value(double[] p) {
      double u = p[0] - 3;
      double q = u * u - 1;
      return -q * q + 0.3 * u;
    }

    @Override
    public double valueAndGradient(double[] p, double[] g) {
      double u = p[0] - 3;
      g[0] = -4 * u * (u * u - 1) + 0.3;
      return value(p);
    }
  };

  private static double wellMaximum(double from, double to) {
    return 3 + new BrentSolver(1e-15).solve(200, u -> 4 * u * u * u - 4 * u - 0.3, from, to);
  }

  @Test
  void withoutRandomStartsTheLocalMaximumOfTheStartIsReported() {
    LikelihoodFit fit = MaximumLikelihood.builder(WELLS, Parameter.free("x")).start(2.0)
        .randomStarts(0, 5).maximize();
    assertEquals(wellMaximum(-2, -0.5), fit.value(0), 1e-9);
    assertTrue(fit.diagnostics().converged());
  }

  @Test
  void aRandomStartInTheOtherBasinFindsTheHigherMaximum() {
    // Seed 5's first normal deviate is +1.39, so the random start 2 + 1.39 lies right of the
    // minimum at 2.925, in the basin of the higher maximum.
    assertTrue(Seeds.random(5).nextGaussian() > 1.3);
    LikelihoodFit fit = MaximumLikelihood.builder(WELLS, Parameter.free("x")).start(2.0)
        .randomStarts(1, 5).maximize();
    double high = wellMaximum(0.5, 2);
    assertEquals(high, fit.value(0), 1e-9);
    assertEquals(WELLS.value(new double[] {high}), fit.logLikelihood(), 1e-14);
  }

  @Test
  void theBestStartWinsWhateverItsPlace() {
    double high = wellMaximum(0.5, 2);
    for (double[] order : new double[][] {{4.0, 2.0}, {2.0, 4.0}}) {
      LikelihoodFit fit = MaximumLikelihood.builder(WELLS, Parameter.free("x"))
          .start(order[0]).start(order[1]).maximize();
      assertEquals(high, fit.value(0), 1e-9, "starts " + Arrays.toString(order));
    }
  }

  @Test
  void aStartBeyondTheBoxBeginsTwoUnitsInsideIt() {
    // A positive parameter's box is |ln θ| <= 20; a start at 1e12 (ln = 27.6) begins at e^18.
    List<Double> seen = new ArrayList<>();
    LogLikelihood rate = p -> {
      seen.add(p[0]);
      return 15 * Math.log(p[0]) - p[0] * 15 * MEAN;
    };
    LikelihoodFit fit = MaximumLikelihood.builder(rate, Parameter.positive("rate"))
        .start(1e12).maximize();
    assertEquals(Math.exp(18), seen.get(0), 1e-6 * Math.exp(18));
    assertEquals(1 / MEAN, fit.value(0), 1e-8);
  }

  @Test
  void aCleanFitSaysNothingAndAGradientFitReportsItsGradient() {
    LogLikelihood valueOnly = NORMAL::value;
    LikelihoodFit plain = NormalSample.builder(valueOnly).start(0.0, 1.0)
        .maximize();
    assertTrue(plain.diagnostics().converged());
    assertEquals("", plain.diagnostics().message());
    LikelihoodFit analytic = NormalSample.builder(NORMAL).start(0.0, 1.0)
        .maximize();
    assertTrue(analytic.diagnostics().converged());
    assertTrue(analytic.diagnostics().message().startsWith("analytic gradient, max |dl/dz| = "),
        analytic.diagnostics().message());
    assertEquals(MEAN, analytic.value(0), 1e-10);
    assertEquals(SD, analytic.value(1), 1e-10);
  }

  @Test
  void anExhaustedBudgetWithoutGradientIsNotConverged() {
    LogLikelihood valueOnly = NORMAL::value;
    LikelihoodFit fit = NormalSample.builder(valueOnly).start(0.0, 1.0)
        .maxEvaluations(10).maximize();
    assertFalse(fit.diagnostics().converged());
    assertEquals("some starts hit the evaluation limit or stopped early; the best point reached "
        + "is reported", fit.diagnostics().message());
  }

  @Test
  void newtonPolishingFinishesAGradientSearchCutShortByItsBudget() {
    // Ten evaluations stop BFGS far from the maximum; the Newton steps on the analytic gradient
    // bring it to the sample moments, and convergence is judged by the gradient there.
    LikelihoodFit fit = NormalSample.builder(NORMAL).start(0.0, 1.0)
        .maxEvaluations(10).maximize();
    assertTrue(fit.diagnostics().converged(), fit.diagnostics().message());
    assertEquals(MEAN, fit.value(0), 1e-9);
    assertEquals(SD, fit.value(1), 1e-9);
    assertTrue(fit.gradientNorm() <= 1e-7 * Math.abs(fit.logLikelihood()));
  }

  @Test
  void aGradientThatDisagreesWithTheLikelihoodIsReportedNotTrusted() {
    // The value -(x - 1)² peaks at 1, but the "gradient" is 1 everywhere: the first step reaches
    // 1, no further step towards larger x raises the value, and the fit stops at 1 with the
    // gradient 1 it cannot explain.
    DifferentiableLogLikelihood wrong = new DifferentiableLogLikelihood() {
      @Override
      public double value(double[] p) {
        return -(p[0] - 1) * (p[0] - 1);
      }

      @Override
      public double valueAndGradient(double[] p, double[] g) {
        g[0] = 1;
        return value(p);
      }
    };
    LikelihoodFit fit = MaximumLikelihood.builder(wrong, Parameter.free("x")).start(0.0)
        .maximize();
    assertFalse(fit.diagnostics().converged());
    assertEquals(1, fit.gradientNorm(), 0.0);
    assertEquals("the gradient is not zero at the reported point (max |dl/dz| = 1.00): it may "
        + "not be the maximum; observed information is not positive definite: standard errors "
        + "are unavailable; analytic gradient, max |dl/dz| = 1.0 at the reported point",
        fit.diagnostics().message());
    assertEquals(1, fit.value(0), 1e-12);
    assertEquals(0, fit.logLikelihood(), 1e-24);
  }

  @Test
  void anUndefinedRegionWithinADifferenceStepLeavesTheStandardErrorsUnknown() {
    // -(x - 1)² - (y - 2)², undefined for x > 1 + 1e-6: the maximum (1, 2) is found, but the
    // central differences of the gradient (step 1e-5) reach the undefined region.
    DifferentiableLogLikelihood cliff = new DifferentiableLogLikelihood() {
      @Override
      public double value(double[] p) {
        return p[0] > 1 + 1e-6 ? Double.NEGATIVE_INFINITY
            : -(p[0] - 1) * (p[0] - 1) - (p[1] - 2) * (p[1] - 2);
      }

      @Override
      public double valueAndGradient(double[] p, double[] g) {
        g[0] = -2 * (p[0] - 1);
        g[1] = -2 * (p[1] - 2);
        return value(p);
      }
    };
    LikelihoodFit fit = MaximumLikelihood
        .builder(cliff, Parameter.free("x"), Parameter.free("y")).start(0.0, 0.0).maximize();
    assertEquals(1, fit.value(0), 1e-9);
    assertEquals(2, fit.value(1), 1e-9);
    assertFalse(fit.diagnostics().onBoundary());
    assertTrue(Double.isNaN(fit.standardErrors()[0]) && Double.isNaN(fit.standardErrors()[1]));
    assertTrue(fit.diagnostics().message().startsWith("the Hessian at the maximum is not finite; "
        + "observed information is not positive definite: standard errors are unavailable"),
        fit.diagnostics().message());
  }

  @Test
  void aParameterTheLikelihoodIgnoresIsReportedOnTheBoundary() {
    // l = -(x - 1)² does not depend on y: it is level all the way to the edge of y's box, so the
    // supremum is reported there, with y's standard error unknown and x's from -H = 2, i.e. the
    // variance 1/2.
    for (boolean gradient : new boolean[] {false, true}) {
      DifferentiableLogLikelihood flat = new DifferentiableLogLikelihood() {
        @Override
        public double value(double[] p) {
          return -(p[0] - 1) * (p[0] - 1);
        }

        @Override
        public double valueAndGradient(double[] p, double[] g) {
          g[0] = -2 * (p[0] - 1);
          g[1] = 0;
          return value(p);
        }
      };
      LogLikelihood ll = gradient ? flat : (LogLikelihood) flat::value;
      LikelihoodFit fit = MaximumLikelihood.builder(ll, Parameter.free("x"),
          Parameter.positive("y")).start(0.0, 1.0).maximize();
      String message = fit.diagnostics().message();
      assertTrue(fit.diagnostics().onBoundary(), message);
      assertFalse(fit.atBoundary(0));
      assertTrue(fit.atBoundary(1));
      assertTrue(message.startsWith("supremum on the boundary of the parameter space: y -> "),
          message);
      assertEquals(1, fit.value(0), 1e-6);
      assertEquals(Math.sqrt(0.5), fit.standardErrors()[0], 1e-6);
      assertTrue(Double.isNaN(fit.standardErrors()[1]));
      assertEquals(0, fit.logLikelihood(), 1e-12);
    }
  }

  @Test
  void aGradientStartWhereTheLikelihoodIsUndefinedIsSearchedWithoutDerivatives() {
    // -(x - 1)² - (y + 3)², undefined for x > 2. From (2.3, 0) there is no gradient, but the
    // derivative-free search's first trust region (radius 0.5) reaches back to x < 2.
    DifferentiableLogLikelihood bounded = new DifferentiableLogLikelihood() {
      @Override
      public double value(double[] p) {
        return p[0] > 2 ? Double.NEGATIVE_INFINITY
            : -(p[0] - 1) * (p[0] - 1) - (p[1] + 3) * (p[1] + 3);
      }

      @Override
      public double valueAndGradient(double[] p, double[] g) {
        g[0] = -2 * (p[0] - 1);
        g[1] = -2 * (p[1] + 3);
        return value(p);
      }
    };
    LikelihoodFit fit = MaximumLikelihood
        .builder(bounded, Parameter.free("x"), Parameter.free("y")).start(2.3, 0.0).maximize();
    assertEquals(1, fit.value(0), 1e-8);
    assertEquals(-3, fit.value(1), 1e-8);
    assertTrue(fit.diagnostics().converged(), fit.diagnostics().message());
    // From (5, 0) every point the search tries is undefined: the documented unconverged fit at
    // the start, with a log-likelihood of -infinity.
    LikelihoodFit lost = MaximumLikelihood
        .builder(bounded, Parameter.free("x"), Parameter.free("y")).start(5.0, 0.0).maximize();
    assertFalse(lost.diagnostics().converged());
    assertEquals(Double.NEGATIVE_INFINITY, lost.logLikelihood());
    assertEquals(5, lost.value(0), 0.0);
  }

  @Test
  void theBuilderAcceptsEachRangeFromItsEdge() {
    LogLikelihood ll = p -> -p[0] * p[0];
    IllegalArgumentException none =
        assertThrows(IllegalArgumentException.class, () -> MaximumLikelihood.builder(ll));
    assertEquals("parameters must not be empty", none.getMessage());
    MaximumLikelihood.Builder b = MaximumLikelihood.builder(ll, Parameter.free("x")).start(1.0);
    IllegalArgumentException obs = assertThrows(IllegalArgumentException.class,
        () -> b.observations(0));
    assertEquals("observations = 0 must be >= 1", obs.getMessage());
    IllegalArgumentException budget = assertThrows(IllegalArgumentException.class,
        () -> b.maxEvaluations(9));
    assertEquals("evaluations = 9 must be >= 10", budget.getMessage());
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> b.warmStart(new double[] {1.0}, new double[][] {{0.0}}));
    assertEquals("covariance[0][0] = 0.0 must be positive on the diagonal", zero.getMessage());
    LikelihoodFit fit = b.observations(1).maxEvaluations(10).randomStarts(0, 1).maximize();
    // One observation: BIC = k ln 1 - 2 log L = -2 log L.
    assertEquals(-2 * fit.logLikelihood(), fit.bic(), 0.0);
    assertEquals(0, fit.value(0), 1e-6);
  }
}
