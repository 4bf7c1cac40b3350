package dev.niche.segmentation.internal;

/**
 * Lloyd's E-step: every row against every centre (n k d multiply-adds per pass). Rows go through
 * {@link TransposedRows} blocks; from {@link #TILED_MIN_DIMENSION} coordinates on, a block is
 * scored by {@link NearestCentres}' register-tiled SIMD kernel, whose screened answer is confirmed
 * to be the canonical nearest centre, and below it {@link CanonicalNearest} computes the canonical
 * distances and the lowest index at their minimum. Either way the labels are
 * the canonical nearest centres ({@link SquaredDistance}'s order, lowest index on ties), so they
 * match the bounded algorithms' to the bit, and the inertia sums the canonical distances to them,
 * per chunk in row order.
 *
 * <p>Each worker of the pool keeps its block, kernel and label buffers ({@link LloydBuffers}) for
 * the whole fit, so a pass allocates nothing per chunk; the work on one block is a method of its
 * own, called n / 128 times per pass, so that C2 compiles it early and whole rather than through
 * on-stack replacement of a loop in a task called only n / 4096 times per pass.
 */
public final class LloydAssigner implements Assigner {

  /**
   * Smallest dimension from which the E-step uses {@link NearestCentres}' tiled kernel: its
   * per-centre selection costs about as much as 12-16 coordinates of scoring, so below about 32
   * coordinates the canonical distance loop is as fast (measured at d = 8, 16 and 64).
   */
  public static final int TILED_MIN_DIMENSION = 32;

  private final Dataset data;
  private final int k;
  private final long[] changes;
  private final double[] inertias;
  private final boolean tiled;
  /** The Vector API kernel that passes run on {@link #columns}, or null (stateless, shared). */
  private final SimdNearest simd;
  private ColumnBlockedRows columns;
  private LloydBuffers[] buffers = new LloydBuffers[1];
  private int passes;
  private double inertia = Double.NaN;
  private CentroidUpdate update;

  /**
   * An assigner.
   *
   * @param data the data
   * @param k number of clusters
   */
  public LloydAssigner(Dataset data, int k) {
    this(data, k, false);
  }

  LloydAssigner(Dataset data, int k, boolean simd) {
    this(data, k, simd ? SimdNearest.forWidth(k, CanonicalNearest.width(data.d())) : null);
  }

  private LloydAssigner(Dataset data, int k, SimdNearest simd) {
    this.data = data;
    this.k = k;
    this.changes = new long[ChunkPool.chunks(data.n())];
    this.inertias = new double[changes.length];
    this.tiled = data.d() >= TILED_MIN_DIMENSION;
    this.simd = simd;
  }

  /**
   * An assigner for the iterations of a fit (many passes over the same rows). Up to
   * {@link CanonicalNearest#FUSED_MAX_WIDTH} coordinates, when the JVM resolves the Vector API
   * ({@link SimdNearest#available}), it copies the rows once into {@link ColumnBlockedRows} (n d
   * doubles more) on its first pass and runs {@link SimdNearest} on them; otherwise it is
   * {@link #LloydAssigner(Dataset, int)}. Same labels and inertia to the bit either way.
   *
   * @param data the data
   * @param k number of clusters
   * @return the assigner
   */
  public static LloydAssigner forIterations(Dataset data, int k) {
    int width = CanonicalNearest.width(data.d());
    boolean fits =
        width <= CanonicalNearest.FUSED_MAX_WIDTH && ColumnBlockedRows.fits(data.n(), width);
    return new LloydAssigner(data, k, fits ? SimdNearest.forWidth(k, width) : null);
  }

  @Override
  public double inertia() {
    return inertia;
  }

  @Override
  public void moveRowsIn(CentroidUpdate update) {
    this.update = update;
  }

  @Override
  public void start(double[] centres, int[] labels, double[] seedD2, ChunkPool pool) {
    if (seedD2 == null) {
      java.util.Arrays.fill(labels, -1);
      pass(centres, labels, pool);
    } else {
      // The start's distances are canonical: its inertia needs no pass over the rows.
      inertia = Inertia.ofDistances(data, seedD2, pool);
    }
  }

  @Override
  public long assign(
      double[] oldCentres, double[] centres, int[] labels, int[] relocated, ChunkPool pool) {
    return pass(centres, labels, pool);
  }

  private long pass(double[] centres, int[] labels, ChunkPool pool) {
    if (buffers.length < pool.threads()) {
      buffers = java.util.Arrays.copyOf(buffers, pool.threads());
    }
    int pass = ++passes;
    if (simd != null && columns == null) {
      columns = data.columnBlocked(pool);
    }
    pool.forEach(changes.length, (c, worker) -> chunk(c, worker, pass, centres, labels));
    long total = 0;
    for (long v : changes) {
      total += v;
    }
    double sum = 0;
    for (double v : inertias) {
      sum += v;
    }
    inertia = sum;
    return total;
  }

