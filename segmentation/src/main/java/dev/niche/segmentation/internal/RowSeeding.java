package dev.niche.segmentation.internal;

/**
 * {@link Seeding} for rows in any order. A trial's potential over a chunk is summed block by
 * block in one fixed order, whatever is skipped: per block of {@link #BLOCK} rows from the
 * chunk's first row, the rows' capped distances {@code min(D(x)^2, d(x, c)^2)} summed as
 * {@link WeightedSum} sums them, and the block sums added in row order.
 *
 * <p>Two ways compute the capped distances, to the same bits:
 *
 * <ul>
 *   <li><b>Pruned.</b> A candidate c can only improve row x if d(c, m(x)) &lt; 2 D(x) (triangle
 *       inequality with m(x) the nearest chosen centre), so the other rows keep D(x)^2 without a
 *       distance computation. The remaining ("open") rows of a block are copied into a
 *       {@link TransposedRows}, whose distance loops the JIT vectorises, and every trial is
 *       evaluated on one copy.
 *   <li><b>Vector API</b> ({@link SimdTrials}, d &lt;= {@link CanonicalNearest#FUSED_MAX_WIDTH},
 *       when the JVM resolves {@code jdk.incubator.vector}): every row, from the fit's
 *       column-blocked copy ({@link Dataset#columnBlocked}), four rows per vector. On data
 *       without clusters the bound keeps almost every row open (93 % of a million rows at the
 *       last step of an 8-centre start on the customer-like panel shape), so pruning saves
 *       little and the copying into blocks costs more than the distances.
 * </ul>
 */
public final class RowSeeding extends Seeding {

  /** Rows per block of the potentials' summation order. */
  static final int BLOCK = TransposedRows.CAPACITY;

  /**
   * Share of open rows from which the pruned path takes a whole block: transposing it costs less
   * than gathering and scattering its open rows (at 93 % open a start took 0.145 s against
   * 0.124 s with the blocks taken whole; customer-like panel shape, one thread).
   */
  static final double DENSE = 0.75;

  private int[][] openRows;
  private double[][] openValues;
  private int[] openCount;
  /** Per worker of the pool: the buffers of its current block, made once per seeding. */
  private final BlockBuffers[] scratch;
  /** The Vector API kernel, or null for the pruned path. */
  private final SimdTrials simd;
  /** The trials padded to the kernel's width (Vector API only). */
  private double[] paddedTrials;

  /**
   * Seeding state for one data set.
   *
   * @param data the data
   * @param pool the chunk pool
   */
  public RowSeeding(Dataset data, ChunkPool pool) {
    this(data, pool, true);
  }

  /**
   * Seeding state, on the Vector API path only if {@code vectorApi} and it can run here.
   *
   * @param data the data
   * @param pool the chunk pool
   * @param vectorApi false for the pruned path whatever the JVM resolves
   */
  RowSeeding(Dataset data, ChunkPool pool, boolean vectorApi) {
    super(data, pool);
    this.scratch = new BlockBuffers[pool.threads()];
    int width = CanonicalNearest.width(data.d());
    boolean fits =
        width <= CanonicalNearest.FUSED_MAX_WIDTH && ColumnBlockedRows.fits(data.n(), width);
    this.simd = vectorApi && fits ? SimdTrials.forWidth(width) : null;
  }

  /**
   * Whether this seeding runs on the Vector API.
   *
   * @return true for the Vector API path, false for the pruned one
   */
  boolean vectorApi() {
    return simd != null;
  }

  @Override
  void begin(double[] centres) {
    int n = data.n();
    int d = data.d();
    double[] x = data.x();
    pool.forEach(
        chunks,
        c -> {
          double pot = 0;
          int end = ChunkPool.end(c, n);
          for (int i = ChunkPool.start(c); i < end; i++) {
            double v = SquaredDistance.between(x, i * d, centres, 0, d);
            minD2[i] = v;
            labels[i] = 0;
            pot += data.weight(i) * v;
          }
          chunkPot[c] = pot;
        });
  }

