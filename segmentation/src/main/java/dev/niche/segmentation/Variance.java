package dev.niche.segmentation;

import dev.niche.segmentation.internal.ChunkPool;
import dev.niche.segmentation.internal.Dataset;

/** Mean over features of the unweighted population variance, in fixed chunk order. */
final class Variance {

  private Variance() {}

  static double meanFeatureVariance(Dataset data, ChunkPool pool) {
    int n = data.n();
    int d = data.d();
    double[] x = data.x();
    int chunks = ChunkPool.chunks(n);
    // Per chunk: its mean and sum of squared deviations, two passes over the chunk while it is
    // in cache; then Chan, Golub and LeVeque's pairwise update combines chunks in chunk order.
    double[][] mean = new double[chunks][d];
    double[][] m2 = new double[chunks][d];
    pool.forEach(
        chunks,
        c -> {
          int start = ChunkPool.start(c);
          int end = ChunkPool.end(c, n);
          double[] mu = mean[c];
          double[] sq = m2[c];
          for (int i = start; i < end; i++) {
            for (int j = 0; j < d; j++) {
              mu[j] += x[i * d + j];
            }
          }
          for (int j = 0; j < d; j++) {
            mu[j] /= end - start;
          }
          for (int i = start; i < end; i++) {
            for (int j = 0; j < d; j++) {
              double t = x[i * d + j] - mu[j];
              sq[j] += t * t;
            }
          }
        });
    double total = 0;
    for (int j = 0; j < d; j++) {
      double mu = 0;
      double sq = 0;
      long count = 0;
      for (int c = 0; c < chunks; c++) {
        long rows = ChunkPool.end(c, n) - ChunkPool.start(c);
        double delta = mean[c][j] - mu;
        long both = count + rows;
        mu += delta * rows / both;
        sq += m2[c][j] + delta * delta * ((double) count * rows / both);
        count = both;
      }
      total += sq / n;
    }
    return total / d;
  }
}
