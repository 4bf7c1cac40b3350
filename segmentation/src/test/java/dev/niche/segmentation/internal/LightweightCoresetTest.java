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
 * The lightweight coreset (Bachem, Lucic and Krause, KDD 2018): distinct rows of the data in row
 * order with positive weights; its weighted potential is an unbiased estimate of the data's
 * (checked here as a mean over many coresets); the far rows are drawn often; and it is the same
 * for any thread count.
 */
class LightweightCoresetTest {

  @Test
  void distinctRowsInOrderWithPositiveWeights() {
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(1, 6), integers().between(1, 3000))
        .checkAssert((seed, d, m) -> {
          SplittableRandom r = new SplittableRandom(seed);
          int n = 1 + r.nextInt(5000);
          double[] x = new double[n * d];
          for (int t = 0; t < x.length; t++) {
            x[t] = r.nextInt(3) == 0 ? 1.0 : r.nextGaussian();
          }
          double[] w = new double[n];
          for (int i = 0; i < n; i++) {
            w[i] = r.nextInt(4) == 0 ? 0 : r.nextDouble() + 0.1;
          }
          w[r.nextInt(n)] = 1;
          Dataset data = new Dataset(x, n, d, w);
          Dataset c;
          try (ChunkPool pool = new ChunkPool(1)) {
            c = LightweightCoreset.draw(data, m, new SplittableRandom(seed), pool);
          }
          assertTrue(c.n() >= 1 && c.n() <= Math.min(m, n));
          int row = -1;
          for (int q = 0; q < c.n(); q++) {
            assertTrue(c.weight(q) > 0, "weight " + q);
            int next = find(x, n, d, c.x(), q, row + 1, w);
            assertTrue(next > row, "coreset row " + q + " is a later data row with weight");
            row = next;
          }
        });
  }

  private static int find(double[] x, int n, int d, double[] rows, int q, int from, double[] w) {
    for (int i = from; i < n; i++) {
      boolean same = w[i] > 0;
      for (int j = 0; j < d && same; j++) {
        same = x[i * d + j] == rows[q * d + j];
      }
      if (same) {
        return i;
      }
    }
    return -1;
  }

  /** E[coreset potential] = data potential: the mean over 400 coresets is within 2 %. */
  @Test
  void potentialIsUnbiased() {
    SplittableRandom r = new SplittableRandom(5);
    int n = 4000;
    int d = 3;
    double[] x = new double[n * d];
    for (int t = 0; t < x.length; t++) {
      x[t] = r.nextGaussian() * (t % 7 == 0 ? 10 : 1);
    }
    Dataset data = new Dataset(x, n, d, null);
    double[] centres = {0, 0, 0, 3, 3, 3, -5, 1, 0};
    double truth = LocalSearchTest.potential(data, centres, 3);
    double sum = 0;
    int coresets = 400;
    try (ChunkPool pool = new ChunkPool(1)) {
      for (int s = 0; s < coresets; s++) {
        Dataset c = LightweightCoreset.draw(data, 200, new SplittableRandom(s), pool);
        sum += LocalSearchTest.potential(c, centres, 3);
      }
    }
    double mean = sum / coresets;
    assertEquals(truth, mean, 0.02 * truth);
  }

  /** One row far from the rest holds half the spread: it is drawn in nearly every coreset. */
  @Test
  void farRowIsDrawn() {
    int n = 100_000;
    double[] x = new double[n];
    SplittableRandom r = new SplittableRandom(9);
    for (int i = 0; i < n; i++) {
      x[i] = r.nextGaussian();
    }
    x[n / 2] = Math.sqrt(n);
    Dataset data = new Dataset(x, n, 1, null);
    Dataset c;
    try (ChunkPool pool = new ChunkPool(1)) {
      c = LightweightCoreset.draw(data, 100, new SplittableRandom(1), pool);
    }
    boolean found = false;
    for (int q = 0; q < c.n(); q++) {
      found |= c.x()[q] == x[n / 2];
    }
    assertTrue(found, "a uniform sample of 100 rows would hold it with probability 0.001");
  }

  @Test
  void sameCoresetForAnyThreadCount() {
    SplittableRandom r = new SplittableRandom(2);
    int n = 50_000;
    double[] x = new double[n * 4];
    for (int t = 0; t < x.length; t++) {
      x[t] = r.nextGaussian();
    }
    Dataset data = new Dataset(x, n, 4, null);
    Dataset one;
    Dataset two;
    try (ChunkPool pool = new ChunkPool(1)) {
      one = LightweightCoreset.draw(data, 5000, new SplittableRandom(4), pool);
    }
    try (ChunkPool pool = new ChunkPool(2)) {
      two = LightweightCoreset.draw(data, 5000, new SplittableRandom(4), pool);
    }
    assertArrayEquals(one.x(), two.x());
    assertArrayEquals(one.w(), two.w());
  }
}
