package dev.niche.segmentation.internal;

import dev.niche.core.Checks;

/** Validating one-copy conversion of caller data to flat row-major arrays. */
public final class Rows {

  private Rows() {}

  /**
   * Validates and copies rows into one flat array (the only copy made).
   *
   * @param rows the rows
   * @param name argument name for messages
   * @return the flat copy
   */
  public static double[] flatten(double[][] rows, String name) {
    int d = Checks.rectangular(rows, name);
    double[] flat = new double[Math.multiplyExact(rows.length, d)];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * d, d);
    }
    return flat;
  }

  /**
   * Validates and copies a flat row-major array.
   *
   * @param flat the values
   * @param dimension values per row
   * @param name argument name for messages
   * @return the copy
   */
  public static double[] copyFlat(double[] flat, int dimension, String name) {
    checkFlat(flat, dimension, name);
    return flat.clone();
  }

  /**
   * Validates a flat row-major array without copying it.
   *
   * @param flat the values
   * @param dimension values per row
   * @param name argument name for messages
   */
  public static void checkFlat(double[] flat, int dimension, String name) {
    Checks.nonEmpty(flat, name);
    Checks.positive(dimension, "dimension");
    if (flat.length % dimension != 0) {
      throw new IllegalArgumentException(
          name + " has length " + flat.length + ", not a multiple of dimension = " + dimension);
    }
    for (int t = 0; t < flat.length; t++) {
      if (!Double.isFinite(flat[t])) {
        throw new IllegalArgumentException(
            name + "[" + t + "] (row " + t / dimension + ", column " + t % dimension + ") = "
                + flat[t] + " must be finite");
      }
    }
  }

  /**
   * Validates sample weights for n rows.
   *
   * @param weights the weights (already copied)
   * @param n rows
   * @return the weights
   */
  public static double[] weights(double[] weights, int n) {
    if (weights == null) {
      return null;
    }
    Checks.nonNegative(weights, "weights");
    Checks.sameLength(weights.length, "weights", n, "data rows");
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    Checks.argument(total > 0, "weights sum to " + total + "; at least one must be > 0");
    return weights;
  }
}
