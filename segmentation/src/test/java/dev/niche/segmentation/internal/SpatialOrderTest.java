package dev.niche.segmentation.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
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
    int[] order;
    try (ChunkPool pool = new ChunkPool(2)) {
      order = SpatialOrder.of(new Dataset(x, n, d, null), 12, pool);
    }
    boolean[] seen = new boolean[n];
    for (int i : order) {
      assertTrue(!seen[i], "row " + i + " twice");
      seen[i] = true;
    }
    double[] ordered;
    try (ChunkPool pool = new ChunkPool(2)) {
      ordered = SpatialOrder.copyRows(x, d, order, pool);
    }
    // The purpose: blocks of consecutive rows fit in much smaller balls than in the input order
    // (blobs 12 apart on average, unit spread: a mixed block spans the blobs).
    double before = meanBlockRadius(x, n, d);
    double after = meanBlockRadius(ordered, n, d);
    assertTrue(after < 0.5 * before, "block radius " + after + " vs " + before);
  }

  @Test
  void orderingIsTheSameWhateverTheThreadCount() {
    int n = SpatialOrder.MIN_ROWS + 100;
    double[] x = blobs(n, 3, 6, 3);
    try (ChunkPool one = new ChunkPool(1);
        ChunkPool two = new ChunkPool(2)) {
      assertArrayEquals(
          SpatialOrder.of(new Dataset(x, n, 3, null), 6, one),
          SpatialOrder.of(new Dataset(x, n, 3, null), 6, two));
    }
  }

  @Test
  void permutingInPlaceCopyingAndRestoringAgree() {
    SplittableRandom r = new SplittableRandom(5);
    int n = 1000;
    int d = 3;
    double[] x = new double[n * d];
    for (int t = 0; t < x.length; t++) {
      x[t] = r.nextDouble();
    }
    int[] order = shuffled(n, r);
    double[] copy;
    try (ChunkPool pool = new ChunkPool(2)) {
      copy = SpatialOrder.copyRows(x, d, order, pool);
    }
    double[] inPlace = x.clone();
    SpatialOrder.permuteRows(inPlace, d, order);
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
    double[] pw = SpatialOrder.permute(w, order);
    int[] moved = new int[n];
    for (int p = 0; p < n; p++) {
      assertEquals(order[p], pw[p], 0.0);
      moved[p] = labels[order[p]];
    }
    assertArrayEquals(labels, SpatialOrder.restore(moved, order));
    assertNull(SpatialOrder.permute(null, order));
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

  /** A uniformly random permutation: the rows sorted by independent uniform keys. */
  private static int[] shuffled(int n, SplittableRandom r) {
    double[] key = r.doubles(n).toArray();
    return IntStream.range(0, n)
        .boxed()
        .sorted(Comparator.comparingDouble(i -> key[i]))
        .mapToInt(Integer::intValue)
        .toArray();
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
