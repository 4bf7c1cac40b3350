package dev.niche.segmentation.internal;

/**
 * {@link Seeding} for rows in {@link SpatialOrder}. Rows are taken in blocks of
 * {@link TransposedRows#CAPACITY} consecutive rows. Each block keeps a ball centre b (the mean of
 * its rows), its potential, and its reach: the largest d(x, b) + D(x) over its rows. By the
 * triangle inequality, d(x, c) &gt;= d(c, b) - d(x, b) &gt;= D(x) for every row when a candidate
 * c is at least the reach away from b, so the block's potential carries over unread; the rows of
 * the other blocks are read whole, once per step, and their distances to every candidate that may
 * help them run as SIMD loops ({@link ColumnBlockDistances}: four columns at a time, each for
 * every such candidate, two candidates per pass). A candidate that brings no row of an evaluated
 * block closer leaves it as if it had been ruled out: its potential is the block's own, and
 * nothing is stored for {@link #absorb}. On rows in random order it is exact all the same, but
 * then few blocks are ruled out: use {@link RowSeeding}.
 *
 * <p><b>Layout while seeding.</b> The SIMD loops need a block's rows coordinate by coordinate.
 * Transposing every block at every step cost more than the distances on overlapping data (where
 * few blocks are ruled out): at d = 64 about 20 ns per row in cache, against about 3 ns per row
 * and trial for the distances. So {@link #begin} stores each block of the data array column by
 * column in place (coordinate j of the block's row q at {@code first d + j size + q}), the steps
 * copy whole columns, four at a time into L1-resident buffers, each group used for every open
 * candidate before the next is read (so the memory traffic of the next group overlaps the
 * arithmetic of this one), and {@link #finish} puts the rows back before the iterations: the fit's
 * one copy of the data stays its only copy, and every value and distance is the same, so the
 * centres are bit-identical to those of a row-major seeding.
 */
public final class BlockSeeding extends Seeding {

  private static final int BLOCK = TransposedRows.CAPACITY;
  private static final int BLOCKS_PER_CHUNK = ChunkPool.CHUNK_ROWS / BLOCK;

  /** Per chunk: the ball centres of its blocks, flat. */
  private final double[][] ballCentre;
  /** Per row: its distance to its block's ball centre. */
  private final double[] rowRadius;
  /** Per row: d(x, b) + D(x). */
  private final double[] rowReach;
  /** Per block: the largest d(x, b) + D(x) of its rows; no trial farther from b can help. */
  private final double[] blockReach;
  /** Per block: the smallest d(x, b) + D(x) of its rows; a trial nearer b may help every row. */
  private final double[] blockLeastReach;
  /** Per block: its weighted potential. */
  private final double[] blockPot;
  /** Which chunks' blocks are stored column by column in the data array. */
  private final ColumnStoredBlocks stored;
  /** Per chunk, per trial and block: whether the trial was evaluated on the block's rows. */
  private boolean[][] evaluated;
  /** Per chunk, per trial and block: the block's potential if the trial is chosen. */
  private double[][] trialBlockPot;
  /** Per chunk, per trial: the new D^2 of the chunk's rows in evaluated blocks. */
  private double[][] trialD2;
  /** Per worker of the pool: the buffers of its current block, made once per seeding. */
  private final BlockBuffers[] scratch;

  /**
   * Seeding state for one data set.
   *
   * @param data the data
   * @param pool the chunk pool
   */
  public BlockSeeding(Dataset data, ChunkPool pool) {
    super(data, pool);
    int blocks = (data.n() + BLOCK - 1) / BLOCK;
    this.ballCentre = new double[chunks][];
    this.rowRadius = new double[data.n()];
    this.rowReach = new double[data.n()];
    this.blockReach = new double[blocks];
    this.blockLeastReach = new double[blocks];
    this.blockPot = new double[blocks];
    this.stored = new ColumnStoredBlocks(data, chunks);
    this.scratch = new BlockBuffers[pool.threads()];
  }

  private BlockBuffers scratch(int worker) {
    return BlockBuffers.of(scratch, worker, data);
  }

