package dev.niche.segmentation.internal;

/**
 * The k-means++ start's trials on the JDK's Vector API, for up to
 * {@link CanonicalNearest#FUSED_MAX_WIDTH} coordinates: for every row of one block of
 * {@link ColumnBlockedRows} and every trial centre, the row's nearest squared distance capped by
 * the trial, {@code min(D(x)^2, d(x, trial)^2)}, and each trial's weighted block sum in
 * {@link WeightedSum}'s order. The distances are {@link SquaredDistance}'s (the canonical fma
 * chain; padded coordinates add {@code fma(0, 0, s) = s}), so {@link RowSeeding} gets the bits its
 * scalar path computes. Available under the same conditions as {@link SimdNearest}.
 */
interface SimdTrials {

  /**
   * A kernel for trials of {@code width} padded coordinates (4 or 8), or null when the Vector
   * API is not available or the processor has no 256-bit vectors.
   *
   * @param width padded coordinates, 4 or 8
   * @return the kernel, or null
   */
  static SimdTrials forWidth(int width) {
    return SimdNearest.available() ? VectorApiTrials.create(width) : null;
  }

  /**
   * Caps one block's nearest squared distances by every trial.
   *
   * @param blocks the column-blocked rows ({@link ColumnBlockedRows#values})
   * @param base offset of the block ({@link ColumnBlockedRows#offset})
   * @param size rows of the block, at most {@link ColumnBlockedRows#BLOCK}
   * @param trials the trial centres, {@code width} coordinates each, padding zero
   * @param count number of trials
   * @param bound every row's nearest squared distance D(x)^2, the block's first row at
   *     {@code bound[first]}
   * @param w every row's weight, or null for unit weights
   * @param first the block's first row
   * @param capped receives row q's capped distance for trial t at
   *     {@code capped[offset + t stride + q]}
   * @param offset where the block's first row goes in {@code capped}
   * @param stride distance between two trials' values in {@code capped}
   * @param sums receives each trial's weighted sum of the block's capped distances, as
   *     {@link WeightedSum#of(double[], int, double[], int, int)} adds them
   * @param lanes scratch of at least {@code 4 count} doubles
   */
  void capped(double[] blocks, int base, int size, double[] trials, int count, double[] bound,
      double[] w, int first, double[] capped, int offset, int stride, double[] sums,
      double[] lanes);
}
