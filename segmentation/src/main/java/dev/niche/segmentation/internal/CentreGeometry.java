package dev.niche.segmentation.internal;

/** Centre-to-centre distances, drifts and half-gaps used by the bounded algorithms. */
final class CentreGeometry {

  private CentreGeometry() {}

  /** Distance each centre moved. */
  static double[] drift(double[] oldCentres, double[] centres, int k, int d) {
    double[] p = new double[k];
    for (int m = 0; m < k; m++) {
      p[m] = Math.sqrt(SquaredDistance.between(oldCentres, m * d, centres, m * d, d));
    }
    return p;
  }

  /** Full k x k centre distance matrix (not squared). */
  static double[] pairwise(double[] centres, int k, int d) {
    double[] cc = new double[k * k];
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        double v = Math.sqrt(SquaredDistance.between(centres, a * d, centres, b * d, d));
        cc[a * k + b] = v;
        cc[b * k + a] = v;
      }
    }
    return cc;
  }

  /** s(a) = half the distance from centre a to its nearest other centre (infinite if k = 1). */
  static double[] halfGap(double[] cc, int k) {
    double[] s = new double[k];
    for (int a = 0; a < k; a++) {
      double min = Double.POSITIVE_INFINITY;
      for (int b = 0; b < k; b++) {
        if (b != a && cc[a * k + b] < min) {
          min = cc[a * k + b];
        }
      }
      s[a] = 0.5 * min;
    }
    return s;
  }
}
