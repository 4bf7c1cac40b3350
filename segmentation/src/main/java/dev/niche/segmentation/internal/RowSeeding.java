package dev.niche.segmentation.internal;

import java.util.SplittableRandom;

/**
 * D-squared seeding for rows in any order: k-means++ (Arthur and Vassilvitskii, "k-means++: the advantages of careful
 * seeding", SODA 2007) and its greedy variant as in scikit-learn (at each step draw {@code trials}
 * candidates with probability proportional to w(x) D(x)^2 and keep the one that minimises the
 * potential sum w(x) min(D(x)^2, d(x, candidate)^2)).
 *
 * <p>Speed: the nearest-centre distance array D^2 and labels are kept up to date, and a candidate
 * c can only improve row x if d(c, m(x)) &lt; 2 D(x) (triangle inequality with m(x) the nearest
 * chosen centre), so most rows skip the distance computation once a few centres are chosen. The
 * remaining rows are copied in blocks of {@link TransposedRows}, whose distance loops the JIT
 * vectorises, and every trial is evaluated on one copy. The potential of each fixed chunk of
 * rows is kept, so sampling reads one chunk, and results do not depend on the thread count.
 * The labels and D^2 of the final centres are handed to the iterations as the first assignment.
 */
public final class RowSeeding implements Seeding {

  private final Dataset data;
  private final ChunkPool pool;
  private final int chunks;
  /** Nearest-centre squared distances. */
  final double[] minD2;
  /** Nearest-centre labels. */
  final int[] labels;
  private final double[] chunkPot;
  private int[][] openRows;
  private double[][] openValues;
  private int[] openCount;

  /**
   * Seeding state for one data set.
   *
   * @param data the data
   * @param pool the chunk pool
   */
  public RowSeeding(Dataset data, ChunkPool pool) {
    this.data = data;
    this.pool = pool;
    this.chunks = ChunkPool.chunks(data.n());
    this.minD2 = new double[data.n()];
    this.labels = new int[data.n()];
    this.chunkPot = new double[chunks];
  }

  /**
   * Nearest-centre labels after {@link #greedy}.
   *
   * @return the shared label array
   */
  @Override
  public int[] labels() {
    return labels;
  }

  /**
   * Nearest-centre squared distances after {@link #greedy}.
   *
   * @return the shared array
   */
  @Override
  public double[] minD2() {
    return minD2;
  }

  /**
   * Chooses k centres by (greedy) k-means++.
   *
   * @param k number of centres
   * @param trials local trials per step (1 = plain k-means++)
   * @param rng the random stream
   * @return the centres, flat
   * @throws IllegalArgumentException if there are fewer than k distinct points with positive weight
   */
  @Override
  public double[] greedy(int k, int trials, SplittableRandom rng) {
    double[] centres = choose(k, trials, rng);
    if (centres.length < k * data.d()) {
      throw new IllegalArgumentException(
          "k = " + k + " exceeds the number of distinct points with positive weight ("
              + centres.length / data.d() + ")");
    }
    return centres;
  }

  @Override
  public double[] upTo(int k, int trials, SplittableRandom rng) {
    return choose(k, trials, rng);
  }

  private double[] choose(int k, int trials, SplittableRandom rng) {
    int n = data.n();
    int d = data.d();
    double[] x = data.x();
    double[] centres = new double[k * d];
    int first = data.drawRow(rng);
    System.arraycopy(x, first * d, centres, 0, d);
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
    double[] candRows = new double[trials * d];
    double[] nearestTrial = new double[k];
    double[][] pots = new double[chunks][trials];
    openRows = new int[chunks][ChunkPool.CHUNK_ROWS];
    openValues = new double[chunks][ChunkPool.CHUNK_ROWS * trials];
    openCount = new int[chunks];
    for (int m = 1; m < k; m++) {
      double total = totalPotential();
      if (!(total > 0)) {
        return java.util.Arrays.copyOf(centres, m * d);
      }
      java.util.Arrays.fill(nearestTrial, 0, m, Double.POSITIVE_INFINITY);
      for (int t = 0; t < trials; t++) {
        int row = sample(rng.nextDouble() * total);
        System.arraycopy(x, row * d, candRows, t * d, d);
        for (int j = 0; j < m; j++) {
          double v = SquaredDistance.between(candRows, t * d, centres, j * d, d);
          nearestTrial[j] = Math.min(nearestTrial[j], v);
        }
      }
      evaluate(candRows, trials, nearestTrial, pots);
      int best = 0;
      double bestPot = Double.POSITIVE_INFINITY;
      for (int t = 0; t < trials; t++) {
        double p = 0;
        for (int c = 0; c < chunks; c++) {
          p += pots[c][t];
        }
        if (p < bestPot) {
          bestPot = p;
          best = t;
        }
      }
      System.arraycopy(candRows, best * d, centres, m * d, d);
      absorb(m, best, pots);
    }
    return centres;
  }

