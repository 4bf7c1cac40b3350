package dev.niche.ecology.internal;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Small dense linear algebra on row-major primitive arrays. */
public final class DenseLinearAlgebra {

  private DenseLinearAlgebra() {}

  /**
   * Solves {@code M x = b} by Gaussian elimination with partial pivoting (LU).
   *
   * @param matrix the {@code m × m} matrix, row-major; not modified
   * @param m the order
   * @param rhs the right-hand side; not modified
   * @return the solution, or null when the matrix is numerically singular (a pivot below
   *     {@code m·1e-13·max|M_ij|})
   */
  public static double[] solve(double[] matrix, int m, double[] rhs) {
    double[] lu = new double[m * m];
    System.arraycopy(matrix, 0, lu, 0, m * m);
    double[] x = new double[m];
    System.arraycopy(rhs, 0, x, 0, m);
    double max = 0;
    for (double v : lu) {
      max = Math.max(max, Math.abs(v));
    }
    double tiny = m * 1e-13 * max;
    if (max == 0) {
      return null;
    }
    for (int c = 0; c < m; c++) {
      int p = c;
      for (int i = c + 1; i < m; i++) {
        if (Math.abs(lu[i * m + c]) > Math.abs(lu[p * m + c])) {
          p = i;
        }
      }
      if (Math.abs(lu[p * m + c]) <= tiny) {
        return null;
      }
      if (p != c) {
        for (int j = 0; j < m; j++) {
          double t = lu[c * m + j];
          lu[c * m + j] = lu[p * m + j];
          lu[p * m + j] = t;
        }
        double t = x[c];
        x[c] = x[p];
        x[p] = t;
      }
      double pivot = lu[c * m + c];
      for (int i = c + 1; i < m; i++) {
        double f = lu[i * m + c] / pivot;
        if (f != 0) {
          for (int j = c + 1; j < m; j++) {
            lu[i * m + j] -= f * lu[c * m + j];
          }
          x[i] -= f * x[c];
        }
      }
    }
    for (int i = m - 1; i >= 0; i--) {
      double s = x[i];
      for (int j = i + 1; j < m; j++) {
        s -= lu[i * m + j] * x[j];
      }
      x[i] = s / lu[i * m + i];
    }
    return x;
  }

  /**
   * Eigenvalues of a general (non-symmetric) real matrix by EJML's Hessenberg QR algorithm.
   *
   * @param matrix the {@code m × m} matrix, row-major; not modified
   * @param m the order
   * @return pairs {@code {real, imaginary}} sorted by decreasing real part, or null when the
   *     decomposition fails to converge
   */
  public static List<double[]> eigenvalues(double[] matrix, int m) {
    DMatrixRMaj dm = new DMatrixRMaj(m, m);
    System.arraycopy(matrix, 0, dm.data, 0, m * m);
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, false);
    if (!eig.decompose(dm)) {
      return null;
    }
    List<double[]> out = new ArrayList<>(m);
    for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
      Complex_F64 c = eig.getEigenvalue(i);
      out.add(new double[] {c.real, c.imaginary});
    }
    out.sort((p, q) -> q[0] != p[0] ? Double.compare(q[0], p[0]) : Double.compare(q[1], p[1]));
    return out;
  }
}
