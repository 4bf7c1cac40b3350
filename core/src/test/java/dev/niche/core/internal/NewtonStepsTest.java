package dev.niche.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Newton polishing on the central-difference Hessian of an analytic gradient, on functions whose
 * maxima, gradients and Hessians are known in closed form.
 */
class NewtonStepsTest {

  /** {@code -(e^u - u) - (e^v - v)}: concave, maximum -2 at (0, 0), Hessian diag(-e^u, -e^v). */
  private static final QuasiNewton.Smooth EXP_BOWL = (z, g) -> {
    g[0] = 1 - Math.exp(z[0]);
    g[1] = 1 - Math.exp(z[1]);
    return -(Math.exp(z[0]) - z[0]) - (Math.exp(z[1]) - z[1]);
  };

  private static final double[] WIDE = {5, 5};

  @Test
  void polishConvergesToTheMaximumWithItsHessian() {
    double[] start = {1, -1};
    NewtonSteps.Polished p = NewtonSteps.polish(EXP_BOWL, start, WIDE, 30);
    assertArrayEquals(new double[] {0, 0}, p.point(), 1e-12);
    assertEquals(-2, p.value(), 1e-15);
    assertArrayEquals(new double[] {0, 0}, p.gradient(), 1e-12);
    assertArrayEquals(new double[] {-1, 0}, p.hessian()[0], 1e-9);
    assertArrayEquals(new double[] {0, -1}, p.hessian()[1], 1e-9);
    assertArrayEquals(new double[] {1, -1}, start, 0.0, "start is not modified");
  }

  @Test
  void oneNewtonStepAndTheHessianAtThePointReached() {
    // One Newton step on each coordinate: z - (1 - e^z) / (-e^z) = z - 1 + e^-z, so 1/e and
    // e - 2; the Hessian returned is the one there, diag(-e^(1/e), -e^(e-2)), not at the start.
    NewtonSteps.Polished p = NewtonSteps.polish(EXP_BOWL, new double[] {1, -1}, WIDE, 1);
    double u = Math.exp(-1);
    double v = Math.E - 2;
    assertArrayEquals(new double[] {u, v}, p.point(), 1e-9);
    // The value and gradient are those at the point returned.
    double[] g = new double[2];
    assertEquals(EXP_BOWL.valueAndGradient(p.point(), g), p.value(), 0.0);
    assertArrayEquals(g, p.gradient(), 0.0);
    assertArrayEquals(new double[] {1 - Math.exp(u), 1 - Math.exp(v)}, p.gradient(), 1e-8);
    assertEquals(-Math.exp(u), p.hessian()[0][0], 1e-8);
    assertEquals(-Math.exp(v), p.hessian()[1][1], 1e-8);
    assertEquals(0, p.hessian()[0][1], 1e-9);
  }

  @Test
  void noStepsLeaveTheStartWithItsHessian() {
    NewtonSteps.Polished p = NewtonSteps.polish(EXP_BOWL, new double[] {1, -1}, WIDE, 0);
    assertArrayEquals(new double[] {1, -1}, p.point(), 0.0);
    assertArrayEquals(new double[] {1 - Math.E, 1 - Math.exp(-1)}, p.gradient(), 1e-15);
    assertEquals(-Math.E, p.hessian()[0][0], 1e-8);
    assertEquals(-Math.exp(-1), p.hessian()[1][1], 1e-9);
  }

  @Test
  void aQuadraticStopsOnceTheStepIsBelowRounding() {
    // -½ (z - c)ᵀ A (z - c): the first Newton step lands on c (the central difference of a
    // linear gradient is exact); the second moves by rounding only and ends the polish, so the
    // work is two Hessians (2n gradients each) and two line-search points beyond the start.
    WatchedFunction f = new WatchedFunction((z, g) -> {
      double u = z[0] - 0.7;
      double v = z[1] + 1.3;
      g[0] = -(2 * u + v);
      g[1] = -(u + 2 * v);
      return -0.5 * (2 * u * u + 2 * u * v + 2 * v * v);
    });
    NewtonSteps.Polished p = NewtonSteps.polish(f, new double[] {3, 2}, WIDE, 30);
    assertArrayEquals(new double[] {0.7, -1.3}, p.point(), 1e-12);
    assertArrayEquals(new double[] {-2, -1}, p.hessian()[0], 1e-9);
    assertArrayEquals(new double[] {-1, -2}, p.hessian()[1], 1e-9);
    assertTrue(f.calls <= 1 + 2 * (4 + 1) + 4, "calls " + f.calls);
  }

