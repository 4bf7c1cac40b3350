package dev.niche.segmentation.internal;

/**
 * Squared Euclidean distances in one canonical arithmetic order, so that every algorithm (Lloyd,
 * Hamerly, Elkan, seeding) gets bit-identical values for the same pair of points.
 *
 * <p>The order: four partial sums {@code s0..s3} over coordinates {@code j mod 4} of the main
 * block, each accumulated with {@link Math#fma} in increasing {@code j}; the tail ({@code d mod 4}
 * coordinates) goes into {@code s0}; the result is {@code (s0 + s1) + (s2 + s3)}. The blocked
 * kernel {@link #toAll} keeps that order per centre while interleaving two centres for
 * instruction-level parallelism.
 */
public final class SquaredDistance {

  private SquaredDistance() {}

  /**
   * Squared distance between two rows of flat arrays.
   *
   * @param a first array
   * @param ao offset of the first row
   * @param b second array
   * @param bo offset of the second row
   * @param d dimension
   * @return the squared distance
   */
  public static double between(double[] a, int ao, double[] b, int bo, int d) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j <= d - 4; j += 4) {
      double t0 = a[ao + j] - b[bo + j];
      double t1 = a[ao + j + 1] - b[bo + j + 1];
      double t2 = a[ao + j + 2] - b[bo + j + 2];
      double t3 = a[ao + j + 3] - b[bo + j + 3];
      s0 = Math.fma(t0, t0, s0);
      s1 = Math.fma(t1, t1, s1);
      s2 = Math.fma(t2, t2, s2);
      s3 = Math.fma(t3, t3, s3);
    }
    for (; j < d; j++) {
      double t = a[ao + j] - b[bo + j];
      s0 = Math.fma(t, t, s0);
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * Squared distances from one row to all {@code k} centres, identical per centre to
   * {@link #between}.
   *
   * @param x data array
   * @param xo offset of the row
   * @param c flat centres (k rows of d)
   * @param k number of centres
   * @param d dimension
   * @param out receives the k squared distances
   */
  public static void toAll(double[] x, int xo, double[] c, int k, int d, double[] out) {
    toAll(x, xo, c, k, d, out, 0);
  }

  /**
   * As {@link #toAll(double[], int, double[], int, int, double[])}, writing from an offset.
   *
   * @param x data array
   * @param xo offset of the row
   * @param c flat centres (k rows of d)
   * @param k number of centres
   * @param d dimension
   * @param out receives the k squared distances
   * @param oo offset in {@code out}
   */
  public static void toAll(
      double[] x, int xo, double[] c, int k, int d, double[] out, int oo) {
    int m = 0;
    for (; m + 1 < k; m += 2) {
      int co = m * d;
      int cp = co + d;
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      double r0 = 0;
      double r1 = 0;
      double r2 = 0;
      double r3 = 0;
      int j = 0;
      for (; j <= d - 4; j += 4) {
        double x0 = x[xo + j];
        double x1 = x[xo + j + 1];
        double x2 = x[xo + j + 2];
        double x3 = x[xo + j + 3];
        double t0 = x0 - c[co + j];
        double t1 = x1 - c[co + j + 1];
        double t2 = x2 - c[co + j + 2];
        double t3 = x3 - c[co + j + 3];
        double u0 = x0 - c[cp + j];
        double u1 = x1 - c[cp + j + 1];
        double u2 = x2 - c[cp + j + 2];
        double u3 = x3 - c[cp + j + 3];
        s0 = Math.fma(t0, t0, s0);
        s1 = Math.fma(t1, t1, s1);
        s2 = Math.fma(t2, t2, s2);
        s3 = Math.fma(t3, t3, s3);
        r0 = Math.fma(u0, u0, r0);
        r1 = Math.fma(u1, u1, r1);
        r2 = Math.fma(u2, u2, r2);
        r3 = Math.fma(u3, u3, r3);
      }
      for (; j < d; j++) {
        double t = x[xo + j] - c[co + j];
        double u = x[xo + j] - c[cp + j];
        s0 = Math.fma(t, t, s0);
        r0 = Math.fma(u, u, r0);
      }
      out[oo + m] = (s0 + s1) + (s2 + s3);
      out[oo + m + 1] = (r0 + r1) + (r2 + r3);
    }
    if (m < k) {
      out[oo + m] = between(x, xo, c, m * d, d);
    }
  }

  /**
   * Squared distances from two rows to {@code k} centres, tiled two rows by two centres with two
   * partial sums each (eight independent chains, half the loads of one row at a time). The
   * summation order differs from {@link #between}, so results may differ from it in the last
   * bits: used only by seeding, whose distances need not match the iterations' bit for bit.
   *
   * @param x data array
   * @param xa offset of the first row
   * @param xb offset of the second row
   * @param c flat centres
   * @param k number of centres
   * @param d dimension
   * @param out receives the distances
   * @param oa offset in {@code out} of the first row's k distances
   * @param ob offset in {@code out} of the second row's k distances
   */
  public static void twoRowsToAll(
      double[] x, int xa, int xb, double[] c, int k, int d, double[] out, int oa, int ob) {
    int m = 0;
    for (; m + 1 < k; m += 2) {
      int co = m * d;
      int cp = co + d;
      double a0 = 0;
      double a1 = 0;
      double b0 = 0;
      double b1 = 0;
      double e0 = 0;
      double e1 = 0;
      double f0 = 0;
      double f1 = 0;
      int j = 0;
      for (; j <= d - 2; j += 2) {
        double p0 = x[xa + j];
        double p1 = x[xa + j + 1];
        double q0 = x[xb + j];
        double q1 = x[xb + j + 1];
        double c0 = c[co + j];
        double c1 = c[co + j + 1];
        double g0 = c[cp + j];
        double g1 = c[cp + j + 1];
        double t;
        t = p0 - c0;
        a0 = Math.fma(t, t, a0);
        t = p1 - c1;
        a1 = Math.fma(t, t, a1);
        t = p0 - g0;
        b0 = Math.fma(t, t, b0);
        t = p1 - g1;
        b1 = Math.fma(t, t, b1);
        t = q0 - c0;
        e0 = Math.fma(t, t, e0);
        t = q1 - c1;
        e1 = Math.fma(t, t, e1);
        t = q0 - g0;
        f0 = Math.fma(t, t, f0);
        t = q1 - g1;
        f1 = Math.fma(t, t, f1);
      }
      if (j < d) {
        double t = x[xa + j] - c[co + j];
        a0 = Math.fma(t, t, a0);
        t = x[xa + j] - c[cp + j];
        b0 = Math.fma(t, t, b0);
        t = x[xb + j] - c[co + j];
        e0 = Math.fma(t, t, e0);
        t = x[xb + j] - c[cp + j];
        f0 = Math.fma(t, t, f0);
      }
      out[oa + m] = a0 + a1;
      out[oa + m + 1] = b0 + b1;
      out[ob + m] = e0 + e1;
      out[ob + m + 1] = f0 + f1;
    }
    if (m < k) {
      int co = m * d;
      double a0 = 0;
      double a1 = 0;
      double a2 = 0;
      double a3 = 0;
      double e0 = 0;
      double e1 = 0;
      double e2 = 0;
      double e3 = 0;
      int j = 0;
      for (; j <= d - 4; j += 4) {
        double c0 = c[co + j];
        double c1 = c[co + j + 1];
        double c2 = c[co + j + 2];
        double c3 = c[co + j + 3];
        double t;
        t = x[xa + j] - c0;
        a0 = Math.fma(t, t, a0);
        t = x[xa + j + 1] - c1;
        a1 = Math.fma(t, t, a1);
        t = x[xa + j + 2] - c2;
        a2 = Math.fma(t, t, a2);
        t = x[xa + j + 3] - c3;
        a3 = Math.fma(t, t, a3);
        t = x[xb + j] - c0;
        e0 = Math.fma(t, t, e0);
        t = x[xb + j + 1] - c1;
        e1 = Math.fma(t, t, e1);
        t = x[xb + j + 2] - c2;
        e2 = Math.fma(t, t, e2);
        t = x[xb + j + 3] - c3;
        e3 = Math.fma(t, t, e3);
      }
      for (; j < d; j++) {
        double t = x[xa + j] - c[co + j];
        a0 = Math.fma(t, t, a0);
        t = x[xb + j] - c[co + j];
        e0 = Math.fma(t, t, e0);
      }
      out[oa + m] = (a0 + a1) + (a2 + a3);
      out[ob + m] = (e0 + e1) + (e2 + e3);
    }
  }
}
