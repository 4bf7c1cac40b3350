package dev.niche.segmentation.internal;

import java.util.SplittableRandom;

/**
 * An order of the rows in which neighbouring rows lie close together, so that blocks of
 * consecutive rows fit in small balls (what {@link BlockSeeding}'s bounds need). Pilot centres
 * are chosen by greedy k-means++ on an evenly spaced sample of the rows; every row is assigned to
 * its nearest pilot, and the rows are sorted by pilot, keeping their original order within a
 * pilot's cell (a stable counting sort).
 *
 * <p>The order depends only on the data (the pilots' random stream has a fixed seed), so a fit
 * that uses it stays deterministic and independent of the thread count. Its cost is one pass of
 * n x cells distances plus one move of every row.
 */
public final class SpatialOrder {

  /** Below this many rows the order is not worth its cost: {@link #of} returns null. */
  public static final int MIN_ROWS = 1 << 16;

  /** Below this many clusters the order costs more than it saves the start ({@code KMeans}). */
  public static final int MIN_CLUSTERS = 16;

  /** Sample rows per pilot. */
  private static final int SAMPLE_PER_CELL = 64;

  /** Seed of the pilots' stream (any fixed value). */
  private static final long PILOT_SEED = 0x5EED_0F_0DE2L;

  private SpatialOrder() {}

  /**
   * The order for a data set.
   *
   * @param data the data
   * @param cells the number of pilot cells wanted (at least 1)
   * @param pool the chunk pool
   * @return {@code order}, where position p of the ordered data holds original row
   *     {@code order[p]}; or null when there are fewer than {@link #MIN_ROWS} rows
   */
  public static int[] of(Dataset data, int cells, ChunkPool pool) {
    int n = data.n();
    if (n < MIN_ROWS) {
      return null;
    }
    int d = data.d();
    int s = (int) Math.min(n / 16, (long) SAMPLE_PER_CELL * cells);
    double[] sample = new double[s * d];
    for (int j = 0; j < s; j++) {
      int i = (int) ((long) j * n / s);
      System.arraycopy(data.x(), i * d, sample, j * d, d);
    }
    double[] pilots =
        new RowSeeding(new Dataset(sample, s, d, null), pool)
            .upTo(Math.min(cells, s), 2, new SplittableRandom(PILOT_SEED));
    int p = pilots.length / d;
    int[] cell = new int[n];
    new LloydAssigner(data, p).start(pilots, cell, null, pool);
    int[] next = new int[p + 1];
    for (int i = 0; i < n; i++) {
      next[cell[i] + 1]++;
    }
    for (int m = 0; m < p; m++) {
      next[m + 1] += next[m];
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[next[cell[i]]++] = i;
    }
    return order;
  }

  /**
   * Rearranges flat rows in place: afterwards row p holds what row {@code order[p]} held.
   *
   * @param x flat row-major rows (modified)
   * @param d dimension
   * @param order a permutation of the rows
   */
  public static void permuteRows(double[] x, int d, int[] order) {
    int n = order.length;
    boolean[] done = new boolean[n];
    double[] held = new double[d];
    for (int p = 0; p < n; p++) {
      if (done[p]) {
        continue;
      }
      System.arraycopy(x, p * d, held, 0, d);
      int j = p;
      while (true) {
        done[j] = true;
        int from = order[j];
        if (from == p) {
          System.arraycopy(held, 0, x, j * d, d);
          break;
        }
        System.arraycopy(x, from * d, x, j * d, d);
        j = from;
      }
    }
  }

  /**
   * A copy of flat rows in the given order: row p of the copy is row {@code order[p]}.
   *
   * @param x flat row-major rows (not modified)
   * @param d dimension
   * @param order a permutation of the rows
   * @param pool the chunk pool (chunks of positions are copied in parallel)
   * @return the ordered copy
   */
  public static double[] copyRows(double[] x, int d, int[] order, ChunkPool pool) {
    double[] out = new double[x.length];
    int n = order.length;
    pool.forEach(
        ChunkPool.chunks(n),
        c -> {
          int end = ChunkPool.end(c, n);
          for (int p = ChunkPool.start(c); p < end; p++) {
            System.arraycopy(x, order[p] * d, out, p * d, d);
          }
        });
    return out;
  }

  /**
   * Values in the given order.
   *
   * @param v values per original row, or null
   * @param order a permutation of the rows
   * @return {@code v[order[p]]} at p (a new array), or null if {@code v} is null
   */
  public static double[] permute(double[] v, int[] order) {
    if (v == null) {
      return null;
    }
    double[] out = new double[order.length];
    for (int p = 0; p < order.length; p++) {
      out[p] = v[order[p]];
    }
    return out;
  }

  /**
   * Labels of ordered rows put back in the original row order.
   *
   * @param labels labels by position in the order
   * @param order a permutation of the rows
   * @return labels by original row (a new array)
   */
  public static int[] restore(int[] labels, int[] order) {
    int[] out = new int[order.length];
    for (int p = 0; p < order.length; p++) {
      out[order[p]] = labels[p];
    }
    return out;
  }
}
