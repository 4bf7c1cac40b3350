package dev.niche.segmentation;

import dev.niche.segmentation.internal.SquaredDistance;

/**
 * One mini-batch update in scikit-learn's arithmetic ({@code _minibatch_update_dense},
 * scikit-learn 1.2): every row of the batch is assigned to its nearest centre (lowest index on
 * ties) among the centres before the batch; then each centre c that received weight becomes
 * (v_c c + sum_i w_i x_i) / (v_c + sum_i w_i), summed from v_c c in batch order and multiplied by
 * the reciprocal of the new count v_c, and v_c grows by the batch's weight. For unit weights this
 * is Sculley's (2010) per-centre learning rate 1/v_c applied row by row. Centres that received
 * no weight stay. Not thread-safe: one instance per fit.
 */
final class MiniBatchStep {

  private final int k;
  private final int d;
  private final double[] acc;
  private final double[] batchWeight;
  private final double[] dist;
  private int[] nearest = new int[0];
  private double inertia;
  private double shift;

  MiniBatchStep(int k, int d) {
    this.k = k;
    this.d = d;
    this.acc = new double[k * d];
    this.batchWeight = new double[k];
    this.dist = new double[k];
  }

  /**
   * Applies one batch.
   *
   * @param x flat rows
   * @param w row weights, or null for unit weights
   * @param rows the batch's row indices, or null for rows {@code 0 .. count-1}
   * @param count rows in the batch
   * @param centres flat centres, updated in place
   * @param counts weight absorbed per centre, updated in place
   */
  void apply(double[] x, double[] w, int[] rows, int count, double[] centres, double[] counts) {
    if (nearest.length < count) {
      nearest = new int[count];
    }
    java.util.Arrays.fill(batchWeight, 0.0);
    double sum = 0;
    for (int q = 0; q < count; q++) {
      int i = rows == null ? q : rows[q];
      SquaredDistance.toAll(x, i * d, centres, k, d, dist);
      int best = 0;
      for (int m = 1; m < k; m++) {
        if (dist[m] < dist[best]) {
          best = m;
        }
      }
      double wi = w == null ? 1.0 : w[i];
      nearest[q] = best;
      batchWeight[best] += wi;
      sum += wi * dist[best];
    }
    inertia = sum;
    for (int m = 0; m < k; m++) {
      if (batchWeight[m] > 0) {
        for (int j = 0; j < d; j++) {
          acc[m * d + j] = centres[m * d + j] * counts[m];
        }
      }
    }
    for (int q = 0; q < count; q++) {
      int m = nearest[q];
      if (batchWeight[m] > 0) {
        int i = rows == null ? q : rows[q];
        double wi = w == null ? 1.0 : w[i];
        for (int j = 0; j < d; j++) {
          acc[m * d + j] += wi * x[i * d + j];
        }
      }
    }
    double moved = 0;
    for (int m = 0; m < k; m++) {
      if (batchWeight[m] > 0) {
        counts[m] += batchWeight[m];
        double alpha = 1 / counts[m];
        for (int j = 0; j < d; j++) {
          double after = acc[m * d + j] * alpha;
          double t = after - centres[m * d + j];
          moved += t * t;
          centres[m * d + j] = after;
        }
      }
    }
    shift = moved;
  }

  /** Weighted inertia of the last batch against the centres before its update. */
  double inertia() {
    return inertia;
  }

  /** Total squared centre shift of the last batch. */
  double shift() {
    return shift;
  }
}
