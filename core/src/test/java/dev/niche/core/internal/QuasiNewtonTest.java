package dev.niche.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * BFGS with a projected backtracking line search on functions whose maxima are known exactly:
 * concave quadratics (maximum where the gradient vanishes, or on a face of the box where the
 * remaining coordinates maximise the restricted quadratic) and Rosenbrock's function.
 */
class QuasiNewtonTest {

  private static final double[] WIDE = {10, 10};

  /** {@code -½ (z - c)ᵀ A (z - c)} with {@code A = [[2, 1], [1, 2]]}: maximum 0 at {@code c}. */
  private static QuasiNewton.Smooth quadratic(double c0, double c1) {
    return (z, g) -> {
      double u = z[0] - c0;
      double v = z[1] - c1;
      g[0] = -(2 * u + v);
      g[1] = -(u + 2 * v);
      return -0.5 * (2 * u * u + 2 * u * v + 2 * v * v);
    };
  }

  /**
   * The negated Rosenbrock function {@code -(100 (y - x²)² + (1 - x)²)}: Nocedal &amp; Wright
   * (2006), "Numerical Optimization", eq. 2.22 and exercise 2.1, the only minimiser of the
   * Rosenbrock function is (1, 1) where it is 0; exercise 3.1 uses the hard start (-1.2, 1).
   */
  private static final QuasiNewton.Smooth ROSENBROCK = (z, g) -> {
    double x = z[0];
    double y = z[1];
    double r = y - x * x;
    g[0] = 400 * x * r + 2 * (1 - x);
    g[1] = -200 * r;
    return -(100 * r * r + (1 - x) * (1 - x));
  };

  @Test
  void aQuadraticIsMaximisedByNewtonsStepAtOnce() {
    // The forward-difference Hessian of a linear gradient is exact up to rounding (relative
    // 1e-16 / 1e-6), so the initial inverse is the inverse Hessian and the first step lands on
    // the maximum to about 1e-10.
    WatchedFunction f = new WatchedFunction(quadratic(1.5, -2));
    double[] start = {0.5, -0.5};
    QuasiNewton.Result r = QuasiNewton.maximize(f, start, WIDE, 1e-8, 500, 10_000);
    assertTrue(r.converged());
    assertEquals(1, r.iterations());
    assertArrayEquals(new double[] {1.5, -2}, r.point(), 1e-8);
    assertEquals(0, r.value(), 1e-15);
    assertArrayEquals(new double[] {0, 0}, r.gradient(), 1e-8);
    assertArrayEquals(new double[] {0.5, -0.5}, start, 0.0, "start is not modified");
    // One value at the start, one forward difference per coordinate, one line-search point.
    assertEquals(4, f.calls);
  }

  @Test
  void aLongNewtonStepIsCutToTwoUnitsPerIteration() {
    // From (-3, 4) Newton's step is (4.5, -6): three capped steps (a third of it each) reach c.
    QuasiNewton.Result r = QuasiNewton.maximize(quadratic(1.5, -2), new double[] {-3, 4}, WIDE,
        1e-10, 500, 10_000);
    assertTrue(r.converged());
    assertEquals(3, r.iterations());
    assertArrayEquals(new double[] {1.5, -2}, r.point(), 1e-10);
    QuasiNewton.Result one = QuasiNewton.maximize(quadratic(1.5, -2), new double[] {-3, 4}, WIDE,
        1e-10, 1, 10_000);
    assertArrayEquals(new double[] {-1.5, 2}, one.point(), 1e-9);
  }

  @Test
  void theEvaluationBudgetIsCountedExactly() {
    // The quadratic above needs exactly 4 evaluations; with 3 the line search sees a NaN
    // gradient and the search ends at the start, not converged.
    QuasiNewton.Result enough = QuasiNewton.maximize(quadratic(1.5, -2),
        new double[] {0.5, -0.5}, WIDE, 1e-8, 500, 4);
    assertTrue(enough.converged());
    assertArrayEquals(new double[] {1.5, -2}, enough.point(), 1e-8);
    QuasiNewton.Result short1 = QuasiNewton.maximize(quadratic(1.5, -2),
        new double[] {0.5, -0.5}, WIDE, 1e-8, 500, 3);
    assertFalse(short1.converged());
    assertArrayEquals(new double[] {0.5, -0.5}, short1.point(), 0.0);
    // u = -1, v = 1.5: -½ (2 - 3 + 4.5).
    assertEquals(-1.75, short1.value(), 1e-15);
  }

