package dev.niche.segmentation.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Lloyd's E-step on the Vector API ({@link SimdNearest} over {@link ColumnBlockedRows}) gives the
 * scalar E-step's labels, inertia and, through the rows it moves in the M-step, centres, to the
 * bit: with exact ties (integer coordinates, repeated centres), weights, rows whose distances
 * overflow, partial last blocks, one and two threads. The build runs these tests with
 * {@code --add-modules jdk.incubator.vector} (segmentation/pom.xml), so the kernel is there.
 */
class SimdNearestTest {

  @Test
  void theBuildRunsTheVectorKernel() {
    assertTrue(SimdNearest.available(), "surefire's argLine resolves jdk.incubator.vector");
    assertNotNull(SimdNearest.forWidth(3, 4));
    assertNotNull(SimdNearest.forWidth(3, 8));
  }

  @Test
  void iterationsAreBitIdenticalToTheScalarEStep() {
    qt().withExamples(60)
        .forAll(longs().all(), integers().between(1, 8), integers().between(1, 12))
        .checkAssert((seed, d, k) -> {
          SplittableRandom r = new SplittableRandom(seed);
          int n = k + r.nextInt(r.nextBoolean() ? 300 : 9000);
          Dataset data = data(r, n, d);
          for (int threads = 1; threads <= 2; threads++) {
            try (ChunkPool pool = new ChunkPool(threads)) {
              double[] centres = new double[k * d];
              for (int m = 0; m < k; m++) {
                // Some centres repeat an earlier one: their rows tie exactly.
                int row = m > 0 && r.nextInt(4) == 0 ? r.nextInt(n) : r.nextInt(n);
                System.arraycopy(data.x(), row * d, centres, m * d, d);
                if (m > 0 && r.nextInt(5) == 0) {
                  System.arraycopy(centres, (m - 1) * d, centres, m * d, d);
                }
              }
              compare(data, k, centres, pool, "seed " + seed + ", threads " + threads);
            }
          }
        });
  }

  @Test
  void overflowingDistancesGoToTheFirstCentreAsInTheScalarScan() {
    int d = 5;
    int k = 3;
    int n = 261;
    double[] x = new double[n * d];
    SplittableRandom r = new SplittableRandom(11);
    for (int t = 0; t < x.length; t++) {
      x[t] = (r.nextBoolean() ? 1 : -1) * 1.5e308 * r.nextDouble(0.5, 1);
    }
    double[] centres = {1e308, -1e308, 0, 0, 1e308, -1e308, 1e308, 0, 0, 0, 0, 0, 1, 2, 3};
    Dataset data = new Dataset(x, n, d, null);
    try (ChunkPool pool = new ChunkPool(1)) {
      compare(data, k, centres, pool, "overflow");
    }
  }

  /** Rows with small integer coordinates (exact ties), sometimes weighted (some weights zero). */
  static Dataset data(SplittableRandom r, int n, int d) {
    double[] x = new double[n * d];
    boolean integral = r.nextBoolean();
    for (int t = 0; t < x.length; t++) {
      x[t] = integral ? r.nextInt(-3, 4) : r.nextGaussian() * 3;
    }
    double[] w = null;
    if (r.nextBoolean()) {
      w = new double[n];
      for (int i = 0; i < n; i++) {
        w[i] = r.nextInt(6) == 0 ? 0 : r.nextDouble(0.2, 4);
      }
    }
    return new Dataset(x, n, d, w);
  }

  /** Six E-steps and M-steps, with rows moved in the E-step, on both kernels in lockstep. */
  private static void compare(Dataset data, int k, double[] start, ChunkPool pool, String what) {
    LloydAssigner scalar = new LloydAssigner(data, k, false);
    LloydAssigner simd = new LloydAssigner(data, k, true);
    CentroidUpdate scalarUpdate = new CentroidUpdate(data, k);
    CentroidUpdate simdUpdate = new CentroidUpdate(data, k);
    scalar.moveRowsIn(scalarUpdate);
    simd.moveRowsIn(simdUpdate);
    int[] scalarLabels = new int[data.n()];
    int[] simdLabels = new int[data.n()];
    scalar.start(start, scalarLabels, null, pool);
    simd.start(start, simdLabels, null, pool);
    assertArrayEquals(scalarLabels, simdLabels, what + ", first labels");
    assertEquals(scalar.inertia(), simd.inertia(), 0.0, what + ", first inertia");
    double[] centres = start;
    for (int it = 0; it < 6; it++) {
      CentroidUpdate.Result a = scalarUpdate.update(scalarLabels, centres, pool, scalar.inertia());
      CentroidUpdate.Result b = simdUpdate.update(simdLabels, centres, pool, simd.inertia());
      assertArrayEquals(a.centres, b.centres, 0.0, what + ", centres " + it);
      long changedScalar = scalar.assign(centres, a.centres, scalarLabels, a.relocated, pool);
      long changedSimd = simd.assign(centres, b.centres, simdLabels, b.relocated, pool);
      assertEquals(changedScalar, changedSimd, what + ", changes " + it);
      assertArrayEquals(scalarLabels, simdLabels, what + ", labels " + it);
      assertEquals(
          Double.doubleToRawLongBits(scalar.inertia()),
          Double.doubleToRawLongBits(simd.inertia()),
          what + ", inertia " + it);
      centres = a.centres;
    }
  }
}