  @Override
  void prepare(int trials) {
    for (int t = 0; t < scratch.length; t++) {
      scratch(t).forTrials(trials, BLOCKS_PER_CHUNK);
    }
    evaluated = new boolean[chunks][trials * BLOCKS_PER_CHUNK];
    trialBlockPot = new double[chunks][trials * BLOCKS_PER_CHUNK];
    trialD2 = new double[chunks][trials * ChunkPool.CHUNK_ROWS];
  }

  /** Distances to the first centre, and every block's ball, reach and potential. */
  @Override
  void begin(double[] centres) {
    int n = data.n();
    int d = data.d();
    pool.forEach(
        chunks,
        (c, worker) -> {
          BlockBuffers buffers = scratch(worker);
          double[] balls = new double[BLOCKS_PER_CHUNK * d];
          double pot = 0;
          int end = ChunkPool.end(c, n);
          for (int first = ChunkPool.start(c); first < end; first += BLOCK) {
            pot += beginBlock(first, Math.min(BLOCK, end - first), buffers, balls, centres);
          }
          stored.markStored(c);
          ballCentre[c] = balls;
          chunkPot[c] = pot;
        });
  }

  /**
   * {@link #begin} on the block starting at row {@code first} (a method of its own for the JIT,
   * see {@link #evaluateChunk}): its ball, reach and potential, then the block stored column by
   * column in place.
   *
   * @return the block's potential
   */
  private double beginBlock(
      int first, int size, BlockBuffers s, double[] balls, double[] centres) {
    int d = data.d();
    double[] x = data.x();
    double[] dist = s.dist;
    double[] weight = s.weight;
    TransposedRows block = s.block;
    int b = first / BLOCK;
    int lb = b % BLOCKS_PER_CHUNK;
    block.loadRange(x, first, size);
    block.mean(balls, lb * d);
    BlockDistances.squaredDistances(block, balls, lb * d, dist);
    for (int q = 0; q < size; q++) {
      rowRadius[first + q] = Math.sqrt(dist[q]);
    }
    BlockDistances.squaredDistances(block, centres, 0, dist);
    System.arraycopy(dist, 0, minD2, first, size);
    for (int q = 0; q < size; q++) {
      rowReach[first + q] = rowRadius[first + q] + Math.sqrt(dist[q]);
    }
    setReach(b, first, size);
    if (weight != null) {
      System.arraycopy(data.w(), first, weight, 0, size);
    }
    blockPot[b] = WeightedSum.of(dist, weight, size);
    block.storeColumns(x, first * d);
    return blockPot[b];
  }

  /**
   * Potentials of every trial, per chunk. A block whose ball centre b is at least its reach (the
   * largest d(x, b) + D(x) of its rows) away from a trial keeps its potential for that trial;
   * otherwise the block's rows are read (once for all trials) and each such trial's new nearest
   * squared distances min(D(x)^2, d(x, c)^2) are stored for {@link #absorb}.
   */
  @Override
  void evaluate(double[] candRows, int trials, double[] nearestTrial, double[][] pots) {
    pool.forEach(
        chunks, (c, worker) -> evaluateChunk(c, scratch(worker), candRows, trials, pots[c]));
  }

  /**
   * One chunk's share of {@link #evaluate}. The work per block is a method of its own, called
   * about n / 128 times per step: the JIT compiles it early, once, as a whole method, rather than
   * entering a loop over the chunk's blocks through several on-stack replacements.
   */
  private void evaluateChunk(int c, BlockBuffers s, double[] candRows, int trials, double[] p) {
    int d = data.d();
    java.util.Arrays.fill(p, 0.0);
    int end = ChunkPool.end(c, data.n());
    int nb = (end - ChunkPool.start(c) + BLOCK - 1) / BLOCK;
    for (int t = 0; t < trials; t++) {
      SquaredDistance.toAll(candRows, t * d, ballCentre[c], nb, d, s.ballD2, t * BLOCKS_PER_CHUNK);
    }
    for (int lb = 0; lb < nb; lb++) {
      evaluateBlock(c, lb, end, s, candRows, trials, p);
    }
  }

