package dev.niche.segmentation;

import dev.niche.core.Checks;

/**
 * The log transform log1p(x) = ln(1 + x) for skewed non-negative features such as frequency and
 * spend (exact near 0, unlike ln(1 + x) computed naively), and its inverse expm1. Stateless.
 */
public final class LogTransform {

  private LogTransform() {}

  /**
   * Applies log1p to the chosen columns (all columns when none are given).
   *
   * @param data the rows (not modified)
   * @param columns column indices to transform
   * @return new rows
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the rows are invalid, a column index is out of range or a
   *     transformed value is &lt;= -1
   */
  public static double[][] log1p(double[][] data, int... columns) {
    int d = Checks.rectangular(data, "data");
    boolean[] on = select(columns, d);
    double[][] out = new double[data.length][];
    for (int i = 0; i < data.length; i++) {
      out[i] = data[i].clone();
      for (int j = 0; j < d; j++) {
        if (on[j]) {
          Checks.element(data[i][j] > -1, "data", i, j, data[i][j], "must be > -1 for log1p");
          out[i][j] = Math.log1p(data[i][j]);
        }
      }
    }
    return out;
  }

  /**
   * Applies expm1 (the inverse of log1p) to the chosen columns (all when none are given).
   *
   * @param data the rows (not modified)
   * @param columns column indices to transform
   * @return new rows
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the rows are invalid, a column index is out of range or
   *     a transformed value exceeds ln(Double.MAX_VALUE) = 709.78... (expm1 would overflow)
   */
  public static double[][] expm1(double[][] data, int... columns) {
    int d = Checks.rectangular(data, "data");
    boolean[] on = select(columns, d);
    double[][] out = new double[data.length][];
    for (int i = 0; i < data.length; i++) {
      out[i] = data[i].clone();
      for (int j = 0; j < d; j++) {
        if (on[j]) {
          double v = Math.expm1(data[i][j]);
          Checks.element(Double.isFinite(v), "data", i, j, data[i][j],
              "must be <= ln(Double.MAX_VALUE) = 709.78...: expm1 overflows");
          out[i][j] = v;
        }
      }
    }
    return out;
  }

  private static boolean[] select(int[] columns, int d) {
    Checks.notNull(columns, "columns");
    boolean[] on = new boolean[d];
    if (columns.length == 0) {
      java.util.Arrays.fill(on, true);
    }
    for (int t = 0; t < columns.length; t++) {
      Checks.argument(columns[t] >= 0 && columns[t] < d,
          "columns[" + t + "] = " + columns[t] + " must be in [0, " + d + ")");
      on[columns[t]] = true;
    }
    return on;
  }
}
