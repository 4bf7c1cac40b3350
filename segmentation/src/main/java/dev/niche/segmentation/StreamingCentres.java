package dev.niche.segmentation;

import dev.niche.core.Checks;
import java.util.Arrays;

/**
 * The centres of a streaming mini-batch k-means ({@link MiniBatchKMeans#partialFit}), with the
 * total sample weight v_c each has absorbed (scikit-learn's {@code _counts}) and the number of
 * batches applied (scikit-learn's {@code n_steps_}). The centres are null before the first batch
 * unless given. Immutable: {@link #absorb} returns a new instance and never touches this one's
 * arrays.
 */
final class StreamingCentres {

  private final int k;
  private final double[] centres;
  private final int d;
  private final double[] counts;
  private final long steps;

  private StreamingCentres(int k, double[] centres, int d, double[] counts, long steps) {
    this.k = k;
    this.centres = centres;
    this.d = d;
    this.counts = counts;
    this.steps = steps;
  }

  /**
   * The state before any batch.
   *
   * @param k centres
   * @param given the given centres, flat (kept, not copied: never written), or null
   * @param d their dimension (ignored when {@code given} is null)
   * @return zero counts and steps
   */
  static StreamingCentres before(int k, double[] given, int d) {
    return new StreamingCentres(k, given, d, new double[k], 0);
  }

  /**
   * Applies one batch with {@link MiniBatchStep}; the first batch without given centres starts
   * from {@link MiniBatchStart#greedy} on it.
   *
   * @param x the batch's rows, flat (owned by the caller, not written)
   * @param dim values per row
   * @param w row weights, or null for unit weights
   * @param batchSize the configured batch size (for the start)
   * @param seed the master seed (for the start)
   * @return the state after the batch, {@code steps} one higher
   * @throws IllegalArgumentException if the dimension differs from the centres', or (first batch
   *     without given centres) the batch has fewer than k rows or distinct rows with positive
   *     weight
   */
  StreamingCentres absorb(double[] x, int dim, double[] w, int batchSize, long seed) {
    int n = x.length / dim;
    double[] c;
    double[] v;
    if (centres == null) {
      Checks.argument(k <= n, "k = " + k + " exceeds the rows of the first batch (" + n + ")");
      c = MiniBatchStart.greedy(x, w, n, dim, k, batchSize, seed);
      v = new double[k];
    } else {
      Checks.sameLength(dim, "batch[0]", d, "the centres' dimension");
      c = centres.clone();
      v = counts.clone();
    }
    new MiniBatchStep(k, dim).apply(x, w, null, n, c, v);
    return new StreamingCentres(k, c, dim, v, steps + 1);
  }

  /** See {@link MiniBatchKMeans#centroids()}. */
  double[][] centroids() {
    double[][] out = new double[k][];
    for (int m = 0; m < k; m++) {
      out[m] = Arrays.copyOfRange(started(), m * d, m * d + d);
    }
    return out;
  }

  /** See {@link MiniBatchKMeans#counts()}. */
  double[] counts() {
    return counts.clone();
  }

  /** See {@link MiniBatchKMeans#steps()}. */
  long steps() {
    return steps;
  }

  /** See {@link MiniBatchKMeans#model()}. */
  KMeansModel model() {
    return new KMeansModel(started().clone(), k, d, new int[0], 0,
        (int) Math.min(Integer.MAX_VALUE, steps), false, new double[0], KMeansAlgorithm.AUTO);
  }

  private double[] started() {
    if (centres == null) {
      throw new IllegalStateException("no centres yet: call partialFit or give init(centres)");
    }
    return centres;
  }
}
