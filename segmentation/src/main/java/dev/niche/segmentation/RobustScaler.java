package dev.niche.segmentation;

import dev.niche.core.Checks;
import dev.niche.segmentation.internal.Rows;
import java.util.Arrays;

/**
 * Robust scaling z = (x - median) / IQR per feature, where the quartiles use linear interpolation
 * between order statistics (Hyndman and Fan 1996 type 7; R's {@code quantile} default and NumPy's
 * {@code percentile}, as in scikit-learn's {@code RobustScaler}); a feature with zero IQR gets scale
 * 1. The fitted medians and scales are remembered and applied to new data. Immutable and
 * thread-safe.
 */
public final class RobustScaler {

  private final double[] medians;
  private final double[] scales;

  private RobustScaler(double[] medians, double[] scales) {
    this.medians = medians;
    this.scales = scales;
  }

  /**
   * Learns the medians and interquartile ranges of the columns.
   *
   * @param data n rows of d finite values
   * @return the fitted scaler
   * @throws NullPointerException if {@code data} is null
   * @throws IllegalArgumentException if the data are empty, ragged, not finite or beyond
   *     &plusmn;{@link KMeans#MAX_MAGNITUDE}
   */
  public static RobustScaler fit(double[][] data) {
    int d = Rows.checkRows(data, "data");
    double[] med = new double[d];
    double[] scale = new double[d];
    double[] col = new double[data.length];
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < data.length; i++) {
        col[i] = data[i][j];
      }
      Arrays.sort(col);
      med[j] = quantile(col, 0.5);
      double iqr = quantile(col, 0.75) - quantile(col, 0.25);
      scale[j] = iqr > 0 ? iqr : 1.0;
    }
    return new RobustScaler(med, scale);
  }

  /** Type-7 quantile of sorted values. */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * Scales rows with the fitted parameters.
   *
   * @param data rows of the fitted dimension
   * @return new scaled rows
   * @throws NullPointerException if {@code data} is null
   * @throws IllegalArgumentException if the rows are empty, ragged, not finite, beyond
   *     &plusmn;{@link KMeans#MAX_MAGNITUDE} or of another dimension, or a scaled value overflows
   *     (a value extremely far from the centre of a feature with a tiny scale)
   */
  public double[][] transform(double[][] data) {
    int d = Rows.checkRows(data, "data");
    Checks.sameLength(d, "data[0]", medians.length, "the fitted dimension");
    double[][] out = new double[data.length][d];
    for (int i = 0; i < data.length; i++) {
      for (int j = 0; j < d; j++) {
        double z = (data[i][j] - medians[j]) / scales[j];
        Checks.element(Double.isFinite(z), "data", i, j, data[i][j],
            "is too far from the fitted centre for the fitted scale " + scales[j]
                + ": the scaled value overflows");
        out[i][j] = z;
      }
    }
    return out;
  }

  /**
   * Maps scaled rows back to the original units.
   *
   * @param data scaled rows
   * @return new rows in original units
   * @throws NullPointerException if {@code data} is null
   * @throws IllegalArgumentException if the rows are empty, ragged, not finite, beyond
   *     &plusmn;{@link KMeans#MAX_MAGNITUDE} or of another dimension
   */
  public double[][] inverseTransform(double[][] data) {
    int d = Rows.checkRows(data, "data");
    Checks.sameLength(d, "data[0]", medians.length, "the fitted dimension");
    double[][] out = new double[data.length][d];
    for (int i = 0; i < data.length; i++) {
      for (int j = 0; j < d; j++) {
        out[i][j] = data[i][j] * scales[j] + medians[j];
      }
    }
    return out;
  }

  /**
   * The fitted medians.
   *
   * @return a copy
   */
  public double[] medians() {
    return medians.clone();
  }

  /**
   * The fitted scales (interquartile ranges; 1 where the IQR is 0).
   *
   * @return a copy
   */
  public double[] scales() {
    return scales.clone();
  }
}
