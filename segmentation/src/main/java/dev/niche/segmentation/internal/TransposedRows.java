package dev.niche.segmentation.internal;

/**
 * Up to {@link #CAPACITY} rows copied coordinate by coordinate (one array per coordinate), so that
 * the squared distances from all of them to one point are plain loops over the rows with the
 * same index on every array. HotSpot's superword pass compiles such loops to SIMD (AVX2: four
 * rows per instruction), which it cannot do for the row-major dot product of one row: a
 * reduction in strict floating-point order.
 *
 * <p>Each distance is accumulated in {@link SquaredDistance}'s canonical order ({@code t_0 * t_0},
 * then {@code fma(t_j, t_j, s)} for increasing {@code j}), so results are bit-identical to
 * {@link SquaredDistance#between}. Not thread-safe: one instance per task.
 */
final class TransposedRows {

  /** Rows per block: 128 rows of d coordinates plus the output stay in the L1 cache for d = 16. */
  static final int CAPACITY = 128;

  private final double[][] columns;
  private final int d;
  private int size;

  /**
   * An empty block.
   *
   * @param d dimension
   */
  TransposedRows(int d) {
    this(d, d);
  }

  /**
   * An empty block with at least {@code width} columns; columns from d on are never written, so
   * they stay zero (padding for kernels that take four coordinates per loop).
   *
   * @param d dimension
   * @param width number of columns, at least d
   */
  TransposedRows(int d, int width) {
    this.d = d;
    this.columns = new double[Math.max(d, width)][CAPACITY];
  }

  /**
   * Copies {@code count} rows, {@code rows[from..from+count)}, of a flat row-major array.
   *
   * @param x the flat rows
   * @param rows row indices
   * @param from first index in {@code rows}
   * @param count number of rows, at most {@link #CAPACITY}
   */
  void load(double[] x, int[] rows, int from, int count) {
    int j = 0;
    for (; j + 3 < d; j += 4) {
      double[] c0 = columns[j];
      double[] c1 = columns[j + 1];
      double[] c2 = columns[j + 2];
      double[] c3 = columns[j + 3];
      for (int q = 0; q < count; q++) {
        int o = rows[from + q] * d + j;
        c0[q] = x[o];
        c1[q] = x[o + 1];
        c2[q] = x[o + 2];
        c3[q] = x[o + 3];
      }
    }
    for (; j < d; j++) {
      double[] col = columns[j];
      for (int q = 0; q < count; q++) {
        col[q] = x[rows[from + q] * d + j];
      }
    }
    size = count;
  }

  /**
   * Copies the {@code count} consecutive rows starting at row {@code first}.
   *
   * @param x the flat rows
   * @param first first row
   * @param count number of rows, at most {@link #CAPACITY}
   */
  void loadRange(double[] x, int first, int count) {
    // Four columns per sweep over the rows: the column arrays are hoisted out of the row loop.
    int j = 0;
    for (; j + 3 < d; j += 4) {
      double[] c0 = columns[j];
      double[] c1 = columns[j + 1];
      double[] c2 = columns[j + 2];
      double[] c3 = columns[j + 3];
      int o = first * d + j;
      for (int q = 0; q < count; q++) {
        c0[q] = x[o];
        c1[q] = x[o + 1];
        c2[q] = x[o + 2];
        c3[q] = x[o + 3];
        o += d;
      }
    }
    for (; j < d; j++) {
      double[] col = columns[j];
      int o = first * d + j;
      for (int q = 0; q < count; q++) {
        col[q] = x[o];
        o += d;
      }
    }
    size = count;
  }

  /**
   * Copies the {@code count} rows of a block stored column by column at {@code x[base..)}
   * (coordinate j of row q at {@code base + j * count + q}, see {@link #storeColumns}).
   *
   * @param x the array holding the block
   * @param base offset of the block
   * @param count number of rows of the block, at most {@link #CAPACITY}
   */
  void loadColumns(double[] x, int base, int count) {
    for (int j = 0; j < d; j++) {
      System.arraycopy(x, base + j * count, columns[j], 0, count);
    }
    size = count;
  }

