package dev.niche.segmentation.internal;

/**
 * The distance kernels over a {@link TransposedRows} block: squared distances from every loaded
 * row to one point or to two points at once, and the nearest of several points by an affine
 * score. Every loop runs over the rows with the same index on every column array, so HotSpot's
 * superword pass compiles it to SIMD.
 *
 * <p>Distances are accumulated in {@link SquaredDistance}'s canonical order ({@code t_0 * t_0},
 * then {@code fma(t_j, t_j, s)} for increasing {@code j}), so they are bit-identical to
 * {@link SquaredDistance#between}. Stateless; the block and the output arrays belong to one task.
 */
final class BlockDistances {

  private BlockDistances() {}

  /**
   * Squared distances from every row loaded in {@code block} to the point {@code p[po..po+d)}.
   *
   * <p>Coordinates are taken four per pass over the rows from the first one on (the first pass
   * starts the sum with {@code t_0 * t_0}), and the last d mod 4 one per pass: d / 4 + d mod 4
   * loads and stores of {@code out} per row instead of one per coordinate, in the same order.
   *
   * @param block the loaded rows
   * @param p array holding the point
   * @param po offset of the point
   * @param out receives {@code block.size()} distances from index 0
   */
  static void squaredDistances(TransposedRows block, double[] p, int po, double[] out) {
    int d = block.dimension();
    int n = block.size();
    int j;
    if (d >= 4) {
      ColumnBlockDistances.firstFourColumns(block.column(0), block.column(1), block.column(2),
          block.column(3), n, p, po, out);
      j = 4;
    } else {
      double[] col = block.column(0);
      double pj = p[po];
      for (int q = 0; q < n; q++) {
        double t = col[q] - pj;
        out[q] = t * t;
      }
      j = 1;
    }
    for (; j + 3 < d; j += 4) {
      ColumnBlockDistances.fourColumns(block.column(j), block.column(j + 1), block.column(j + 2),
          block.column(j + 3), n, p, po + j, out);
    }
    for (; j < d; j++) {
      ColumnBlockDistances.oneColumn(block.column(j), n, p[po + j], out);
    }
  }

  /**
   * Squared distances from every row loaded in {@code block} to two points at once, each to the
   * same bits as {@link #squaredDistances(TransposedRows, double[], int, double[])}: each column
   * is read once for both.
   *
   * @param block the loaded rows
   * @param p array holding the points
   * @param po offset of the first point
   * @param qo offset of the second point
   * @param out receives the distances to the first point
   * @param out2 receives the distances to the second point
   */
  static void squaredDistances(
      TransposedRows block, double[] p, int po, int qo, double[] out, double[] out2) {
    int d = block.dimension();
    int n = block.size();
    int j;
    if (d >= 4) {
      ColumnBlockDistances.firstFourColumns(block.column(0), block.column(1), block.column(2),
          block.column(3), n, p, po, qo, out, out2);
      j = 4;
    } else {
      double[] col = block.column(0);
      double pj = p[po];
      double qj = p[qo];
      for (int q = 0; q < n; q++) {
        double t = col[q] - pj;
        double u = col[q] - qj;
        out[q] = t * t;
        out2[q] = u * u;
      }
      j = 1;
    }
    for (; j + 3 < d; j += 4) {
      ColumnBlockDistances.fourColumns(block.column(j), block.column(j + 1), block.column(j + 2),
          block.column(j + 3), n, p, po + j, qo + j, out, out2);
    }
    for (; j < d; j++) {
      ColumnBlockDistances.oneColumn(block.column(j), n, p[po + j], p[qo + j], out, out2);
    }
  }

