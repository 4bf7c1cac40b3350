package dev.niche.churn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The analytic Hessian of the Pareto/NBD score ({@link ParetoNbdCurvature}) against central
 * differences of its analytic gradient, on both branches of the series ({@code α > β},
 * {@code α < β}) and at {@code α = β}, on rows with {@code x = 0}, on continuous times (per-row
 * pass) and on day-granular summaries (per-pair pass).
 */
class ParetoNbdHessianTest {

  private static final double[][] POINTS = {
    {0.55, 10.6, 0.61, 11.7}, {0.55, 11.7, 0.61, 10.6}, {1.2, 20, 0.4, 20}, {1.2, 20, 0.4, 30},
    {0.3, 4, 2.5, 1.5}, {2.0, 1.5, 0.2, 60}, {0.8, 12, 1.5, 6}, {0.24, 4.4, 0.8, 90}};

  @Test
  void hessianMatchesDifferencesOfTheGradientOnContinuousTimes() {
    check(continuous(4_000, 7L));
  }

  @Test
  void hessianMatchesDifferencesOfTheGradientOnDaySummaries() {
    CohortSimulation s = CohortSimulation.paretoNbd(0.5533, 10.5776, 0.6061, 11.665, 20_000, 9L);
    DistinctCustomers d = DistinctCustomers.validated(s.x, s.tx, s.age, null);
    check(new ParetoNbdScore(d.x, d.tx, d.age, d.weight));
  }

  @Test
  void hessianMatchesDifferencesOfTheGradientOnFewRows() {
    double[] x = {0, 0, 1, 2, 5, 0, 3};
    double[] tx = {0, 0, 1.5, 20.25, 30, 0, 38.9};
    double[] age = {38.9, 12, 30, 38.9, 31, 2, 38.9};
    double[] w = {3, 1, 2, 1, 1, 4, 1};
    DistinctCustomers d = DistinctCustomers.validated(x, tx, age, w);
    check(new ParetoNbdScore(d.x, d.tx, d.age, d.weight));
  }

  static ParetoNbdScore continuous(int n, long seed) {
    CohortSimulation s = CohortSimulation.paretoNbd(0.5533, 10.5776, 0.6061, 11.665, n, seed);
    SplittableRandom random = new SplittableRandom(seed);
    double[] tx = new double[s.x.length];
    double[] age = new double[s.x.length];
    for (int i = 0; i < age.length; i++) {
      age[i] = s.age[i] + 0.1 * random.nextDouble();
      tx[i] = Math.min(age[i], s.tx[i] * (age[i] / s.age[i]));
    }
    DistinctCustomers d = DistinctCustomers.validated(s.x, tx, age, null);
    return new ParetoNbdScore(d.x, d.tx, d.age, d.weight);
  }

  private static void check(ParetoNbdScore score) {
    for (double[] p : POINTS) {
      double[] g = new double[4];
      double[][] h = new double[4][4];
      double value = score.valueGradientAndHessian(p, g, h);
      double[] plain = new double[4];
      assertEquals(score.valueAndGradient(p, plain), value, 0.0);
      for (int i = 0; i < 4; i++) {
        assertEquals(plain[i], g[i], 0.0);
      }
      // Central differences of the gradient in log coordinates: d(g_i p_i)/d ln p_j.
      double scale = 0;
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
          scale = Math.max(scale, Math.abs(h[i][j] * p[i] * p[j]));
        }
      }
      for (int j = 0; j < 4; j++) {
        double[] up = p.clone();
        double[] down = p.clone();
        double step = 1e-5;
        up[j] = p[j] * Math.exp(step);
        down[j] = p[j] * Math.exp(-step);
        double[] gu = new double[4];
        double[] gd = new double[4];
        score.valueAndGradient(up, gu);
        score.valueAndGradient(down, gd);
        for (int i = 0; i < 4; i++) {
          double numerical = (gu[i] * up[i] - gd[i] * down[i]) / (2 * step);
          double analytic = h[i][j] * p[i] * p[j] + (i == j ? g[i] * p[i] : 0);
          assertTrue(Math.abs(numerical - analytic) <= 2e-6 * scale,
              "at " + java.util.Arrays.toString(p) + " entry " + i + "," + j + ": analytic "
                  + analytic + " numerical " + numerical);
          assertEquals(h[i][j], h[j][i], 1e-12 * scale / (p[i] * p[j]));
        }
      }
    }
  }
}
