package dev.niche.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class LocalMaximumTest {

  /** Concave, not quadratic: maximum at (0, 0); one Newton step from (1, -1) does not reach it. */
  private static final ToDoubleFunction<double[]> EXP_BOWL =
      z -> -(Math.exp(z[0]) - z[0]) - (Math.exp(z[1]) - z[1]);

  @Test
  void polishConvergesToTheInteriorMaximum() {
    double[] start = {1, -1};
    double[] z = LocalMaximum.polish(EXP_BOWL, start, new double[] {5, 5}, 30);
    assertArrayEquals(new double[] {0, 0}, z, 1e-6);
    assertArrayEquals(new double[] {1, -1}, start, 0.0, "start is not modified");
  }

  @Test
  void polishTakesExactlyTheAllowedNumberOfSteps() {
    double[] start = {1, -1};
    double[] none = LocalMaximum.polish(EXP_BOWL, start, new double[] {5, 5}, 0);
    assertArrayEquals(start, none, 0.0);
    assertNotSame(start, none);
    // One full Newton step on each coordinate, z - (e^z - 1) / e^z = z - 1 + e^-z: 1/e and e - 2.
    double[] one = LocalMaximum.polish(EXP_BOWL, start, new double[] {5, 5}, 1);
    assertEquals(Math.exp(-1), one[0], 1e-4);
    assertEquals(Math.E - 2, one[1], 1e-4);
  }

  @Test
  void polishStopsWhereTheHessianIsNotNegativeDefinite() {
    double[] start = {0.5, 0.25};
    double[] z = LocalMaximum.polish(v -> v[0] * v[0] - v[1] * v[1], start,
        new double[] {3, 3}, 10);
    assertNotNull(z);
    assertArrayEquals(start, z, 0.0);
  }

  @Test
  void polishStaysInsideTheBox() {
    double[] z = LocalMaximum.polish(v -> -(v[0] - 10) * (v[0] - 10), new double[] {0},
        new double[] {3}, 10);
    assertArrayEquals(new double[] {3}, z, 1e-12);
  }

  @Test
  void probeFindsTheRisingEdgeAlongTheFlatDirection() {
    // Flat along (1, 1), rising slowly towards +(1, 1): the supremum is at the box's corner.
    ToDoubleFunction<double[]> ridge =
        v -> -(v[0] - v[1]) * (v[0] - v[1]) + 1e-3 * (v[0] + v[1]);
    double[] z = {0.5, 0.5};
    double[][] hessian = {{-2, 2}, {2, -2}};
    double[] end = LocalMaximum.probeFlatDirection(ridge, z, ridge.applyAsDouble(z), hessian,
        new double[] {2, 3});
    assertArrayEquals(new double[] {2, 2}, end, 1e-9);
  }

  @Test
  void probeIsScaleFreeOnHugeHessians() {
    // Commons Math's EigenDecomposition stops converging on entries beyond about 1e154
    // (MaxCountExceededException on the ridge below at 1e200); the probe scales first, so a
    // likelihood weighted by 1e300 is probed like the unit one.
    ToDoubleFunction<double[]> ridge =
        v -> -(v[0] - v[1]) * (v[0] - v[1]) + 1e-3 * (v[0] + v[1]);
    double[] z = {0.5, 0.5};
    for (double scale : new double[] {1, 1e200, 1e300, 1e307}) {
      double[][] hessian = {{-2 * scale, 2 * scale}, {2 * scale, -2 * scale}};
      double[] end = LocalMaximum.probeFlatDirection(
          v -> scale * ridge.applyAsDouble(v), z, scale * ridge.applyAsDouble(z), hessian,
          new double[] {2, 3});
      assertArrayEquals(new double[] {2, 2}, end, 1e-9, "scale " + scale);
    }
  }

  @Test
  void probeFollowsTheFlattestEigenvectorToTheNearestFace() {
    ToDoubleFunction<double[]> f = v -> -v[0] * v[0] + 1e-3 * v[1];
    double[] z = {0.5, 1};
    double[] end = LocalMaximum.probeFlatDirection(f, z, f.applyAsDouble(z),
        new double[][] {{-2, 0}, {0, 0}}, new double[] {2, 5});
    assertArrayEquals(new double[] {0.5, 5}, end, 1e-9);
    end = LocalMaximum.probeFlatDirection(f, z, f.applyAsDouble(z),
        new double[][] {{0, 0}, {0, -2}}, new double[] {2, 5});
    assertNull(end, "f falls to both faces along the first axis");
  }

  @Test
  void probeReportsAnInteriorMaximumAsNull() {
    ToDoubleFunction<double[]> bowl = v -> -v[0] * v[0] - 3 * v[1] * v[1];
    assertNull(LocalMaximum.probeFlatDirection(bowl, new double[] {0, 0}, 0,
        new double[][] {{-2, 0}, {0, -6}}, new double[] {1, 1}));
  }

  @Test
  void probeAcceptsAnEdgeWithinTheRelativeTolerance() {
    // value 100, tolerance 1e-7 * 101; the edge is lower by only 2.5e-8.
    ToDoubleFunction<double[]> f = v -> 100 - 1e-9 * v[0] * v[0];
    double[] end = LocalMaximum.probeFlatDirection(f, new double[] {0}, 100,
        new double[][] {{-2e-9}}, new double[] {5});
    assertNotNull(end);
    assertEquals(5, Math.abs(end[0]), 1e-12);
    // Lower by 2.5e-3, far beyond the tolerance: an interior maximum.
    ToDoubleFunction<double[]> g = v -> 100 - 1e-4 * v[0] * v[0];
    assertNull(LocalMaximum.probeFlatDirection(g, new double[] {0}, 100,
        new double[][] {{-2e-4}}, new double[] {5}));
  }

  @Test
  void negativeDefinitenessIsDecidedByCholesky() {
    assertTrue(LocalMaximum.isNegativeDefinite(new double[][] {{-2, 0.5}, {0.5, -1}}));
    assertFalse(LocalMaximum.isNegativeDefinite(new double[][] {{-2, 0}, {0, 1}}));
    assertFalse(LocalMaximum.isNegativeDefinite(new double[][] {{-2, 1}, {0, -1}}));
  }

  @Test
  void clampKeepsCoordinatesInTheBox() {
    assertEquals(3, LocalMaximum.clamp(7, 3));
    assertEquals(-3, LocalMaximum.clamp(-7, 3));
    assertEquals(1.5, LocalMaximum.clamp(1.5, 3));
  }

  @Test
  void polishHalvesAnOvershootingNewtonStep() {
    // -sqrt(1 + z²): the full Newton step maps z to -z³, from 2 to -8 where the value is lower;
    // halving finds a rise, and the polish reaches the maximum -1 at 0.
    ToDoubleFunction<double[]> hump = v -> -Math.sqrt(1 + v[0] * v[0]);
    double[] z = LocalMaximum.polish(hump, new double[] {2}, new double[] {50}, 30);
    assertEquals(0, z[0], 1e-6);
  }

  @Test
  void probeOfALevelFunctionWithAZeroHessianReachesTheEdge() {
    // Nothing to scale by: the probe follows an eigenvector of the zero matrix to the edge, where
    // the value is the same.
    double[] end = LocalMaximum.probeFlatDirection(v -> 3.0, new double[] {0.5, -1},
        3.0, new double[][] {{0, 0}, {0, 0}}, new double[] {2, 4});
    assertNotNull(end);
    assertTrue(Math.abs(end[0]) == 2 || Math.abs(end[1]) == 4, "end " + end[0] + ", " + end[1]);
  }

  @Test
  void probeMeasuresTheRoomToTheLowerFaceFromThePoint() {
    // Rising towards z = -5 from z = 1: the room on that side is 5 + 1 = 6, so the edge is -5.
    ToDoubleFunction<double[]> f = v -> -1e-3 * v[0];
    double[] end = LocalMaximum.probeFlatDirection(f, new double[] {1}, f.applyAsDouble(
        new double[] {1}), new double[][] {{0}}, new double[] {5});
    assertArrayEquals(new double[] {-5}, end, 1e-12);
    // And towards +5 from -1.
    ToDoubleFunction<double[]> g = v -> 1e-3 * v[0];
    end = LocalMaximum.probeFlatDirection(g, new double[] {-1}, g.applyAsDouble(
        new double[] {-1}), new double[][] {{0}}, new double[] {5});
    assertArrayEquals(new double[] {5}, end, 1e-12);
  }
}