  /**
   * Potentials of every trial, per chunk, pruned by the triangle inequality. A row whose
   * nearest centre m(x) has d(c, m(x)) &gt;= 2 D(x) for every trial c keeps D(x)^2 for every
   * trial; the other ("open") rows of each chunk are recorded, and each trial's new nearest
   * squared distance min(D(x)^2, d(x, c)^2) is stored for {@link #absorb}. The open rows'
   * distances run in blocks of {@link TransposedRows}.
   */
  private void evaluate(
      double[] candRows, int trials, double[] nearestTrial, double[][] pots) {
    int n = data.n();
    int d = data.d();
    double[] x = data.x();
    double[] w = data.w();
    double scale = 4 * (1 + Assigner.SLACK);
    pool.forEach(
        chunks,
        c -> {
          int[] rows = openRows[c];
          double[] vals = openValues[c];
          double closed = 0;
          int count = 0;
          int end = ChunkPool.end(c, n);
          // Branch-free: whether a row is open is unpredictable, and a mispredicted branch per
          // row cost more than the whole test.
          double[] dist2 = minD2;
          int[] label = labels;
          if (w == null) {
            for (int i = ChunkPool.start(c); i < end; i++) {
              double di = dist2[i];
              int open = nearestTrial[label[i]] < scale * di ? 1 : 0;
              rows[count] = i;
              count += open;
              closed += di * (1 - open);
            }
          } else {
            for (int i = ChunkPool.start(c); i < end; i++) {
              double di = dist2[i];
              int open = nearestTrial[label[i]] < scale * di ? 1 : 0;
              rows[count] = i;
              count += open;
              closed += w[i] * di * (1 - open);
            }
          }
          double[] p = pots[c];
          java.util.Arrays.fill(p, closed);
          TransposedRows block = new TransposedRows(d);
          double[] dist = new double[TransposedRows.CAPACITY];
          double[] bound = new double[TransposedRows.CAPACITY];
          double[] weight = w == null ? null : new double[TransposedRows.CAPACITY];
          for (int from = 0; from < count; from += TransposedRows.CAPACITY) {
            int size = Math.min(TransposedRows.CAPACITY, count - from);
            block.load(x, rows, from, size);
            for (int q = 0; q < size; q++) {
              bound[q] = minD2[rows[from + q]];
            }
            if (weight != null) {
              for (int q = 0; q < size; q++) {
                weight[q] = w[rows[from + q]];
              }
            }
            for (int t = 0; t < trials; t++) {
              block.squaredDistances(candRows, t * d, dist);
              for (int q = 0; q < size; q++) {
                dist[q] = Math.min(dist[q], bound[q]);
              }
              System.arraycopy(dist, 0, vals, t * ChunkPool.CHUNK_ROWS + from, size);
              p[t] += WeightedSum.of(dist, weight, size);
            }
          }
          openCount[c] = count;
        });
  }

  /** Makes trial t the new centre m: its stored distances become the nearest distances. */
  private void absorb(int m, int t, double[][] pots) {
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

  private double totalPotential() {
    double total = 0;
    for (double p : chunkPot) {
      total += p;
    }
    return total;
  }

  /** Row whose cumulative weighted potential first exceeds r (fixed chunk order). */
  private int sample(double r) {
    int n = data.n();
    double cum = 0;
    int c = 0;
    while (c < chunks - 1 && cum + chunkPot[c] <= r) {
      cum += chunkPot[c];
      c++;
    }
    int last = -1;
    int end = ChunkPool.end(c, n);
    for (int i = ChunkPool.start(c); i < end; i++) {
      double v = data.weight(i) * minD2[i];
      if (v > 0) {
        cum += v;
        last = i;
        if (cum > r) {
          return i;
        }
      }
    }
    if (last >= 0) {
      return last;
    }
    for (int i = n - 1; i >= 0; i--) {
      if (data.weight(i) * minD2[i] > 0) {
        return i;
      }
    }
    throw new IllegalStateException("no row with positive potential");
  }
}
