package dev.niche.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The default start ({@link KMeansInit#LOCAL_SEARCH}) against greedy k-means++ on overlapping
 * blobs, where greedy k-means++ often leaves two centres in one blob (Lattanzi and Sohler 2019,
 * section 5, report the same on their data sets); and its edge cases: no coreset for small data,
 * the fall-back when the coreset holds fewer than k distinct rows, and the same model for any
 * thread count and algorithm.
 */
class LocalSearchStartTest {

  /** 60,000 rows of 16 coordinates in 24 blobs with centres in [-6, 6] and sigma in [0.8, 2]. */
  private static double[] overlapping(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int k = 24;
    int d = 16;
    double[][] c = new double[k][d];
    double[] sigma = new double[k];
    for (int m = 0; m < k; m++) {
      sigma[m] = r.nextDouble(0.8, 2);
      for (int j = 0; j < d; j++) {
        c[m][j] = r.nextDouble(-6, 6);
      }
    }
    int n = 60_000;
    double[] x = new double[n * d];
    for (int i = 0; i < n; i++) {
      int m = r.nextInt(k);
      for (int j = 0; j < d; j++) {
        x[i * d + j] = c[m][j] + sigma[m] * Blobs.gauss(r);
      }
    }
    return x;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  @Test
  void lowerMedianInertiaThanGreedyOnOverlappingBlobs() {
    double[] x = overlapping(3);
    int seeds = 7;
    double[] local = new double[seeds];
    double[] greedy = new double[seeds];
    for (int s = 0; s < seeds; s++) {
      local[s] = KMeans.builder().k(24).seed(s).maxIterations(20).build().fit(x, 16).inertia();
      greedy[s] = KMeans.builder().k(24).seed(s).maxIterations(20)
          .init(KMeansInit.GREEDY_KMEANS_PLUS_PLUS).build().fit(x, 16).inertia();
    }
    assertTrue(median(local) < median(greedy),
        "local search " + Arrays.toString(local) + " against greedy " + Arrays.toString(greedy));
  }

  @Test
  void sameModelForAnyThreadCountAndAlgorithm() {
    double[] x = overlapping(5);
    KMeansModel one = KMeans.builder().k(24).seed(9).build().fit(x, 16);
    for (KMeansAlgorithm a : KMeansAlgorithm.values()) {
      KMeansModel other = KMeans.builder().k(24).seed(9).threads(3).algorithm(a).build().fit(x, 16);
      assertArrayEquals(one.labels(), other.labels(), a.name());
      assertArrayEquals(one.centroids()[7], other.centroids()[7], 0.0, a.name());
      assertEquals(one.iterations(), other.iterations(), a.name());
    }
  }

  /** Under 2 max(n / 20, 50 k) rows the start works on all rows: a small, exact case. */
  @Test
  void smallDataFindsTheObviousClusters() {
    double[][] x = {{0, 0}, {0, 1}, {1, 0}, {20, 20}, {20, 21}, {21, 20}, {-30, 5}, {-30, 6}};
    KMeansModel m = KMeans.builder().k(3).seed(1).build().fit(x);
    // Three clusters of spread 1/3 + 1/3 (by hand: each triangle 4/3, the pair 1/2).
    assertEquals(4.0 / 3 + 4.0 / 3 + 0.5, m.inertia(), 1e-12);
  }

  /**
   * Rows of tiny weight are almost never drawn into the coreset, which then holds one distinct
   * row: the start falls back to greedy k-means++ on all rows and still finds k centres.
   */
  @Test
  void fallsBackWhenTheCoresetHasTooFewDistinctRows() {
    int n = 40_000;
    double[][] x = new double[n][];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = new double[] {0, 0};
      w[i] = 1;
    }
    for (int i = 0; i < 4; i++) {
      x[i] = new double[] {10 * (i + 1), 0};
      w[i] = 1e-90;
    }
    KMeansModel m = KMeans.builder().k(5).seed(2).weights(w).build().fit(x);
    double[] firsts = new double[5];
    for (int j = 0; j < 5; j++) {
      firsts[j] = m.centroids()[j][0];
    }
    Arrays.sort(firsts);
    assertArrayEquals(new double[] {0, 10, 20, 30, 40}, firsts, 1e-12);
  }
}
