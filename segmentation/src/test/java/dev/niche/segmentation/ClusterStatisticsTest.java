package dev.niche.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ClusterStatisticsTest {

  @Test
  void mergedPartitionsEqualTheSinglePassLloydStep() {
    double[][] x = Blobs.rows(5000, 3, 5, 2.0, 17);
    double[][] start = Arrays.copyOf(x, 5);
    // One Lloyd step of KMeans from the same centres.
    KMeansModel step = KMeans.builder().init(start).maxIterations(1).build().fit(x);
    ClusterStatistics merged = ClusterStatistics.empty(5, 3);
    int[] cuts = {0, 700, 701, 2400, 5000};
    for (int p = 0; p + 1 < cuts.length; p++) {
      merged = merged.merge(
          ClusterStatistics.of(Arrays.copyOfRange(x, cuts[p], cuts[p + 1]), start));
    }
    ClusterStatistics whole = ClusterStatistics.of(x, start);
    double[][] fromPartitions = merged.centroids(start);
    double[][] fromWhole = whole.centroids(start);
    for (int m = 0; m < 5; m++) {
      assertArrayEquals(step.centroids()[m], fromPartitions[m], 1e-12);
      assertArrayEquals(fromWhole[m], fromPartitions[m], 1e-12);
    }
    assertEquals(step.inertiaHistory()[0], merged.inertia(), 1e-9 * merged.inertia());
    assertEquals(5000, merged.rows());
    assertEquals(5000, Arrays.stream(merged.weights()).sum(), 1e-9);
  }

  @Test
  void handComputedStatistics() {
    double[][] rows = {{0, 0}, {2, 0}, {10, 10}};
    double[][] c = {{1, 0}, {10, 11}};
    ClusterStatistics s = ClusterStatistics.of(rows, new double[] {1, 3, 2}, c);
    // cluster 0: rows 0 (w 1) and 1 (w 3): sum (6, 0), weight 4, SS 1*1 + 3*1 = 4
    // cluster 1: row 2 (w 2): sum (20, 20), weight 2, SS 2*1 = 2
    assertArrayEquals(new double[] {6, 0}, s.sums()[0], 0);
    assertArrayEquals(new double[] {20, 20}, s.sums()[1], 0);
    assertArrayEquals(new double[] {4, 2}, s.weights(), 0);
    assertEquals(6, s.inertia(), 0);
    assertArrayEquals(new double[] {1.5, 0}, s.centroids(c)[0], 0);
    ClusterStatistics none = ClusterStatistics.empty(2, 2);
    assertArrayEquals(c[1], none.centroids(c)[1], 0);
    assertThrows(IllegalArgumentException.class,
        () -> s.merge(ClusterStatistics.empty(3, 2)));
    assertThrows(IllegalArgumentException.class,
        () -> ClusterStatistics.of(new double[][] {{1}}, c));
    assertThrows(IllegalArgumentException.class,
        () -> ClusterStatistics.of(rows, new double[] {1, -1, 1}, c));
  }
}
