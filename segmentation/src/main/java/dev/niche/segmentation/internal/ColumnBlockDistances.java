package dev.niche.segmentation.internal;

import java.util.Arrays;

/**
 * Squared distances from every row of a block stored column by column in place (the layout of
 * {@link TransposedRows#storeColumns}: coordinate j of the block's row q at
 * {@code base + j size + q}) to several points at once.
 *
 * <p>The columns are taken four at a time: copied into four L1-resident buffers, then used for
 * every point in turn (two per pass over the rows), so each column comes from memory once per
 * block, and the hardware prefetcher streams the next columns while the current ones are
 * computed. Copying the whole block first ({@link TransposedRows#loadColumns(double[], int,
 * int)}) and computing afterwards cost a fifth more at d = 64: the copy and the arithmetic ran
 * one after the other instead of overlapping, and 64 columns of 128 rows overflow the L1 cache.
 * (Reading {@code x[base + j size + q]} in the distance loop itself, without the buffers, is not
 * vectorised by HotSpot 17's superword pass, whose dependence test cannot compare a load and a
 * store whose indices differ by a loop-invariant offset: it ran 2.5 times slower.)
 *
 * <p>Every distance is accumulated in {@link SquaredDistance}'s canonical order: the sum starts at
 * +0 and takes {@code fma(t_j, t_j, s)} for increasing j, and {@code fma(t_0, t_0, +0)} is
 * {@code t_0 * t_0} to the bit. The column kernels ({@code fourColumns}, {@code oneColumn}) also
 * serve {@link BlockDistances}' passes after its first. Stateless; the output arrays and buffers belong to one task.
 */
final class ColumnBlockDistances {

  private ColumnBlockDistances() {}

  /**
   * {@code out[u][q]} = squared distance from the block's row q to the point at
   * {@code p[points[u] d ..)}, for u in [0, count), to the same bits as
   * {@link SquaredDistance#between}.
   *
   * @param x the array holding the block
   * @param base offset of the block (its first row's first coordinate)
   * @param size number of rows of the block
   * @param d dimension
   * @param p the points, flat
   * @param points indices of the points in {@code p}
   * @param count number of points
   * @param out receives the distances, one array of at least {@code size} per point
   * @param columns four buffers of at least {@code size} (their contents are overwritten)
   */
  static void toPoints(double[] x, int base, int size, int d, double[] p, int[] points,
      int count, double[][] out, double[][] columns) {
    for (int u = 0; u < count; u++) {
      Arrays.fill(out[u], 0, size, 0.0);
    }
    double[] c0 = columns[0];
    double[] c1 = columns[1];
    double[] c2 = columns[2];
    double[] c3 = columns[3];
    int j = 0;
    for (; j + 3 < d; j += 4) {
      int o = base + j * size;
      System.arraycopy(x, o, c0, 0, size);
      System.arraycopy(x, o + size, c1, 0, size);
      System.arraycopy(x, o + 2 * size, c2, 0, size);
      System.arraycopy(x, o + 3 * size, c3, 0, size);
      int u = 0;
      for (; u + 1 < count; u += 2) {
        fourColumns(c0, c1, c2, c3, size, p, points[u] * d + j, points[u + 1] * d + j,
            out[u], out[u + 1]);
      }
      if (u < count) {
        fourColumns(c0, c1, c2, c3, size, p, points[u] * d + j, out[u]);
      }
    }
    for (; j < d; j++) {
      System.arraycopy(x, base + j * size, c0, 0, size);
      int u = 0;
      for (; u + 1 < count; u += 2) {
        oneColumn(c0, size, p[points[u] * d + j], p[points[u + 1] * d + j], out[u], out[u + 1]);
      }
      if (u < count) {
        oneColumn(c0, size, p[points[u] * d + j], out[u]);
      }
    }
  }

