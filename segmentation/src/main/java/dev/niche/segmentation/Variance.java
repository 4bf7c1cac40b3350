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
    double[][] part = new double[chunks][d];
    pool.forEach(
        chunks,
        c -> {
          int end = ChunkPool.end(c, n);
          for (int i = ChunkPool.start(c); i < end; i++) {
            for (int j = 0; j < d; j++) {
              part[c][j] += x[i * d + j];
            }
          }
        });
    double[] mean = new double[d];
    for (double[] p : part) {
      for (int j = 0; j < d; j++) {
        mean[j] += p[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    pool.forEach(
        chunks,
        c -> {
          java.util.Arrays.fill(part[c], 0.0);
          int end = ChunkPool.end(c, n);
          for (int i = ChunkPool.start(c); i < end; i++) {
            for (int j = 0; j < d; j++) {
              double t = x[i * d + j] - mean[j];
              part[c][j] += t * t;
            }
          }
        });
    double total = 0;
    for (int j = 0; j < d; j++) {
      double s = 0;
      for (double[] p : part) {
        s += p[j];
      }
      total += s / n;
    }
    return total / d;
  }
}