  @Test
  void anExhaustedBudgetEndsTheSearchWithinTheLineSearchLimit() {
    WatchedFunction f = new WatchedFunction(ROSENBROCK);
    QuasiNewton.Result r = QuasiNewton.maximize(f, new double[] {-1.2, 1}, WIDE, 1e-10, 500, 50);
    assertFalse(r.converged());
    assertTrue(r.value() > ROSENBROCK.valueAndGradient(new double[] {-1.2, 1}, new double[2]),
        "the best point reached is better than the start");
    // After the budget every line search fails; at most two of them (the BFGS direction, then
    // steepest ascent) of at most 40 halvings each follow.
    assertTrue(f.calls <= 50 + 80, "calls " + f.calls);
  }

  @Test
  void rosenbrockFromTheHardStartReachesOneOne() {
    QuasiNewton.Result r =
        QuasiNewton.maximize(ROSENBROCK, new double[] {-1.2, 1}, WIDE, 1e-10, 500, 20_000);
    assertTrue(r.converged(), "iterations " + r.iterations());
    assertArrayEquals(new double[] {1, 1}, r.point(), 1e-8);
    assertEquals(0, r.value(), 1e-16);
    assertTrue(Math.abs(r.gradient()[0]) <= 1e-10 && Math.abs(r.gradient()[1]) <= 1e-10);
    assertTrue(r.iterations() > 1 && r.iterations() < 100, "iterations " + r.iterations());
  }

  @Test
  void theIterationLimitIsRespectedAndReported() {
    QuasiNewton.Result none =
        QuasiNewton.maximize(ROSENBROCK, new double[] {-1.2, 1}, WIDE, 1e-10, 0, 20_000);
    assertEquals(0, none.iterations());
    assertFalse(none.converged());
    assertArrayEquals(new double[] {-1.2, 1}, none.point(), 0.0);
    QuasiNewton.Result three =
        QuasiNewton.maximize(ROSENBROCK, new double[] {-1.2, 1}, WIDE, 1e-10, 3, 20_000);
    assertEquals(3, three.iterations());
    assertFalse(three.converged());
    // One iteration is enough on a quadratic: converged is judged at the point reached.
    QuasiNewton.Result one =
        QuasiNewton.maximize(quadratic(1, 1), new double[] {0, 0}, WIDE, 1e-8, 1, 20_000);
    assertEquals(1, one.iterations());
    assertTrue(one.converged());
    // A start at the maximum is converged after no iteration at all.
    QuasiNewton.Result at =
        QuasiNewton.maximize(quadratic(1, 1), new double[] {1, 1}, WIDE, 1e-10, 0, 20_000);
    assertTrue(at.converged());
    assertEquals(0, at.iterations());
  }

  @Test
  void theToleranceIsRelativeToTheValue() {
    // Offset by 1e6, a gradient of up to 1e-10 * 1e6 = 1e-4 is accepted: the start
    // (gradient -5e-5 in the second coordinate) is converged at once.
    QuasiNewton.Smooth lifted = (z, g) -> {
      g[0] = -5e-5 * z[0];
      g[1] = -5e-5 * z[1];
      return 1e6 - 2.5e-5 * (z[0] * z[0] + z[1] * z[1]);
    };
    QuasiNewton.Result r =
        QuasiNewton.maximize(lifted, new double[] {0, 1}, WIDE, 1e-10, 500, 20_000);
    assertTrue(r.converged());
    assertEquals(0, r.iterations());
    // Near zero the tolerance is absolute: the same gradient is not small enough.
    QuasiNewton.Smooth low = (z, g) -> {
      lifted.valueAndGradient(z, g);
      return -2.5e-5 * (z[0] * z[0] + z[1] * z[1]);
    };
    QuasiNewton.Result s = QuasiNewton.maximize(low, new double[] {0, 1}, WIDE, 1e-10, 500, 20_000);
    assertTrue(s.iterations() >= 1);
    assertArrayEquals(new double[] {0, 0}, s.point(), 1e-6);
  }