  @Test
  void stepHalvingKeepsTheValueFromFalling() {
    // -sqrt(1 + z²): the full Newton step from z maps it to -z³, which overshoots from z = 2;
    // halving finds a rise each time and the polish reaches the maximum -1 at 0.
    QuasiNewton.Smooth hump = (z, g) -> {
      double r = Math.sqrt(1 + z[0] * z[0]);
      g[0] = -z[0] / r;
      return -r;
    };
    NewtonSteps.Polished first = NewtonSteps.polish(hump, new double[] {2}, new double[] {50}, 1);
    assertTrue(first.value() > -Math.sqrt(5), "never worse than the start");
    assertTrue(Math.abs(first.point()[0]) < 2);
    NewtonSteps.Polished p = NewtonSteps.polish(hump, new double[] {2}, new double[] {50}, 30);
    assertEquals(0, p.point()[0], 1e-9);
    assertEquals(-1, p.value(), 1e-15);
  }

  @Test
  void polishStopsWhereTheHessianIsNotNegativeDefinite() {
    // A saddle u² - v²: no Newton step is taken.
    QuasiNewton.Smooth saddle = (z, g) -> {
      g[0] = 2 * z[0];
      g[1] = -2 * z[1];
      return z[0] * z[0] - z[1] * z[1];
    };
    NewtonSteps.Polished p = NewtonSteps.polish(saddle, new double[] {0.5, 0.25}, WIDE, 10);
    assertArrayEquals(new double[] {0.5, 0.25}, p.point(), 0.0);
    assertEquals(0.25 - 0.0625, p.value(), 0.0);
    assertArrayEquals(new double[] {2, 0}, p.hessian()[0], 1e-9);
  }

  @Test
  void polishStopsWhereTheGradientIsNotFinite() {
    QuasiNewton.Smooth broken = (z, g) -> {
      g[0] = Double.NaN;
      return -z[0] * z[0];
    };
    NewtonSteps.Polished p = NewtonSteps.polish(broken, new double[] {0.5}, WIDE, 10);
    assertArrayEquals(new double[] {0.5}, p.point(), 0.0);
    assertEquals(-0.25, p.value(), 0.0);
    assertTrue(Double.isNaN(p.hessian()[0][0]));
  }

  @Test
  void polishStaysInsideTheBox() {
    WatchedFunction f = new WatchedFunction((z, g) -> {
      g[0] = -2 * (z[0] - 10);
      return -(z[0] - 10) * (z[0] - 10);
    });
    NewtonSteps.Polished p = NewtonSteps.polish(f, new double[] {0}, new double[] {3}, 10);
    assertArrayEquals(new double[] {3}, p.point(), 0.0);
    assertEquals(-49, p.value(), 0.0);
    assertTrue(f.widest <= 3, "evaluated at " + f.widest);
    // The Hessian at the bound comes from a one-sided difference of the linear gradient: -2.
    assertEquals(-2, p.hessian()[0][0], 1e-9);
  }

  @Test
  void aStepThatNeverRaisesTheValueIsNotTaken() {
    // The gradient claims a rise at 0 that the value does not have: twenty halvings fail and the
    // point stays.
    QuasiNewton.Smooth liar = (z, g) -> {
      g[0] = 1 - 2 * z[0];
      return -z[0] * z[0] - 1e-3 * Math.abs(z[0]);
    };
    NewtonSteps.Polished p = NewtonSteps.polish(liar, new double[] {0}, WIDE, 10);
    assertArrayEquals(new double[] {0}, p.point(), 0.0);
    assertEquals(0, p.value(), 0.0);
  }

