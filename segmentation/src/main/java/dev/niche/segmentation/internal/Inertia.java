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
    double[] part = new double[ChunkPool.chunks(n)];
    double[][] scratch = new double[pool.threads()][];
    pool.forEach(
        part.length,
        (c, worker) -> {
          part[c] = chunkSum(data, centres, labels, c, buffer(scratch, worker));
        });
    double total = 0;
    for (double v : part) {
      total += v;
    }
    return total;
  }

  /**
   * A worker's buffer for {@link #chunkSum}, made on its first use (one per worker and pass, not
   * one per chunk: a fit sums its inertia at every M-step).
   *
   * @param slots one slot per worker of the pool
   * @param worker the worker's index
   * @return a buffer of {@link ChunkPool#CHUNK_ROWS} doubles
   */
  static double[] buffer(double[][] slots, int worker) {
    if (slots[worker] == null) {
      slots[worker] = new double[ChunkPool.CHUNK_ROWS];
    }
    return slots[worker];
  }

  /**
   * The weighted squared distances of one chunk's rows to their labelled centres, summed in row
   * order.
   *
   * @param data the data
   * @param centres flat centres
   * @param labels labels
   * @param chunk the chunk
   * @param dist a buffer of at least {@link ChunkPool#CHUNK_ROWS} doubles (overwritten)
   * @return the chunk's inertia
   */
  static double chunkSum(Dataset data, double[] centres, int[] labels, int chunk, double[] dist) {
    int n = data.n();
    int first = ChunkPool.start(chunk);
    int count = ChunkPool.end(chunk, n) - first;
    SquaredDistance.toAssigned(data.x(), first, count, data.d(), centres, labels, dist);
    double s = 0;
    for (int q = 0; q < count; q++) {
      s += data.weight(first + q) * dist[q];
    }
    return s;
  }

  /**
   * The inertia from every row's canonical squared distance to its centre, summed as
   * {@link #of} sums (per chunk in row order, chunks in order), so it has the same bits when the
   * distances are {@link SquaredDistance}'s, as the k-means++ starts' are.
   *
   * @param data the data
   * @param d2 squared distance of every row to its labelled centre
   * @param pool the chunk pool
   * @return sum of w(x) d2(x)
   */
  static double ofDistances(Dataset data, double[] d2, ChunkPool pool) {
    int n = data.n();
    double[] w = data.w();
    double[] part = new double[ChunkPool.chunks(n)];
    pool.forEach(
        part.length,
        c -> {
          double s = 0;
          int end = ChunkPool.end(c, n);
          for (int i = ChunkPool.start(c); i < end; i++) {
            s += (w == null ? 1.0 : w[i]) * d2[i];
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