  @Test
  void aBoundInTheWayHoldsItsCoordinateAndTheOthersMaximiseTheRestriction() {
    // The quadratic's maximum (10, 0) is outside |z_0| <= 3. On the face z_0 = 3 the rest is
    // maximised at z_1 = (10 - 3) / 2 = 3.5, where dl/dz_0 = 14 - 3.5 = 10.5 points outward.
    double[] limits = {3, 5};
    QuasiNewton.Result r =
        QuasiNewton.maximize(quadratic(10, 0), new double[] {0, 0}, limits, 1e-10, 500, 20_000);
    assertTrue(r.converged());
    assertArrayEquals(new double[] {3, 3.5}, r.point(), 1e-8);
    assertEquals(10.5, r.gradient()[0], 1e-8);
    assertEquals(0, QuasiNewton.projectedNorm(r.point(), r.gradient(), limits), 1e-8);
    // The mirror image at the lower bound.
    QuasiNewton.Result m =
        QuasiNewton.maximize(quadratic(-10, 0), new double[] {0, 0}, limits, 1e-10, 500, 20_000);
    assertTrue(m.converged());
    assertArrayEquals(new double[] {-3, -3.5}, m.point(), 1e-8);
  }

  @Test
  void aLinearFunctionWalksToTheCornerWithoutUpdatingTheInverse() {
    // l = z_0 + 2 z_1 has sᵀy = 0 on every step: the BFGS update is skipped (it would divide by
    // zero) and steepest ascent, each step moving z by g = (1, 2), reaches the corner (5, 5):
    // (1, 2), (2, 4), (3, 5) with z_1 clamped, then z_1 held at its bound, (4, 5), (5, 5).
    QuasiNewton.Smooth linear = (z, g) -> {
      g[0] = 1;
      g[1] = 2;
      return z[0] + 2 * z[1];
    };
    QuasiNewton.Result r = QuasiNewton.maximize(linear, new double[] {0, 0}, new double[] {5, 5},
        1e-10, 500, 20_000);
    assertTrue(r.converged());
    assertArrayEquals(new double[] {5, 5}, r.point(), 0.0);
    assertEquals(15, r.value(), 0.0);
    assertEquals(5, r.iterations());
  }

  @Test
  void stepsAreCappedAtTwoInternalUnits() {
    // -(z - 100)² / 2 from 0: Newton's step (the initial inverse Hessian is exact) would jump to
    // 100, but no coordinate moves more than 2 per step, so the first step ends at 2 and the
    // maximum is reached after 50 steps, the last one uncapped.
    QuasiNewton.Smooth far = (z, g) -> {
      g[0] = -(z[0] - 100);
      return -0.5 * (z[0] - 100) * (z[0] - 100);
    };
    QuasiNewton.Result one =
        QuasiNewton.maximize(far, new double[] {0}, new double[] {1000}, 1e-10, 1, 20_000);
    assertArrayEquals(new double[] {2}, one.point(), 1e-9);
    QuasiNewton.Result all =
        QuasiNewton.maximize(far, new double[] {0}, new double[] {1000}, 1e-10, 500, 20_000);
    assertTrue(all.converged());
    assertArrayEquals(new double[] {100}, all.point(), 1e-8);
    assertEquals(50, all.iterations());
  }

