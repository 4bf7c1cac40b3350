package dev.niche.benchmarks.segmentation;

import java.util.SplittableRandom;

/** Seeded Gaussian blobs: k centres uniform in [-10, 10]^d, unit-variance noise. */
final class BlobData {
  static final int N = 1_000_000;
  static final int D = 16;
  static final int K = 32;
  static final long SEED = 20_260_122L;

  private BlobData() {}

  /** Flat row-major blobs. */
  static double[] flat(int n, int d, int k, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] centres = new double[k * d];
    for (int t = 0; t < centres.length; t++) {
      centres[t] = r.nextDouble(-10, 10);
    }
    double[] x = new double[n * d];
    for (int i = 0; i < n; i++) {
      int m = r.nextInt(k);
      for (int j = 0; j < d; j++) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        x[i * d + j] =
            centres[m * d + j] + Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
      }
    }
    return x;
  }

  static double[][] rows(double[] flat, int d) {
    double[][] out = new double[flat.length / d][d];
    for (int i = 0; i < out.length; i++) {
      System.arraycopy(flat, i * d, out[i], 0, d);
    }
    return out;
  }
}