  @Override
  void prepare(int trials) {
    openValues = new double[chunks][ChunkPool.CHUNK_ROWS * trials];
    openCount = new int[chunks];
    if (simd == null) {
      openRows = new int[chunks][ChunkPool.CHUNK_ROWS];
    } else {
      paddedTrials = new double[trials * CanonicalNearest.width(data.d())];
    }
  }

  /**
   * Potentials of every trial, per chunk, in the class's order. The pruned path records each
   * chunk's open rows and stores each trial's capped distances for them ({@link #absorb}); the
   * Vector API path stores them for every row.
   */
  @Override
  void evaluate(double[] candRows, int trials, double[] nearestTrial, double[][] pots) {
    if (simd != null) {
      evaluateAll(candRows, trials, pots);
      return;
    }
    int n = data.n();
    double scale = 4 * (1 + Assigner.SLACK);
    pool.forEach(
        chunks,
        (c, worker) -> {
          int[] rows = openRows[c];
          double[] vals = openValues[c];
          BlockBuffers buffers = BlockBuffers.of(scratch, worker, data);
          buffers.listed = 0;
          double[] p = pots[c];
          java.util.Arrays.fill(p, 0.0);
          int end = ChunkPool.end(c, n);
          for (int first = ChunkPool.start(c); first < end; first += BLOCK) {
            int size = Math.min(BLOCK, end - first);
            int from = buffers.listed;
            listOpen(first, first + size, nearestTrial, scale, rows, buffers);
            if (buffers.listed - from >= DENSE * size) {
              // Most rows are open: take them all, in order (the closed ones' capped distances
              // are their bounds all the same), and transpose the block instead of gathering.
              for (int q = 0; q < size; q++) {
                rows[from + q] = first + q;
              }
              buffers.listed = from + size;
            }
            evaluateBlock(rows, from, buffers.listed - from, first, size, buffers, candRows,
                trials, vals, p);
          }
          openCount[c] = buffers.listed;
        });
  }

  /** {@link #evaluate} on the Vector API: every row of every block, from the column copy. */
  private void evaluateAll(double[] candRows, int trials, double[][] pots) {
    int n = data.n();
    int d = data.d();
    int width = CanonicalNearest.width(d);
    double[] padded = paddedTrials;
    java.util.Arrays.fill(padded, 0.0);
    for (int t = 0; t < trials; t++) {
      System.arraycopy(candRows, t * d, padded, t * width, d);
    }
    ColumnBlockedRows columns = data.columnBlocked(pool);
    double[] values = columns.values();
    double[] w = data.w();
    pool.forEach(
        chunks,
        (c, worker) -> {
          BlockBuffers buffers = BlockBuffers.of(scratch, worker, data);
          buffers.forTrials(trials, 0);
          double[] sums = buffers.trialSums;
          double[] p = pots[c];
          java.util.Arrays.fill(p, 0.0);
          int start = ChunkPool.start(c);
          int end = ChunkPool.end(c, n);
          for (int first = start; first < end; first += BLOCK) {
            int size = Math.min(BLOCK, end - first);
            simd.capped(values, columns.offset(first), size, padded, trials, minD2, w, first,
                openValues[c], first - start, ChunkPool.CHUNK_ROWS, sums, buffers.trialLanes);
            for (int t = 0; t < trials; t++) {
              p[t] += sums[t];
            }
          }
          openCount[c] = end - start;
        });
  }

  /**
   * Lists the open rows among rows {@code [from, to)} after the {@code s.listed} already listed.
   */
  private void listOpen(int from, int to, double[] nearestTrial, double scale, int[] rows,
      BlockBuffers s) {
    // Branch-free: whether a row is open is unpredictable, and a mispredicted branch per row
    // cost more than the whole test.
    double[] dist2 = minD2;
    int[] label = labels;
    int count = s.listed;
    for (int i = from; i < to; i++) {
      rows[count] = i;
      count += nearestTrial[label[i]] < scale * dist2[i] ? 1 : 0;
    }
    s.listed = count;
  }