  @Test
  void theHessianIsTheCentralDifferenceWithARelativeStep() {
    // Column j differences the gradient at z ± h e_j with h = 1e-5 max(1, |z_j|).
    for (double z : new double[] {100, -200, 0.5, 0}) {
      java.util.List<Double> seen = new java.util.ArrayList<>();
      QuasiNewton.Smooth square = (y, g) -> {
        seen.add(y[0]);
        g[0] = -y[0] * y[0];
        return -y[0] * y[0] * y[0] / 3;
      };
      double[][] h = NewtonSteps.hessian(square, new double[] {z}, new double[] {1e6});
      double step = 1e-5 * Math.max(1, Math.abs(z));
      assertEquals(2, seen.size());
      assertEquals(z + step, seen.get(0), 1e-12 * Math.max(1, Math.abs(z)));
      assertEquals(z - step, seen.get(1), 1e-12 * Math.max(1, Math.abs(z)));
      // The central difference of a quadratic gradient is exact: -2z.
      assertEquals(-2 * z, h[0][0], 1e-9 * Math.max(1, Math.abs(z)));
    }
  }

  @Test
  void theHessianIsSymmetrisedAndKeepsItsStepsInsideTheBox() {
    // A "gradient" whose Jacobian [[-1, 2], [0, -1]] is not symmetric: the average is returned.
    WatchedFunction f = new WatchedFunction((z, g) -> {
      g[0] = -z[0] + 2 * z[1];
      g[1] = -z[1];
      return 0;
    });
    double[][] h = NewtonSteps.hessian(f, new double[] {2, -2}, new double[] {2, 2});
    assertArrayEquals(new double[] {-1, 1}, h[0], 1e-9);
    assertArrayEquals(new double[] {1, -1}, h[1], 1e-9);
    assertTrue(f.widest <= 2, "evaluated at " + f.widest);
    assertEquals(4, f.calls);
  }

  @Test
  void finishTakesOneNewtonStepOnTheForwardDifferenceHessian() {
    // Near the maximum of the exponential bowl: one Newton step z - 1 + e^-z ≈ z² / 2 (up to the
    // O(1e-6) relative error of the forward-difference Hessian), and the Hessian returned is
    // the one at the start, diag(-e^z).
    double[] start = {1e-3, -2e-3};
    double[] g = new double[2];
    double value = EXP_BOWL.valueAndGradient(start, g);
    double[] gradient = g.clone();
    WatchedFunction f = new WatchedFunction(EXP_BOWL);
    NewtonSteps.Polished p = NewtonSteps.finish(f, start, value, gradient, WIDE);
    assertEquals(start[0] - 1 + Math.exp(-start[0]), p.point()[0], 3e-9);
    assertEquals(start[1] - 1 + Math.exp(-start[1]), p.point()[1], 3e-9);
    assertTrue(p.value() > value);
    double[] expected = new double[2];
    assertEquals(EXP_BOWL.valueAndGradient(p.point(), expected), p.value(), 0.0);
    assertArrayEquals(expected, p.gradient(), 0.0);
    assertEquals(-Math.exp(start[0]), p.hessian()[0][0], 1e-6);
    assertEquals(-Math.exp(start[1]), p.hessian()[1][1], 1e-6);
    assertEquals(0, p.hessian()[0][1], 1e-9);
    // n gradients for the Hessian, one at the new point.
    assertEquals(3, f.calls);
    assertArrayEquals(new double[] {1e-3, -2e-3}, start, 0.0, "start is not modified");
    assertArrayEquals(g, gradient, 0.0, "gradient is not modified");
  }

  @Test
  void finishKeepsTheStartWhereTheHessianIsNotNegativeDefinite() {
    QuasiNewton.Smooth saddle = (z, g) -> {
      g[0] = 2 * z[0];
      g[1] = -2 * z[1];
      return z[0] * z[0] - z[1] * z[1];
    };
    double[] start = {0.5, 0.25};
    double[] gradient = {1, -0.5};
    NewtonSteps.Polished p = NewtonSteps.finish(saddle, start, 0.1875, gradient, WIDE);
    assertArrayEquals(start, p.point(), 0.0);
    assertEquals(0.1875, p.value(), 0.0);
    assertArrayEquals(gradient, p.gradient(), 0.0);
    assertEquals(2, p.hessian()[0][0], 1e-5);
    assertEquals(-2, p.hessian()[1][1], 1e-5);
    p.point()[0] = 99;
    p.gradient()[0] = 99;
    assertEquals(0.5, start[0], "the start is copied, not shared");
    assertEquals(1, gradient[0]);
  }

