package dev.niche.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

/**
 * {@link ExactNewton} on quadratics {@code f(z) = -½ (z - c)ᵀ A (z - c)}, where one Newton step
 * on the exact Hessian {@code -A} lands on {@code c}: the points, values, Hessians and the number
 * of evaluations of each kind are worked by hand.
 */
class ExactNewtonTest {

  /** The quadratic with centre {@code c} and curvature {@code A}, counting its evaluations. */
  static final class Quadratic implements QuasiNewton.Smooth, ExactNewton.Curved {
    final double[] c;
    final double[][] a;
    int values;
    int curved;

    Quadratic(double[] c, double[][] a) {
      this.c = c;
      this.a = a;
    }

    @Override
    public double valueAndGradient(double[] z, double[] gradient) {
      values++;
      return evaluate(z, gradient);
    }

    @Override
    public double valueGradientAndHessian(double[] z, double[] gradient, double[][] hessian) {
      curved++;
      for (int i = 0; i < c.length; i++) {
        for (int j = 0; j < c.length; j++) {
          hessian[i][j] = -a[i][j];
        }
      }
      return evaluate(z, gradient);
    }

    private double evaluate(double[] z, double[] gradient) {
      double v = 0;
      for (int i = 0; i < c.length; i++) {
        double gi = 0;
        for (int j = 0; j < c.length; j++) {
          gi -= a[i][j] * (z[j] - c[j]);
        }
        gradient[i] = gi;
        v += 0.5 * gi * (z[i] - c[i]);
      }
      return v;
    }
  }

  private static final double[] WIDE = {20, 20};

  @Test
  void oneStepOnTheHessianAtTheStartLandsOnTheCentre() {
    // A = [[2, 0.5], [0.5, 1]], c = (1, -2), start 0: g = A c = (1, -1.5); (-H)⁻¹ g = c.
    Quadratic q = new Quadratic(new double[] {1, -2}, new double[][] {{2, 0.5}, {0.5, 1}});
    NewtonSteps.Polished p = ExactNewton.maximize(q, q, new double[] {0, 0}, null, WIDE, 10);
    assertNotNull(p);
    assertArrayEquals(new double[] {1, -2}, p.point(), 1e-15);
    assertEquals(0, p.value(), 1e-15);
    assertArrayEquals(new double[] {0, 0}, p.gradient(), 1e-15);
    assertArrayEquals(new double[] {-2, -0.5}, p.hessian()[0], 0);
    assertArrayEquals(new double[] {-0.5, -1}, p.hessian()[1], 0);
    // The Hessian at the start, then the one at the end of the (long) step; no value-only calls.
    assertEquals(2, q.curved);
    assertEquals(0, q.values);
  }

  @Test
  void anAsymmetricHessianIsSymmetrisedBeforeItIsInverted() {
    // The supplied Hessian has -1 and 0 off the diagonal; its symmetric part, -0.5, is the true
    // one of A = [[2, 0.5], [0.5, 1]], so the first step still lands on c.
    double[][] a = {{2, 0.5}, {0.5, 1}};
    Quadratic q = new Quadratic(new double[] {1, -2}, a);
    ExactNewton.Curved skewed = (z, g, h) -> {
      double v = q.valueGradientAndHessian(z, g, h);
      h[0][1] = -1;
      h[1][0] = 0;
      return v;
    };
    NewtonSteps.Polished p = ExactNewton.maximize(q, skewed, new double[] {0, 0}, null, WIDE, 10);
    assertNotNull(p);
    assertArrayEquals(new double[] {1, -2}, p.point(), 1e-15);
  }

  @Test
  void noStepsReturnTheStartWithItsHessian() {
    Quadratic q = new Quadratic(new double[] {1}, new double[][] {{2}});
    NewtonSteps.Polished p = ExactNewton.maximize(q, q, new double[] {0}, null, new double[] {5},
        0);
    assertNotNull(p);
    assertArrayEquals(new double[] {0}, p.point(), 0);
    assertEquals(-1, p.value(), 0);
    assertArrayEquals(new double[] {2}, p.gradient(), 0);
    assertEquals(-2, p.hessian()[0][0], 0);
    assertEquals(1, q.curved);
  }

