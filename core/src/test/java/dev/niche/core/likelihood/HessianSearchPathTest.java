package dev.niche.core.likelihood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Which path a likelihood with an analytic Hessian takes ({@link StartSearch},
 * {@link LocalAnalysis#polish}): on {@code ℓ(θ) = -½ (θ - c)ᵀ A (θ - c)} with free parameters,
 * a warm start with the exact covariance {@code A⁻¹} reaches {@code c} by one Newton step (two
 * evaluations: the start, then {@code c} with its Hessian), and a cold search is finished on the
 * analytic Hessian. Worked by hand.
 */
class HessianSearchPathTest {

  private static final double[] C = {1, -2};
  private static final double[][] A = {{2, 0.5}, {0.5, 1}};
  /** A⁻¹ = [[1, -0.5], [-0.5, 2]] / 1.75. */
  private static final double[][] COVARIANCE = {{1 / 1.75, -0.5 / 1.75}, {-0.5 / 1.75, 2 / 1.75}};

  /** The quadratic, counting its Hessian evaluations. */
  static final class Bowl implements TwiceDifferentiableLogLikelihood {
    int hessians;

    @Override
    public double value(double[] p) {
      return valueAndGradient(p, new double[2]);
    }

    @Override
    public double valueAndGradient(double[] p, double[] g) {
      double v = 0;
      for (int i = 0; i < 2; i++) {
        g[i] = -(A[i][0] * (p[0] - C[0]) + A[i][1] * (p[1] - C[1]));
        v += 0.5 * g[i] * (p[i] - C[i]);
      }
      return v;
    }

    @Override
    public double valueGradientAndHessian(double[] p, double[] g, double[][] h) {
      hessians++;
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 2; j++) {
          h[i][j] = -A[i][j];
        }
      }
      return valueAndGradient(p, g);
    }
  }

  @Test
  void aWarmStartWithTheExactCovarianceTakesOneNewtonStep() {
    Bowl bowl = new Bowl();
    LikelihoodFit fit = MaximumLikelihood.builder(bowl, Parameter.free("a"), Parameter.free("b"))
        .warmStart(new double[] {0, 0}, COVARIANCE).maximize();
    assertTrue(fit.diagnostics().converged(), fit.diagnostics().message());
    assertArrayEquals(C, fit.values(), 1e-14);
    assertEquals(0, fit.logLikelihood(), 1e-15);
    assertEquals(Math.sqrt(1 / 1.75), fit.standardErrors()[0], 1e-14);
    assertEquals(Math.sqrt(2 / 1.75), fit.standardErrors()[1], 1e-14);
    // The start (value and gradient) and c (with the Hessian); no BFGS, no polish.
    assertEquals(2, fit.diagnostics().evaluations());
    assertEquals(1, bowl.hessians);
  }

  @Test
  void aColdSearchIsFinishedOnTheAnalyticHessian() {
    Bowl bowl = new Bowl();
    LikelihoodFit fit = MaximumLikelihood.builder(bowl, Parameter.free("a"), Parameter.free("b"))
        .start(0, 0).maximize();
    assertTrue(fit.diagnostics().converged(), fit.diagnostics().message());
    assertArrayEquals(C, fit.values(), 1e-9);
    assertTrue(bowl.hessians >= 1, "the Newton finish evaluates the Hessian");
    // The exact Hessian gives the standard errors to rounding.
    assertEquals(Math.sqrt(1 / 1.75), fit.standardErrors()[0], 1e-14);
    assertEquals(Math.sqrt(2 / 1.75), fit.standardErrors()[1], 1e-14);
  }
}