  @Test
  void aConvexStartFallsBackToRescaledSteepestAscent() {
    // -(z² - 1)² has a convex start at z = 0.1 (second derivative -12 z² + 4 > 0), so the initial
    // inverse is the identity; the search still reaches the maximum 0 at z = 1.
    QuasiNewton.Smooth doubleWell = (z, g) -> {
      double q = z[0] * z[0] - 1;
      g[0] = -4 * z[0] * q;
      return -q * q;
    };
    QuasiNewton.Result r =
        QuasiNewton.maximize(doubleWell, new double[] {0.1}, new double[] {5}, 1e-10, 500, 20_000);
    assertTrue(r.converged());
    assertEquals(1, r.point()[0], 1e-10);
    assertEquals(0, r.value(), 1e-18);
    assertTrue(r.iterations() < 30, "iterations " + r.iterations());
  }

  @Test
  void theApproximateWolfeConditionCarriesTheSearchBelowTheValuesRoundingLevel() {
    // 1e8 - (e^z - z) has its maximum at 0; below |z| ~ 1e-4 the value changes by less than its
    // rounding error (~1.5e-8), yet the gradient 1 - e^z still shows the way (Hager & Zhang
    // 2005): the search reaches a gradient of 1e-14 * 1e8 = 1e-6.
    QuasiNewton.Smooth lifted = (z, g) -> {
      g[0] = 1 - Math.exp(z[0]);
      return 1e8 - (Math.exp(z[0]) - z[0]);
    };
    QuasiNewton.Result r =
        QuasiNewton.maximize(lifted, new double[] {2}, new double[] {10}, 1e-14, 500, 20_000);
    assertTrue(r.converged(), "iterations " + r.iterations() + " at " + r.point()[0]);
    assertEquals(0, r.point()[0], 1.01e-6);
  }

  @Test
  void aValueThatNoLongerChangesWhileTheGradientDoesNotFallStopsTheSearch() {
    // The value is constant at 1e8 but the gradient claims a slope of 1: the line search accepts a
    // step that neither raises the value nor reduces the slope (rounding level), and the search
    // stops there, not converged, after that one iteration.
    QuasiNewton.Smooth flat = (z, g) -> {
      g[0] = 1;
      return 1e8;
    };
    QuasiNewton.Result r =
        QuasiNewton.maximize(flat, new double[] {0}, new double[] {10}, 1e-10, 500, 20_000);
    assertFalse(r.converged());
    assertEquals(1, r.iterations());
    assertTrue(r.point()[0] > 0 && r.point()[0] < 1e-4, "moved to " + r.point()[0]);
  }

  @Test
  void aGradientThatContradictsTheValueEndsTheSearchWithoutAStep() {
    // The value falls both ways from 0 but the gradient claims a rise to the right: no step of
    // the line search is accepted, and the search ends where it started.
    QuasiNewton.Smooth liar = (z, g) -> {
      g[0] = 1;
      return -z[0] * z[0];
    };
    QuasiNewton.Result r =
        QuasiNewton.maximize(liar, new double[] {0}, new double[] {10}, 1e-10, 500, 20_000);
    assertFalse(r.converged());
    assertEquals(1, r.iterations());
    assertArrayEquals(new double[] {0}, r.point(), 0.0);
  }

  @Test
  void armijoAcceptsARiseOfAtLeastOneTenThousandthOfThePredictedOne() {
    // The gradient claims a slope of 2 (so each steepest-ascent step is 2 and predicts a rise of
    // 4); the value rises by 2e-3 per unit, a thousandth of the prediction: accepted, three
    // steps in three iterations. By 2e-5 per unit, a hundred-thousandth: rejected.
    for (double slope : new double[] {2e-3, 2e-5}) {
      QuasiNewton.Smooth claimed = (z, g) -> {
        g[0] = 2;
        return slope * z[0];
      };
      QuasiNewton.Result r = QuasiNewton.maximize(claimed, new double[] {100},
          new double[] {1000}, 1e-10, 3, 20_000);
      assertFalse(r.converged());
      if (slope > 1e-4) {
        assertEquals(3, r.iterations());
        assertArrayEquals(new double[] {106}, r.point(), 1e-12);
      } else {
        assertEquals(1, r.iterations());
        assertArrayEquals(new double[] {100}, r.point(), 0.0);
      }
    }
  }

