package dev.niche.churn.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Every entry of the Pareto/NBD score's analytic Hessian ({@link ParetoNbdCurvature}) against
 * Richardson-extrapolated central differences of the analytic gradient, each entry to
 * {@code 1e-7 √|H_ii H_jj|} in log coordinates: a bound on the entry's own scale, where
 * {@link ParetoNbdHessianTest} bounds all entries by the largest.
 */
class ParetoNbdHessianEntriesTest {

  private static final double[][] POINTS = {
    {0.55, 10.6, 0.61, 11.7}, {0.55, 11.7, 0.61, 10.6}, {1.2, 20, 0.4, 20}, {0.3, 4, 2.5, 1.5},
    {2.0, 1.5, 0.2, 60}, {0.24, 4.4, 0.8, 90}};

  @Test
  void eachEntryOnContinuousTimes() {
    check(ParetoNbdHessianTest.continuous(1_500, 11L));
  }

  @Test
  void eachEntryOnDaySummaries() {
    CohortSimulation s = CohortSimulation.paretoNbd(0.5533, 10.5776, 0.6061, 11.665, 5_000, 13L);
    DistinctCustomers d = DistinctCustomers.validated(s.x, s.tx, s.age, null);
    check(new ParetoNbdScore(d.x, d.tx, d.age, d.weight));
  }

  @Test
  void eachEntryOnFewRowsWithWeights() {
    double[] x = {0, 0, 1, 2, 5, 0, 3, 12};
    double[] tx = {0, 0, 1.5, 20.25, 30, 0, 38.9, 37};
    double[] age = {38.9, 12, 30, 38.9, 31, 2, 38.9, 38};
    double[] w = {3, 1, 2, 1, 1, 4, 1, 2};
    DistinctCustomers d = DistinctCustomers.validated(x, tx, age, w);
    check(new ParetoNbdScore(d.x, d.tx, d.age, d.weight));
  }

  /** d(g_i p_i)/d ln p_j by central differences at steps h and h/2, extrapolated. */
  private static double difference(ParetoNbdScore score, double[] p, int i, int j, double h) {
    double[] up = p.clone();
    double[] down = p.clone();
    up[j] = p[j] * Math.exp(h);
    down[j] = p[j] * Math.exp(-h);
    double[] gu = new double[4];
    double[] gd = new double[4];
    score.valueAndGradient(up, gu);
    score.valueAndGradient(down, gd);
    return (gu[i] * up[i] - gd[i] * down[i]) / (2 * h);
  }

  private static void check(ParetoNbdScore score) {
    for (double[] p : POINTS) {
      double[] g = new double[4];
      double[][] h = new double[4][4];
      score.valueGradientAndHessian(p, g, h);
      double[][] analytic = new double[4][4];
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
          analytic[i][j] = h[i][j] * p[i] * p[j] + (i == j ? g[i] * p[i] : 0);
        }
      }
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
          double step = 1e-3;
          double numerical = (4 * difference(score, p, i, j, step / 2)
              - difference(score, p, i, j, step)) / 3;
          double scale = Math.sqrt(Math.abs(analytic[i][i] * analytic[j][j]));
          assertTrue(Math.abs(numerical - analytic[i][j]) <= 1e-7 * scale,
              "at " + java.util.Arrays.toString(p) + " entry " + i + "," + j + ": analytic "
                  + analytic[i][j] + " numerical " + numerical + " scale " + scale);
        }
      }
    }
  }
}
