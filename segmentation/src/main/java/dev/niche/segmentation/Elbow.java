package dev.niche.segmentation;

import dev.niche.core.Checks;

/**
 * The elbow (knee) of a decreasing within-cluster curve by Kneedle (Satopää, Albrecht, Irwin and
 * Raghavan, "Finding a 'kneedle' in a haystack", ICDCS workshops 2011), offline, without the
 * sensitivity threshold: normalise k to x in [0, 1] and the inertia to y in [0, 1], take the
 * difference curve (1 - y) - x (the flipped curve's height above the chord from the first to the
 * last point) and return the k of its maximum (the smallest k on ties). Stateless.
 */
public final class Elbow {

  private Elbow() {}

  /**
   * The knee of a curve.
   *
   * @param ks increasing cluster counts, at least 3
   * @param inertia the inertia at each k
   * @return the k at the knee
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays differ in length, have fewer than 3 points,
   *     ks is not increasing or an inertia is negative or not finite
   */
  public static int knee(int[] ks, double[] inertia) {
    Checks.notNull(ks, "ks");
    Checks.nonNegative(inertia, "inertia");
    Checks.sameLength(ks.length, "ks", inertia.length, "inertia");
    Checks.argument(ks.length >= 3, "ks has " + ks.length + " points; the knee needs at least 3");
    for (int t = 1; t < ks.length; t++) {
      Checks.argument(ks[t] > ks[t - 1],
          "ks[" + t + "] = " + ks[t] + " must be > ks[" + (t - 1) + "] = " + ks[t - 1]);
    }
    double max = inertia[0];
    double min = inertia[0];
    for (double v : inertia) {
      max = Math.max(max, v);
      min = Math.min(min, v);
    }
    double span = max - min;
    if (!(span > 0)) {
      return ks[0];
    }
    double kSpan = ks[ks.length - 1] - ks[0];
    int best = ks[0];
    double bestDiff = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < ks.length; t++) {
      double x = (ks[t] - ks[0]) / kSpan;
      double y = (inertia[t] - min) / span;
      double diff = (1 - y) - x;
      if (diff > bestDiff) {
        bestDiff = diff;
        best = ks[t];
      }
    }
    return best;
  }
}