  /**
   * For every row loaded in {@code block}, the index m of the smallest affine score
   * {@code bias[m] + sum_j a[m d + j] x_j} over {@code m < count} (the lowest index on ties).
   * With {@code a = -2 p_m} and {@code bias[m] = |p_m|^2} the score is {@code |x - p_m|^2 - |x|^2},
   * so m is the nearest point p_m, found with one multiply-add per coordinate instead of a
   * subtraction and a multiply-add; cancellation makes it unfit where exact distances matter.
   *
   * <p>The running minimum is kept without branches, so the loops compile to SIMD: with
   * {@code b' = min(b, s)}, the difference {@code b - b'} is zero exactly when s does not improve
   * (a difference of distinct doubles is never zero), and scaling it by 2^2000 and capping at 1
   * turns it into a 0/1 flag that moves the index.
   *
   * @param block the loaded rows
   * @param a the coefficients, {@code count * d} values
   * @param bias the constants, {@code count} values
   * @param count number of scores, at least 1
   * @param best scratch, at least {@link TransposedRows#size} long
   * @param score scratch, at least {@link TransposedRows#size} long
   * @param nearest receives the indices (as doubles) from index 0
   */
  static void argminAffine(TransposedRows block,
      double[] a, double[] bias, int count, double[] best, double[] score, double[] nearest) {
    int d = block.dimension();
    int n = block.size();
    affine(block, a, 0, bias[0], best);
    java.util.Arrays.fill(nearest, 0, n, 0.0);
    for (int m = 1; m < count; m++) {
      affine(block, a, m * d, bias[m], score);
      double index = m;
      for (int q = 0; q < n; q++) {
        double b = best[q];
        double lower = Math.min(b, score[q]);
        double flag = Math.min((b - lower) * 0x1p1000 * 0x1p1000, 1.0);
        best[q] = lower;
        nearest[q] = Math.fma(flag, index - nearest[q], nearest[q]);
      }
    }
  }

  /**
   * Folds one centre's values into the running lowest, its index and the second lowest of every
   * row, branch-free so the loop runs as SIMD: {@code second = min(second, max(best, s))},
   * {@code best = min(best, s)}, and the index moves when best strictly drops (the flag of
   * {@link #argminAffine}). Folded in index order, the index is the lowest among equal values and
   * the second lowest equals the lowest on a tie, as a sequential scan gives.
   *
   * @param s the centre's value for every row
   * @param index0 the centre's index
   * @param n number of rows
   * @param best running lowest values
   * @param second running second-lowest values
   * @param index running indices of the lowest, as doubles
   */
  static void foldLowestTwo(
      double[] s, double index0, int n, double[] best, double[] second, double[] index) {
    for (int q = 0; q < n; q++) {
      double b = best[q];
      double v = s[q];
      double lo = Math.min(b, v);
      second[q] = Math.min(second[q], Math.max(b, v));
      index[q] = Math.fma(Math.min((b - lo) * 0x1p1000 * 0x1p1000, 1.0), index0 - index[q],
          index[q]);
      best[q] = lo;
    }
  }

  /** out[q] = bias + sum_j a[ao + j] x_j[q], one fused multiply-add per coordinate. */
  private static void affine(TransposedRows block, double[] a, int ao, double bias, double[] out) {
    int d = block.dimension();
    int n = block.size();
    java.util.Arrays.fill(out, 0, n, bias);
    int j = 0;
    for (; j + 3 < d; j += 4) {
      double[] c0 = block.column(j);
      double[] c1 = block.column(j + 1);
      double[] c2 = block.column(j + 2);
      double[] c3 = block.column(j + 3);
      double a0 = a[ao + j];
      double a1 = a[ao + j + 1];
      double a2 = a[ao + j + 2];
      double a3 = a[ao + j + 3];
      for (int q = 0; q < n; q++) {
        out[q] = Math.fma(c3[q], a3, Math.fma(c2[q], a2, Math.fma(c1[q], a1,
            Math.fma(c0[q], a0, out[q]))));
      }
    }
    for (; j < d; j++) {
      double[] col = block.column(j);
      double aj = a[ao + j];
      for (int q = 0; q < n; q++) {
        out[q] = Math.fma(col[q], aj, out[q]);
      }
    }
  }
}
