package dev.niche.segmentation;

/**
 * The exact k-means iteration. All of them give the same labels and centroids from the same start
 * (they differ only in how many distances they skip by the triangle inequality).
 */
public enum KMeansAlgorithm {
  /** Lloyd's algorithm: n k d multiply-adds per iteration, no extra memory. */
  LLOYD,
  /**
   * Hamerly (SDM 2010): one lower bound per row (8 bytes per row; the distance to the own
   * centre is computed at every step); best for low to moderate dimension.
   */
  HAMERLY,
  /**
   * Elkan (ICML 2003): k lower bounds per row (8 k bytes per row; the distance to the own centre
   * is computed at every step); best for high dimension with few clusters.
   */
  ELKAN,
  /**
   * Chooses for the data: LLOYD when k &lt;= 8 (a SIMD pass over a few centres costs no more than
   * keeping bounds); ELKAN when d &gt;= 50 and n k &lt;= 2^24 (so its bounds fit in 128 MiB);
   * HAMERLY otherwise.
   */
  AUTO
}
