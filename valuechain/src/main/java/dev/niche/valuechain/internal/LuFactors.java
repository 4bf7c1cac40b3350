package dev.niche.valuechain.internal;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;

/**
 * An immutable LU factorisation with partial pivoting, PM = LU, computed by EJML's
 * {@code LUDecompositionAlt_DDRM} (Crout, as in Numerical Recipes) and kept as plain arrays so that
 * solves are thread-safe: each solve allocates its own work vector and reads shared final arrays.
 */
public final class LuFactors {

  private final int n;
  private final double[] lu; // row-major packed: unit lower below the diagonal, upper on and above
  private final int[] pivot; // row i of PM is row pivot[i] of M

  private LuFactors(int n, double[] lu, int[] pivot) {
    this.n = n;
    this.lu = lu;
    this.pivot = pivot;
  }

  /**
   * Factorises a square matrix given row-major.
   *
   * @param m the matrix (n &times; n, row-major; not modified)
   * @param n the order
   * @return the factors, or null if EJML reports the matrix singular
   */
  public static LuFactors of(double[] m, int n) {
    DMatrixRMaj a = new DMatrixRMaj(n, n);
    System.arraycopy(m, 0, a.data, 0, n * n);
    LUDecompositionAlt_DDRM lu = new LUDecompositionAlt_DDRM();
    if (!lu.decompose(a) || lu.isSingular()) {
      return null;
    }
    int[] piv = lu.getRowPivotV(null);
    double[] packed = lu.getLU().data.clone();
    for (int i = 0; i < n; i++) {
      if (!(Math.abs(packed[i * n + i]) > 0) || !Double.isFinite(packed[i * n + i])) {
        return null;
      }
    }
    return new LuFactors(n, packed, java.util.Arrays.copyOf(piv, n));
  }

  /**
   * The order of the factorised matrix.
   *
   * @return n
   */
  public int order() {
    return n;
  }

  /**
   * Solves M x = b.
   *
   * @param b the right-hand side (not modified)
   * @return x
   */
  public double[] solve(double[] b) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = b[pivot[i]];
    }
    // forward: L y = Pb, unit diagonal
    for (int i = 1; i < n; i++) {
      double s = x[i];
      int row = i * n;
      for (int j = 0; j < i; j++) {
        s -= lu[row + j] * x[j];
      }
      x[i] = s;
    }
    // backward: U x = y
    for (int i = n - 1; i >= 0; i--) {
      double s = x[i];
      int row = i * n;
      for (int j = i + 1; j < n; j++) {
        s -= lu[row + j] * x[j];
      }
      x[i] = s / lu[row + i];
    }
    return x;
  }

  /**
   * Solves M<sup>T</sup> x = b, i.e. x<sup>T</sup> M = b<sup>T</sup>.
   *
   * @param b the right-hand side (not modified)
   * @return x
   */
  public double[] solveTransposed(double[] b) {
    // M^T = U^T L^T P: solve U^T w = b (forward), L^T z = w (backward, unit), x = P^T z.
    double[] w = b.clone();
    for (int j = 0; j < n; j++) {
      double s = w[j];
      for (int i = 0; i < j; i++) {
        s -= lu[i * n + j] * w[i];
      }
      w[j] = s / lu[j * n + j];
    }
    for (int j = n - 2; j >= 0; j--) {
      double s = w[j];
      for (int i = j + 1; i < n; i++) {
        s -= lu[i * n + j] * w[i];
      }
      w[j] = s;
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[pivot[i]] = w[i];
    }
    return x;
  }

  /**
   * The inverse M<sup>&minus;1</sup>, by n solves against the identity (row-major result).
   *
   * @return the inverse, n &times; n row-major
   */
  public double[] inverse() {
    double[] inv = new double[n * n];
    double[] e = new double[n];
    for (int j = 0; j < n; j++) {
      e[j] = 1;
      double[] col = solve(e);
      e[j] = 0;
      for (int i = 0; i < n; i++) {
        inv[i * n + j] = col[i];
      }
    }
    return inv;
  }
}
