package dev.niche.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Definitions as in scikit-learn's sklearn.metrics.silhouette_score, calinski_harabasz_score and
 * davies_bouldin_score (scikit-learn 1.2 user guide, section 2.3.10 "Clustering performance
 * evaluation").
 */
class ClusterQualityTest {

  private static final double[][] LINE = {{0}, {1}, {4}, {6}};
  private static final int[] TWO = {0, 0, 1, 1};

  @Test
  void handComputedOneDimensionalExample() {
    // Silhouettes by hand: row 0: a = 1, b = (4 + 6) / 2 = 5 -> 0.8; row 1: a = 1, b = 4 -> 0.75;
    // row 2: a = 2, b = (4 + 3) / 2 = 3.5 -> 3/7; row 3: a = 2, b = 5.5 -> 7/11.
    double expected = (0.8 + 0.75 + 3.0 / 7 + 7.0 / 11) / 4;
    assertEquals(expected, ClusterQuality.silhouette(LINE, TWO), 1e-15);
    // CH: mean 2.75, centroids 0.5 and 5: B = 2 * 2.25^2 + 2 * 2.25^2 = 20.25; W = 0.5 + 2 = 2.5;
    // CH = (20.25 / 1) / (2.5 / 2) = 16.2.
    assertEquals(16.2, ClusterQuality.calinskiHarabasz(LINE, TWO), 1e-12);
    // DB: s0 = 0.5, s1 = 1, separation 4.5 -> (1.5 / 4.5) for both clusters = 1/3.
    assertEquals(1.0 / 3, ClusterQuality.daviesBouldin(LINE, TWO), 1e-15);
  }

  @Test
  void matchesBruteForceDefinitionsOnRandomData() {
    SplittableRandom r = new SplittableRandom(4);
    double[][] x = Blobs.rows(120, 3, 4, 2.5, 99);
    int[] labels = KMeans.builder().k(3).seed(1).build().fit(x).labels();
    for (int i = 0; i < labels.length; i++) {
      if (r.nextInt(4) == 0) {
        labels[i] = 3;
      }
    }
    assertEquals(bruteSilhouette(x, labels), ClusterQuality.silhouette(x, labels), 1e-12);
    // Sampling all rows equals the exact value; a sample of 60 is close.
    assertEquals(ClusterQuality.silhouette(x, labels),
        ClusterQuality.silhouette(x, labels, 1000, 3), 1e-12);
    assertEquals(ClusterQuality.silhouette(x, labels),
        ClusterQuality.silhouette(x, labels, 60, 3), 0.15);
  }

  @Test
  void singletonsScoreZeroAndBadInputIsRejected() {
    double[][] x = {{0}, {1}, {5}};
    // Row 2 alone in its cluster has s = 0 (sklearn); rows 0 and 1: a = 1, b = 5 and 4.
    assertEquals((0.8 + 0.75 + 0) / 3, ClusterQuality.silhouette(x, new int[] {0, 0, 1}), 1e-15);
    assertThrows(IllegalArgumentException.class,
        () -> ClusterQuality.silhouette(x, new int[] {0, 0, 0}));
    assertThrows(IllegalArgumentException.class,
        () -> ClusterQuality.silhouette(x, new int[] {0, 1, 2}));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClusterQuality.daviesBouldin(x, new int[] {0, -1, 1}));
    assertTrue(e.getMessage().contains("labels[1]"));
    assertThrows(IllegalArgumentException.class,
        () -> ClusterQuality.calinskiHarabasz(x, new int[] {0, 1}));
  }

  @Test
  void elbowIsTheKneedleKnee() {
    // Normalised: x = (k - 1) / 5, y = (W - 9) / 91; difference (1 - y) - x is 0, 0.459, 0.534,
    // 0.367, 0.178, 0 -> knee at k = 3.
    assertEquals(3, Elbow.knee(new int[] {1, 2, 3, 4, 5, 6},
        new double[] {100, 40, 15, 12, 10, 9}));
    assertThrows(IllegalArgumentException.class,
        () -> Elbow.knee(new int[] {1, 2}, new double[] {2, 1}));
  }

  @Test
  void selectionFindsSeparatedBlobsAndOneClusterInUniformNoise() {
    double[][] x = Blobs.rows(600, 2, 4, 0.4, 12);
    KSelectionResult r = KSelection.builder().range(1, 7).seed(2).references(8).build().run(x);
    assertEquals(7, r.scores().size());
    assertEquals(4, r.bySilhouette());
    assertEquals(4, r.byCalinskiHarabasz());
    assertEquals(4, r.byDaviesBouldin());
    assertEquals(4, r.byGap());
    assertTrue(Double.isNaN(r.scores().get(0).silhouette()));
    // Tibshirani et al. (2001), simulation (1): uniform null data -> the gap picks k = 1.
    SplittableRandom u = new SplittableRandom(8);
    double[][] noise = new double[200][10];
    for (double[] row : noise) {
      for (int j = 0; j < 10; j++) {
        row[j] = u.nextDouble();
      }
    }
    KSelectionResult null1 = KSelection.builder().range(1, 5).seed(3).references(10).build()
        .run(noise);
    assertEquals(1, null1.byGap());
  }

  private static double bruteSilhouette(double[][] x, int[] labels) {
    int n = x.length;
    double total = 0;
    for (int i = 0; i < n; i++) {
      double[] sum = new double[4];
      int[] cnt = new int[4];
      for (int j = 0; j < n; j++) {
        if (j == i) {
          continue;
        }
        double s = 0;
        for (int t = 0; t < x[i].length; t++) {
          s += (x[i][t] - x[j][t]) * (x[i][t] - x[j][t]);
        }
        sum[labels[j]] += Math.sqrt(s);
        cnt[labels[j]]++;
      }
      if (cnt[labels[i]] == 0) {
        continue;
      }
      double a = sum[labels[i]] / cnt[labels[i]];
      double b = Double.MAX_VALUE;
      for (int m = 0; m < 4; m++) {
        if (m != labels[i] && cnt[m] > 0) {
          b = Math.min(b, sum[m] / cnt[m]);
        }
      }
      total += (b - a) / Math.max(a, b);
    }
    return total / n;
  }
}
