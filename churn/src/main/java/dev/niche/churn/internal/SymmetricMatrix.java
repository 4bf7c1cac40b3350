package dev.niche.churn.internal;

/**
 * Small dense symmetric positive-definite matrices stored row-major in a {@code double[p * p]}:
 * Cholesky factorisation with a rank check, solves and the inverse. Plain loops; {@code p} is the
 * number of covariates (tens at most).
 */
public final class SymmetricMatrix {

  private SymmetricMatrix() {}

  /**
   * Expands a packed upper triangle (by rows) to a full symmetric matrix.
   *
   * @param packed the triangle, length {@code p (p + 1) / 2}
   * @param p the dimension
   * @return the full matrix
   */
  public static double[] unpack(double[] packed, int p) {
    double[] a = new double[p * p];
    int q = 0;
    for (int k = 0; k < p; k++) {
      for (int l = k; l < p; l++, q++) {
        a[k * p + l] = packed[q];
        a[l * p + k] = packed[q];
      }
    }
    return a;
  }

  /**
   * Factorises {@code a = L Lᵀ} in place (the lower triangle receives {@code L}).
   *
   * @param a the matrix, overwritten
   * @param p the dimension
   * @param tolerance a pivot at or below {@code tolerance} times the column's original diagonal
   *     marks the column as linearly dependent on the earlier ones
   * @return -1 if the factorisation succeeded, else the first dependent column; dependent
   *     columns get a zero column in {@code L}, and solves give them zero (as R's
   *     {@code cholesky2}, which lets a Newton step leave such a coefficient where it is)
   */
  public static int cholesky(double[] a, int p, double tolerance) {
    int dependent = -1;
    for (int j = 0; j < p; j++) {
      double original = a[j * p + j];
      double d = original;
      for (int k = 0; k < j; k++) {
        d -= a[j * p + k] * a[j * p + k];
      }
      if (!(d > tolerance * Math.abs(original)) || !(d > 0)) {
        if (dependent < 0) {
          dependent = j;
        }
        for (int i = j; i < p; i++) {
          a[i * p + j] = 0;
        }
        continue;
      }
      double l = Math.sqrt(d);
      a[j * p + j] = l;
      for (int i = j + 1; i < p; i++) {
        double s = a[i * p + j];
        for (int k = 0; k < j; k++) {
          s -= a[i * p + k] * a[j * p + k];
        }
        a[i * p + j] = s / l;
      }
    }
    return dependent;
  }

  /**
   * Solves {@code L Lᵀ y = b} in place.
   *
   * @param l a factor from {@link #cholesky(double[], int, double)}
   * @param p the dimension
   * @param b the right-hand side, overwritten with the solution
   */
  public static void solve(double[] l, int p, double[] b) {
    for (int i = 0; i < p; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i * p + k] * b[k];
      }
      b[i] = l[i * p + i] == 0 ? 0 : s / l[i * p + i];
    }
    for (int i = p - 1; i >= 0; i--) {
      double s = b[i];
      for (int k = i + 1; k < p; k++) {
        s -= l[k * p + i] * b[k];
      }
      b[i] = l[i * p + i] == 0 ? 0 : s / l[i * p + i];
    }
  }

  /**
   * The inverse of {@code L Lᵀ}.
   *
   * @param l a factor from {@link #cholesky(double[], int, double)}
   * @param p the dimension
   * @return the inverse, full and symmetric
   */
  public static double[] inverse(double[] l, int p) {
    double[] inv = new double[p * p];
    double[] e = new double[p];
    for (int j = 0; j < p; j++) {
      java.util.Arrays.fill(e, 0.0);
      e[j] = 1;
      solve(l, p, e);
      for (int i = 0; i < p; i++) {
        inv[i * p + j] = e[i];
      }
    }
    for (int i = 0; i < p; i++) {
      for (int j = i + 1; j < p; j++) {
        double m = 0.5 * (inv[i * p + j] + inv[j * p + i]);
        inv[i * p + j] = m;
        inv[j * p + i] = m;
      }
    }
    return inv;
  }

  /**
   * The quadratic form {@code bᵀ A⁻¹ b} from a factor of {@code A}.
   *
   * @param l the factor
   * @param p the dimension
   * @param b the vector (not modified)
   * @return the form
   */
  public static double inverseQuadraticForm(double[] l, int p, double[] b) {
    double[] y = b.clone();
    solve(l, p, y);
    double s = 0;
    for (int i = 0; i < p; i++) {
      s += b[i] * y[i];
    }
    return s;
  }
}