  @Test
  void aStartAtTheUpperBoundDifferencesInwards() {
    // The forward difference of the initial Hessian steps down from a coordinate at its upper
    // bound, so nothing is evaluated outside the box, and the Hessian is still exact.
    double[] widest = {0};
    QuasiNewton.Smooth watched = (z, g) -> {
      widest[0] = Math.max(widest[0], Math.max(Math.abs(z[0]), Math.abs(z[1])));
      return quadratic(1, 1).valueAndGradient(z, g);
    };
    QuasiNewton.Result r = QuasiNewton.maximize(watched, new double[] {2, 0},
        new double[] {2, 2}, 1e-8, 500, 20_000);
    assertTrue(widest[0] <= 2, "evaluated at " + widest[0]);
    assertTrue(r.converged());
    assertEquals(1, r.iterations());
    assertArrayEquals(new double[] {1, 1}, r.point(), 1e-8);
  }

  @Test
  void atTheIterationLimitConvergenceIsJudgedRelativeToTheValue() {
    // No iteration allowed: a gradient of 1e-6 at a value of 1e6 is within 1e-10 * 1e6.
    QuasiNewton.Smooth gentle = (z, g) -> {
      g[0] = -1e-6 * z[0];
      return 1e6 - 0.5e-6 * z[0] * z[0];
    };
    QuasiNewton.Result r =
        QuasiNewton.maximize(gentle, new double[] {1}, new double[] {10}, 1e-10, 0, 20_000);
    assertTrue(r.converged());
    assertEquals(0, r.iterations());
    QuasiNewton.Result tight =
        QuasiNewton.maximize(gentle, new double[] {1}, new double[] {10}, 1e-13, 0, 20_000);
    assertFalse(tight.converged());
  }

  @Test
  void aStartWithoutAFiniteValueOrGradientIsReturnedAsIs() {
    QuasiNewton.Smooth nanValue = (z, g) -> Double.NaN;
    QuasiNewton.Result r =
        QuasiNewton.maximize(nanValue, new double[] {1, 2}, WIDE, 1e-10, 500, 20_000);
    assertFalse(r.converged());
    assertEquals(0, r.iterations());
    assertArrayEquals(new double[] {1, 2}, r.point(), 0.0);
    QuasiNewton.Smooth nanGradient = (z, g) -> {
      g[0] = Double.NaN;
      return 0;
    };
    QuasiNewton.Result s =
        QuasiNewton.maximize(nanGradient, new double[] {1}, new double[] {5}, 1e-10, 500, 20_000);
    assertFalse(s.converged());
    assertEquals(0, s.iterations());
    QuasiNewton.Smooth infinite = (z, g) -> Double.NEGATIVE_INFINITY;
    assertEquals(0, QuasiNewton.maximize(infinite, new double[] {1}, new double[] {5}, 1e-10,
        500, 20_000).iterations());
  }

  @Test
  void approximateWolfeAcceptsWithinTheRoundingLevelAndNineTenthsOfTheSlope() {
    // Value down by exactly the rounding level, slope down to exactly 0.9: accepted.
    assertTrue(QuasiNewton.approximateWolfe(9.0, 10.0, 1.0, 0.9, 1.0));
    assertTrue(QuasiNewton.approximateWolfe(9.0, 10.0, 1.0, -0.9, 1.0));
    assertTrue(QuasiNewton.approximateWolfe(11.0, 10.0, 1.0, 0.0, 1.0));
    // Value down by more than the rounding level, or slope above 0.9 in size: rejected.
    assertFalse(QuasiNewton.approximateWolfe(8.9, 10.0, 1.0, 0.0, 1.0));
    assertFalse(QuasiNewton.approximateWolfe(10.0, 10.0, 1.0, 0.91, 1.0));
    assertFalse(QuasiNewton.approximateWolfe(10.0, 10.0, 1.0, -0.91, 1.0));
    // The slope bound scales with the initial slope.
    assertTrue(QuasiNewton.approximateWolfe(10.0, 10.0, 1.0, 1.8, 2.0));
    assertFalse(QuasiNewton.approximateWolfe(10.0, 10.0, 1.0, 1.9, 2.0));
  }

