package dev.niche.segmentation.internal;

/**
 * The M-step shared by every algorithm, so that identical label sequences give bit-identical
 * centroids: per fixed chunk, weighted sums, weights and counts of positive-weight rows per
 * cluster; chunk partials added in chunk order; centre = sum / weight. The first step sums every
 * row in row order; later steps only move the rows whose label changed since the previous step
 * (in row order within a chunk: subtract from the old cluster, add to the new), so a step costs a
 * pass over the labels rather than the data. Once more than n rows have moved since the last
 * full sum, the next step sums every row again, so the rounding of the moves never grows beyond
 * that of about two full sums. A cluster's partials are reset to
 * exact zeros when its last positive-weight row of a chunk leaves, so emptiness is exact. The
 * inertia of the current assignment against the current centres is summed directly (the distance
 * of every row, in row order). Empty clusters are re-seeded at the farthest points from their
 * assigned centres (largest weighted squared distance first, lowest index on ties), which moves
 * the point into the empty cluster; never NaN.
 */
public final class CentroidUpdate {

  private final Dataset data;
  private final int k;
  private final double[][] sums;
  private final double[][] weights;
  private final int[][] members;
  private final double[] inertias;
  /** Labels at the last step, or null before the first. */
  private int[] summed;
  /** Unused bytes after each chunk's partials: two cache lines (see the constructor). */
  private static final int PAD_BYTES = 128;
  /** Per chunk: rows moved by the last step. */
  private final long[] moved;
  /** Per chunk: rows moved by {@link #moveNow} since the last step. */
  private final long[] movedEarly;
  /** Rows moved since the last full sum. */
  private long movedSinceSum;
  /** Per worker of the pool: the distances of the inertia pass (made on first use). */
  private double[][] inertiaBuffers = new double[0][];

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
    // Each chunk's partials end in PAD_BYTES unused: neighbouring chunks run on different
    // threads and move rows in their partials row by row, and small arrays allocated one after
    // the other would share cache lines (k = 8: weights and members of several chunks in one
    // line; at two threads that doubled the M-step's time and slowed the E-step's moves).
    this.sums = new double[chunks][k * data.d() + PAD_BYTES / Double.BYTES];
    this.weights = new double[chunks][k + PAD_BYTES / Double.BYTES];
    this.members = new int[chunks][k + PAD_BYTES / Integer.BYTES];
    this.moved = new long[chunks];
    this.movedEarly = new long[chunks];
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
    /** Total squared centre shift: sum_m |c'_m - c_m|^2 (canonical distances, centre order). */
    public final double shift;
    /**
     * How much this step lowered the inertia of the labels it averaged: sum_m W_m |c'_m - c_m|^2
     * (König–Huygens), in centre order; what {@link Assigner#carryInertia} takes.
     */
    public final double lowering;

    Result(double[] oldCentres, double[] centres, double inertia, int[] relocated,
        double[] weights) {
      this.centres = centres;
      this.inertia = inertia;
      this.relocated = relocated;
      this.weights = weights;
      int k = weights.length;
      int d = centres.length / k;
      double shift = 0;
      double lowering = 0;
      for (int m = 0; m < k; m++) {
        double v = SquaredDistance.between(oldCentres, m * d, centres, m * d, d);
        shift += v;
        lowering += weights[m] * v;
      }
      this.shift = shift;
      this.lowering = lowering;
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
    boolean full = summed == null || movedSinceSum > n;
    if (summed == null) {
      summed = new int[n];
    }
    if (inertiaBuffers.length != pool.threads()) {
      inertiaBuffers = new double[pool.threads()][];
    }
    double[][] buffers = inertiaBuffers;
    pool.forEach(
        chunks,
        (c, worker) -> {
          if (full) {
            sumChunk(c, labels);
            moved[c] = 0;
          } else {
            moved[c] = movedEarly[c] + moveChanged(c, labels);
          }
          movedEarly[c] = 0;
          inertias[c] = needInertia
              ? Inertia.chunkSum(data, centres, labels, c, Inertia.buffer(buffers, worker))
              : 0;
        });
    if (full) {
      movedSinceSum = 0;
    }
    for (long v : moved) {
      movedSinceSum += v;
    }
    double[] total = new double[k * d];
    double[] weight = new double[k];
    int[] count = new int[k];
    double inertia = 0;
    for (int c = 0; c < chunks; c++) {
      double[] s = sums[c];
      for (int t = 0; t < total.length; t++) {
        total[t] += s[t];
      }
      double[] cw = weights[c];
      int[] cm = members[c];
      for (int m = 0; m < k; m++) {
        weight[m] += cw[m];
        count[m] += cm[m];
      }
      inertia += inertias[c];
    }
    if (!needInertia) {
      inertia = knownInertia;
    }
    int[] relocated = relocateEmpty(labels, centres, total, weight, count);
    double[] next = new double[k * d];
    for (int m = 0; m < k; m++) {
      double inv = 1.0 / weight[m];
      for (int j = 0; j < d; j++) {
        next[m * d + j] = total[m * d + j] * inv;
      }
    }
    return new Result(centres, next, inertia, relocated, weight);
  }