  /** Starts two points' sums with the first four coordinates (columns c0..c3): t0 * t0 first. */
  static void firstFourColumns(double[] c0, double[] c1, double[] c2, double[] c3, int size,
      double[] p, int po, int qo, double[] out, double[] out2) {
    double p0 = p[po];
    double p1 = p[po + 1];
    double p2 = p[po + 2];
    double p3 = p[po + 3];
    double q0 = p[qo];
    double q1 = p[qo + 1];
    double q2 = p[qo + 2];
    double q3 = p[qo + 3];
    for (int q = 0; q < size; q++) {
      double x0 = c0[q];
      double x1 = c1[q];
      double x2 = c2[q];
      double x3 = c3[q];
      double t0 = x0 - p0;
      double t1 = x1 - p1;
      double t2 = x2 - p2;
      double t3 = x3 - p3;
      double u0 = x0 - q0;
      double u1 = x1 - q1;
      double u2 = x2 - q2;
      double u3 = x3 - q3;
      out[q] = Math.fma(t3, t3, Math.fma(t2, t2, Math.fma(t1, t1, t0 * t0)));
      out2[q] = Math.fma(u3, u3, Math.fma(u2, u2, Math.fma(u1, u1, u0 * u0)));
    }
  }

  /** Starts one point's sums with the first four coordinates (columns c0..c3): t0 * t0 first. */
  static void firstFourColumns(double[] c0, double[] c1, double[] c2, double[] c3, int size,
      double[] p, int po, double[] out) {
    double p0 = p[po];
    double p1 = p[po + 1];
    double p2 = p[po + 2];
    double p3 = p[po + 3];
    for (int q = 0; q < size; q++) {
      double t0 = c0[q] - p0;
      double t1 = c1[q] - p1;
      double t2 = c2[q] - p2;
      double t3 = c3[q] - p3;
      out[q] = Math.fma(t3, t3, Math.fma(t2, t2, Math.fma(t1, t1, t0 * t0)));
    }
  }

  /** Adds four coordinates (columns c0..c3) to two points' running sums. */
  static void fourColumns(double[] c0, double[] c1, double[] c2, double[] c3, int size,
      double[] p, int po, int qo, double[] out, double[] out2) {
    double p0 = p[po];
    double p1 = p[po + 1];
    double p2 = p[po + 2];
    double p3 = p[po + 3];
    double q0 = p[qo];
    double q1 = p[qo + 1];
    double q2 = p[qo + 2];
    double q3 = p[qo + 3];
    for (int q = 0; q < size; q++) {
      double x0 = c0[q];
      double x1 = c1[q];
      double x2 = c2[q];
      double x3 = c3[q];
      double t0 = x0 - p0;
      double t1 = x1 - p1;
      double t2 = x2 - p2;
      double t3 = x3 - p3;
      double u0 = x0 - q0;
      double u1 = x1 - q1;
      double u2 = x2 - q2;
      double u3 = x3 - q3;
      out[q] = Math.fma(t3, t3, Math.fma(t2, t2, Math.fma(t1, t1, Math.fma(t0, t0, out[q]))));
      out2[q] = Math.fma(u3, u3, Math.fma(u2, u2, Math.fma(u1, u1, Math.fma(u0, u0, out2[q]))));
    }
  }

  /** Adds four coordinates (columns c0..c3) to one point's running sums. */
  static void fourColumns(double[] c0, double[] c1, double[] c2, double[] c3, int size,
      double[] p, int po, double[] out) {
    double p0 = p[po];
    double p1 = p[po + 1];
    double p2 = p[po + 2];
    double p3 = p[po + 3];
    for (int q = 0; q < size; q++) {
      double t0 = c0[q] - p0;
      double t1 = c1[q] - p1;
      double t2 = c2[q] - p2;
      double t3 = c3[q] - p3;
      out[q] = Math.fma(t3, t3, Math.fma(t2, t2, Math.fma(t1, t1, Math.fma(t0, t0, out[q]))));
    }
  }

  /** Adds one coordinate (column c) to two points' running sums. */
  static void oneColumn(
      double[] c, int size, double pj, double qj, double[] out, double[] out2) {
    for (int q = 0; q < size; q++) {
      double v = c[q];
      double t = v - pj;
      double u = v - qj;
      out[q] = Math.fma(t, t, out[q]);
      out2[q] = Math.fma(u, u, out2[q]);
    }
  }

  /** Adds one coordinate (column c) to one point's running sums. */
  static void oneColumn(double[] c, int size, double pj, double[] out) {
    for (int q = 0; q < size; q++) {
      double t = c[q] - pj;
      out[q] = Math.fma(t, t, out[q]);
    }
  }
}
