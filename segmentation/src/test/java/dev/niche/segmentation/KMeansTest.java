package dev.niche.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KMeansTest {

  @Test
  void sklearnDocstringExample() {
    // scikit-learn 1.2 sklearn.cluster.KMeans docstring: X = [[1,2],[1,4],[1,0],[10,2],[10,4],
    // [10,0]], n_clusters=2 -> cluster_centers_ {[10,2],[1,2]}, predict([[0,0],[12,3]]) puts
    // them in the [1,2] and [10,2] clusters. Inertia by hand: each cluster 0 + 4 + 4 = 8.
    double[][] x = {{1, 2}, {1, 4}, {1, 0}, {10, 2}, {10, 4}, {10, 0}};
    for (KMeansInit init : KMeansInit.values()) {
      KMeansModel m = KMeans.builder().k(2).seed(0).init(init).build().fit(x);
      double[][] c = m.centroids();
      int left = c[0][0] < c[1][0] ? 0 : 1;
      assertArrayEquals(new double[] {1, 2}, c[left], 1e-12);
      assertArrayEquals(new double[] {10, 2}, c[1 - left], 1e-12);
      assertEquals(16.0, m.inertia(), 1e-12);
      assertEquals(left, m.predict(new double[] {0, 0}));
      assertEquals(1 - left, m.predict(new double[] {12, 3}));
      assertTrue(m.converged());
      int[] labels = m.labels();
      assertEquals(labels[0], labels[1]);
      assertEquals(labels[0], labels[2]);
      assertEquals(labels[3], labels[5]);
      assertNotEquals(labels[0], labels[3]);
    }
  }

  @Test
  void boundedAlgorithmsMatchLloydExactly() {
    for (int d : new int[] {3, 16, 60}) {
      double[][] x = Blobs.rows(15_000, d, 9, 3.0, 11 + d);
      for (KMeansInit init : new KMeansInit[] {KMeansInit.GREEDY_KMEANS_PLUS_PLUS, KMeansInit.RANDOM}) {
        KMeansModel lloyd = fit(x, 9, init, KMeansAlgorithm.LLOYD, 1);
        for (KMeansAlgorithm a : new KMeansAlgorithm[] {KMeansAlgorithm.HAMERLY, KMeansAlgorithm.ELKAN}) {
          KMeansModel other = fit(x, 9, init, a, 2);
          assertArrayEquals(lloyd.labels(), other.labels(), a + " d=" + d);
          assertEquals(lloyd.iterations(), other.iterations());
          for (int m = 0; m < 9; m++) {
            assertArrayEquals(lloyd.centroids()[m], other.centroids()[m], 0.0, a + " d=" + d);
          }
          if (a == KMeansAlgorithm.ELKAN) {
            assertEquals(lloyd.inertia(), other.inertia(), 0.0);
            assertArrayEquals(lloyd.inertiaHistory(), other.inertiaHistory(), 0.0);
          } else {
            // Hamerly carries the inertia over the rows it relabels (Koenig-Huygens): equal to
            // the direct sums up to rounding, and the same bits for any number of threads.
            assertEquals(lloyd.inertia(), other.inertia(), 1e-12 * lloyd.inertia());
            assertArrayEquals(lloyd.inertiaHistory(), other.inertiaHistory(),
                1e-12 * lloyd.inertiaHistory()[0]);
            KMeansModel serial = fit(x, 9, init, a, 1);
            assertEquals(serial.inertia(), other.inertia(), 0.0);
            assertArrayEquals(serial.inertiaHistory(), other.inertiaHistory(), 0.0);
          }
        }
      }
    }
  }

  @Test
  void lloydScreeningStaysExactFarFromTheOrigin() {
    // Norm-based screening loses relative accuracy when ||x||^2 dwarfs the distances; the
    // rounding bound must then send more centres to the exact check, never pick a wrong one.
    double[][] x = Blobs.rows(6000, 4, 5, 0.01, 31);
    for (double[] row : x) {
      for (int j = 0; j < row.length; j++) {
        row[j] = 1e6 + row[j] * 1e-3;
      }
    }
    KMeansModel lloyd = fit(x, 5, KMeansInit.RANDOM, KMeansAlgorithm.LLOYD, 1);
    KMeansModel elkan = fit(x, 5, KMeansInit.RANDOM, KMeansAlgorithm.ELKAN, 1);
    assertArrayEquals(elkan.labels(), lloyd.labels());
    assertEquals(elkan.inertia(), lloyd.inertia(), 0.0);
    double[][] c = lloyd.centroids();
    int[] labels = lloyd.labels();
    for (int i = 0; i < x.length; i += 7) {
      assertEquals(labels[i], lloyd.predict(x[i]));
      assertTrue(labels[i] >= 0 && labels[i] < c.length);
    }
  }

  private static KMeansModel fit(
      double[][] x, int k, KMeansInit init, KMeansAlgorithm a, int threads) {
    return KMeans.builder()
        .k(k)
        .seed(5)
        .init(init)
        .algorithm(a)
        .tolerance(0)
        .maxIterations(200)
        .threads(threads)
        .build()
        .fit(x);
  }

  @Test
  void sameSeedGivesBitIdenticalModelsWhateverTheThreadCount() {
    double[][] x = Blobs.rows(20_000, 4, 6, 2.5, 3);
    double[] w = new double[x.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = 0.5 + (i % 7);
    }
    for (KMeansInit init : KMeansInit.values()) {
      KMeansModel one = KMeans.builder().k(6).seed(9).init(init).restarts(3).weights(w).build()
          .fit(x);
      KMeansModel three = KMeans.builder().k(6).seed(9).init(init).restarts(3).weights(w)
          .threads(3).build().fit(x);
      assertArrayEquals(one.labels(), three.labels(), init.name());
      assertEquals(one.inertia(), three.inertia(), 0.0);
      for (int m = 0; m < 6; m++) {
        assertArrayEquals(one.centroids()[m], three.centroids()[m], 0.0);
      }
    }
  }

  @Test
  void flatAndMatrixInputsAgree() {
    double[][] x = Blobs.rows(3000, 3, 4, 1.0, 1);
    double[] flat = new double[x.length * 3];
    for (int i = 0; i < x.length; i++) {
      System.arraycopy(x[i], 0, flat, 3 * i, 3);
    }
    KMeans km = KMeans.builder().k(4).seed(2).build();
    KMeansModel a = km.fit(x);
    KMeansModel b = km.fit(flat, 3);
    assertArrayEquals(a.labels(), b.labels());
    assertEquals(a.inertia(), b.inertia(), 0.0);
  }

  @Test
  void integerWeightsEqualDuplicatedRows() {
    double[][] x = {{0}, {1}, {2}, {10}, {11}, {30}};
    double[] w = {1, 2, 1, 3, 1, 1};
    double[][] dup = {{0}, {1}, {1}, {2}, {10}, {10}, {10}, {11}, {30}};
    double[][] start = {{0}, {10}, {30}};
    KMeansModel weighted = KMeans.builder().init(start).weights(w).build().fit(x);
    KMeansModel duplicated = KMeans.builder().init(start).build().fit(dup);
    for (int m = 0; m < 3; m++) {
      assertArrayEquals(duplicated.centroids()[m], weighted.centroids()[m], 1e-12);
    }
    assertEquals(duplicated.inertia(), weighted.inertia(), 1e-12);
    // By hand: cluster {0,1,1,2} mean 1, SS 2; {10,10,10,11} mean 10.25, SS 0.75; {30} 0.
    assertEquals(2.75, weighted.inertia(), 1e-12);
  }

  @Test
  void emptyClustersAreReseededAtTheFarthestPoint() {
    double[][] x = {{0}, {1}, {2}, {3}, {100}, {101}};
    // Centre 2 at 1000 gets no rows in the first assignment; the farthest row from its centre
    // (100 or 101, assigned to 50) takes it.
    double[][] start = {{1}, {50}, {1000}};
    KMeansModel m = KMeans.builder().init(start).algorithm(KMeansAlgorithm.HAMERLY).build().fit(x);
    for (double[] c : m.centroids()) {
      assertTrue(Double.isFinite(c[0]));
    }
    int[] sizes = new int[3];
    for (int l : m.labels()) {
      sizes[l]++;
    }
    for (int s : sizes) {
      assertTrue(s > 0);
    }
  }

  @Test
  void badInputIsRejectedWithNamedArguments() {
    KMeans km = KMeans.builder().k(3).build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> KMeans.builder().k(0));
    assertTrue(e.getMessage().contains("k = 0"));
    e = assertThrows(IllegalArgumentException.class,
        () -> km.fit(new double[][] {{1, 2}, {3}, {4, 5}}));
    assertTrue(e.getMessage().contains("data[1]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> km.fit(new double[][] {{1, 2}, {3, Double.NaN}, {4, 5}}));
    assertTrue(e.getMessage().contains("data[1][1]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> km.fit(new double[0][]));
    assertTrue(e.getMessage().contains("data"));
    e = assertThrows(IllegalArgumentException.class, () -> km.fit(new double[] {1, 2, 3}, 2));
    assertTrue(e.getMessage().contains("dimension"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> km.fit(new double[] {1, 2, Double.NaN, 4}, 2));
    assertTrue(e.getMessage().contains("row 1, column 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> km.fit(new double[][] {{1}, {1}, {2}, {2}}));
    assertTrue(e.getMessage().contains("distinct"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> KMeans.builder().k(3).init(KMeansInit.RANDOM).build()
            .fit(new double[][] {{1}, {1}, {2}, {2}}));
    assertTrue(e.getMessage().contains("distinct"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> km.fit(new double[][] {{1}, {2}}));
    assertTrue(e.getMessage().contains("k = 3"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> KMeans.builder().weights(new double[] {1, -1}));
    assertTrue(e.getMessage().contains("weights[1]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> KMeans.builder().k(1).weights(new double[] {1, 1}).build()
            .fit(new double[][] {{1}, {2}, {3}}));
    assertTrue(e.getMessage().contains("weights"), e.getMessage());
    assertThrows(NullPointerException.class, () -> km.fit((double[][]) null));
    assertThrows(IllegalStateException.class, () -> KMeans.builder().build());
    assertThrows(IllegalArgumentException.class, () -> KMeans.builder().tolerance(-1));
    assertThrows(IllegalArgumentException.class, () -> KMeans.builder().threads(0));
    KMeansModel one = KMeans.builder().k(1).build().fit(new double[][] {{1}, {3}});
    assertArrayEquals(new double[] {2}, one.centroids()[0], 0.0);
    assertThrows(IllegalArgumentException.class, () -> one.predict(new double[] {1, 2}));
    assertEquals(KMeansAlgorithm.LLOYD, one.algorithm());
  }

  @Test
  void iterationLimitIsReported() {
    double[][] x = Blobs.rows(5000, 2, 20, 6.0, 8);
    KMeansModel m = KMeans.builder().k(20).init(KMeansInit.RANDOM).maxIterations(1)
        .tolerance(0).build().fit(x);
    assertEquals(1, m.iterations());
    assertFalse(m.converged());
  }

  @Test
  void restartsKeepTheBestInertia() {
    double[][] x = Blobs.rows(4000, 2, 12, 1.5, 21);
    KMeansModel single = KMeans.builder().k(12).seed(4).init(KMeansInit.RANDOM).build().fit(x);
    KMeansModel best = KMeans.builder().k(12).seed(4).init(KMeansInit.RANDOM).restarts(6).build()
        .fit(x);
    assertTrue(best.inertia() <= single.inertia());
  }

  @Test
  void largeDataFitInternallyReorderedStillAnswerInTheCallersRowOrder() {
    // 70,000 rows and k = 16: a k-means++ fit of this size puts its copy of the rows in spatial
    // order. Labels must come back in the caller's order, the caller's arrays must not change,
    // and the matrix, flat and multi-threaded entry points must agree to the bit.
    int n = 70_000;
    double[][] x = Blobs.rows(n, 3, 16, 1.5, 42);
    double[] flat = new double[n * 3];
    for (int i = 0; i < n; i++) {
      System.arraycopy(x[i], 0, flat, i * 3, 3);
    }
    double[] flatBefore = flat.clone();
    double[] row7 = x[7].clone();
    KMeans km = KMeans.builder().k(16).seed(3).build();
    KMeansModel a = km.fit(x);
    KMeansModel b = km.fit(flat, 3);
    KMeansModel c = KMeans.builder().k(16).seed(3).threads(2).build().fit(flat, 3);
    assertArrayEquals(flatBefore, flat, 0.0);
    assertArrayEquals(row7, x[7], 0.0);
    for (KMeansModel other : new KMeansModel[] {b, c}) {
      assertArrayEquals(a.labels(), other.labels());
      assertEquals(a.inertia(), other.inertia(), 0.0);
      for (int m = 0; m < 16; m++) {
        assertArrayEquals(a.centroids()[m], other.centroids()[m], 0.0);
      }
    }
    double inertia = 0;
    for (int i = 0; i < n; i++) {
      assertEquals(a.predict(x[i]), a.labels()[i], "row " + i);
      double[] centre = a.centroids()[a.labels()[i]];
      for (int j = 0; j < 3; j++) {
        inertia += (x[i][j] - centre[j]) * (x[i][j] - centre[j]);
      }
    }
    assertEquals(inertia, a.inertia(), 1e-9 * inertia);
  }
}