  /**
   * Copies some rows of a block stored column by column at {@code x[base..)} (as for
   * {@link #loadColumns}): loaded row s is the block's row {@code rows[s] - first}.
   *
   * @param x the array holding the block
   * @param base offset of the block
   * @param blockSize number of rows of the stored block
   * @param first index of the block's first row
   * @param rows the rows to load, as indices counted like {@code first}
   * @param count number of rows to load, at most {@link #CAPACITY}
   */
  void loadColumns(double[] x, int base, int blockSize, int first, int[] rows, int count) {
    for (int j = 0; j < d; j++) {
      double[] col = columns[j];
      int o = base + j * blockSize - first;
      for (int s = 0; s < count; s++) {
        col[s] = x[o + rows[s]];
      }
    }
    size = count;
  }

  /**
   * Writes the loaded rows column by column to {@code x[base..base + size d)}: coordinate j of
   * row q to {@code base + j * size + q}.
   *
   * @param x the destination
   * @param base offset in it
   */
  void storeColumns(double[] x, int base) {
    for (int j = 0; j < d; j++) {
      System.arraycopy(columns[j], 0, x, base + j * size, size);
    }
  }

  /**
   * Writes the loaded rows row by row to {@code x[base..base + size d)}, undoing
   * {@link #storeColumns} after {@link #loadColumns(double[], int, int)}.
   *
   * @param x the destination
   * @param base offset in it
   */
  void storeRows(double[] x, int base) {
    int n = size;
    for (int j = 0; j < d; j++) {
      double[] col = columns[j];
      int o = base + j;
      for (int q = 0; q < n; q++) {
        x[o] = col[q];
        o += d;
      }
    }
  }

  /**
   * Coordinate j of every loaded row (the block's own array, not a copy); zeros for padding
   * columns.
   *
   * @param j coordinate
   * @return the column, {@link #CAPACITY} long, {@link #size} of them loaded
   */
  double[] column(int j) {
    return columns[j];
  }

  /**
   * Number of loaded rows.
   *
   * @return the size
   */
  int size() {
    return size;
  }

  /**
   * Squared distances from every loaded row to the point {@code p[po..po+d)}.
   *
   * <p>Coordinates are taken four per pass over the rows from the first one on (the first pass
   * starts the sum with {@code t_0 * t_0}), and the last d mod 4 one per pass: d / 4 + d mod 4
   * loads and stores of {@code out} per row instead of one per coordinate, in the same order.
   *
   * @param p array holding the point
   * @param po offset of the point
   * @param out receives {@code size} distances from index 0
   */
  void squaredDistances(double[] p, int po, double[] out) {
    int n = size;
    int j;
    if (d >= 4) {
      double[] c0 = columns[0];
      double[] c1 = columns[1];
      double[] c2 = columns[2];
      double[] c3 = columns[3];
      double p0 = p[po];
      double p1 = p[po + 1];
      double p2 = p[po + 2];
      double p3 = p[po + 3];
      for (int q = 0; q < n; q++) {
        double t0 = c0[q] - p0;
        double t1 = c1[q] - p1;
        double t2 = c2[q] - p2;
        double t3 = c3[q] - p3;
        out[q] = Math.fma(t3, t3, Math.fma(t2, t2, Math.fma(t1, t1, t0 * t0)));
      }
      j = 4;
    } else {
      double[] col = columns[0];
      double pj = p[po];
      for (int q = 0; q < n; q++) {
        double t = col[q] - pj;
        out[q] = t * t;
      }
      j = 1;
    }
    for (; j + 3 < d; j += 4) {
      double[] c0 = columns[j];
      double[] c1 = columns[j + 1];
      double[] c2 = columns[j + 2];
      double[] c3 = columns[j + 3];
      double p0 = p[po + j];
      double p1 = p[po + j + 1];
      double p2 = p[po + j + 2];
      double p3 = p[po + j + 3];
      for (int q = 0; q < n; q++) {
        double t0 = c0[q] - p0;
        double t1 = c1[q] - p1;
        double t2 = c2[q] - p2;
        double t3 = c3[q] - p3;
        out[q] = Math.fma(t3, t3, Math.fma(t2, t2, Math.fma(t1, t1, Math.fma(t0, t0, out[q]))));
      }
    }
    for (; j < d; j++) {
      double[] col = columns[j];
      double pj = p[po + j];
      for (int q = 0; q < n; q++) {
        double t = col[q] - pj;
        out[q] = Math.fma(t, t, out[q]);
      }
    }
  }

