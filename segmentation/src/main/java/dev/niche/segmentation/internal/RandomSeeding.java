package dev.niche.segmentation.internal;

import dev.niche.core.Checks;
import java.util.SplittableRandom;

/** k distinct rows drawn at random (by weight when weights are given). */
public final class RandomSeeding {

  private RandomSeeding() {}

  /**
   * Draws the centres.
   *
   * @param data the data
   * @param k number of centres
   * @param rng the stream
   * @return flat centres
   * @throws IllegalArgumentException if fewer than k distinct rows have positive weight
   */
  public static double[] centres(Dataset data, int k, SplittableRandom rng) {
    int n = data.n();
    int d = data.d();
    double[] x = data.x();
    double[] centres = new double[k * d];
    int count = 0;
    int attempts = 0;
    int maxAttempts = 20 * k + 100;
    while (count < k && attempts < maxAttempts) {
      attempts++;
      int i = data.drawRow(rng);
      if (data.weight(i) > 0 && !seen(x, i * d, centres, count, d)) {
        System.arraycopy(x, i * d, centres, count * d, d);
        count++;
      }
    }
    if (count < k) {
      int startRow = rng.nextInt(n);
      for (int s = 0; s < n && count < k; s++) {
        int i = (startRow + s) % n;
        if (data.weight(i) > 0 && !seen(x, i * d, centres, count, d)) {
          System.arraycopy(x, i * d, centres, count * d, d);
          count++;
        }
      }
    }
    int found = count;
    Checks.argument(found >= k, () -> "k = " + k
        + " exceeds the number of distinct points with positive weight (" + found + ")");
    return centres;
  }

  private static boolean seen(double[] x, int xo, double[] centres, int count, int d) {
    for (int m = 0; m < count; m++) {
      boolean same = true;
      for (int j = 0; j < d && same; j++) {
        same = Double.compare(x[xo + j], centres[m * d + j]) == 0;
      }
      if (same) {
        return true;
      }
    }
    return false;
  }
}