  @Test
  void theInverseOfAPositiveDefiniteMatrixIsExactAndOtherMatricesHaveNone() {
    // [[4, 2], [2, 3]]⁻¹ = [[3, -2], [-2, 4]] / 8.
    double[][] inverse = QuasiNewton.inversePositiveDefinite(new double[][] {{4, 2}, {2, 3}});
    assertArrayEquals(new double[] {0.375, -0.25}, inverse[0], 1e-15);
    assertArrayEquals(new double[] {-0.25, 0.5}, inverse[1], 1e-15);
    assertNull(QuasiNewton.inversePositiveDefinite(new double[][] {{1, 2}, {2, 1}}), "indefinite");
    assertNull(QuasiNewton.inversePositiveDefinite(new double[][] {{2, 1}, {0, 2}}), "asymmetric");
    assertNull(QuasiNewton.inversePositiveDefinite(new double[][] {{2, 0}, {0, Double.NaN}}));
    assertNull(QuasiNewton.inversePositiveDefinite(
        new double[][] {{Double.POSITIVE_INFINITY, 0}, {0, 1}}));
  }

  @Test
  void theProjectedNormLeavesOutCoordinatesHeldAtABoundByAnOutwardGradient() {
    double[] limits = {3, 3, 3};
    // Upper bound with an outward (positive) gradient: held; lower bound with an inward one: free.
    assertEquals(4, QuasiNewton.projectedNorm(new double[] {3, 0, -3}, new double[] {50, -2, 4},
        limits));
    // Lower bound with an outward gradient: held; upper bound with an inward one: free.
    assertEquals(7, QuasiNewton.projectedNorm(new double[] {-3, 1, 3}, new double[] {-50, 1, -7},
        limits));
    // Inside the box every coordinate counts, whatever the sign.
    assertEquals(9, QuasiNewton.projectedNorm(new double[] {2.999, -2.999, 0},
        new double[] {9, -8, 0}, limits));
    assertEquals(0, QuasiNewton.projectedNorm(new double[] {3, -3, 0}, new double[] {1, -1, 0},
        limits));
  }

  @Test
  void symmetricAveragesOffDiagonalPairsInPlace() {
    double[][] h = {{1, 2, 0}, {4, 3, 1}, {2, 5, 6}};
    double[][] s = QuasiNewton.symmetric(h);
    assertSame(h, s);
    assertArrayEquals(new double[] {1, 3, 1}, s[0], 0.0);
    assertArrayEquals(new double[] {3, 3, 3}, s[1], 0.0);
    assertArrayEquals(new double[] {1, 3, 6}, s[2], 0.0);
  }

  @Test
  void theDirectionIgnoresHeldCoordinates() {
    double[][] b = {{2, 1}, {1, 3}};
    double[] d = new double[2];
    QuasiNewton.direction(b, new double[] {1, 1}, new boolean[2], d);
    assertArrayEquals(new double[] {3, 4}, d, 0.0);
    QuasiNewton.direction(b, new double[] {1, 1}, new boolean[] {false, true}, d);
    assertArrayEquals(new double[] {2, 0}, d, 0.0);
    QuasiNewton.direction(b, new double[] {1, 1}, new boolean[] {true, false}, d);
    assertArrayEquals(new double[] {0, 3}, d, 0.0);
  }

  @Test
  void finiteRejectsNaNAndInfinities() {
    assertTrue(QuasiNewton.finite(new double[] {1, -2, 0}));
    assertTrue(QuasiNewton.finite(new double[0]));
    assertFalse(QuasiNewton.finite(new double[] {1, Double.NaN}));
    assertFalse(QuasiNewton.finite(new double[] {Double.NEGATIVE_INFINITY, 1}));
  }

