package dev.niche.segmentation.internal;

/**
 * One worker's buffers for {@link LloydAssigner}'s E-step: the block of rows in columns, the
 * kernel that scores it (with its own copy of the centres) and the block's labels and distances.
 * The assigner keeps one per worker of its {@link ChunkPool} (see
 * {@link ChunkPool#forEach(int, ChunkPool.ChunkTask)}) for the whole fit instead of allocating
 * them per chunk and pass; every value read from them was written for the current block, and the
 * kernel takes the centres of each pass before its first block, so reuse cannot change a result.
 * Not thread-safe: one worker at a time.
 */
final class LloydBuffers {

  /** The block's rows, coordinate by coordinate (padded for {@link #canonical}). */
  final TransposedRows block;
  /** The screened kernel (from {@link LloydAssigner#TILED_MIN_DIMENSION} coordinates), or null. */
  final NearestCentres kernel;
  /** The canonical kernel (below {@link LloydAssigner#TILED_MIN_DIMENSION}), or null. */
  final CanonicalNearest canonical;
  /** The centres padded to the Vector API kernel's width ({@link SimdNearest} only), or null. */
  final double[] paddedCentres;
  /** The nearest centre of each of the block's rows, as a double ({@link SimdNearest} only). */
  final double[] index;
  /** Scratch for {@link NearestCentres#nearestExactly}. */
  final double[] scratch;
  /** Canonical distances of the block's rows to their nearest centres (screened kernel). */
  final double[] best;
  /** Nearest centre of each of the block's rows. */
  final int[] nearest = new int[TransposedRows.CAPACITY];
  /** The pass whose centres the kernel holds (0: none yet). */
  int pass;
  /** Labels changed so far in the current chunk. */
  long changed;

  private final int k;
  private final int d;

  private LloydBuffers(int k, int d, boolean tiled, boolean simd) {
    this.k = k;
    this.d = d;
    boolean canonicalKernel = !tiled && !simd;
    this.block = simd ? null : new TransposedRows(d, tiled ? d : CanonicalNearest.width(d));
    this.kernel = tiled ? new NearestCentres(k, d) : null;
    this.canonical = canonicalKernel ? new CanonicalNearest(k, d) : null;
    this.scratch = tiled ? new double[Math.max(k, TransposedRows.CAPACITY)] : null;
    this.best = canonicalKernel ? canonical.distances() : new double[TransposedRows.CAPACITY];
    this.paddedCentres = simd ? new double[k * CanonicalNearest.width(d)] : null;
    this.index = simd ? new double[TransposedRows.CAPACITY] : null;
  }

  /**
   * The worker's buffers, made on its first use.
   *
   * @param slots one slot per worker
   * @param worker the worker's index
   * @param k number of centres
   * @param d dimension
   * @param tiled whether the E-step uses the screened kernel
   * @param simd whether it uses the Vector API kernel ({@link SimdNearest}) instead (the
   *     assigner holds the kernel: it is stateless)
   * @return the worker's buffers
   */
  static LloydBuffers of(
      LloydBuffers[] slots, int worker, int k, int d, boolean tiled, boolean simd) {
    LloydBuffers b = slots[worker];
    if (b == null) {
      b = new LloydBuffers(k, d, tiled, simd);
      slots[worker] = b;
    }
    return b;
  }

  /**
   * Gives the kernel the centres of a pass, once per pass.
   *
   * @param centres flat centres
   * @param pass the pass's number (from 1)
   */
  void takeCentres(double[] centres, int pass) {
    if (this.pass != pass) {
      if (kernel != null) {
        kernel.setCentres(centres);
      } else if (paddedCentres != null) {
        CanonicalNearest.pad(centres, k, d, paddedCentres);
      } else {
        canonical.setCentres(centres);
      }
      this.pass = pass;
    }
  }
}
