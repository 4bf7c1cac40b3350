package dev.niche.segmentation.internal;

import java.util.SplittableRandom;

/**
 * An order of the rows in which neighbouring rows lie close together, so that blocks of
 * consecutive rows fit in small balls (what {@link BlockSeeding}'s bounds need). Pilot centres
 * are chosen by greedy k-means++ on an evenly spaced sample of the rows; every row goes to the
 * cell of its nearest pilot, and the cells are laid out one after another, each keeping its rows
 * in their original order (a stable counting sort, done per chunk so chunks run in parallel).
 *
 * <p>The nearest pilot is found from {@code |p|^2 - 2 x.p}, one multiply-add per coordinate
 * instead of two operations: rounding may send a row lying almost exactly between two pilots to
 * the farther one, which only moves it to a neighbouring cell. The same pass over the rows also
 * takes their {@link FeatureMoments}, in the caller's row order, so the tolerance of a fit in this
 * order equals that of a fit without it, to the bit.
 *
 * <p>The order depends only on the data (the pilots' random stream has a fixed seed), so a fit
 * that uses it stays deterministic and independent of the thread count. Its cost is one pass of
 * n x cells multiply-adds and one move of every row. Immutable after construction.
 */
public final class SpatialOrder {

  /** Below this many rows the order is not worth its cost: {@link #of} returns null. */
  public static final int MIN_ROWS = 1 << 16;

  /** Below this many clusters the order costs more than it saves the start ({@code KMeans}). */
  public static final int MIN_CLUSTERS = 16;

  /** Sample rows per pilot. */
  private static final int SAMPLE_PER_CELL = 64;

  /**
   * Local trials per pilot. Many more than a fit's 2 + ln k: on a sample they cost little, and
   * they keep two well-separated groups from sharing one cell (whose blocks would then straddle
   * both), which with 2 trials happened to one or two of 32 Gaussian blobs in most seeds tried.
   */
  private static final int PILOT_TRIALS = 16;

  /** Seed of the pilots' stream (any fixed value). */
  private static final long PILOT_SEED = 0x5EED_0F_0DE2L;

  /** Per original row: its position in the order. */
  private final int[] rank;

  private final double meanFeatureVariance;

  private SpatialOrder(int[] rank, double meanFeatureVariance) {
    this.rank = rank;
    this.meanFeatureVariance = meanFeatureVariance;
  }

  /**
   * The order for a data set.
   *
   * @param data the data
   * @param cells the number of pilot cells wanted (at least 1)
   * @param pool the chunk pool
   * @return the order, or null when there are fewer than {@link #MIN_ROWS} rows
   */
  public static SpatialOrder of(Dataset data, int cells, ChunkPool pool) {
    int n = data.n();
    if (n < MIN_ROWS) {
      return null;
    }
    int d = data.d();
    double[] pilots = pilots(data, cells, pool);
    int p = pilots.length / d;
    double[] coefficient = new double[p * d];
    double[] bias = new double[p];
    for (int m = 0; m < p; m++) {
      for (int j = 0; j < d; j++) {
        double v = pilots[m * d + j];
        coefficient[m * d + j] = -2 * v;
        bias[m] = Math.fma(v, v, bias[m]);
      }
    }
    int chunks = ChunkPool.chunks(n);
    int[] cell = new int[n];
    int[][] counts = new int[chunks][p];
    FeatureMoments[] moments = new FeatureMoments[chunks];
    pool.forEach(
        chunks,
        c -> {
          FeatureMoments mom = new FeatureMoments(d);
          TransposedRows block = new TransposedRows(d);
          double[][] scratch = new double[3][TransposedRows.CAPACITY];
          int end = ChunkPool.end(c, n);
          for (int first = ChunkPool.start(c); first < end; first += TransposedRows.CAPACITY) {
            int size = Math.min(TransposedRows.CAPACITY, end - first);
            block.loadRange(data.x(), first, size);
            cellsOfBlock(block, first, mom, coefficient, bias, p, scratch, cell, counts[c]);
          }
          moments[c] = mom;
        });
    return new SpatialOrder(
        ranks(cell, counts, p, pool), FeatureMoments.combine(moments, d));
  }

  /**
   * The nearest pilot of each row of a loaded block, counted per cell, and the block's moments.
   * A method of its own, called n / 128 times, so that the JIT compiles it early and whole rather
   * than entering the chunk's loop by on-stack replacement (see the package documentation).
   */
  private static void cellsOfBlock(TransposedRows block, int first, FeatureMoments mom,
      double[] coefficient, double[] bias, int p, double[][] scratch, int[] cell, int[] count) {
    mom.add(block);
    double[] nearest = scratch[2];
    BlockDistances.argminAffine(block, coefficient, bias, p, scratch[0], scratch[1], nearest);
    for (int q = 0; q < block.size(); q++) {
      int m = (int) nearest[q];
      cell[first + q] = m;
      count[m]++;
    }
  }

