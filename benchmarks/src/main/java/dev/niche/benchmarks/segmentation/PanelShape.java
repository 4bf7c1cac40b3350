package dev.niche.benchmarks.segmentation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * The four data shapes of the k-means panel (issue 14), each generated from a fixed seed so that
 * the JMH benchmark, the inertia runs and scikit-learn (which reads the raw float64 files written
 * by {@link #write}) see the same rows. The system property {@value #DATA_SEED_PROPERTY} (a long,
 * default 0) is mixed into every shape's seed: other rows of the same kinds, for checking that
 * the panel's results are not particular to one draw (every JVM of a run must be given the same
 * value; {@code kmeans-panel.sh} passes its {@code PANEL_DATA_SEED}).
 *
 * <ul>
 *   <li>{@link #SEPARATED}: n = 10^6, d = 16, k = 32, centres U[-10, 10], unit noise, equal sizes.
 *   <li>{@link #OVERLAPPING}: n = 10^6, d = 16, k = 32, centres U[-6, 6], sigma per blob U[0.8, 2],
 *       unequal sizes (proportions U[1, 5], normalised).
 *   <li>{@link #CUSTOMER}: n = 10^6, d = 8, k = 8, no true clusters: correlated Gaussian factors
 *       (two latent factors plus noise) exponentiated with per-feature spread U[0.5, 1.5] into
 *       right-skewed positive values (spend-like) and, for three features, Poisson-like counts by
 *       flooring; then log1p and z-scoring per feature, as a user would prepare RFM-style features.
 *   <li>{@link #WIDE}: n = 2·10^5, d = 64, k = 50, centres U[-3, 3], sigma per blob U[1, 2].
 * </ul>
 */
public enum PanelShape {
  /** Well separated blobs. */
  SEPARATED(1_000_000, 16, 32, 0x5E9A_0001L),
  /** Overlapping blobs of unequal spread and size. */
  OVERLAPPING(1_000_000, 16, 32, 0x5E9A_0002L),
  /** Customer-like skewed features without clusters. */
  CUSTOMER(1_000_000, 8, 8, 0x5E9A_0003L),
  /** High-dimensional overlapping blobs. */
  WIDE(200_000, 64, 50, 0x5E9A_0004L);

  /** System property mixed into every shape's seed (see the class comment). */
  static final String DATA_SEED_PROPERTY = "niche.panel.dataSeed";

  final int n;
  final int d;
  final int k;
  private final long seed;

  PanelShape(int n, int d, int k, long seed) {
    this.n = n;
    this.d = d;
    this.k = k;
    this.seed = seed;
  }

  /**
   * The rows, flat row-major.
   *
   * @return n * d values
   */
  double[] generate() {
    long draw = Long.getLong(DATA_SEED_PROPERTY, 0L);
    // Draw 0 keeps the shape's own seed (the rows of every panel run before the property).
    SplittableRandom r = new SplittableRandom(
        draw == 0 ? seed : new SplittableRandom(seed ^ draw).nextLong());
    switch (this) {
      case SEPARATED:
        return blobs(r, n, d, k, new double[] {10, 1, 1}, false);
      case OVERLAPPING:
        return blobs(r, n, d, k, new double[] {6, 0.8, 2}, true);
      case WIDE:
        return blobs(r, n, d, k, new double[] {3, 1, 2}, false);
      case CUSTOMER:
        return customers(r);
      default:
        throw new IllegalStateException(name());
    }
  }

  /**
   * Gaussian blobs: centres uniform in [-h, h]^d, each blob's sigma uniform in [low, high].
   *
   * @param r the random source
   * @param n rows
   * @param d dimension
   * @param k blobs
   * @param geometry {h, low, high}
   * @param unequal whether blob sizes are proportional to U[1, 5] (else equal in expectation)
   * @return n * d values, row-major
   */
  static double[] blobs(
      SplittableRandom r, int n, int d, int k, double[] geometry, boolean unequal) {
    double halfWidth = geometry[0];
    double sigmaLow = geometry[1];
    double sigmaHigh = geometry[2];
    double[] centres = new double[k * d];
    for (int t = 0; t < centres.length; t++) {
      centres[t] = r.nextDouble(-halfWidth, halfWidth);
    }
    double[] sigma = new double[k];
    double[] cumulative = new double[k];
    double total = 0;
    for (int m = 0; m < k; m++) {
      sigma[m] = sigmaLow == sigmaHigh ? sigmaLow : r.nextDouble(sigmaLow, sigmaHigh);
      total += unequal ? r.nextDouble(1, 5) : 1;
      cumulative[m] = total;
    }
    double[] x = new double[n * d];
    for (int i = 0; i < n; i++) {
      double u = r.nextDouble() * total;
      int m = 0;
      while (m < k - 1 && cumulative[m] <= u) {
        m++;
      }
      for (int j = 0; j < d; j++) {
        x[i * d + j] = centres[m * d + j] + sigma[m] * r.nextGaussian();
      }
    }
    return x;
  }

  private double[] customers(SplittableRandom r) {
    double[][] loading = new double[d][2];
    double[] spread = new double[d];
    double[] level = new double[d];
    for (int j = 0; j < d; j++) {
      loading[j][0] = r.nextDouble(0.3, 0.9);
      loading[j][1] = r.nextDouble(-0.6, 0.6);
      spread[j] = r.nextDouble(0.5, 1.5);
      level[j] = r.nextDouble(0, 3);
    }
    double[] x = new double[n * d];
    for (int i = 0; i < n; i++) {
      double f0 = r.nextGaussian();
      double f1 = r.nextGaussian();
      for (int j = 0; j < d; j++) {
        double z = loading[j][0] * f0 + loading[j][1] * f1 + 0.5 * r.nextGaussian();
        double value = Math.exp(level[j] + spread[j] * z);
        if (j < 3) {
          value = Math.floor(value); // counts: visits, orders, returns
        }
        x[i * d + j] = Math.log1p(value);
      }
    }
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += x[i * d + j];
      }
      mean /= n;
      double ss = 0;
      for (int i = 0; i < n; i++) {
        double t = x[i * d + j] - mean;
        ss += t * t;
      }
      double sd = Math.sqrt(ss / n);
      for (int i = 0; i < n; i++) {
        x[i * d + j] = (x[i * d + j] - mean) / sd;
      }
    }
    return x;
  }

  /**
   * Writes the rows as raw little-endian float64 (numpy: {@code fromfile(f, '<f8').reshape(n, d)}).
   *
   * @param x the rows
   * @param file the target
   * @throws IOException if writing fails
   */
  static void write(double[] x, Path file) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      for (double v : x) {
        if (!buf.hasRemaining()) {
          buf.flip();
          while (buf.hasRemaining()) {
            ch.write(buf);
          }
          buf.clear();
        }
        buf.putDouble(v);
      }
      buf.flip();
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
    }
  }
}
