package dev.niche.segmentation.internal;

import java.util.SplittableRandom;

/**
 * A lightweight coreset (Bachem, Lucic and Krause, "Scalable k-means clustering via lightweight
 * coresets", KDD 2018, Algorithm 1): m independent draws of a row x with probability
 *
 * <pre>
 *   q(x) = 1/2 w(x) / W + 1/2 w(x) |x - mu|^2 / sum_y w(y) |y - mu|^2,
 * </pre>
 *
 * with mu the weighted mean and W the total weight, each draw weighing w(x) / (m q(x)); a row
 * drawn c times appears once with c times that weight, in row order. For any centres the
 * coreset's weighted potential is an unbiased estimate of the rows' potential, and rows far from
 * the mean, the ones a D^2 start picks, are drawn far more often than by uniform sampling.
 *
 * <p>The m sorted uniforms come from one stream (the normalised partial sums of m + 1
 * exponentials), and the sums are taken per fixed chunk in chunk order, so the coreset does not
 * depend on the thread count.
 */
final class LightweightCoreset {

  private LightweightCoreset() {}

  /**
   * Draws a coreset.
   *
   * @param data the rows (at least one with positive weight)
   * @param m the number of draws, at least 1
   * @param rng the random stream
   * @param pool the chunk pool
   * @return the distinct drawn rows with their weights, in row order
   */
  static Dataset draw(Dataset data, int m, SplittableRandom rng, ChunkPool pool) {
    int n = data.n();
    int d = data.d();
    double[] x = data.x();
    int chunks = ChunkPool.chunks(n);
    double[][] partial = new double[chunks][d + 1];
    pool.forEach(chunks, c -> {
      double[] s = partial[c];
      for (int i = ChunkPool.start(c), end = ChunkPool.end(c, n); i < end; i++) {
        double w = data.weight(i);
        for (int j = 0; j < d; j++) {
          s[j] += w * x[i * d + j];
        }
        s[d] += w;
      }
    });
    double[] mean = new double[d];
    double total = 0;
    for (double[] s : partial) {
      for (int j = 0; j < d; j++) {
        mean[j] += s[j];
      }
      total += s[d];
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= total;
    }
    double[] far = new double[n];
    double[] chunkFar = new double[chunks];
    pool.forEach(chunks, c -> {
      double s = 0;
      for (int i = ChunkPool.start(c), end = ChunkPool.end(c, n); i < end; i++) {
        far[i] = data.weight(i) * SquaredDistance.between(x, i * d, mean, 0, d);
        s += far[i];
      }
      chunkFar[c] = s;
    });
    double spread = 0;
    for (double s : chunkFar) {
      spread += s;
    }
    double uniformShare = spread > 0 ? 0.5 / total : 1 / total;
    double farShare = spread > 0 ? 0.5 / spread : 0;
    double[] u = sortedUniforms(m, rng);
    int[] rows = new int[m];
    int[] counts = new int[m];
    int distinct = 0;
    int next = 0;
    int lastDrawable = -1;
    double cum = 0;
    for (int i = 0; i < n && next < m; i++) {
      double q = uniformShare * data.weight(i) + farShare * far[i];
      if (!(q > 0)) {
        continue;
      }
      lastDrawable = i;
      cum += q;
      int drawn = 0;
      while (next < m && u[next] < cum) {
        next++;
        drawn++;
      }
      if (drawn > 0) {
        rows[distinct] = i;
        counts[distinct++] = drawn;
      }
    }
    if (next < m) {
      // Rounding left the cumulative sum a hair below 1: the last draws go to the last row.
      if (distinct > 0 && rows[distinct - 1] == lastDrawable) {
        counts[distinct - 1] += m - next;
      } else {
        rows[distinct] = lastDrawable;
        counts[distinct++] = m - next;
      }
    }
    double[] sx = new double[distinct * d];
    double[] sw = new double[distinct];
    for (int r = 0; r < distinct; r++) {
      int i = rows[r];
      System.arraycopy(x, i * d, sx, r * d, d);
      double q = uniformShare * data.weight(i) + farShare * far[i];
      sw[r] = counts[r] * data.weight(i) / (m * q);
    }
    return new Dataset(sx, distinct, d, sw);
  }

  /** m uniforms in [0, 1), sorted: partial sums of m + 1 standard exponentials over their sum. */
  private static double[] sortedUniforms(int m, SplittableRandom rng) {
    double[] u = new double[m];
    double s = 0;
    for (int i = 0; i < m; i++) {
      s += -Math.log1p(-rng.nextDouble());
      u[i] = s;
    }
    s += -Math.log1p(-rng.nextDouble());
    for (int i = 0; i < m; i++) {
      u[i] /= s;
    }
    return u;
  }
}