  @Test
  void aGivenInverseTakesTheFirstStepAndTheHessianComesFromItsEnd() {
    // Inverse 1/2 = A⁻¹: f at the start only (value and gradient), the Hessian at c.
    Quadratic q = new Quadratic(new double[] {1}, new double[][] {{2}});
    NewtonSteps.Polished p = ExactNewton.maximize(q, q, new double[] {0}, new double[][] {{0.5}},
        new double[] {5}, 1);
    assertNotNull(p);
    assertEquals(1, p.point()[0], 0);
    assertEquals(-2, p.hessian()[0][0], 0);
    assertEquals(1, q.values);
    assertEquals(1, q.curved);
    // With no step allowed after the first, no Hessian was evaluated at a point reported: null.
    Quadratic again = new Quadratic(new double[] {1}, new double[][] {{2}});
    assertNull(ExactNewton.maximize(again, again, new double[] {0}, new double[][] {{0.5}},
        new double[] {5}, 0));
  }

  @Test
  void aStepThatOvershootsIsHalvedUntilTheValueRises() {
    // f = -(z - 1)², g(0) = 2; the inverse 2 (four times A⁻¹) steps 4 to z = 4 (f = -9), half of
    // it to z = 2 (f = -1 = f(0), gradient -2 no smaller), a quarter to z = 1 (f = 0).
    Quadratic q = new Quadratic(new double[] {1}, new double[][] {{2}});
    NewtonSteps.Polished p = ExactNewton.maximize(q, q, new double[] {0}, new double[][] {{2}},
        new double[] {5}, 10);
    assertNotNull(p);
    assertEquals(1, p.point()[0], 0);
    assertEquals(0, p.value(), 0);
    assertEquals(-2, p.hessian()[0][0], 0);
    // Start (value and gradient), three trial points with the Hessian (the step is long).
    assertEquals(1, q.values);
    assertEquals(3, q.curved);
  }

  @Test
  void aStepWithinRoundingOfTheValueIsTakenWhenTheGradientShrinks() {
    // A value that is flat to rounding while the gradient is that of -(z - 1)²: the step to the
    // centre neither raises nor lowers the value, and the gradient falls to zero.
    Quadratic q = new Quadratic(new double[] {1}, new double[][] {{2}});
    QuasiNewton.Smooth flat = (z, g) -> {
      q.valueAndGradient(z, g);
      return 7.0;
    };
    ExactNewton.Curved flatCurved = (z, g, h) -> {
      q.valueGradientAndHessian(z, g, h);
      return 7.0;
    };
    NewtonSteps.Polished p = ExactNewton.maximize(flat, flatCurved, new double[] {0}, null,
        new double[] {5}, 10);
    assertNotNull(p);
    assertEquals(1, p.point()[0], 1e-15);
    assertEquals(0, p.gradient()[0], 1e-15);
    // Rounding is relative to the value: at 1e6 it is 1e-8, so a fall of 1e-9 is within it.
    QuasiNewton.Smooth large = (z, g) -> {
      q.valueAndGradient(z, g);
      return 1e6 - 1e-9 * z[0];
    };
    ExactNewton.Curved largeCurved = (z, g, h) -> {
      q.valueGradientAndHessian(z, g, h);
      return 1e6 - 1e-9 * z[0];
    };
    NewtonSteps.Polished relative = ExactNewton.maximize(large, largeCurved, new double[] {0},
        null, new double[] {5}, 10);
    assertNotNull(relative);
    assertEquals(1, relative.point()[0], 1e-15);
    // A value lower by more than rounding (7e-14 here) at every trial, down to the twentieth
    // halving (z = 2^-19, 1.9e-12 lower), is refused even as the gradient shrinks.
    QuasiNewton.Smooth falling = (z, g) -> {
      q.valueAndGradient(z, g);
      return 7.0 - 1e-6 * z[0];
    };
    ExactNewton.Curved fallingCurved = (z, g, h) -> {
      q.valueGradientAndHessian(z, g, h);
      return 7.0 - 1e-6 * z[0];
    };
    NewtonSteps.Polished stay = ExactNewton.maximize(falling, fallingCurved, new double[] {0},
        null, new double[] {5}, 10);
    assertNotNull(stay);
    assertEquals(0, stay.point()[0], 0);
    assertEquals(2, stay.gradient()[0], 0);
  }

