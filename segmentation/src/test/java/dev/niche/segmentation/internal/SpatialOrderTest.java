package dev.niche.segmentation.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpatialOrderTest {

  private static final int BLOCK = 128;

  @Test
  void smallDataAreLeftInTheirOrder() {
    double[] x = blobs(SpatialOrder.MIN_ROWS - 1, 2, 3, 1);
    try (ChunkPool pool = new ChunkPool(1)) {
      assertNull(SpatialOrder.of(new Dataset(x, x.length / 2, 2, null), 3, pool));
    }
  }

  @Test
  void theOrderIsAPermutationThatPacksBlocksTightly() {
    int n = SpatialOrder.MIN_ROWS + 3_333;
    int d = 5;
    double[] x = blobs(n, d, 12, 7);
    Ordered o = ordered(x, n, d, 12);
    double[] ordered = o.copy();
    int[] order = o.spatial().order();
    boolean[] seen = new boolean[n];
    for (int i : order) {
      assertTrue(!seen[i], "row " + i + " twice");
      seen[i] = true;
    }
    for (int p = 0; p < n; p++) {
      for (int j = 0; j < d; j++) {
        assertEquals(x[order[p] * d + j], ordered[p * d + j], 0.0);
      }
    }
    // The purpose: blocks of consecutive rows fit in much smaller balls than in the input order
    // (blobs 12 apart on average, unit spread: a mixed block spans the blobs).
    double before = meanBlockRadius(x, n, d);
    double after = meanBlockRadius(ordered, n, d);
    assertTrue(after < 0.5 * before, "block radius " + after + " vs " + before);
  }

  @Test
  void separateGroupsDoNotShareCells() {
    // 32 groups of unit spread with centres uniform in [-10, 10]^16 (at least 15 apart here, so
    // every row is nearer its own centre than any other's). A block that mixes two groups can
    // only sit at a boundary between cells, at most one per boundary, unless a cell holds two
    // groups: then most of its blocks mix them.
    int k = 32;
    int d = 16;
    int n = SpatialOrder.MIN_ROWS + 5_000;
    SplittableRandom r = new SplittableRandom(20_260_122L);
    double[] mu = new double[k * d];
    for (int t = 0; t < mu.length; t++) {
      mu[t] = r.nextDouble(-10, 10);
    }
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        assertTrue(SquaredDistance.between(mu, a * d, mu, b * d, d) >= 15 * 15);
      }
    }
    double[] x = new double[n * d];
    int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      group[i] = r.nextInt(k);
      for (int j = 0; j < d; j++) {
        x[i * d + j] = mu[group[i] * d + j] + r.nextGaussian();
      }
    }
    int[] order;
    try (ChunkPool pool = new ChunkPool(2)) {
      order = SpatialOrder.of(new Dataset(x, n, d, null), k, pool).order();
    }
    int mixed = 0;
    for (int first = 0; first < n; first += BLOCK) {
      for (int p = first + 1; p < Math.min(n, first + BLOCK); p++) {
        if (group[order[p]] != group[order[first]]) {
          mixed++;
          break;
        }
      }
    }
    assertTrue(mixed <= k - 1, mixed + " blocks mix groups");
  }

  @Test
  void orderingIsTheSameWhateverTheThreadCount() {
    int n = SpatialOrder.MIN_ROWS + 100;
    double[] x = blobs(n, 3, 6, 3);
    try (ChunkPool one = new ChunkPool(1);
        ChunkPool two = new ChunkPool(2)) {
      SpatialOrder a = SpatialOrder.of(new Dataset(x, n, 3, null), 6, one);
      SpatialOrder b = SpatialOrder.of(new Dataset(x, n, 3, null), 6, two);
      assertArrayEquals(a.order(), b.order());
      assertEquals(a.meanFeatureVariance(), b.meanFeatureVariance(), 0.0);
      // The variance taken during the pass is the unordered data's, to the bit.
      assertEquals(
          FeatureMoments.meanFeatureVariance(new Dataset(x, n, 3, null), two),
          a.meanFeatureVariance(),
          0.0);
    }
  }

  @Test
  void permutingInPlaceCopyingAndRestoringAgree() {
    int n = SpatialOrder.MIN_ROWS + 77;
    int d = 3;
    double[] x = blobs(n, d, 9, 5);
    Ordered o = ordered(x, n, d, 9);
    SpatialOrder spatial = o.spatial();
    double[] copy = o.copy();
    int[] order = spatial.order();
    double[] inPlace = x.clone();
    spatial.permuteInPlace(inPlace, d);
    assertArrayEquals(copy, inPlace, 0.0);
    for (int p = 0; p < n; p++) {
      for (int j = 0; j < d; j++) {
        assertEquals(x[order[p] * d + j], copy[p * d + j], 0.0);
      }
    }
    double[] w = new double[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      w[i] = i;
      labels[i] = 3 * i;
    }
    double[] pw = spatial.permute(w);
    int[] moved = new int[n];
    for (int p = 0; p < n; p++) {
      assertEquals(order[p], pw[p], 0.0);
      moved[p] = labels[order[p]];
    }
    assertArrayEquals(labels, spatial.restore(moved));
    assertNull(spatial.permute(null));
  }

  /** An order and the copy it makes. */
  private record Ordered(SpatialOrder spatial, double[] copy) {}

  private static Ordered ordered(double[] x, int n, int d, int cells) {
    try (ChunkPool pool = new ChunkPool(2)) {
      SpatialOrder spatial = SpatialOrder.of(new Dataset(x, n, d, null), cells, pool);
      return new Ordered(spatial, spatial.copy(x, d, pool));
    }
  }

  private static double meanBlockRadius(double[] x, int n, int d) {
    double total = 0;
    int blocks = 0;
    for (int first = 0; first + BLOCK <= n; first += BLOCK) {
      double[] mean = new double[d];
      for (int i = first; i < first + BLOCK; i++) {
        for (int j = 0; j < d; j++) {
          mean[j] += x[i * d + j] / BLOCK;
        }
      }
      double most = 0;
      for (int i = first; i < first + BLOCK; i++) {
        most = Math.max(most, SquaredDistance.between(x, i * d, mean, 0, d));
      }
      total += Math.sqrt(most);
      blocks++;
    }
    return total / blocks;
  }

  static double[] blobs(int n, int d, int k, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] mu = new double[k * d];
    for (int t = 0; t < mu.length; t++) {
      mu[t] = r.nextDouble(-10, 10);
    }
    double[] x = new double[n * d];
    for (int i = 0; i < n; i++) {
      int b = r.nextInt(k);
      for (int j = 0; j < d; j++) {
        x[i * d + j] = mu[b * d + j] + r.nextGaussian();
      }
    }
    return x;
  }
}
