package dev.niche.segmentation.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * LocalSearch++ (Lattanzi and Sohler, ICML 2019, Algorithm 1): a swap is made only when it
 * lowers the potential, so the potential never rises; the swaps undo the classic bad start, two
 * centres in one cluster; and they are the same for any thread count.
 */
class LocalSearchTest {

  /** sum_x w(x) min_c |x - c|^2, by brute force. */
  static double potential(Dataset data, double[] centres, int k) {
    int d = data.d();
    double s = 0;
    for (int i = 0; i < data.n(); i++) {
      double best = Double.POSITIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        best = Math.min(best, SquaredDistance.between(data.x(), i * d, centres, j * d, d));
      }
      s += data.weight(i) * best;
    }
    return s;
  }

  @Test
  void potentialNeverRisesAndCentresAreRows() {
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(1, 12), integers().between(1, 9))
        .checkAssert((seed, k, d) -> {
          SplittableRandom r = new SplittableRandom(seed);
          int n = 50 + r.nextInt(9000);
          double[] x = new double[n * d];
          for (int t = 0; t < x.length; t++) {
            x[t] = r.nextGaussian() + 5 * r.nextInt(3);
          }
          double[] w = new double[n];
          for (int i = 0; i < n; i++) {
            w[i] = r.nextInt(5) == 0 ? 0 : 0.5 + r.nextDouble();
          }
          Dataset data = new Dataset(x, n, d, r.nextBoolean() ? w : null);
          double[] start = new double[k * d];
          for (int t = 0; t < start.length; t++) {
            start[t] = r.nextGaussian() * 3;
          }
          double[] copy = start.clone();
          double[] out;
          try (ChunkPool pool = new ChunkPool(1)) {
            out = new LocalSearch(data, k, pool).improve(start, 2 * k, new SplittableRandom(seed));
          }
          assertArrayEquals(copy, start, "the start is not modified");
          double before = potential(data, start, k);
          double after = potential(data, out, k);
          assertTrue(after <= before * (1 + 1e-12), () -> after + " > " + before);
          for (int j = 0; j < k; j++) {
            // Every centre is a start centre or a row.
            boolean found = sameRow(out, j * d, start, k, d);
            found |= sameRow(out, j * d, x, n, d);
            assertTrue(found, "centre " + j + " is neither a start centre nor a row");
          }
        });
  }

  private static boolean sameRow(double[] a, int ao, double[] rows, int count, int d) {
    for (int i = 0; i < count; i++) {
      boolean same = true;
      for (int j = 0; j < d && same; j++) {
        same = a[ao + j] == rows[i * d + j];
      }
      if (same) {
        return true;
      }
    }
    return false;
  }

  /** Two centres in the cluster at 0, none in the one at 100: one swap moves a centre over. */
  @Test
  void swapUndoesTwoCentresInOneCluster() {
    SplittableRandom r = new SplittableRandom(7);
    int n = 2000;
    double[] x = new double[n * 2];
    for (int i = 0; i < n; i++) {
      double base = i < n / 2 ? 0 : 100;
      x[2 * i] = base + r.nextGaussian();
      x[2 * i + 1] = r.nextGaussian();
    }
    Dataset data = new Dataset(x, n, 2, null);
    double[] start = {-0.5, 0, 0.5, 0};
    double[] out;
    try (ChunkPool pool = new ChunkPool(1)) {
      out = new LocalSearch(data, 2, pool).improve(start, 4, new SplittableRandom(1));
    }
    double far = Math.max(out[0], out[2]);
    double near = Math.min(out[0], out[2]);
    assertTrue(far > 90, "one centre moved to the cluster at 100: " + far);
    assertTrue(Math.abs(near) < 5, "one centre stayed at 0: " + near);
    // The potential fell from about n/2 * 100^2 to about n * 2 (unit variance in 2-D).
    assertTrue(potential(data, out, 2) < 3 * n);
  }

  @Test
  void sameSwapsForAnyThreadCount() {
    SplittableRandom r = new SplittableRandom(3);
    int n = 30_000;
    int d = 5;
    int k = 9;
    double[] x = new double[n * d];
    for (int t = 0; t < x.length; t++) {
      x[t] = r.nextGaussian() + 4 * r.nextInt(4);
    }
    Dataset data = new Dataset(x, n, d, null);
    double[] start = new double[k * d];
    System.arraycopy(x, 0, start, 0, start.length);
    double[] one;
    double[] two;
    try (ChunkPool pool = new ChunkPool(1)) {
      one = new LocalSearch(data, k, pool).improve(start, k, new SplittableRandom(11));
    }
    try (ChunkPool pool = new ChunkPool(3)) {
      two = new LocalSearch(data, k, pool).improve(start, k, new SplittableRandom(11));
    }
    assertArrayEquals(one, two);
    assertEquals(potential(data, one, k), potential(data, two, k));
  }
}
