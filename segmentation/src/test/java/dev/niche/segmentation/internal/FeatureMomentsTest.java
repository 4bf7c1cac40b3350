package dev.niche.segmentation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FeatureMomentsTest {

  @Test
  void blockwiseVarianceMatchesTheTwoPassFormulaFarFromTheOrigin() {
    // 10,001 rows (three chunks of 128-row blocks, the last of each partial) centred at 1e6: the
    // textbook two-pass formula
    // in one run over all rows is the reference; sums of squares about the origin would lose
    // all digits here.
    SplittableRandom r = new SplittableRandom(9);
    int n = 10_001;
    int d = 3;
    double[] x = new double[n * d];
    for (int t = 0; t < x.length; t++) {
      x[t] = 1e6 + (t % d + 1) * r.nextGaussian();
    }
    double expected = 0;
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += x[i * d + j];
      }
      mean /= n;
      double sq = 0;
      for (int i = 0; i < n; i++) {
        sq += (x[i * d + j] - mean) * (x[i * d + j] - mean);
      }
      expected += sq / n;
    }
    expected /= d;
    for (int threads : new int[] {1, 2}) {
      try (ChunkPool pool = new ChunkPool(threads)) {
        double v = FeatureMoments.meanFeatureVariance(new Dataset(x, n, d, null), pool);
        assertEquals(expected, v, 1e-10 * expected); // both carry ~1e-12 rounding at 1e6
        assertEquals((1 + 4 + 9) / 3.0, v, 0.1);
      }
    }
  }
}
