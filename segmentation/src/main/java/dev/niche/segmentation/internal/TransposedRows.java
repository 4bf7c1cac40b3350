package dev.niche.segmentation.internal;

/**
 * Up to {@link #CAPACITY} rows copied coordinate by coordinate (one array per coordinate), so that
 * the squared distances from all of them to one point ({@link BlockDistances}) are plain loops
 * over the rows with the same index on every array. HotSpot's superword pass compiles such loops
 * to SIMD (AVX2: four rows per instruction), which it cannot do for the row-major dot product of
 * one row: a reduction in strict floating-point order.
 *
 * <p>This class holds the layout: loading rows (by index, by range or from a block stored column
 * by column), storing them back, the columns and the block's mean. Not thread-safe: one instance
 * per task.
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
   * Number of coordinates per row (padding columns excluded).
   *
   * @return d
   */
  int dimension() {
    return d;
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