  /**
   * Moves row i from cluster {@code from} to {@code to} in its chunk's partials now, for an
   * E-step that has the row in cache when it relabels it (the next step would otherwise fetch it
   * again from memory). The next step then finds the row's label unchanged; since an E-step
   * relabels in row order within a chunk, the partials take the same operations in the same
   * order as that step would have made, so the centres are bit-identical. Does nothing before the
   * first step. Rows of different chunks may be moved concurrently.
   *
   * <p>{@code from} is the label the E-step replaces, which is the label the last step summed
   * (every step leaves each row's summed label equal to its label): passing it saves reading the
   * summed label, a cache miss per moved row in a pass that otherwise streams.
   *
   * @param i row
   * @param from its label at the last step (not checked, except under assertions)
   * @param to its new label, not {@code from}
   */
  public void moveNow(int i, int from, int to) {
    moveNow(i, from, to, data.x(), i * data.d(), 1);
  }

  /**
   * {@link #moveNow(int, int, int)} with the row's values read from another copy of the data,
   * such as the column-blocked one an E-step just read ({@link ColumnBlockedRows}): coordinate j
   * at {@code values[offset + j stride]}. The values are the row's own, so the centres are the
   * same bits.
   *
   * @param i row
   * @param from its label at the last step
   * @param to its new label, not {@code from}
   * @param values an array holding row i
   * @param offset where its first coordinate is
   * @param stride distance between its coordinates
   */
  public void moveNow(int i, int from, int to, double[] values, int offset, int stride) {
    if (summed == null) {
      return;
    }
    assert summed[i] == from && from != to : "row " + i + " summed in " + summed[i];
    int c = i / ChunkPool.CHUNK_ROWS;
    move(c, i, from, to, values, offset, stride);
    movedEarly[c]++;
  }

  /** The first step's partials of one chunk: every row, in row order. */
  private void sumChunk(int c, int[] labels) {
    double[] s = sums[c];
    double[] cw = weights[c];
    int[] cm = members[c];
    java.util.Arrays.fill(s, 0.0);
    java.util.Arrays.fill(cw, 0.0);
    java.util.Arrays.fill(cm, 0);
    int d = data.d();
    double[] x = data.x();
    double[] w = data.w();
    int end = ChunkPool.end(c, data.n());
    for (int i = ChunkPool.start(c); i < end; i++) {
      int l = labels[i];
      int xo = i * d;
      int so = l * d;
      if (w == null) {
        for (int j = 0; j < d; j++) {
          s[so + j] += x[xo + j];
        }
        cw[l] += 1.0;
        cm[l]++;
      } else if (w[i] > 0) {
        double wi = w[i];
        for (int j = 0; j < d; j++) {
          s[so + j] = Math.fma(wi, x[xo + j], s[so + j]);
        }
        cw[l] += wi;
        cm[l]++;
      }
      summed[i] = l;
    }
  }

  /**
   * A later step's partials of one chunk: the rows whose label changed, in row order.
   *
   * @return the number of rows moved
   */
  private long moveChanged(int c, int[] labels) {
    long count = 0;
    int end = ChunkPool.end(c, data.n());
    for (int i = ChunkPool.start(c); i < end; i++) {
      int to = labels[i];
      int from = summed[i];
      if (to != from) {
        move(c, i, from, to);
        count++;
      }
    }
    return count;
  }

  /** Moves row i of chunk c from cluster {@code from} to {@code to} in the chunk's partials. */
  private void move(int c, int i, int from, int to) {
    move(c, i, from, to, data.x(), i * data.d(), 1);
  }

  /** Moves row i, its coordinate j read at {@code x[xo + j stride]}. */
  private void move(int c, int i, int from, int to, double[] x, int xo, int stride) {
    summed[i] = to;
    double wi = data.weight(i);
    if (!(wi > 0)) {
      return;
    }
    double[] s = sums[c];
    double[] cw = weights[c];
    int[] cm = members[c];
    int d = data.d();
    if (--cm[from] == 0) {
      java.util.Arrays.fill(s, from * d, from * d + d, 0.0);
      cw[from] = 0;
    } else if (data.w() == null) {
      for (int j = 0; j < d; j++) {
        s[from * d + j] -= x[xo + j * stride];
      }
      cw[from] -= 1.0;
    } else {
      for (int j = 0; j < d; j++) {
        s[from * d + j] = Math.fma(-wi, x[xo + j * stride], s[from * d + j]);
      }
      cw[from] -= wi;
    }
    if (data.w() == null) {
      for (int j = 0; j < d; j++) {
        s[to * d + j] += x[xo + j * stride];
      }
    } else {
      for (int j = 0; j < d; j++) {
        s[to * d + j] = Math.fma(wi, x[xo + j * stride], s[to * d + j]);
      }
    }
    cw[to] += wi;
    cm[to]++;
  }

  private int[] relocateEmpty(
      int[] labels, double[] centres, double[] total, double[] weight, int[] count) {
    int empty = 0;
    for (int m = 0; m < k; m++) {
      if (count[m] == 0) {
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
    int done = 0;
    for (int m = 0; m < k; m++) {
      if (count[m] > 0) {
        continue;
      }
      int best = -1;
      for (int i = 0; i < n; i++) {
        if (far[i] >= 0 && count[labels[i]] > 1 && (best < 0 || far[i] > far[best])) {
          best = i;
        }
      }
      if (best < 0) {
        throw new IllegalStateException(
            "cluster " + m + " is empty and no point can be moved into it");
      }
      int from = labels[best];
      move(best / ChunkPool.CHUNK_ROWS, best, from, m);
      double wi = data.weight(best);
      for (int j = 0; j < d; j++) {
        total[from * d + j] -= wi * x[best * d + j];
        total[m * d + j] = wi * x[best * d + j];
      }
      weight[from] -= wi;
      weight[m] = wi;
      count[from]--;
      count[m] = 1;
      labels[best] = m;
      far[best] = -1;
      moved[done++] = best;
    }
    return moved;
  }
}
