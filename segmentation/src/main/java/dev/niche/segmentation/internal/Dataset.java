package dev.niche.segmentation.internal;

/**
 * Validated data in one flat row-major array, with optional sample weights. Holds references (the
 * public entry points copy the caller's arrays once before building it).
 */
public final class Dataset {
  private final double[] x;
  private final int n;
  private final int d;
  private final double[] w;
  private final boolean spatiallyOrdered;
  /** The rows in column blocks, made by the first {@link #columnBlocked} call (null before). */
  private ColumnBlockedRows columns;

  /**
   * Wraps validated arrays.
   *
   * @param x the rows, {@code n * d} values, row-major
   * @param n number of rows
   * @param d dimension
   * @param w sample weights, or {@code null} for unit weights
   */
  public Dataset(double[] x, int n, int d, double[] w) {
    this(x, n, d, w, false);
  }

  /**
   * Wraps validated arrays, saying whether the rows are in {@link SpatialOrder}.
   *
   * @param x the rows, {@code n * d} values, row-major
   * @param n number of rows
   * @param d dimension
   * @param w sample weights, or {@code null} for unit weights
   * @param spatiallyOrdered whether neighbouring rows lie close together
   */
  public Dataset(double[] x, int n, int d, double[] w, boolean spatiallyOrdered) {
    this.x = x;
    this.n = n;
    this.d = d;
    this.w = w;
    this.spatiallyOrdered = spatiallyOrdered;
  }

  /**
   * The rows copied into {@link ColumnBlockedRows} ({@link CanonicalNearest#width} columns),
   * made on the first call and kept: the Vector API start ({@link RowSeeding}) and E-step
   * ({@link LloydAssigner}) of every start of a fit read the same copy, n d doubles more memory.
   * Not thread-safe: a fit calls it outside its parallel loops.
   *
   * @param pool the pool that copies the rows
   * @return the copy
   */
  ColumnBlockedRows columnBlocked(ChunkPool pool) {
    if (columns == null) {
      columns = ColumnBlockedRows.of(this, CanonicalNearest.width(d), pool);
    }
    return columns;
  }

  /**
   * Whether the rows are in {@link SpatialOrder}.
   *
   * @return true if neighbouring rows lie close together
   */
  public boolean spatiallyOrdered() {
    return spatiallyOrdered;
  }

  /**
   * The flat rows.
   *
   * @return the shared array (not a copy)
   */
  public double[] x() {
    return x;
  }

  /**
   * Rows.
   *
   * @return n
   */
  public int n() {
    return n;
  }

  /**
   * Dimension.
   *
   * @return d
   */
  public int d() {
    return d;
  }

  /**
   * The weights.
   *
   * @return the shared weights, or null for unit weights
   */
  public double[] w() {
    return w;
  }

  /**
   * Weight of row i.
   *
   * @param i row
   * @return its weight
   */
  public double weight(int i) {
    return w == null ? 1.0 : w[i];
  }

  /**
   * A row drawn with probability proportional to its weight.
   *
   * @param rng the stream
   * @return the row
   */
  public int drawRow(java.util.SplittableRandom rng) {
    if (w == null) {
      return rng.nextInt(n);
    }
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += w[i];
    }
    double r = rng.nextDouble() * total;
    double cum = 0;
    int last = 0;
    for (int i = 0; i < n; i++) {
      double wi = w[i];
      if (wi > 0) {
        cum += wi;
        last = i;
        if (cum > r) {
          return i;
        }
      }
    }
    return last;
  }
}
