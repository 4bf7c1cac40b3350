package dev.niche.segmentation;

/**
 * The exact k-means iteration. All of them give the same labels, centroids and iteration counts
 * from the same start (they differ only in how many distances they skip by the triangle
 * inequality), and each gives the same model, inertia and history included, for any number of
 * threads.
 */
public enum KMeansAlgorithm {
  /** Lloyd's algorithm: n k d multiply-adds per iteration, no extra memory. */
  LLOYD,
  /**
   * Hamerly (SDM 2010): an upper and a lower bound per row (16 bytes per row); a step reads only
   * the rows its bounds cannot settle. Its inertia and history are carried from step to step
   * (König–Huygens plus the change of every relabelled row) rather than summed over every row:
   * they agree with LLOYD's and ELKAN's direct sums to within 1e-12 relative (so restarts whose
   * inertias are that close may rank differently than under those). Best for low to moderate
   * dimension.
   */
  HAMERLY,
  /**
   * Elkan (ICML 2003): k lower bounds per row (8 k bytes per row; the distance to the own centre
   * is computed at every step); for high dimension with few clusters.
   */
  ELKAN,
  /**
   * Chooses for the data: LLOYD when k &lt;= 8 (a SIMD pass over a few centres costs no more than
   * keeping bounds), HAMERLY otherwise (as fast as ELKAN or faster on every shape measured, with
   * two bounds per row where ELKAN keeps k).
   */
  AUTO
}
