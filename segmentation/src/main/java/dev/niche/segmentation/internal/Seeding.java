package dev.niche.segmentation.internal;

import dev.niche.core.Checks;
import java.util.SplittableRandom;

/**
 * D-squared seeding: k-means++ (Arthur and Vassilvitskii, "k-means++: the advantages of careful
 * seeding", SODA 2007) and its greedy variant as in scikit-learn (at each step draw {@code trials}
 * candidates with probability proportional to w(x) D(x)^2 and keep the one that minimises the
 * potential sum w(x) min(D(x)^2, d(x, candidate)^2)), with D(x) the distance from row x to its
 * nearest chosen centre.
 *
 * <p>This class runs the steps: drawing, choosing the best trial, and the potential of each fixed
 * chunk of rows, so sampling reads one chunk and results do not depend on the thread count. A
 * subclass computes the trials' potentials, skipping what the triangle inequality proves
 * irrelevant: {@link RowSeeding} row by row for rows in any order, {@link BlockSeeding} block by
 * block for rows in {@link SpatialOrder}. Both choose exactly the centres of the textbook
 * algorithm for the same rows, order and random stream. The labels and D^2 of the final centres
 * are handed to the iterations as the first assignment. One instance serves one seeding; a
 * subclass may lay the data out differently while it seeds ({@link #copyRow}), and restores it
 * ({@link #finish}) before the seeding returns or throws.
 */
public abstract class Seeding {

  final Dataset data;
  final ChunkPool pool;
  final int chunks;
  /** Nearest-centre squared distances. */
  final double[] minD2;
  /** Nearest-centre labels. */
  final int[] labels;
  /** Weighted potential of each chunk. */
  final double[] chunkPot;

  Seeding(Dataset data, ChunkPool pool) {
    this.data = data;
    this.pool = pool;
    this.chunks = ChunkPool.chunks(data.n());
    this.minD2 = new double[data.n()];
    this.labels = new int[data.n()];
    this.chunkPot = new double[chunks];
  }

  /**
   * The seeding that suits a data set: blocks when its rows are in spatial order, rows otherwise.
   *
   * @param data the data
   * @param pool the chunk pool
   * @return a new seeding state
   */
  public static Seeding of(Dataset data, ChunkPool pool) {
    return data.spatiallyOrdered() ? new BlockSeeding(data, pool) : new RowSeeding(data, pool);
  }

  /**
   * Nearest-centre labels after a seeding.
   *
   * @return the shared label array
   */
  public final int[] labels() {
    return labels;
  }

  /**
   * Nearest-centre squared distances after a seeding.
   *
   * @return the shared array
   */
  public final double[] minD2() {
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
  public final double[] greedy(int k, int trials, SplittableRandom rng) {
    double[] centres = choose(k, trials, rng);
    Checks.argument(centres.length >= k * data.d(), () -> "k = " + k
        + " exceeds the number of distinct points with positive weight ("
        + centres.length / data.d() + ")");
    return centres;
  }

  /**
   * Like {@link #greedy}, but stops early, without error, when every row with positive weight
   * coincides with a chosen centre.
   *
   * @param k the most centres to choose
   * @param trials local trials per step
   * @param rng the random stream
   * @return between 1 and k centres, flat
   */
  public final double[] upTo(int k, int trials, SplittableRandom rng) {
    return choose(k, trials, rng);
  }

  /**
   * Sets {@link #minD2}, {@link #labels} (all 0) and {@link #chunkPot} for the first centre, and
   * whatever the subclass keeps per row or block.
   *
   * @param centres the centres, the first one chosen
   */
  abstract void begin(double[] centres);

  /**
   * Allocates the per-step working memory.
   *
   * @param trials trials per step
   */
  abstract void prepare(int trials);

  /**
   * Potentials of every trial, per chunk ({@code pots[chunk][trial]}), keeping what
   * {@link #absorb} needs.
   *
   * @param candRows the trials, flat
   * @param trials number of trials
   * @param nearestTrial per chosen centre j, min over trials of d(trial, centre j)^2
   * @param pots receives the potentials
   */
  abstract void evaluate(double[] candRows, int trials, double[] nearestTrial, double[][] pots);

  /**
   * Makes trial t the new centre m: its distances become the nearest distances, and
   * {@code pots[chunk][t]} the chunk potentials.
   *
   * @param m the new centre's index
   * @param t the chosen trial
   * @param pots the trials' chunk potentials
   */
  abstract void absorb(int m, int t, double[][] pots);

  /**
   * Copies row i of the data (whatever layout the subclass keeps it in while it seeds).
   *
   * @param i the row
   * @param to destination
   * @param offset offset in {@code to}
   */
  void copyRow(int i, double[] to, int offset) {
    int d = data.d();
    System.arraycopy(data.x(), i * d, to, offset, d);
  }

  /** Called once the seeding is over (also when it fails): undoes what {@link #begin} set up. */
  void finish() {}

  private double[] choose(int k, int trials, SplittableRandom rng) {
    int d = data.d();
    double[] centres = new double[k * d];
    int first = data.drawRow(rng);
    copyRow(first, centres, 0);
    try {
      begin(centres);
      return chooseRest(centres, k, trials, rng);
    } finally {
      finish();
    }
  }

  private double[] chooseRest(double[] centres, int k, int trials, SplittableRandom rng) {
    int d = data.d();
    double[] candRows = new double[trials * d];
    double[] nearestTrial = new double[k];
    double[][] pots = new double[chunks][trials];
    prepare(trials);
    for (int m = 1; m < k; m++) {
      double total = totalPotential();
      if (!(total > 0)) {
        return java.util.Arrays.copyOf(centres, m * d);
      }
      java.util.Arrays.fill(nearestTrial, 0, m, Double.POSITIVE_INFINITY);
      for (int t = 0; t < trials; t++) {
        int row = sample(data, minD2, chunkPot, rng.nextDouble() * total);
        copyRow(row, candRows, t * d);
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

  private double totalPotential() {
    double total = 0;
    for (double p : chunkPot) {
      total += p;
    }
    return total;
  }

  /**
   * The row whose cumulative weighted potential w(x) D(x)^2, in row order, first exceeds r: a draw
   * with probability proportional to it for r uniform in [0, total). The chunk totals skip whole
   * chunks, so a draw reads one chunk.
   *
   * @param data the rows and weights
   * @param minD2 each row's squared distance to its nearest centre
   * @param chunkPot the weighted potential of each fixed chunk
   * @param r a number in [0, sum of chunkPot)
   * @return the row
   */
  static int sample(Dataset data, double[] minD2, double[] chunkPot, double r) {
    int n = data.n();
    int chunks = chunkPot.length;
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