  /**
   * Squared distances from every loaded row to two points at once, each to the same bits as
   * {@link #squaredDistances(double[], int, double[])}: each column is read once for both.
   *
   * @param p array holding the points
   * @param po offset of the first point
   * @param qo offset of the second point
   * @param out receives the distances to the first point
   * @param out2 receives the distances to the second point
   */
  void squaredDistances(double[] p, int po, int qo, double[] out, double[] out2) {
    int n = size;
    int j;
    if (d >= 4) {
      double[] c0 = columns[0];
      double[] c1 = columns[1];
      double[] c2 = columns[2];
      double[] c3 = columns[3];
      double p0 = p[po];
      double p1 = p[po + 1];
      double p2 = p[po + 2];
      double p3 = p[po + 3];
      double q0 = p[qo];
      double q1 = p[qo + 1];
      double q2 = p[qo + 2];
      double q3 = p[qo + 3];
      for (int q = 0; q < n; q++) {
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
      j = 4;
    } else {
      double[] col = columns[0];
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
      double[] c0 = columns[j];
      double[] c1 = columns[j + 1];
      double[] c2 = columns[j + 2];
      double[] c3 = columns[j + 3];
      double p0 = p[po + j];
      double p1 = p[po + j + 1];
      double p2 = p[po + j + 2];
      double p3 = p[po + j + 3];
      double q0 = p[qo + j];
      double q1 = p[qo + j + 1];
      double q2 = p[qo + j + 2];
      double q3 = p[qo + j + 3];
      for (int q = 0; q < n; q++) {
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
    for (; j < d; j++) {
      double[] col = columns[j];
      double pj = p[po + j];
      double qj = p[qo + j];
      for (int q = 0; q < n; q++) {
        double t = col[q] - pj;
        double u = col[q] - qj;
        out[q] = Math.fma(t, t, out[q]);
        out2[q] = Math.fma(u, u, out2[q]);
      }
    }
  }

  /**
   * For every loaded row, the index m of the smallest affine score
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
   * @param a the coefficients, {@code count * d} values
   * @param bias the constants, {@code count} values
   * @param count number of scores, at least 1
   * @param best scratch, at least {@link #size} long
   * @param score scratch, at least {@link #size} long
   * @param nearest receives the indices (as doubles) from index 0
   */
  void argminAffine(
      double[] a, double[] bias, int count, double[] best, double[] score, double[] nearest) {
    int n = size;
    affine(a, 0, bias[0], best);
    java.util.Arrays.fill(nearest, 0, n, 0.0);
    for (int m = 1; m < count; m++) {
      affine(a, m * d, bias[m], score);
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

  /** out[q] = bias + sum_j a[ao + j] x_j[q], one fused multiply-add per coordinate. */
  private void affine(double[] a, int ao, double bias, double[] out) {
    int n = size;
    java.util.Arrays.fill(out, 0, n, bias);
    int j = 0;
    for (; j + 3 < d; j += 4) {
      double[] c0 = columns[j];
      double[] c1 = columns[j + 1];
      double[] c2 = columns[j + 2];
      double[] c3 = columns[j + 3];
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
      double[] col = columns[j];
      double aj = a[ao + j];
      for (int q = 0; q < n; q++) {
        out[q] = Math.fma(col[q], aj, out[q]);
      }
    }
  }

  /**
   * Mean of the loaded rows, coordinate by coordinate.
   *
   * @param out receives the d means
   * @param oo offset in {@code out}
   */
  void mean(double[] out, int oo) {
    for (int j = 0; j < d; j++) {
      double[] col = columns[j];
      double s = 0;
      for (int q = 0; q < size; q++) {
        s += col[q];
      }
      out[oo + j] = s / size;
    }
  }
}