  /** {@link #evaluate} on block lb of chunk c, adding each trial's potential to {@code p}. */
  private void evaluateBlock(
      int c, int lb, int end, BlockBuffers s, double[] candRows, int trials, double[] p) {
    int d = data.d();
    double[] x = data.x();
    double[] w = data.w();
    boolean[] open = evaluated[c];
    double[] sums = trialBlockPot[c];
    double[] vals = trialD2[c];
    double[] ballD2 = s.ballD2;
    int[] openTrials = s.openTrials;
    int b = c * BLOCKS_PER_CHUNK + lb;
    int first = b * BLOCK;
    int size = Math.min(BLOCK, end - first);
    double reach2 = blockReach[b] * blockReach[b] * (1 + Assigner.SLACK);
    int count = 0;
    for (int t = 0; t < trials; t++) {
      int slot = t * BLOCKS_PER_CHUNK + lb;
      open[slot] = ballD2[slot] < reach2;
      if (open[slot]) {
        openTrials[count++] = t;
      } else {
        p[t] += blockPot[b];
      }
    }
    if (count == 0) {
      return;
    }
    double[] dist = s.dist;
    double[] bound = s.bound;
    double[] weight = s.weight;
    TransposedRows block = s.block;
    System.arraycopy(minD2, first, bound, 0, size);
    if (weight != null) {
      System.arraycopy(w, first, weight, 0, size);
    }
    int[] rows = s.rows;
    int wanted = wantedRows(b, first, size, nearestOpen(ballD2, openTrials, count, lb), rows);
    if (wanted <= size / 2) {
      // Few rows can gain: read only those (fewer bytes than the block); the others keep D^2.
      block.loadColumns(x, first * d, size, first, rows, wanted);
      double[][] gathered = s.trialDist;
      // Two trials per pass where possible: each gathered column is read once for both.
      for (int u = 0; u < count; u += 2) {
        if (u + 1 < count) {
          BlockDistances.squaredDistances(block, candRows, openTrials[u] * d,
              openTrials[u + 1] * d, gathered[u], gathered[u + 1]);
        } else {
          BlockDistances.squaredDistances(block, candRows, openTrials[u] * d, gathered[u]);
        }
      }
      for (int u = 0; u < count; u++) {
        int t = openTrials[u];
        double[] dist2 = gathered[u];
        if (!listedGain(dist2, bound, rows, first, wanted)) {
          unchanged(open, t, lb, b, p);
          continue;
        }
        System.arraycopy(bound, 0, dist, 0, size);
        for (int r = 0; r < wanted; r++) {
          int q = rows[r] - first;
          dist[q] = Math.min(dist2[r], bound[q]);
        }
        p[t] += keep(dist, weight, size, vals, sums, t, lb);
      }
      return;
    }
    // Every open trial in one pass over the block's columns, straight from the data array.
    double[][] trialDist = s.trialDist;
    ColumnBlockDistances.toPoints(
        x, first * d, size, d, candRows, openTrials, count, trialDist, s.fourColumns);
    for (int u = 0; u < count; u++) {
      int t = openTrials[u];
      if (capped(trialDist[u], bound, size)) {
        p[t] += keep(trialDist[u], weight, size, vals, sums, t, lb);
      } else {
        unchanged(open, t, lb, b, p);
      }
    }
  }

  /**
   * Trial t leaves block b as it is: it counts the block's potential and is marked as not
   * evaluated there, so that {@link #absorb} skips the block, exactly as for a block ruled out
   * by its ball. The block's potential is the weighted sum of its rows' D^2 by
   * {@link WeightedSum}, the sum that {@link #keep} would have returned.
   */
  private void unchanged(boolean[] open, int t, int lb, int b, double[] p) {
    open[t * BLOCKS_PER_CHUNK + lb] = false;
    p[t] += blockPot[b];
  }

  /** Whether some listed row's distance falls below its D^2. */
  private static boolean listedGain(
      double[] dist, double[] bound, int[] rows, int first, int count) {
    boolean gain = false;
    for (int r = 0; r < count; r++) {
      gain |= dist[r] < bound[rows[r] - first];
    }
    return gain;
  }

  /**
   * Caps a block's distances to a trial at the rows' D^2, min(D^2, d^2), in place, and says
   * whether some row gains (a distance strictly below its D^2).
   */
  private static boolean capped(double[] dist, double[] bound, int size) {
    double gain = 0;
    for (int q = 0; q < size; q++) {
      double v = Math.min(dist[q], bound[q]);
      gain = Math.max(gain, bound[q] - v);
      dist[q] = v;
    }
    return gain > 0;
  }

