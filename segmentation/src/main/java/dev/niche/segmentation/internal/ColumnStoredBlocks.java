package dev.niche.segmentation.internal;

import java.util.function.IntFunction;

/**
 * The chunks of a data array whose {@link TransposedRows#CAPACITY}-row blocks {@link BlockSeeding}
 * stores column by column in place while it seeds: coordinate j of the block's row q at
 * {@code first d + j size + q}, where {@code first} is the block's first row and {@code size} its
 * number of rows. Reads one row back from that layout and restores the row-major layout. Not
 * thread-safe beyond what {@link ChunkPool} gives: each chunk is marked by the worker that lays it
 * out.
 */
final class ColumnStoredBlocks {

  private static final int BLOCK = TransposedRows.CAPACITY;

  private final Dataset data;
  /** Per chunk: whether its blocks are stored column by column. */
  private final boolean[] stored;

  ColumnStoredBlocks(Dataset data, int chunks) {
    this.data = data;
    this.stored = new boolean[chunks];
  }

  /** Records that chunk c's blocks are now stored column by column. */
  void markStored(int c) {
    stored[c] = true;
  }

  /**
   * Copies row i into {@code to} from {@code offset}, wherever it is stored.
   *
   * @param i the row
   * @param to the target
   * @param offset where in the target
   */
  void copyRow(int i, double[] to, int offset) {
    int d = data.d();
    double[] x = data.x();
    if (!stored[i / ChunkPool.CHUNK_ROWS]) {
      System.arraycopy(x, i * d, to, offset, d);
      return;
    }
    int first = i / BLOCK * BLOCK;
    int size = Math.min(BLOCK, data.n() - first);
    int o = first * d + (i - first);
    for (int j = 0; j < d; j++) {
      to[offset + j] = x[o + j * size];
    }
  }

  /**
   * Puts every block stored column by column back row by row, in parallel over the chunks.
   *
   * @param pool the chunk pool
   * @param buffers each worker's block buffers
   */
  void restoreRows(ChunkPool pool, IntFunction<BlockBuffers> buffers) {
    int n = data.n();
    int d = data.d();
    double[] x = data.x();
    pool.forEach(
        stored.length,
        (c, worker) -> {
          if (!stored[c]) {
            return;
          }
          TransposedRows block = buffers.apply(worker).block;
          int end = ChunkPool.end(c, n);
          for (int first = ChunkPool.start(c); first < end; first += BLOCK) {
            int size = Math.min(BLOCK, end - first);
            block.loadColumns(x, first * d, size);
            block.storeRows(x, first * d);
          }
          stored[c] = false;
        });
  }
}
