package dev.niche.segmentation.internal;

/**
 * The E-step of one exact k-means algorithm: assigns every row to its nearest centre (lowest
 * index on exact ties), possibly skipping distance computations that bounds prove unnecessary.
 * All implementations compute distances in {@link SquaredDistance}'s canonical order (one row at
 * a time, or a block of rows with {@link TransposedRows}, to the same bits) and compare squared
 * distances, so they produce identical labels.
 */
public interface Assigner {

  /**
   * Sets up the first assignment.
   *
   * @param centres the initial centres
   * @param labels the label array (filled here unless {@code seedD2} is given, in which case it
   *     already holds the nearest-centre labels)
   * @param seedD2 squared distances to the labelled (nearest) centres from seeding, or null
   * @param pool the chunk pool
   */
  void start(double[] centres, int[] labels, double[] seedD2, ChunkPool pool);

  /**
   * Re-assigns after the centres moved.
   *
   * @param oldCentres the centres before the M-step
   * @param centres the new centres
   * @param labels the labels (updated in place)
   * @param relocated rows the M-step moved into empty clusters
   * @param pool the chunk pool
   * @return the number of labels that changed
   */
  long assign(
      double[] oldCentres, double[] centres, int[] labels, int[] relocated, ChunkPool pool);

  /**
   * Tells the next {@link #assign} what the M-step knows of the inertia, so that an assigner that
   * skips rows can carry the inertia forward instead of summing it over every row (see
   * {@link HamerlyAssigner}): the current labels' inertia against the centres the next
   * {@link #assign} will receive is {@code inertia - lowering} (Koenig-Huygens, each new centre
   * being its cluster's mean). Only the next {@link #assign} uses it. The default ignores it: the
   * assigner sums the inertia itself.
   *
   * @param inertia the M-step's inertia of the current labels against the old centres (the value
   *     of {@link #inertia()} when it was known, else the M-step's direct sum), or NaN
   * @param lowering {@code sum_m W_m |c'_m - c_m|^2} over the clusters, from old to new centres
   */
  default void carryInertia(double inertia, double lowering) {}

  /**
   * Makes every label change of later {@link #assign} calls move the row in the M-step's
   * partials at once ({@link CentroidUpdate#moveNow}), while the row is in cache, instead of
   * leaving it to the next M-step, which would fetch the row from memory again. The centres stay
   * bit-identical (see {@link CentroidUpdate#moveNow}).
   *
   * @param update the fit's M-step
   */
  void moveRowsIn(CentroidUpdate update);

  /**
   * The inertia of the current labels against the centres of the last E-step, summed exactly as
   * {@link CentroidUpdate} would (per chunk in row order, chunks in order), or carried forward
   * from {@link #carryInertia} (equal to that sum up to rounding, the same bits for any number of
   * threads), or NaN when this assigner does not know it.
   *
   * @return the inertia or NaN
   */
  default double inertia() {
    return Double.NaN;
  }

  /**
   * Relative slack applied to bound tests so that rounding can never make a bound unsafe.
   */
  double SLACK = 1e-10;
}
