package dev.niche.segmentation.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Later M-steps move only the rows whose label changed; after any sequence of label changes the
 * centres must still be the (weighted) means of their rows, emptied clusters must be found, and
 * the result must not depend on the thread count, nor on whether the E-step moved the rows in the
 * partials itself ({@link CentroidUpdate#moveNow}).
 */
class CentroidUpdateTest {

  @Test
  void movedRowsKeepTheCentresTheMeansOfTheirRows() {
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(2, 9), booleans().all())
        .checkAssert((seed, k, weighted) -> {
          SplittableRandom r = new SplittableRandom(seed);
          int d = 3;
          int n = 9_000; // three chunks, the last partial
          double[] x = new double[n * d];
          for (int t = 0; t < x.length; t++) {
            x[t] = 1e3 + r.nextGaussian() * (1 + t % d);
          }
          double[] w = null;
          if (weighted) {
            w = new double[n];
            for (int i = 0; i < n; i++) {
              w[i] = r.nextInt(5) == 0 ? 0.0 : r.nextDouble(0.1, 3);
            }
          }
          Dataset data = new Dataset(x, n, d, w);
          int[] labels = new int[n];
          for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(k);
          }
          CentroidUpdate one = new CentroidUpdate(data, k);
          CentroidUpdate two = new CentroidUpdate(data, k);
          CentroidUpdate early = new CentroidUpdate(data, k);
          int[] earlyLabels = labels.clone();
          double[] centres = new double[k * d];
          try (ChunkPool p1 = new ChunkPool(1);
              ChunkPool p2 = new ChunkPool(2)) {
            // Twelve steps: a tenth of the rows move each time, so after ten more than n have moved
            // and a step sums every row again.
            for (int step = 0; step < 12; step++) {
              int[] copy = labels.clone();
              CentroidUpdate.Result a = one.update(labels, centres, p1, Double.NaN);
              CentroidUpdate.Result b = two.update(copy, centres, p2, Double.NaN);
              CentroidUpdate.Result e = early.update(earlyLabels, centres, p1, Double.NaN);
              assertArrayEquals(a.centres, b.centres, 0.0);
              assertArrayEquals(a.centres, e.centres, 0.0);
              assertArrayEquals(labels, copy);
              assertArrayEquals(labels, earlyLabels);
              assertMeans(data, labels, k, a.centres);
              centres = a.centres;
              // Move a tenth of the rows; at step 3 empty cluster 0 entirely (it is re-seeded).
              for (int i = 0; i < n; i++) {
                if (step == 3 && labels[i] == 0) {
                  labels[i] = 1;
                } else if (r.nextInt(10) == 0) {
                  labels[i] = r.nextInt(k);
                }
                if (earlyLabels[i] != labels[i]) {
                  early.moveNow(i, earlyLabels[i], labels[i]);
                  earlyLabels[i] = labels[i];
                }
              }
            }
          }
        });
  }

  private static void assertMeans(Dataset data, int[] labels, int k, double[] centres) {
    int d = data.d();
    double[] sum = new double[k * d];
    double[] weight = new double[k];
    for (int i = 0; i < data.n(); i++) {
      double wi = data.weight(i);
      weight[labels[i]] += wi;
      for (int j = 0; j < d; j++) {
        sum[labels[i] * d + j] += wi * data.x()[i * d + j];
      }
    }
    for (int m = 0; m < k; m++) {
      assertTrue(weight[m] > 0, "cluster " + m + " left empty");
      for (int j = 0; j < d; j++) {
        double mean = sum[m * d + j] / weight[m];
        assertEquals(mean, centres[m * d + j], 1e-9 * Math.abs(mean), "cluster " + m);
      }
    }
  }
}
