package dev.niche.valuechain.internal;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** The spectral radius of a square matrix from all its eigenvalues (EJML, O(n&sup3;)). */
public final class SpectralRadius {

  private SpectralRadius() {}

  /**
   * Computes max |&lambda;<sub>i</sub>|.
   *
   * @param m the matrix, row-major (not modified)
   * @param n the order
   * @return the spectral radius, or NaN if the eigenvalue iteration fails
   */
  public static double of(double[] m, int n) {
    DMatrixRMaj a = new DMatrixRMaj(n, n);
    System.arraycopy(m, 0, a.data, 0, n * n);
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
    if (!eig.decompose(a)) {
      return Double.NaN;
    }
    double r = 0;
    for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
      r = Math.max(r, eig.getEigenvalue(i).getMagnitude());
    }
    return r;
  }
}
