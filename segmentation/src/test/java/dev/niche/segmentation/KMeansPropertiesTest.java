package dev.niche.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KMeansPropertiesTest {

  @Test
  void labelsAreTheNearestCentroid() {
    qt().withExamples(30)
        .forAll(longs().all(), integers().between(1, 7), integers().between(1, 5))
        .checkAssert((seed, k, d) -> {
          double[][] x = Blobs.rows(400, d, 4, 3.0, seed);
          KMeansModel m = KMeans.builder().k(k).seed(seed).build().fit(x);
          double[][] c = m.centroids();
          int[] labels = m.labels();
          double inertia = 0;
          for (int i = 0; i < x.length; i++) {
            double own = sq(x[i], c[labels[i]]);
            inertia += own;
            for (double[] other : c) {
              assertTrue(own <= sq(x[i], other));
            }
            assertEquals(labels[i], m.predict(x[i]));
          }
          assertEquals(inertia, m.inertia(), 1e-9 * (1 + inertia));
        });
  }

  @Test
  void lloydInertiaNeverRises() {
    qt().withExamples(30)
        .forAll(longs().all(), integers().between(2, 12))
        .checkAssert((seed, k) -> {
          double[][] x = Blobs.rows(600, 2, 6, 4.0, seed);
          KMeansModel m = KMeans.builder().k(k).seed(seed).init(KMeansInit.RANDOM)
              .algorithm(KMeansAlgorithm.LLOYD).tolerance(0).build().fit(x);
          double[] h = m.inertiaHistory();
          for (int t = 1; t < h.length; t++) {
            assertTrue(h[t] <= h[t - 1] * (1 + 1e-12), "iteration " + t);
          }
          assertTrue(m.inertia() <= h[h.length - 1] * (1 + 1e-12));
        });
  }

  @Test
  void permutingRowsPermutesLabelsOnly() {
    qt().withExamples(20)
        .forAll(longs().all(), integers().between(1, 6))
        .checkAssert((seed, k) -> {
          double[][] x = Blobs.rows(300, 3, 5, 2.0, seed);
          double[][] start = new double[k][];
          for (int m = 0; m < k; m++) {
            start[m] = x[m * 7].clone();
          }
          int[] perm = permutation(x.length, new SplittableRandom(seed));
          double[][] y = new double[x.length][];
          for (int i = 0; i < x.length; i++) {
            y[i] = x[perm[i]];
          }
          KMeansModel a = KMeans.builder().init(start).tolerance(0).build().fit(x);
          KMeansModel b = KMeans.builder().init(start).tolerance(0).build().fit(y);
          int[] la = a.labels();
          int[] lb = b.labels();
          for (int i = 0; i < x.length; i++) {
            assertEquals(la[perm[i]], lb[i]);
          }
          for (int m = 0; m < k; m++) {
            assertArrayEquals(a.centroids()[m], b.centroids()[m], 1e-9);
          }
          assertEquals(a.inertia(), b.inertia(), 1e-9 * (1 + a.inertia()));
        });
  }

  @Test
  void resultsDoNotDependOnTheThreadCount() {
    qt().withExamples(8)
        .forAll(longs().all(), integers().between(1, 4), integers().between(2, 10))
        .checkAssert((seed, threads, k) -> {
          double[][] x = Blobs.rows(9000, 2, 7, 2.0, seed);
          KMeansModel one = KMeans.builder().k(k).seed(seed).build().fit(x);
          KMeansModel many = KMeans.builder().k(k).seed(seed).threads(threads).build().fit(x);
          assertArrayEquals(one.labels(), many.labels());
          assertEquals(one.inertia(), many.inertia(), 0.0);
        });
  }

  private static int[] permutation(int n, SplittableRandom r) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static double sq(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += (a[j] - b[j]) * (a[j] - b[j]);
    }
    return s;
  }
}