  @Test
  void aStepShorterThanTheReuseLengthKeepsTheHessian() {
    // A = 1, so the decrement λ is the distance: 5e-6 lies between STOP and REUSE. The step is
    // evaluated without a Hessian, and the Hessian from the start is reported at the centre.
    Quadratic q = new Quadratic(new double[] {1}, new double[][] {{1}});
    NewtonSteps.Polished p = ExactNewton.maximize(q, q, new double[] {1 - 5e-6}, null,
        new double[] {5}, 10);
    assertNotNull(p);
    assertEquals(1, p.point()[0], 1e-16);
    assertEquals(1, q.curved);
    assertEquals(1, q.values);
    // 2e-5 is beyond REUSE: the step's end gets a Hessian of its own.
    Quadratic far = new Quadratic(new double[] {1}, new double[][] {{1}});
    ExactNewton.maximize(far, far, new double[] {1 - 2e-5}, null, new double[] {5}, 10);
    assertEquals(2, far.curved);
    assertEquals(0, far.values);
  }

  @Test
  void aStartWithinTheStopLengthIsReturnedAsItIs() {
    Quadratic q = new Quadratic(new double[] {1}, new double[][] {{1}});
    NewtonSteps.Polished p = ExactNewton.maximize(q, q, new double[] {1 - 5e-7}, null,
        new double[] {5}, 10);
    assertNotNull(p);
    assertEquals(1 - 5e-7, p.point()[0], 0);
    assertEquals(1, q.curved);
    assertEquals(0, q.values);
  }

  @Test
  void aMaximumBeyondTheBoxStopsAtTheEdgeAfterTwentyHalvings() {
    // c = 3 beyond the limit 1: the first step is clamped to 1 (f rises from -9 to -4); every
    // later trial, 1 + t·2 for t = 1, 1/2, ..., 2^-19, is clamped to 1 again and refused.
    Quadratic q = new Quadratic(new double[] {3}, new double[][] {{2}});
    NewtonSteps.Polished p = ExactNewton.maximize(q, q, new double[] {0}, null, new double[] {1},
        10);
    assertNotNull(p);
    assertEquals(1, p.point()[0], 0);
    assertEquals(-4, p.value(), 0);
    assertEquals(4, p.gradient()[0], 0);
    assertEquals(1 + 1 + 20, q.curved);
  }

  @Test
  void aHessianThatIsNotNegativeDefiniteOrANonFiniteStartGivesNull() {
    Quadratic convex = new Quadratic(new double[] {1}, new double[][] {{-2}});
    assertNull(ExactNewton.maximize(convex, convex, new double[] {0}, null, new double[] {5}, 10));
    Quadratic q = new Quadratic(new double[] {1}, new double[][] {{2}});
    ExactNewton.Curved undefined = (z, g, h) -> {
      q.valueGradientAndHessian(z, g, h);
      return Double.NEGATIVE_INFINITY;
    };
    assertNull(ExactNewton.maximize(q, undefined, new double[] {0}, null, new double[] {5}, 10));
    ExactNewton.Curved nanGradient = (z, g, h) -> {
      double v = q.valueGradientAndHessian(z, g, h);
      g[0] = Double.NaN;
      return v;
    };
    assertNull(ExactNewton.maximize(q, nanGradient, new double[] {0}, null, new double[] {5},
        10));
  }

  @Test
  void noStepRaisingTheValueFromAGivenInverseGivesNull() {
    // The inverse points downhill (negative): every trial lowers the value and its gradient
    // grows, so no Hessian is ever evaluated at an accepted point.
    Quadratic q = new Quadratic(new double[] {1}, new double[][] {{2}});
    assertNull(ExactNewton.maximize(q, q, new double[] {0}, new double[][] {{-0.5}},
        new double[] {5}, 10));
  }

  @Test
  void theStartIsNotModifiedAndTheCentreIsFoundFromAnywhereInTheBox() {
    qt().withExamples(200).forAll(doubles().between(-4, 4), doubles().between(-4, 4),
            doubles().between(0.01, 100))
        .checkAssert((start, centre, curvature) -> {
          Quadratic q = new Quadratic(new double[] {centre}, new double[][] {{curvature}});
          double[] z = {start};
          NewtonSteps.Polished p = ExactNewton.maximize(q, q, z, null, new double[] {5}, 10);
          assertEquals(start, z[0], 0);
          assertNotNull(p);
          // Within STOP standard errors (1/√curvature) of the centre.
          assertEquals(centre, p.point()[0], 1e-6 / Math.sqrt(curvature) + 1e-15);
          assertEquals(-curvature, p.hessian()[0][0], 0);
        });
  }
}