  /**
   * The block of rows {@code [first, first + size)}, whose open rows are
   * {@code rows[from..from+count)}, against every trial, adding each trial's block sum to
   * {@code p}. A method of its own, called once per block: the JIT compiles it early and whole
   * instead of entering the chunk's loop through on-stack replacements.
   */
  private void evaluateBlock(int[] rows, int from, int count, int first, int size,
      BlockBuffers s, double[] candRows, int trials, double[] vals, double[] p) {
    double[] w = data.w();
    if (count == 0) {
      // No trial can improve a row: every trial's capped distances are the bounds.
      double sum = WeightedSum.of(minD2, first, w, first, size);
      for (int t = 0; t < trials; t++) {
        p[t] += sum;
      }
      return;
    }
    int d = data.d();
    s.boundSum = Double.NaN;
    double[] bound = s.bound;
    double[] dist = s.dist;
    double[] dist2nd = s.dist2;
    if (count == size) {
      s.block.loadRange(data.x(), first, size);
      System.arraycopy(minD2, first, bound, 0, size);
    } else {
      s.block.load(data.x(), rows, from, count);
      for (int q = 0; q < count; q++) {
        bound[q] = minD2[rows[from + q]];
      }
    }
    // Two trials per pass where possible: each column is read once for both.
    for (int t = 0; t < trials; t += 2) {
      if (t + 1 < trials) {
        BlockDistances.squaredDistances(s.block, candRows, t * d, (t + 1) * d, dist, dist2nd);
        p[t + 1] += keep(dist2nd, rows, from, count, first, size, s, vals,
            (t + 1) * ChunkPool.CHUNK_ROWS + from);
      } else {
        BlockDistances.squaredDistances(s.block, candRows, t * d, dist);
      }
      p[t] += keep(dist, rows, from, count, first, size, s, vals,
          t * ChunkPool.CHUNK_ROWS + from);
    }
  }

  /**
   * Caps a trial's distances to the block's open rows at their current nearest distances, stores
   * them from {@code vo}, and returns the weighted sum of the whole block's capped distances (the
   * closed rows' are their bounds) in {@link WeightedSum}'s order.
   */
  private double keep(double[] dist, int[] rows, int from, int count, int first, int size,
      BlockBuffers s, double[] vals, int vo) {
    double[] bound = s.bound;
    if (count == size) {
      // Every row of the block is open: the capped distances are the block's, in order.
      for (int q = 0; q < size; q++) {
        dist[q] = Math.min(dist[q], bound[q]);
      }
      System.arraycopy(dist, 0, vals, vo, size);
      return WeightedSum.of(dist, 0, data.w(), first, size);
    }
    boolean improves = false;
    for (int q = 0; q < count; q++) {
      double v = Math.min(dist[q], bound[q]);
      vals[vo + q] = v;
      improves |= v < bound[q];
    }
    if (!improves) {
      // The trial improves no row: its capped distances are the bounds (summed once a block).
      if (Double.isNaN(s.boundSum)) {
        s.boundSum = WeightedSum.of(minD2, first, data.w(), first, size);
      }
      return s.boundSum;
    }
    double[] block = s.blockValues;
    System.arraycopy(minD2, first, block, 0, size);
    for (int q = 0; q < count; q++) {
      block[rows[from + q] - first] = vals[vo + q];
    }
    return WeightedSum.of(block, 0, data.w(), first, size);
  }

  /** Makes trial t the new centre m: its stored distances become the nearest distances. */
  @Override
  void absorb(int m, int t, double[][] pots) {
    pool.forEach(
        chunks,
        c -> {
          double[] vals = openValues[c];
          int count = openCount[c];
          int vo = t * ChunkPool.CHUNK_ROWS;
          // The Vector API path stored every row of the chunk, in order; no list of rows.
          int[] rows = simd == null ? openRows[c] : null;
          int start = ChunkPool.start(c);
          for (int q = 0; q < count; q++) {
            int i = rows == null ? start + q : rows[q];
            double v = vals[vo + q];
            if (v < minD2[i]) {
              minD2[i] = v;
              labels[i] = m;
            }
          }
          chunkPot[c] = pots[c][t];
        });
  }
}
