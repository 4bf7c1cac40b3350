package dev.niche.segmentation.internal;

import dev.niche.core.Checks;
import dev.niche.segmentation.KMeans;

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
    int d = checkRows(rows, name);
    double[] flat = new double[Math.multiplyExact(rows.length, d)];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * d, d);
    }
    return flat;
  }

  /**
   * Validates rows without copying them: non-empty, rectangular, finite and within
   * {@link KMeans#MAX_MAGNITUDE}.
   *
   * @param rows the rows
   * @param name argument name for messages
   * @return the number of columns
   */
  public static int checkRows(double[][] rows, String name) {
    int d = Checks.rectangular(rows, name);
    for (int i = 0; i < rows.length; i++) {
      double[] row = rows[i];
      for (int j = 0; j < d; j++) {
        Checks.element(Math.abs(row[j]) <= KMeans.MAX_MAGNITUDE, name, i, j, row[j], MAGNITUDE);
      }
    }
    return d;
  }

  /** The requirement of {@link KMeans#MAX_MAGNITUDE}, for messages. */
  private static final String MAGNITUDE =
      "must be within +-" + KMeans.MAX_MAGNITUDE + " (segmentation's limit, so that squared"
          + " distances and sums cannot overflow)";

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
    Checks.argument(flat.length % dimension == 0, () -> name + " has length " + flat.length
        + ", not a multiple of dimension = " + dimension);
    for (int t = 0; t < flat.length; t++) {
      if (!(Math.abs(flat[t]) <= KMeans.MAX_MAGNITUDE)) {
        throw Checks.rejected(
            name + "[" + t + "] (row " + t / dimension + ", column " + t % dimension + ") = "
                + flat[t] + " " + (Double.isFinite(flat[t]) ? MAGNITUDE : "must be finite"));
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
    checkWeights(weights, "weights");
    Checks.sameLength(weights.length, "weights", n, "data rows");
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    Checks.argument(total > 0, "weights sum to " + total + "; at least one must be > 0");
    return weights;
  }

  /**
   * Validates sample weights: non-empty, finite, each 0 or in
   * [{@link KMeans#MIN_POSITIVE_WEIGHT}, {@link KMeans#MAX_MAGNITUDE}].
   *
   * @param weights the weights (not copied)
   * @param name argument name for messages
   * @return the weights
   */
  public static double[] checkWeights(double[] weights, String name) {
    Checks.nonNegative(weights, name);
    for (int i = 0; i < weights.length; i++) {
      double w = weights[i];
      Checks.element(w == 0 || (w >= KMeans.MIN_POSITIVE_WEIGHT && w <= KMeans.MAX_MAGNITUDE),
          name, i, w, "must be 0 or in [" + KMeans.MIN_POSITIVE_WEIGHT + ", "
              + KMeans.MAX_MAGNITUDE + "] (k-means' limits, so that weighted sums and their"
              + " reciprocals stay finite)");
    }
    return weights;
  }

  /**
   * Validates one row: non-empty, finite and within {@link KMeans#MAX_MAGNITUDE}.
   *
   * @param values the row (not copied)
   * @param name argument name for messages
   * @return the row
   */
  public static double[] checkValues(double[] values, String name) {
    Checks.finite(values, name);
    for (int j = 0; j < values.length; j++) {
      Checks.element(Math.abs(values[j]) <= KMeans.MAX_MAGNITUDE, name, j, values[j], MAGNITUDE);
    }
    return values;
  }
}
