package dev.niche.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

/**
 * Lloyd's E-step on wide data (d at least 32) runs on the tiled kernel: one step agrees with a
 * textbook Lloyd step, the model is bit-identical for any thread count and to Elkan's (Hamerly's
 * too but for its carried inertia, equal up to rounding), the inertia never rises, and the same
 * seed gives the same model.
 */
class TiledLloydTest {

  @Test
  void oneStepIsTheTextbookLloydStep() {
    int d = 40;
    int k = 7;
    double[][] x = Blobs.rows(3000, d, 5, 3.0, 11);
    double[][] start = new double[k][];
    for (int m = 0; m < k; m++) {
      start[m] = x[m * 101].clone();
    }
    // Textbook: nearest centre by the plain sum of squares, then the means.
    int[] labels = new int[x.length];
    double[][] sums = new double[k][d];
    int[] counts = new int[k];
    for (int i = 0; i < x.length; i++) {
      int best = 0;
      for (int m = 1; m < k; m++) {
        if (sq(x[i], start[m]) < sq(x[i], start[best])) {
          best = m;
        }
      }
      labels[i] = best;
      counts[best]++;
      for (int j = 0; j < d; j++) {
        sums[best][j] += x[i][j];
      }
    }
    KMeansModel model = KMeans.builder().init(start).algorithm(KMeansAlgorithm.LLOYD)
        .maxIterations(1).build().fit(x);
    for (int m = 0; m < k; m++) {
      for (int j = 0; j < d; j++) {
        assertEquals(sums[m][j] / counts[m], model.centroids()[m][j], 1e-9, "centre " + m);
      }
    }
    // The model's labels are the nearest final centres; one more textbook E-step gives them.
    double[][] c = model.centroids();
    int[] after = model.labels();
    for (int i = 0; i < x.length; i++) {
      for (int m = 0; m < k; m++) {
        assertTrue(sq(x[i], c[after[i]]) <= sq(x[i], c[m]) * (1 + 1e-12));
      }
    }
  }

  @Test
  void sameModelForAnyThreadCountAndAlgorithm() {
    qt().withExamples(6)
        .forAll(longs().all(), integers().between(2, 20), integers().between(32, 70))
        .checkAssert((seed, k, d) -> {
          double[][] x = Blobs.rows(9000, d, 9, 6.0, seed);
          KMeansModel one = fit(x, k, seed, KMeansAlgorithm.LLOYD, 1);
          KMeansModel two = fit(x, k, seed, KMeansAlgorithm.LLOYD, 2);
          KMeansModel again = fit(x, k, seed, KMeansAlgorithm.LLOYD, 1);
          KMeansModel hamerly = fit(x, k, seed, KMeansAlgorithm.HAMERLY, 2);
          KMeansModel hamerlySerial = fit(x, k, seed, KMeansAlgorithm.HAMERLY, 1);
          KMeansModel elkan = fit(x, k, seed, KMeansAlgorithm.ELKAN, 1);
          for (KMeansModel other : new KMeansModel[] {two, again, hamerly, elkan}) {
            assertArrayEquals(one.labels(), other.labels());
            // Hamerly carries its inertia forward: the direct sum up to rounding.
            double tolerance = other == hamerly ? 1e-12 * one.inertia() : 0.0;
            assertEquals(one.inertia(), other.inertia(), tolerance);
            for (int m = 0; m < k; m++) {
              assertArrayEquals(one.centroids()[m], other.centroids()[m], 0.0);
            }
          }
          assertEquals(hamerlySerial.inertia(), hamerly.inertia(), 0.0);
          assertArrayEquals(hamerlySerial.inertiaHistory(), hamerly.inertiaHistory(), 0.0);
          double[] h = one.inertiaHistory();
          for (int t = 1; t < h.length; t++) {
            assertTrue(h[t] <= h[t - 1] * (1 + 1e-12), "iteration " + t);
          }
          double[] carried = hamerly.inertiaHistory();
          for (int t = 1; t < carried.length; t++) {
            assertTrue(carried[t] <= carried[t - 1] * (1 + 1e-12), "Hamerly, iteration " + t);
          }
        });
  }

  private static KMeansModel fit(double[][] x, int k, long seed, KMeansAlgorithm a, int threads) {
    return KMeans.builder().k(k).seed(seed).algorithm(a).threads(threads).maxIterations(15)
        .tolerance(0).build().fit(x);
  }

  private static double sq(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += (a[j] - b[j]) * (a[j] - b[j]);
    }
    return s;
  }
}
