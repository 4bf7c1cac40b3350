package dev.niche.segmentation;

import dev.niche.core.Seeds;
import dev.niche.segmentation.internal.ChunkPool;
import dev.niche.segmentation.internal.Dataset;
import dev.niche.segmentation.internal.FeatureMoments;
import dev.niche.segmentation.internal.Inertia;
import dev.niche.segmentation.internal.LloydAssigner;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The batch loop of {@link MiniBatchKMeans#fit}: from a start, {@code maxIterations} batches of
 * {@code min(batchSize, n)} rows drawn uniformly with replacement with
 * {@code Seeds.random(seed, 2)}, each applied by a {@link MiniBatchStep}; stops early when a
 * batch's total squared centre shift is at most {@code tolerance} times the mean feature
 * variance (tolerance 0 disables this); then one exact chunked Lloyd pass over all rows gives the
 * labels and the weighted inertia. Stateless.
 */
final class MiniBatchFit {

  private MiniBatchFit() {}

  /**
   * Runs the batches and the final pass.
   *
   * @param x flat rows (owned: not copied)
   * @param w row weights, one per row (owned), or null for unit weights
   * @param n rows
   * @param d dimension
   * @param centres k flat start centres (owned: updated in place and kept by the model)
   * @param k centres
   * @param batchSize the configured batch size
   * @param maxIterations the batch cap
   * @param tolerance relative tolerance on the centre shift, 0 for none
   * @param threads threads of the final pass
   * @param seed the master seed
   * @return the model; algorithm LLOYD, history the batches' inertias before their updates
   */
  static KMeansModel run(double[] x, double[] w, int n, int d, double[] centres, int k,
      int batchSize, int maxIterations, double tolerance, int threads, long seed) {
    double absTol;
    try (ChunkPool one = new ChunkPool(1)) {
      absTol = tolerance * FeatureMoments.meanFeatureVariance(new Dataset(x, n, d, null), one);
    }
    int size = Math.min(batchSize, n);
    double[] absorbed = new double[k];
    int[] batch = new int[size];
    MiniBatchStep step = new MiniBatchStep(k, d);
    double[] history = new double[Math.min(maxIterations, 64)];
    int iterations = 0;
    boolean converged = false;
    SplittableRandom batches = Seeds.random(seed, 2);
    while (iterations < maxIterations) {
      for (int b = 0; b < size; b++) {
        batch[b] = batches.nextInt(n);
      }
      step.apply(x, w, batch, size, centres, absorbed);
      if (iterations == history.length) {
        history = Arrays.copyOf(history, (int) Math.min(maxIterations, 2L * iterations));
      }
      history[iterations++] = step.inertia();
      if (absTol > 0 && step.shift() <= absTol) {
        converged = true;
        break;
      }
    }
    Dataset data = new Dataset(x, n, d, w);
    int[] labels = new int[n];
    double inertia;
    try (ChunkPool pool = new ChunkPool(threads)) {
      new LloydAssigner(data, k).start(centres, labels, null, pool);
      inertia = Inertia.of(data, centres, labels, pool);
    }
    return new KMeansModel(centres, k, d, labels, inertia, iterations, converged,
        Arrays.copyOf(history, iterations), KMeansAlgorithm.LLOYD);
  }
}
