package dev.niche.benchmarks.churn;

import dev.niche.churn.internal.BgNbdSimulation;
import java.util.SplittableRandom;

/**
 * Customer summaries with purchase times in continuous time (no calendar days), so that nearly
 * every customer with a repeat purchase has a distinct {@code (x, t_x, T)} and merging identical
 * rows does not help: first purchases uniform over the first 12 weeks of a 39-week calibration
 * period, repeat purchases from the BG/NBD or Pareto/NBD process, times in weeks.
 */
final class ContinuousCohort {

  final double[] x;
  final double[] tx;
  final double[] age;

  private ContinuousCohort(int n) {
    x = new double[n];
    tx = new double[n];
    age = new double[n];
  }

  /** BG/NBD customers; {@code λ ~ Gamma(r, α)}, dropout after each purchase with {@code p ~ Beta(a, b)}. */
  static ContinuousCohort bgNbd(double r, double alpha, double a, double b, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    ContinuousCohort c = new ContinuousCohort(n);
    for (int i = 0; i < n; i++) {
      double age = 39 - 12 * random.nextDouble();
      double lambda = BgNbdSimulation.gamma(random, r) / alpha;
      double ga = BgNbdSimulation.gamma(random, a);
      double p = ga / (ga + BgNbdSimulation.gamma(random, b));
      double now = 0;
      double last = 0;
      int count = 0;
      while (true) {
        now += -Math.log1p(-random.nextDouble()) / lambda;
        if (now > age) {
          break;
        }
        count++;
        last = now;
        if (random.nextDouble() < p) {
          break;
        }
      }
      c.x[i] = count;
      c.tx[i] = last;
      c.age[i] = age;
    }
    return c;
  }

  /** Pareto/NBD customers; {@code λ ~ Gamma(r, α)}, exponential lifetime with {@code μ ~ Gamma(s, β)}. */
  static ContinuousCohort paretoNbd(double r, double alpha, double s, double beta, int n,
      long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    ContinuousCohort c = new ContinuousCohort(n);
    for (int i = 0; i < n; i++) {
      double age = 39 - 12 * random.nextDouble();
      double lambda = BgNbdSimulation.gamma(random, r) / alpha;
      double mu = BgNbdSimulation.gamma(random, s) / beta;
      double end = Math.min(age, -Math.log1p(-random.nextDouble()) / mu);
      double now = 0;
      double last = 0;
      int count = 0;
      while (true) {
        now += -Math.log1p(-random.nextDouble()) / lambda;
        if (now > end) {
          break;
        }
        count++;
        last = now;
      }
      c.x[i] = count;
      c.tx[i] = last;
      c.age[i] = age;
    }
    return c;
  }
}
