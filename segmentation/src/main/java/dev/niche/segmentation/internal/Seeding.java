package dev.niche.segmentation.internal;

import java.util.SplittableRandom;

/**
 * D-squared seeding, k-means++ (Arthur and Vassilvitskii, SODA 2007) and its greedy variant as in
 * scikit-learn, computed exactly with one of two pruning strategies: {@link BlockSeeding} for rows
 * in {@link SpatialOrder}, {@link RowSeeding} for rows in any order. Both choose the same centres
 * as the textbook algorithm for the same rows in the same order and the same random stream.
 */
public interface Seeding {

  /**
   * The seeding that suits a data set: blocks when its rows are in spatial order, rows otherwise.
   *
   * @param data the data
   * @param pool the chunk pool
   * @return a new seeding state
   */
  static Seeding of(Dataset data, ChunkPool pool) {
    return data.spatiallyOrdered() ? new BlockSeeding(data, pool) : new RowSeeding(data, pool);
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
  double[] greedy(int k, int trials, SplittableRandom rng);

  /**
   * Like {@link #greedy}, but stops early, without error, when every row with positive weight
   * coincides with a chosen centre.
   *
   * @param k the most centres to choose
   * @param trials local trials per step
   * @param rng the random stream
   * @return between 1 and k centres, flat
   */
  double[] upTo(int k, int trials, SplittableRandom rng);

  /**
   * Nearest-centre labels after a seeding.
   *
   * @return the shared label array
   */
  int[] labels();

  /**
   * Nearest-centre squared distances after a seeding.
   *
   * @return the shared array
   */
  double[] minD2();
}