  /**
   * Stores a block's new nearest squared distances to trial t, min(D^2, d^2), and their weighted
   * sum for {@link #absorb}, and returns the sum.
   */
  private static double keep(
      double[] dist, double[] weight, int size, double[] vals, double[] sums, int t, int lb) {
    System.arraycopy(dist, 0, vals, t * ChunkPool.CHUNK_ROWS + lb * BLOCK, size);
    int slot = t * BLOCKS_PER_CHUNK + lb;
    sums[slot] = WeightedSum.of(dist, weight, size);
    return sums[slot];
  }

  /** The smallest squared distance from the block's ball centre to an open trial. */
  private static double nearestOpen(double[] ballD2, int[] openTrials, int count, int lb) {
    double least = Double.POSITIVE_INFINITY;
    for (int u = 0; u < count; u++) {
      least = Math.min(least, ballD2[openTrials[u] * BLOCKS_PER_CHUNK + lb]);
    }
    return least;
  }

  /**
   * The rows of a block that an open trial may bring closer: by the block's own test applied to
   * one row, a row whose d(x, b) + D(x) falls short of the nearest open trial cannot gain from
   * any. Lists them in {@code rows} (branch-free: which rows pass is unpredictable) and counts
   * them; when the row with the smallest d(x, b) + D(x) passes, all do: then only counts them.
   */
  private int wantedRows(int b, int first, int size, double nearestOpen2, int[] rows) {
    if (passes(blockLeastReach[b], nearestOpen2)) {
      return size;
    }
    int wanted = 0;
    for (int q = 0; q < size; q++) {
      rows[wanted] = first + q;
      wanted += passes(rowReach[first + q], nearestOpen2) ? 1 : 0;
    }
    return wanted;
  }

  /** Whether a row with d(x, b) + D(x) = reach may gain from a trial at d^2 = nearestOpen2 of b. */
  private static boolean passes(double reach, double nearestOpen2) {
    double limit = reach * (1 + Assigner.SLACK);
    return limit * limit * (1 + Assigner.SLACK) > nearestOpen2;
  }

  /**
   * A block's largest d(x, b) + D(x) over its rows, with slack for rounding, and its smallest
   * (without slack: {@link #wantedRows} adds it).
   */
  private void setReach(int b, int first, int size) {
    double most = 0;
    double least = Double.POSITIVE_INFINITY;
    for (int i = first; i < first + size; i++) {
      most = Math.max(most, rowReach[i]);
      least = Math.min(least, rowReach[i]);
    }
    blockReach[b] = most * (1 + Assigner.SLACK);
    blockLeastReach[b] = least;
  }

  /** Row i from its block's column-by-column layout. */
  @Override
  void copyRow(int i, double[] to, int offset) {
    stored.copyRow(i, to, offset);
  }

  /** Puts every block laid out column by column back row by row. */
  @Override
  void finish() {
    stored.restoreRows(pool, this::scratch);
  }

  /** Makes trial t the new centre m: its stored distances become the nearest distances. */
  @Override
  void absorb(int m, int t, double[][] pots) {
    int n = data.n();
    pool.forEach(
        chunks,
        c -> {
          boolean[] open = evaluated[c];
          double[] vals = trialD2[c];
          int end = ChunkPool.end(c, n);
          int nb = (end - ChunkPool.start(c) + BLOCK - 1) / BLOCK;
          for (int lb = 0; lb < nb; lb++) {
            int slot = t * BLOCKS_PER_CHUNK + lb;
            if (!open[slot]) {
              continue;
            }
            int b = c * BLOCKS_PER_CHUNK + lb;
            int first = b * BLOCK;
            int size = Math.min(BLOCK, end - first);
            int vo = t * ChunkPool.CHUNK_ROWS + lb * BLOCK;
            for (int q = 0; q < size; q++) {
              int i = first + q;
              double v = vals[vo + q];
              if (v < minD2[i]) {
                minD2[i] = v;
                labels[i] = m;
                rowReach[i] = rowRadius[i] + Math.sqrt(v);
              }
            }
            setReach(b, first, size);
            blockPot[b] = trialBlockPot[c][slot];
          }
          chunkPot[c] = pots[c][t];
        });
  }
}
