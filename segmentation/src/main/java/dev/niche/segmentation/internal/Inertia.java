package dev.niche.segmentation.internal;

/** Weighted sum of squared distances to assigned centres, summed in fixed chunk order. */
public final class Inertia {

  private Inertia() {}

  /**
   * The inertia.
   *
   * @param data the data
   * @param centres flat centres
   * @param labels labels
   * @param pool the chunk pool
   * @return sum of w(x) ||x - c(x)||^2
   */
  public static double of(Dataset data, double[] centres, int[] labels, ChunkPool pool) {
    int n = data.n();
    int d = data.d();
    double[] x = data.x();
    double[] part = new double[ChunkPool.chunks(n)];
    pool.forEach(
        part.length,
        c -> {
          double s = 0;
          int end = ChunkPool.end(c, n);
          for (int i = ChunkPool.start(c); i < end; i++) {
            s += data.weight(i) * SquaredDistance.between(x, i * d, centres, labels[i] * d, d);
          }
          part[c] = s;
        });
    double total = 0;
    for (double v : part) {
      total += v;
    }
    return total;
  }
}
