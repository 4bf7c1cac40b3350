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
    this.d = d;
    this.columns = new double[d][CAPACITY];
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
    for (int q = 0; q < count; q++) {
      int o = rows[from + q] * d;
      for (int j = 0; j < d; j++) {
        columns[j][q] = x[o + j];
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
    int o = first * d;
    for (int q = 0; q < count; q++) {
      for (int j = 0; j < d; j++) {
        columns[j][q] = x[o + j];
      }
      o += d;
    }
    size = count;
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
   * @param p array holding the point
   * @param po offset of the point
   * @param out receives {@code size} distances from index 0
   */
  void squaredDistances(double[] p, int po, double[] out) {
    int n = size;
    double[] col = columns[0];
    double pj = p[po];
    for (int q = 0; q < n; q++) {
      double t = col[q] - pj;
      out[q] = t * t;
    }
    int j = 1;
    // Four coordinates per pass over out: a quarter of the loads and stores of out, same order.
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
      col = columns[j];
      pj = p[po + j];
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
    double[] col = columns[0];
    double pj = p[po];
    double qj = p[qo];
    for (int q = 0; q < n; q++) {
      double t = col[q] - pj;
      double u = col[q] - qj;
      out[q] = t * t;
      out2[q] = u * u;
    }
    int j = 1;
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
      col = columns[j];
      pj = p[po + j];
      qj = p[qo + j];
      for (int q = 0; q < n; q++) {
        double t = col[q] - pj;
        double u = col[q] - qj;
        out[q] = Math.fma(t, t, out[q]);
        out2[q] = Math.fma(u, u, out2[q]);
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
