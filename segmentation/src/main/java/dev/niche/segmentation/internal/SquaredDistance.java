package dev.niche.segmentation.internal;

/**
 * Squared Euclidean distances in one canonical arithmetic order, so that every algorithm (Lloyd,
 * Hamerly, Elkan, seeding, prediction) gets bit-identical values for the same pair of points.
 *
 * <p>The order: {@code s = t_0 * t_0}, then {@code s = fma(t_j, t_j, s)} for {@code j = 1..d-1},
 * with {@code t_j = a_j - b_j}. It is the order in which {@link TransposedRows} computes many rows
 * at once with SIMD instructions, so a vectorised E-step and a row-at-a-time bounded one (Hamerly,
 * Elkan) agree to the bit. One distance is a single dependency chain; {@link #toAll} interleaves
 * four centres to keep the multiply-add units busy.
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
    double t = a[ao] - b[bo];
    double s = t * t;
    for (int j = 1; j < d; j++) {
      t = a[ao + j] - b[bo + j];
      s = Math.fma(t, t, s);
    }
    return s;
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
    for (; m + 3 < k; m += 4) {
      four(x, xo, c, m * d, (m + 1) * d, (m + 2) * d, (m + 3) * d, d, out, oo + m);
    }
    for (; m < k; m++) {
      out[oo + m] = between(x, xo, c, m * d, d);
    }
  }

  /**
   * Distances from one row to the four centres at offsets c0..c3, as four independent chains,
   * each to the same bits as {@link #between}; written to {@code out[oo..oo+4)}.
   */
  private static void four(double[] x, int xo, double[] c, int c0, int c1, int c2, int c3, int d,
      double[] out, int oo) {
    double x0 = x[xo];
    double t0 = x0 - c[c0];
    double t1 = x0 - c[c1];
    double t2 = x0 - c[c2];
    double t3 = x0 - c[c3];
    double s0 = t0 * t0;
    double s1 = t1 * t1;
    double s2 = t2 * t2;
    double s3 = t3 * t3;
    for (int j = 1; j < d; j++) {
      double xj = x[xo + j];
      t0 = xj - c[c0 + j];
      t1 = xj - c[c1 + j];
      t2 = xj - c[c2 + j];
      t3 = xj - c[c3 + j];
      s0 = Math.fma(t0, t0, s0);
      s1 = Math.fma(t1, t1, s1);
      s2 = Math.fma(t2, t2, s2);
      s3 = Math.fma(t3, t3, s3);
    }
    out[oo] = s0;
    out[oo + 1] = s1;
    out[oo + 2] = s2;
    out[oo + 3] = s3;
  }

  /** Whether rows i..i+7 have one label (most runs of rows in spatial order). */
  private static boolean sameLabel(int[] labels, int i) {
    int l = labels[i];
    return labels[i + 1] == l && labels[i + 2] == l && labels[i + 3] == l && labels[i + 4] == l
        && labels[i + 5] == l && labels[i + 6] == l && labels[i + 7] == l;
  }

  /**
   * Distances from eight consecutive rows (from offset xo) to one centre (offset co), as eight
   * independent chains sharing each coordinate of the centre; each to the same bits as
   * {@link #between}, written to {@code out[oo..oo+8)}.
   */
  private static void eightToOne(
      double[] x, int xo, int d, double[] c, int co, double[] out, int oo) {
    int x1 = xo + d;
    int x2 = x1 + d;
    int x3 = x2 + d;
    int x4 = x3 + d;
    int x5 = x4 + d;
    int x6 = x5 + d;
    int x7 = x6 + d;
    double cj = c[co];
    double t0 = x[xo] - cj;
    double t1 = x[x1] - cj;
    double t2 = x[x2] - cj;
    double t3 = x[x3] - cj;
    double t4 = x[x4] - cj;
    double t5 = x[x5] - cj;
    double t6 = x[x6] - cj;
    double t7 = x[x7] - cj;
    double s0 = t0 * t0;
    double s1 = t1 * t1;
    double s2 = t2 * t2;
    double s3 = t3 * t3;
    double s4 = t4 * t4;
    double s5 = t5 * t5;
    double s6 = t6 * t6;
    double s7 = t7 * t7;
    for (int j = 1; j < d; j++) {
      cj = c[co + j];
      t0 = x[xo + j] - cj;
      t1 = x[x1 + j] - cj;
      t2 = x[x2 + j] - cj;
      t3 = x[x3 + j] - cj;
      t4 = x[x4 + j] - cj;
      t5 = x[x5 + j] - cj;
      t6 = x[x6 + j] - cj;
      t7 = x[x7 + j] - cj;
      s0 = Math.fma(t0, t0, s0);
      s1 = Math.fma(t1, t1, s1);
      s2 = Math.fma(t2, t2, s2);
      s3 = Math.fma(t3, t3, s3);
      s4 = Math.fma(t4, t4, s4);
      s5 = Math.fma(t5, t5, s5);
      s6 = Math.fma(t6, t6, s6);
      s7 = Math.fma(t7, t7, s7);
    }
    out[oo] = s0;
    out[oo + 1] = s1;
    out[oo + 2] = s2;
    out[oo + 3] = s3;
    out[oo + 4] = s4;
    out[oo + 5] = s5;
    out[oo + 6] = s6;
    out[oo + 7] = s7;
  }

  /**
   * Squared distances from one row to the listed centres:
   * {@code out[t] = between(x, xo, c, listed[t] * d, d)} for t in [0, count), to the same bits,
   * four centres at a time as independent chains (a bounded E-step's candidates).
   *
   * @param x data array
   * @param xo offset of the row
   * @param c flat centres
   * @param d dimension
   * @param listed centre indices
   * @param count number of listed centres
   * @param out receives {@code count} distances from index 0
   */
  public static void toListed(
      double[] x, int xo, double[] c, int d, int[] listed, int count, double[] out) {
    int t = 0;
    for (; t + 3 < count; t += 4) {
      four(x, xo, c, listed[t] * d, listed[t + 1] * d, listed[t + 2] * d, listed[t + 3] * d, d,
          out, t);
    }
    for (; t < count; t++) {
      out[t] = between(x, xo, c, listed[t] * d, d);
    }
  }

  /**
   * Squared distances from consecutive rows to their labelled centres:
   * {@code out[q] = between(x, (first + q) * d, c, labels[first + q] * d, d)} for q in
   * [0, count), to the same bits. Four rows run as independent chains, which hides the latency
   * of the sequential fma chain that one row alone would wait on.
   *
   * @param x flat rows
   * @param first first row
   * @param count number of rows
   * @param d dimension
   * @param c flat centres
   * @param labels centre index of every row
   * @param out receives {@code count} distances from index 0
   */
  public static void toAssigned(
      double[] x, int first, int count, int d, double[] c, int[] labels, double[] out) {
    int q = 0;
    for (; q + 3 < count; q += 4) {
      int i = first + q;
      if (q + 7 < count && sameLabel(labels, i)) {
        eightToOne(x, i * d, d, c, labels[i] * d, out, q);
        q += 4;
        continue;
      }
      int x0 = i * d;
      int x1 = x0 + d;
      int x2 = x1 + d;
      int x3 = x2 + d;
      int c0 = labels[i] * d;
      int c1 = labels[i + 1] * d;
      int c2 = labels[i + 2] * d;
      int c3 = labels[i + 3] * d;
      double t0 = x[x0] - c[c0];
      double t1 = x[x1] - c[c1];
      double t2 = x[x2] - c[c2];
      double t3 = x[x3] - c[c3];
      double s0 = t0 * t0;
      double s1 = t1 * t1;
      double s2 = t2 * t2;
      double s3 = t3 * t3;
      for (int j = 1; j < d; j++) {
        t0 = x[x0 + j] - c[c0 + j];
        t1 = x[x1 + j] - c[c1 + j];
        t2 = x[x2 + j] - c[c2 + j];
        t3 = x[x3 + j] - c[c3 + j];
        s0 = Math.fma(t0, t0, s0);
        s1 = Math.fma(t1, t1, s1);
        s2 = Math.fma(t2, t2, s2);
        s3 = Math.fma(t3, t3, s3);
      }
      out[q] = s0;
      out[q + 1] = s1;
      out[q + 2] = s2;
      out[q + 3] = s3;
    }
    for (; q < count; q++) {
      int i = first + q;
      out[q] = between(x, i * d, c, labels[i] * d, d);
    }
  }
}