  /**
   * Assigns one chunk's rows block by block, summing their weighted canonical distances in row
   * order. Only a loop over {@link #canonicalBlock} or {@link #tiledBlock}: those are called n /
   * 128 times per pass, so C2 compiles them early and whole (see the package comment).
   */
  private void chunk(int c, int worker, int pass, double[] centres, int[] labels) {
    LloydBuffers b = LloydBuffers.of(buffers, worker, k, data.d(), tiled, simd != null);
    b.takeCentres(centres, pass);
    b.changed = 0;
    double sum = 0;
    int end = ChunkPool.end(c, data.n());
    for (int first = ChunkPool.start(c); first < end; first += TransposedRows.CAPACITY) {
      int size = Math.min(TransposedRows.CAPACITY, end - first);
      if (tiled) {
        sum = tiledBlock(b, centres, labels, first, size, sum);
      } else if (simd != null) {
        sum = simdBlock(b, labels, first, size, sum);
      } else {
        sum = canonicalBlock(b, labels, first, size, sum);
      }
    }
    changes[c] = b.changed;
    inertias[c] = sum;
  }

  /**
   * One block below {@link #TILED_MIN_DIMENSION}: {@link CanonicalNearest}'s labels and distances.
   *
   * @return {@code sum} plus the block's weighted distances, added in row order
   */
  private double canonicalBlock(
      LloydBuffers b, int[] labels, int first, int size, double sum) {
    b.block.loadRange(data.x(), first, size);
    b.canonical.nearest(b.block);
    int[] nearest = b.nearest;
    for (int q = 0; q < size; q++) {
      nearest[q] = b.canonical.label(q);
    }
    relabel(b, labels, first, size);
    return addWeighted(b.best, first, size, sum);
  }

  /**
   * One block of {@link #columns} through {@link SimdNearest}: the same labels and distances as
   * {@link #canonicalBlock}. The kernel flags the groups of four rows whose nearest centre is not
   * their label; only those are relabelled, their changed rows moved from the copy the kernel
   * just read.
   *
   * @return {@code sum} plus the block's weighted distances, added in row order
   */
  private double simdBlock(LloydBuffers b, int[] labels, int first, int size, double sum) {
    double[] values = columns.values();
    int base = columns.offset(first);
    int groups = simd.nearest(values, base, size, b.paddedCentres, labels, first, b.best,
        b.index);
    double[] index = b.index;
    long changed = 0;
    for (; groups != 0; groups &= groups - 1) {
      int from = Integer.numberOfTrailingZeros(groups) * 4;
      int to = Math.min(from + 4, size);
      for (int q = from; q < to; q++) {
        changed += relabel(labels, first + q, (int) index[q], values, base + q,
            ColumnBlockedRows.BLOCK);
      }
    }
    b.changed += changed;
    return addWeighted(b.best, first, size, sum);
  }

  /**
   * One block from {@link #TILED_MIN_DIMENSION} on: {@link NearestCentres}' screened labels, rows
   * it cannot decide computed exactly, then the canonical distances to the chosen centres.
   *
   * @return {@code sum} plus the block's weighted distances, added in row order
   */
  private double tiledBlock(
      LloydBuffers b, double[] centres, int[] labels, int first, int size, double sum) {
    double[] x = data.x();
    int d = data.d();
    b.block.loadRange(x, first, size);
    NearestCentres kernel = b.kernel;
    kernel.score(b.block);
    int[] nearest = b.nearest;
    for (int q = 0; q < size; q++) {
      int m = kernel.nearest(q);
      nearest[q] = m >= 0 ? m : kernel.nearestExactly(x, (first + q) * d, centres, b.scratch);
    }
    relabel(b, labels, first, size);
    // The canonical distances to the chosen centres, in row order.
    SquaredDistance.toAssigned(x, first, size, d, centres, labels, b.best);
    return addWeighted(b.best, first, size, sum);
  }

  /** Writes the block's new labels, counting changes and moving changed rows in the M-step. */
  private void relabel(LloydBuffers b, int[] labels, int first, int size) {
    int d = data.d();
    double[] x = data.x();
    int[] nearest = b.nearest;
    long changed = 0;
    for (int q = 0; q < size; q++) {
      changed += relabel(labels, first + q, nearest[q], x, (first + q) * d, 1);
    }
    b.changed += changed;
  }

  /**
   * Gives row i the label {@code to}; when that changes it, moves the row in the M-step's
   * partials ({@link CentroidUpdate#moveNow(int, int, int, double[], int, int)}), its coordinate
   * j read at {@code values[offset + j stride]}: the copy the kernel just read, still in cache.
   *
   * @return 1 if the label changed, else 0
   */
  private int relabel(int[] labels, int i, int to, double[] values, int offset, int stride) {
    int from = labels[i];
    if (from == to) {
      return 0;
    }
    labels[i] = to;
    if (update != null) {
      update.moveNow(i, from, to, values, offset, stride);
    }
    return 1;
  }

  /** {@code sum} plus the weighted distances of rows {@code [first, first + size)}, in order. */
  private double addWeighted(double[] dist, int first, int size, double sum) {
    double[] w = data.w();
    double s = sum;
    for (int q = 0; q < size; q++) {
      s += (w == null ? 1.0 : w[first + q]) * dist[q];
    }
    return s;
  }
}
