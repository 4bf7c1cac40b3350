package dev.niche.segmentation.internal;

/**
 * {@link Seeding} for rows in any order. A candidate c can only improve row x if
 * d(c, m(x)) &lt; 2 D(x) (triangle inequality with m(x) the nearest chosen centre), so most rows
 * skip the distance computation once a few centres are chosen. The remaining ("open") rows of a
 * chunk are copied in blocks of {@link TransposedRows}, whose distance loops the JIT vectorises,
 * and every trial is evaluated on one copy.
 */
public final class RowSeeding extends Seeding {

  private int[][] openRows;
  private double[][] openValues;
  private int[] openCount;
  /** Per worker of the pool: the buffers of its current block, made once per seeding. */
  private final BlockBuffers[] scratch;

  /**
   * Seeding state for one data set.
   *
   * @param data the data
   * @param pool the chunk pool
   */
  public RowSeeding(Dataset data, ChunkPool pool) {
    super(data, pool);
    this.scratch = new BlockBuffers[pool.threads()];
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
    openRows = new int[chunks][ChunkPool.CHUNK_ROWS];
    openValues = new double[chunks][ChunkPool.CHUNK_ROWS * trials];
    openCount = new int[chunks];
  }

  /**
   * Potentials of every trial, per chunk, pruned by the triangle inequality. A row whose
   * nearest centre m(x) has d(c, m(x)) &gt;= 2 D(x) for every trial c keeps D(x)^2 for every
   * trial; the other ("open") rows of each chunk are recorded, and each trial's new nearest
   * squared distance min(D(x)^2, d(x, c)^2) is stored for {@link #absorb}. The open rows'
   * distances run in blocks of {@link TransposedRows}.
   */
  @Override
  void evaluate(double[] candRows, int trials, double[] nearestTrial, double[][] pots) {
    int n = data.n();
    double scale = 4 * (1 + Assigner.SLACK);
    pool.forEach(
        chunks,
        (c, worker) -> {
          int[] rows = openRows[c];
          double[] vals = openValues[c];
          BlockBuffers buffers = BlockBuffers.of(scratch, worker, data);
          buffers.listed = 0;
          double closed = 0;
          int end = ChunkPool.end(c, n);
          for (int first = ChunkPool.start(c); first < end; first += TransposedRows.CAPACITY) {
            int to = Math.min(first + TransposedRows.CAPACITY, end);
            closed = listOpen(first, to, closed, nearestTrial, scale, rows, buffers);
          }
          int count = buffers.listed;
          double[] p = pots[c];
          java.util.Arrays.fill(p, closed);
          for (int from = 0; from < count; from += TransposedRows.CAPACITY) {
            evaluateBlock(rows, from, Math.min(TransposedRows.CAPACITY, count - from), buffers,
                candRows, trials, vals, p);
          }
          openCount[c] = count;
        });
  }

  /**
   * Lists the open rows among rows {@code [from, to)} after the {@code s.listed} already listed
   * and adds the closed rows' weighted squared distances to {@code closed}, in row order (a
   * method per block of rows, for the JIT, like {@link #evaluateBlock}).
   *
   * @return the new running sum of the closed rows
   */
  private double listOpen(int from, int to, double closed, double[] nearestTrial, double scale,
      int[] rows, BlockBuffers s) {
    // Branch-free: whether a row is open is unpredictable, and a mispredicted branch per row
    // cost more than the whole test.
    double[] w = data.w();
    double[] dist2 = minD2;
    int[] label = labels;
    int count = s.listed;
    double sum = closed;
    if (w == null) {
      for (int i = from; i < to; i++) {
        double di = dist2[i];
        int open = nearestTrial[label[i]] < scale * di ? 1 : 0;
        rows[count] = i;
        count += open;
        sum += di * (1 - open);
      }
    } else {
      for (int i = from; i < to; i++) {
        double di = dist2[i];
        int open = nearestTrial[label[i]] < scale * di ? 1 : 0;
        rows[count] = i;
        count += open;
        sum += w[i] * di * (1 - open);
      }
    }
    s.listed = count;
    return sum;
  }

  /**
   * The open rows {@code rows[from..from+size)} against every trial, adding each trial's
   * potential to {@code p}. A method of its own, called once per block: the JIT compiles it
   * early and whole instead of entering the chunk's loop through on-stack replacements.
   */
  private void evaluateBlock(int[] rows, int from, int size, BlockBuffers s, double[] candRows,
      int trials, double[] vals, double[] p) {
    int d = data.d();
    double[] w = data.w();
    double[] bound = s.bound;
    double[] weight = s.weight;
    double[] dist = s.dist;
    double[] dist2nd = s.dist2;
    s.block.load(data.x(), rows, from, size);
    for (int q = 0; q < size; q++) {
      bound[q] = minD2[rows[from + q]];
    }
    if (weight != null) {
      for (int q = 0; q < size; q++) {
        weight[q] = w[rows[from + q]];
      }
    }
    // Two trials per pass where possible: each column is read once for both.
    for (int t = 0; t < trials; t += 2) {
      if (t + 1 < trials) {
        BlockDistances.squaredDistances(s.block, candRows, t * d, (t + 1) * d, dist, dist2nd);
        int vo = (t + 1) * ChunkPool.CHUNK_ROWS + from;
        p[t + 1] += keep(dist2nd, bound, weight, size, vals, vo);
      } else {
        BlockDistances.squaredDistances(s.block, candRows, t * d, dist);
      }
      p[t] += keep(dist, bound, weight, size, vals, t * ChunkPool.CHUNK_ROWS + from);
    }
  }

  /**
   * Caps a trial's distances at the rows' current nearest distances, stores them from
   * {@code vo} and returns their weighted sum (in row order).
   */
  private static double keep(
      double[] dist, double[] bound, double[] weight, int size, double[] vals, int vo) {
    for (int q = 0; q < size; q++) {
      dist[q] = Math.min(dist[q], bound[q]);
    }
    System.arraycopy(dist, 0, vals, vo, size);
    return WeightedSum.of(dist, weight, size);
  }

  /** Makes trial t the new centre m: its stored distances become the nearest distances. */
  @Override
  void absorb(int m, int t, double[][] pots) {
    pool.forEach(
        chunks,
        c -> {
          int[] rows = openRows[c];
          double[] vals = openValues[c];
          int count = openCount[c];
          int vo = t * ChunkPool.CHUNK_ROWS;
          for (int q = 0; q < count; q++) {
            int i = rows[q];
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
