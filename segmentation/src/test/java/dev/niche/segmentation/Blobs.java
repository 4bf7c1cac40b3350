package dev.niche.segmentation;

import java.util.SplittableRandom;

/** Seeded Gaussian blobs for tests. */
final class Blobs {
  private Blobs() {}

  static double[][] rows(int n, int d, int k, double spread, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] centres = new double[k][d];
    for (double[] c : centres) {
      for (int j = 0; j < d; j++) {
        c[j] = r.nextDouble(-10, 10);
      }
    }
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      int m = r.nextInt(k);
      for (int j = 0; j < d; j++) {
        x[i][j] = centres[m][j] + spread * gauss(r);
      }
    }
    return x;
  }

  static double gauss(SplittableRandom r) {
    double u = r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
  }
}