  @Test
  void theBfgsUpdateSatisfiesTheSecantEquationAndKeepsTheInversePositiveDefinite() {
    // Nocedal & Wright (2006), eq. 6.17 and 6.7: the updated inverse H maps y to s, and stays
    // symmetric positive definite when sᵀy > 0.
    double[][] b = {{2, 0.5, 0}, {0.5, 1, 0.25}, {0, 0.25, 3}};
    double[] s = {0.3, -0.2, 0.5};
    double[] y = {1.0, 0.4, 0.7};
    double sy = 0.3 * 1.0 - 0.2 * 0.4 + 0.5 * 0.7;
    QuasiNewton.update(b, s, y, sy);
    for (int i = 0; i < 3; i++) {
      double by = 0;
      for (int j = 0; j < 3; j++) {
        by += b[i][j] * y[j];
        assertEquals(b[i][j], b[j][i], 1e-15);
      }
      assertEquals(s[i], by, 1e-14);
    }
    assertTrue(LocalMaximum.isNegativeDefinite(new double[][] {
        {-b[0][0], -b[0][1], -b[0][2]}, {-b[1][0], -b[1][1], -b[1][2]},
        {-b[2][0], -b[2][1], -b[2][2]}}));
  }

  @Test
  void aGivenExactInverseHessianSavesTheDifferencesAndIsNotModified() {
    // The quadratic's inverse Hessian of -l is A⁻¹ = [[2, -1], [-1, 2]] / 3: the first step is
    // Newton's, with one evaluation at the start and one in the line search.
    double[][] inverse = {{2.0 / 3, -1.0 / 3}, {-1.0 / 3, 2.0 / 3}};
    WatchedFunction f = new WatchedFunction(quadratic(1.5, -2));
    QuasiNewton.Result r = QuasiNewton.maximize(f, new double[] {0.5, -0.5}, WIDE, 1e-12, 500,
        20_000, inverse);
    assertTrue(r.converged());
    assertEquals(1, r.iterations());
    assertArrayEquals(new double[] {1.5, -2}, r.point(), 1e-12);
    assertEquals(2, f.calls);
    assertArrayEquals(new double[] {2.0 / 3, -1.0 / 3}, inverse[0], 0.0);
    assertArrayEquals(new double[] {-1.0 / 3, 2.0 / 3}, inverse[1], 0.0);
  }

  @Test
  void aPoorInverseHessianCostsIterationsNotTheMaximum() {
    double[][] poor = {{1e-3, 0}, {0, 1e-3}};
    QuasiNewton.Result r = QuasiNewton.maximize(ROSENBROCK, new double[] {-1.2, 1}, WIDE, 1e-10,
        500, 20_000, poor);
    assertTrue(r.converged());
    assertArrayEquals(new double[] {1, 1}, r.point(), 1e-8);
    assertTrue(r.iterations() > 1);
  }

  @Test
  void theInitialHessianDifferencesWithARelativeStepUpToTheBound() {
    // Coordinate j is moved by h = 1e-6 max(1, |z_j|), outwards while z_j + h stays in the box
    // (reaching the bound itself is allowed), inwards otherwise.
    double limit = 1 + 1e-6;
    for (double[] c : new double[][] {{-50, 1e-6 * 50}, {1, limit - 1}, {0.5, 1e-6}}) {
      java.util.List<double[]> seen = new java.util.ArrayList<>();
      QuasiNewton.Smooth watched = (z, g) -> {
        seen.add(z.clone());
        g[0] = -(z[0] - 0.7);
        return -0.5 * (z[0] - 0.7) * (z[0] - 0.7);
      };
      double bound = c[0] == -50 ? 100 : limit;
      QuasiNewton.maximize(watched, new double[] {c[0]}, new double[] {bound}, 1e-8, 0, 20_000);
      assertEquals(2, seen.size());
      assertEquals(c[0] + c[1], seen.get(1)[0], 0.0, "from " + c[0]);
    }
    // At the upper bound itself the step goes inwards.
    java.util.List<double[]> seen = new java.util.ArrayList<>();
    QuasiNewton.maximize((z, g) -> {
      seen.add(z.clone());
      g[0] = -z[0];
      return -0.5 * z[0] * z[0];
    }, new double[] {3}, new double[] {3}, 1e-8, 0, 20_000);
    assertEquals(3 - 1e-6 * 3, seen.get(1)[0], 0.0);
  }
}