  @Test
  void finishRejectsAStepThatLowersTheValueOrLandsWhereItIsUndefined() {
    // The gradient says the maximum of -(z - 1)²/2 is at 1, but the value falls there.
    QuasiNewton.Smooth liar = (z, g) -> {
      g[0] = -(z[0] - 1);
      return -z[0] * z[0];
    };
    double[] gradient = {1};
    NewtonSteps.Polished p = NewtonSteps.finish(liar, new double[] {0}, 0, gradient, WIDE);
    assertArrayEquals(new double[] {0}, p.point(), 0.0);
    assertEquals(0, p.value(), 0.0);
    // The same step into a region where the likelihood is undefined.
    QuasiNewton.Smooth cliff = (z, g) -> {
      g[0] = -(z[0] - 1);
      return z[0] > 0.5 ? Double.NaN : -0.5 * (z[0] - 1) * (z[0] - 1);
    };
    p = NewtonSteps.finish(cliff, new double[] {0}, -0.5, gradient, WIDE);
    assertArrayEquals(new double[] {0}, p.point(), 0.0);
    // A step that keeps the value but does not reduce the gradient is not taken either.
    QuasiNewton.Smooth stubborn = (z, g) -> {
      g[0] = z[0] < 0.5 ? -(z[0] - 1) : 2;
      return 0;
    };
    p = NewtonSteps.finish(stubborn, new double[] {0}, 0, gradient, WIDE);
    assertArrayEquals(new double[] {0}, p.point(), 0.0);
  }

  @Test
  void finishTrustsAHalvedGradientWhenTheRiseIsBelowRounding() {
    // -z²/2 with a value that dips by 1e-13 (noise of a long sum) close to 0: from z = 1e-8 the
    // linear rise gᵀs = 1e-16 is below twice the rounding level 1e-14 and the value falls by more
    // than that level, but the gradient falls from 1e-8 to 0, so the step is taken.
    QuasiNewton.Smooth noisy = (z, g) -> {
      g[0] = -z[0];
      return -0.5 * z[0] * z[0] - (Math.abs(z[0]) < 5e-9 ? 1e-13 : 0);
    };
    NewtonSteps.Polished p =
        NewtonSteps.finish(noisy, new double[] {1e-8}, -5e-17, new double[] {-1e-8}, WIDE);
    assertEquals(0, p.point()[0], 1e-15);
    // From z = 1e-6 the linear rise, 1e-12, is above twice the rounding level: the fall of the
    // value (1e-10) counts, and the step is refused.
    QuasiNewton.Smooth deep = (z, g) -> {
      g[0] = -z[0];
      return -0.5 * z[0] * z[0] - (Math.abs(z[0]) < 5e-9 ? 1e-10 : 0);
    };
    p = NewtonSteps.finish(deep, new double[] {1e-6}, -5e-13, new double[] {-1e-6}, WIDE);
    assertArrayEquals(new double[] {1e-6}, p.point(), 0.0);
  }

  @Test
  void theForwardHessianStepsInwardsAtTheUpperBound() {
    // Column j differences the gradient at z + h e_j, h = 1e-6 max(1, |z_j|), or at z - h e_j
    // when z + h leaves the box; exact for a linear gradient.
    for (double z : new double[] {100, -200, 0.5, 1000}) {
      java.util.List<Double> seen = new java.util.ArrayList<>();
      QuasiNewton.Smooth line = (y, g) -> {
        seen.add(y[0]);
        g[0] = -3 * y[0];
        return -1.5 * y[0] * y[0];
      };
      double[][] h = NewtonSteps.forwardHessian(line, new double[] {z}, new double[] {-3 * z},
          new double[] {1000});
      double step = 1e-6 * Math.max(1, Math.abs(z));
      assertEquals(1, seen.size());
      double expected = z + step <= 1000 ? z + step : z - step;
      assertEquals(expected, seen.get(0), 0.0, "z = " + z);
      assertEquals(-3, h[0][0], 1e-6);
    }
  }
}