  /** Pilots: greedy k-means++ on an evenly spaced sample of 64 rows per cell. */
  private static double[] pilots(Dataset data, int cells, ChunkPool pool) {
    int n = data.n();
    int d = data.d();
    int s = (int) Math.min(n / 16, (long) SAMPLE_PER_CELL * cells);
    double[] sample = new double[s * d];
    for (int j = 0; j < s; j++) {
      int i = (int) ((long) j * n / s);
      System.arraycopy(data.x(), i * d, sample, j * d, d);
    }
    return new RowSeeding(new Dataset(sample, s, d, null), pool)
        .upTo(Math.min(cells, s), PILOT_TRIALS, new SplittableRandom(PILOT_SEED));
  }

  /**
   * Each row's position: cells one after another; within a cell, rows of earlier chunks first
   * and rows of one chunk in their order.
   */
  private static int[] ranks(int[] cell, int[][] counts, int p, ChunkPool pool) {
    int n = cell.length;
    int chunks = counts.length;
    int[][] next = new int[chunks][p];
    int at = 0;
    for (int m = 0; m < p; m++) {
      for (int c = 0; c < chunks; c++) {
        next[c][m] = at;
        at += counts[c][m];
      }
    }
    int[] rank = new int[n];
    pool.forEach(
        chunks,
        c -> {
          int[] pos = next[c];
          int end = ChunkPool.end(c, n);
          for (int i = ChunkPool.start(c); i < end; i++) {
            rank[i] = pos[cell[i]]++;
          }
        });
    return rank;
  }

  /**
   * Mean over features of the population variance of the rows, as
   * {@link FeatureMoments#meanFeatureVariance} gives it for the rows in their original order.
   *
   * @return the mean feature variance
   */
  public double meanFeatureVariance() {
    return meanFeatureVariance;
  }

  /**
   * Position to original row.
   *
   * @return {@code order}, where position p of the ordered data holds original row
   *     {@code order[p]} (a new array)
   */
  public int[] order() {
    int[] order = new int[rank.length];
    for (int i = 0; i < rank.length; i++) {
      order[rank[i]] = i;
    }
    return order;
  }

  /**
   * A copy of flat rows in this order. Rows are read in their original order and written to
   * their positions: one sequential read and one write stream per cell, chunks in parallel.
   *
   * @param x flat row-major rows (not modified)
   * @param d dimension
   * @param pool the chunk pool
   * @return the ordered copy
   */
  public double[] copy(double[] x, int d, ChunkPool pool) {
    double[] out = new double[x.length];
    int n = rank.length;
    pool.forEach(
        ChunkPool.chunks(n),
        c -> {
          int end = ChunkPool.end(c, n);
          for (int i = ChunkPool.start(c); i < end; i++) {
            System.arraycopy(x, i * d, out, rank[i] * d, d);
          }
        });
    return out;
  }

  /**
   * Rearranges flat rows in place into this order, following the permutation's cycles.
   *
   * @param x flat row-major rows (modified)
   * @param d dimension
   */
  public void permuteInPlace(double[] x, int d) {
    int n = rank.length;
    boolean[] placed = new boolean[n];
    double[] held = new double[d];
    double[] swap = new double[d];
    for (int s = 0; s < n; s++) {
      if (placed[s]) {
        continue;
      }
      // held carries the row that belongs at position `to`.
      System.arraycopy(x, s * d, held, 0, d);
      int to = rank[s];
      while (to != s) {
        System.arraycopy(x, to * d, swap, 0, d);
        System.arraycopy(held, 0, x, to * d, d);
        placed[to] = true;
        double[] t = held;
        held = swap;
        swap = t;
        to = rank[to];
      }
      System.arraycopy(held, 0, x, s * d, d);
      placed[s] = true;
    }
  }

  /**
   * Values in this order.
   *
   * @param v values per original row, or null
   * @return the values by position (a new array), or null if {@code v} is null
   */
  public double[] permute(double[] v) {
    if (v == null) {
      return null;
    }
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[rank[i]] = v[i];
    }
    return out;
  }

  /**
   * Labels of ordered rows put back in the original row order.
   *
   * @param labels labels by position in the order
   * @return labels by original row (a new array)
   */
  public int[] restore(int[] labels) {
    int[] out = new int[rank.length];
    for (int i = 0; i < rank.length; i++) {
      out[i] = labels[rank[i]];
    }
    return out;
  }
}
