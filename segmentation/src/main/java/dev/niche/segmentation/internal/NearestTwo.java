package dev.niche.segmentation.internal;

/**
 * The nearest centre, its canonical squared distance and the second-lowest distance for a list
 * of rows at once: the rows Hamerly's bounds cannot settle, gathered into a
 * {@link TransposedRows} block so that their k distances run at SIMD rate
 * ({@link BlockDistances#squaredDistances(TransposedRows, double[], int, double[])}, canonical
 * bits) instead of one row at a time. On overlapping data the first iterations recompute a third
 * of the rows or more.
 *
 * <p><b>Selection</b>: {@link BlockDistances#foldLowestTwo} per centre in index order, so the
 * index is the lowest among equal distances and the second value equals the best one on a tie,
 * as a sequential scan gives.
 *
 * <p>Not thread-safe: one instance per task.
 */
final class NearestTwo {

  private final int k;
  private final int d;
  private final TransposedRows block;
  private final double[] one = new double[TransposedRows.CAPACITY];
  private final double[] best = new double[TransposedRows.CAPACITY];
  private final double[] second = new double[TransposedRows.CAPACITY];
  private final double[] index = new double[TransposedRows.CAPACITY];

  /**
   * A kernel for k centres of dimension d.
   *
   * @param k number of centres
   * @param d dimension
   */
  NearestTwo(int k, int d) {
    this.k = k;
    this.d = d;
    this.block = new TransposedRows(d);
  }

  /**
   * Takes the rows {@code rows[0..count)} against every centre.
   *
   * @param x the flat rows
   * @param rows row indices
   * @param count number of rows, at most {@link TransposedRows#CAPACITY}
   * @param centres flat centres
   */
  void compute(double[] x, int[] rows, int count, double[] centres) {
    block.load(x, rows, 0, count);
    java.util.Arrays.fill(best, 0, count, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(second, 0, count, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(index, 0, count, 0.0);
    for (int m = 0; m < k; m++) {
      BlockDistances.squaredDistances(block, centres, m * d, one);
      BlockDistances.foldLowestTwo(one, m, count, best, second, index);
    }
  }

  /**
   * The nearest centre of the t-th row of the last call.
   *
   * @param t position in the list
   * @return the centre index
   */
  int label(int t) {
    return (int) index[t];
  }

  /**
   * The canonical squared distance of the t-th row to its nearest centre.
   *
   * @param t position in the list
   * @return the distance
   */
  double best(int t) {
    return best[t];
  }

  /**
   * The second-lowest squared distance of the t-th row (equal to {@link #best} on a tie).
   *
   * @param t position in the list
   * @return the distance
   */
  double second(int t) {
    return second[t];
  }
}
