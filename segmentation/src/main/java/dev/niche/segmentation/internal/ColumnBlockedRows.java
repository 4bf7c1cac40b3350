package dev.niche.segmentation.internal;

/**
 * A copy of the rows kept for a whole fit in blocks of {@link #BLOCK} rows, each block column by
 * column: coordinate j of the block's row q at {@code offset(first) + j BLOCK + q}, with
 * {@code width} columns per block (d rounded up to a multiple of four, the extra columns zero)
 * and every block {@link #BLOCK} rows long (the last one zero-padded). {@link SimdNearest} reads
 * it in place, so Lloyd's iterations transpose the rows once per fit instead of once per pass.
 * Costs n d doubles more memory (rounded up to whole blocks). Immutable once built.
 */
final class ColumnBlockedRows {

  /** Rows per block, as {@link TransposedRows#CAPACITY}. */
  static final int BLOCK = TransposedRows.CAPACITY;

  private final double[] values;
  private final int width;

  private ColumnBlockedRows(double[] values, int width) {
    this.values = values;
    this.width = width;
  }

  /**
   * Whether a copy of n rows of {@code width} columns fits in one Java array.
   *
   * @param n rows
   * @param width padded columns
   * @return whether {@link #of} can build it
   */
  static boolean fits(int n, int width) {
    long blocks = (n + (long) BLOCK - 1) / BLOCK;
    return blocks * width * BLOCK <= Integer.MAX_VALUE - 16;
  }

  /**
   * Copies the data, in parallel over the pool's chunks (chunks are whole blocks).
   *
   * @param data the rows
   * @param width padded columns, at least d (see {@link #fits})
   * @param pool the chunk pool
   * @return the copy
   */
  static ColumnBlockedRows of(Dataset data, int width, ChunkPool pool) {
    int n = data.n();
    int d = data.d();
    int blocks = (n + BLOCK - 1) / BLOCK;
    double[] values = new double[blocks * width * BLOCK];
    double[] x = data.x();
    TransposedRows[] buffers = new TransposedRows[pool.threads()];
    pool.forEach(
        ChunkPool.chunks(n),
        (c, worker) -> {
          TransposedRows block = buffers[worker];
          if (block == null) {
            block = new TransposedRows(d);
            buffers[worker] = block;
          }
          int end = ChunkPool.end(c, n);
          for (int first = ChunkPool.start(c); first < end; first += BLOCK) {
            int size = Math.min(BLOCK, end - first);
            block.loadRange(x, first, size);
            int base = first / BLOCK * width * BLOCK;
            for (int j = 0; j < d; j++) {
              System.arraycopy(block.column(j), 0, values, base + j * BLOCK, size);
            }
          }
        });
    return new ColumnBlockedRows(values, width);
  }

  /**
   * The copy (shared, not to be written).
   *
   * @return the values
   */
  double[] values() {
    return values;
  }

  /**
   * Offset of the block that starts at row {@code first} (a multiple of {@link #BLOCK}).
   *
   * @param first the block's first row
   * @return its offset in {@link #values}
   */
  int offset(int first) {
    return first / BLOCK * width * BLOCK;
  }
}
