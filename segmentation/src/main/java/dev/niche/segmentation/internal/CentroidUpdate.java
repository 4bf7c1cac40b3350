package dev.niche.segmentation.internal;

/**
 * The M-step shared by every algorithm, so that identical labels give bit-identical centroids:
 * per fixed chunk, weighted sums and weights per cluster accumulated in row order (and the
 * inertia of the current assignment against the current centres); chunk partials added in chunk
 * order; centre = sum / weight. Empty clusters are re-seeded at the farthest points from their
 * assigned centres (largest weighted squared distance first, lowest index on ties), which moves
 * the point into the empty cluster; never NaN.
 */
public final class CentroidUpdate {

  private final Dataset data;
  private final int k;
  private final double[][] sums;
  private final double[][] weights;
  private final double[] inertias;

  /**
   * Buffers for one fit.
   *
   * @param data the data
   * @param k number of clusters
   */
  public CentroidUpdate(Dataset data, int k) {
    this.data = data;
    this.k = k;
    int chunks = ChunkPool.chunks(data.n());
    this.sums = new double[chunks][k * data.d()];
    this.weights = new double[chunks][k];
    this.inertias = new double[chunks];
  }

  /** What one M-step produced. */
  public static final class Result {
    /** New centres, flat. */
    public final double[] centres;
    /** Inertia of the labels against the OLD centres (before this step). */
    public final double inertia;
    /** Rows moved into empty clusters (their labels were changed), possibly empty. */
    public final int[] relocated;
    /** Total weight of each cluster after relocation. */
    public final double[] weights;

    Result(double[] centres, double inertia, int[] relocated, double[] weights) {
      this.centres = centres;
      this.inertia = inertia;
      this.relocated = relocated;
      this.weights = weights;
    }
  }

  /**
   * One M-step.
   *
   * @param labels current labels (rows moved to empty clusters are relabelled in place)
   * @param centres current centres (not modified)
   * @param pool the chunk pool
   * @param knownInertia the inertia of the current assignment if the E-step computed it (summed
   *     in the same order as here), or NaN to compute it in this pass
   * @return new centres and the inertia of the current assignment
   */
  public Result update(int[] labels, double[] centres, ChunkPool pool, double knownInertia) {
    boolean needInertia = Double.isNaN(knownInertia);
    int chunks = sums.length;
    int d = data.d();
    int n = data.n();
    double[] x = data.x();
    double[] w = data.w();
    pool.forEach(
        chunks,
        c -> {
          double[] s = sums[c];
          double[] cw = weights[c];
          java.util.Arrays.fill(s, 0.0);
          java.util.Arrays.fill(cw, 0.0);
          int end = ChunkPool.end(c, n);
          for (int i = ChunkPool.start(c); i < end; i++) {
            int l = labels[i];
            int xo = i * d;
            int so = l * d;
            double wi = w == null ? 1.0 : w[i];
            if (w == null) {
              for (int j = 0; j < d; j++) {
                s[so + j] += x[xo + j];
              }
            } else {
              for (int j = 0; j < d; j++) {
                s[so + j] = Math.fma(wi, x[xo + j], s[so + j]);
              }
            }
            cw[l] += wi;
          }
          inertias[c] = needInertia ? Inertia.chunkSum(data, centres, labels, c) : 0;
        });
    double[] total = new double[k * d];
    double[] weight = new double[k];
    double inertia = 0;
    for (int c = 0; c < chunks; c++) {
      double[] s = sums[c];
      for (int t = 0; t < total.length; t++) {
        total[t] += s[t];
      }
      double[] cw = weights[c];
      for (int m = 0; m < k; m++) {
        weight[m] += cw[m];
      }
      inertia += inertias[c];
    }
    if (!needInertia) {
      inertia = knownInertia;
    }
    int[] relocated = relocateEmpty(labels, centres, total, weight);
    double[] next = new double[k * d];
    for (int m = 0; m < k; m++) {
      double inv = 1.0 / weight[m];
      for (int j = 0; j < d; j++) {
        next[m * d + j] = total[m * d + j] * inv;
      }
    }
    return new Result(next, inertia, relocated, weight);
  }

  private int[] relocateEmpty(int[] labels, double[] centres, double[] total, double[] weight) {
    int empty = 0;
    for (int m = 0; m < k; m++) {
      if (!(weight[m] > 0)) {
        empty++;
      }
    }
    if (empty == 0) {
      return new int[0];
    }
    int n = data.n();
    int d = data.d();
    double[] x = data.x();
    double[] far = new double[n];
    for (int i = 0; i < n; i++) {
      double wi = data.weight(i);
      far[i] = wi > 0 ? wi * SquaredDistance.between(x, i * d, centres, labels[i] * d, d) : -1;
    }
    int[] moved = new int[empty];
    int count = 0;
    for (int m = 0; m < k; m++) {
      if (weight[m] > 0) {
        continue;
      }
      int best = -1;
      for (int i = 0; i < n; i++) {
        int l = labels[i];
        if (far[i] >= 0 && weight[l] > data.weight(i) && (best < 0 || far[i] > far[best])) {
          best = i;
        }
      }
      if (best < 0) {
        throw new IllegalStateException(
            "cluster " + m + " is empty and no point can be moved into it");
      }
      int from = labels[best];
      double wi = data.weight(best);
      for (int j = 0; j < d; j++) {
        total[from * d + j] -= wi * x[best * d + j];
        total[m * d + j] = wi * x[best * d + j];
      }
      weight[from] -= wi;
      weight[m] = wi;
      labels[best] = m;
      far[best] = -1;
      moved[count++] = best;
    }
    return moved;
  }
}
