package dev.niche.segmentation;

import dev.niche.core.Seeds;
import dev.niche.segmentation.internal.ChunkPool;
import dev.niche.segmentation.internal.Dataset;
import dev.niche.segmentation.internal.RowSeeding;
import java.util.SplittableRandom;

/**
 * The seeded start of {@link MiniBatchKMeans}: greedy k-means++ (2 + floor(ln k) trials, as
 * scikit-learn) on a sample of min(n, max(k, 3 batchSize)) rows drawn uniformly with replacement
 * with {@code Seeds.random(seed, 0)}, or on all rows in order when the sample would be all of
 * them; the seeding draws from {@code Seeds.random(seed, 1)}.
 */
final class MiniBatchStart {

  private MiniBatchStart() {}

  /**
   * The start.
   *
   * @param x flat rows
   * @param w row weights, or null
   * @param n rows
   * @param d dimension
   * @param k centres
   * @param batchSize the configured batch size
   * @param seed the master seed
   * @return k centres, flat
   * @throws IllegalArgumentException if the sample has fewer than k distinct rows with positive
   *     weight
   */
  static double[] greedy(double[] x, double[] w, int n, int d, int k, int batchSize, long seed) {
    SplittableRandom rng = Seeds.random(seed, 0);
    int initSize = (int) Math.min(n, Math.max(k, 3L * batchSize));
    double[] sample = new double[initSize * d];
    double[] sw = w == null ? null : new double[initSize];
    for (int s = 0; s < initSize; s++) {
      int i = initSize == n ? s : rng.nextInt(n);
      System.arraycopy(x, i * d, sample, s * d, d);
      if (sw != null) {
        sw[s] = w[i];
      }
    }
    try (ChunkPool one = new ChunkPool(1)) {
      return new RowSeeding(new Dataset(sample, initSize, d, sw), one)
          .greedy(k, 2 + (int) Math.floor(Math.log(k)), Seeds.random(seed, 1));
    }
  }
}
