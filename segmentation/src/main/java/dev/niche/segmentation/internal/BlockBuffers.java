package dev.niche.segmentation.internal;

/**
 * One worker's buffers for a block of up to {@link TransposedRows#CAPACITY} rows: the block in
 * columns, distances, bounds and weights. A seeding keeps one per worker of its
 * {@link ChunkPool} (see {@link ChunkPool#forEach(int, ChunkPool.ChunkTask)}) for the whole
 * start instead of allocating them per chunk and step; every value read from them was written
 * for the current block, so reuse cannot change a result. Not thread-safe: one worker at a time.
 */
final class BlockBuffers {

  /** The block's rows, coordinate by coordinate. */
  final TransposedRows block;
  /** Distances of the block's rows (first trial of a pass). */
  final double[] dist = new double[TransposedRows.CAPACITY];
  /** Distances of the block's rows (second trial of a pass, or a compacted list). */
  final double[] dist2 = new double[TransposedRows.CAPACITY];
  /** The rows' current nearest squared distances. */
  final double[] bound = new double[TransposedRows.CAPACITY];
  /** The rows' weights, or null for unit weights. */
  final double[] weight;
  /** Four columns of a block, copied one group at a time ({@link ColumnBlockDistances}). */
  final double[][] fourColumns = new double[4][TransposedRows.CAPACITY];
  /** Capped distances of a block's rows, the closed rows' their bounds ({@code RowSeeding}). */
  final double[] blockValues = new double[TransposedRows.CAPACITY];
  /** The weighted sum of the current block's bounds, or NaN until computed ({@code RowSeeding}). */
  double boundSum = Double.NaN;
  /** Each trial's block sum (Vector API start, sized by {@link #forTrials}). */
  double[] trialSums = new double[0];
  /** Each trial's four partial sums (Vector API start, sized by {@link #forTrials}). */
  double[] trialLanes = new double[0];
  /** Row indices of a block. */
  final int[] rows = new int[TransposedRows.CAPACITY];
  /** Number of rows listed so far in a chunk's list of open rows ({@code RowSeeding}). */
  int listed;
  /** Indices of the trials that may help the block (sized by {@link #forTrials}). */
  int[] openTrials = new int[0];
  /** Squared distances from each trial to each block's ball of a chunk (by {@link #forTrials}). */
  double[] ballD2 = new double[0];
  /** Distances of the block's rows to each open trial (by {@link #forTrials}). */
  double[][] trialDist = new double[0][];

  private BlockBuffers(Dataset data) {
    this.block = new TransposedRows(data.d());
    this.weight = data.w() == null ? null : new double[TransposedRows.CAPACITY];
  }

  /**
   * The worker's buffers, made on its first use.
   *
   * @param slots one slot per worker
   * @param worker the worker's index
   * @param data the data (dimension, whether weighted)
   * @return the worker's buffers
   */
  static BlockBuffers of(BlockBuffers[] slots, int worker, Dataset data) {
    BlockBuffers b = slots[worker];
    if (b == null) {
      b = new BlockBuffers(data);
      slots[worker] = b;
    }
    return b;
  }

  /**
   * Sizes the per-trial buffers.
   *
   * @param trials trials per step
   * @param blocksPerChunk blocks per chunk
   */
  void forTrials(int trials, int blocksPerChunk) {
    if (openTrials.length < trials) {
      openTrials = new int[trials];
    }
    if (trialSums.length < trials) {
      trialSums = new double[trials];
      trialLanes = new double[4 * trials];
    }
    if (trialDist.length < trials) {
      trialDist = new double[trials][TransposedRows.CAPACITY];
    }
    if (ballD2.length < trials * blocksPerChunk) {
      ballD2 = new double[trials * blocksPerChunk];
    }
  }
}
