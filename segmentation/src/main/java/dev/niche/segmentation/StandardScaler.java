package dev.niche.segmentation;

import dev.niche.core.Checks;
import dev.niche.segmentation.internal.Rows;

/**
 * Standardisation z = (x - mean) / sd per feature, with the population standard deviation
 * (divisor n, as scikit-learn's {@code StandardScaler}); a constant feature gets scale 1 so it maps
 * to 0. The fitted means and scales are remembered and applied to new data. Immutable and
 * thread-safe.
 */
public final class StandardScaler {

  private final double[] means;
  private final double[] scales;

  private StandardScaler(double[] means, double[] scales) {
    this.means = means;
    this.scales = scales;
  }

  /**
   * Learns the means and standard deviations of the columns.
   *
   * @param data n rows of d finite values
   * @return the fitted scaler
   * @throws NullPointerException if {@code data} is null
   * @throws IllegalArgumentException if the data are empty, ragged, not finite or beyond
   *     &plusmn;{@link KMeans#MAX_MAGNITUDE}
   */
  public static StandardScaler fit(double[][] data) {
    int d = Rows.checkRows(data, "data");
    int n = data.length;
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (int j = 0; j < d; j++) {
      double s = 0;
      for (double[] row : data) {
        s += row[j];
      }
      mean[j] = s / n;
      double ss = 0;
      for (double[] row : data) {
        double t = row[j] - mean[j];
        ss += t * t;
      }
      double sd = Math.sqrt(ss / n);
      scale[j] = sd > 0 ? sd : 1.0;
    }
    return new StandardScaler(mean, scale);
  }

  /**
   * Standardises rows with the fitted parameters.
   *
   * @param data rows of the fitted dimension
   * @return new standardised rows
   * @throws NullPointerException if {@code data} is null
   * @throws IllegalArgumentException if the rows are empty, ragged, not finite, beyond
   *     &plusmn;{@link KMeans#MAX_MAGNITUDE} or of another dimension, or a scaled value overflows
   *     (a value extremely far from the mean of a feature with a tiny scale)
   */
  public double[][] transform(double[][] data) {
    int d = Rows.checkRows(data, "data");
    Checks.sameLength(d, "data[0]", means.length, "the fitted dimension");
    double[][] out = new double[data.length][d];
    for (int i = 0; i < data.length; i++) {
      for (int j = 0; j < d; j++) {
        double z = (data[i][j] - means[j]) / scales[j];
        Checks.element(Double.isFinite(z), "data", i, j, data[i][j],
            "is too far from the fitted centre for the fitted scale " + scales[j]
                + ": the scaled value overflows");
        out[i][j] = z;
      }
    }
    return out;
  }

  /**
   * Maps standardised rows back to the original units.
   *
   * @param data standardised rows
   * @return new rows in original units
   * @throws NullPointerException if {@code data} is null
   * @throws IllegalArgumentException if the rows are empty, ragged, not finite, beyond
   *     &plusmn;{@link KMeans#MAX_MAGNITUDE} or of another dimension
   */
  public double[][] inverseTransform(double[][] data) {
    int d = Rows.checkRows(data, "data");
    Checks.sameLength(d, "data[0]", means.length, "the fitted dimension");
    double[][] out = new double[data.length][d];
    for (int i = 0; i < data.length; i++) {
      for (int j = 0; j < d; j++) {
        out[i][j] = data[i][j] * scales[j] + means[j];
      }
    }
    return out;
  }

  /**
   * The fitted column means.
   *
   * @return a copy
   */
  public double[] means() {
    return means.clone();
  }

  /**
   * The fitted scales (population standard deviations; 1 for constant columns).
   *
   * @return a copy
   */
  public double[] scales() {
    return scales.clone();
  }
}
