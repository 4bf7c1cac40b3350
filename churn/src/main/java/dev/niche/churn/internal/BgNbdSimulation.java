package dev.niche.churn.internal;

import java.util.SplittableRandom;

/**
 * Draws customers from the BG/NBD generative process (Fader, Hardie &amp; Lee 2005, section 3):
 * λ ~ Gamma(r, rate α), p ~ Beta(a, b); purchases arrive as a Poisson process with rate λ after
 * the first purchase at time 0; after each repeat purchase the customer dies with probability p.
 * Shared by the tests (parameter recovery) and the benchmarks. Not part of the API.
 */
public final class BgNbdSimulation {

  /** Repeat purchases per customer. */
  public final double[] x;
  /** Time of the last repeat purchase (0 when none). */
  public final double[] tx;
  /** Time observed since the first purchase. */
  public final double[] age;

  private BgNbdSimulation(int n) {
    x = new double[n];
    tx = new double[n];
    age = new double[n];
  }

  /**
   * Simulates customers.
   *
   * @param r gamma shape of the purchase rates
   * @param alpha gamma rate of the purchase rates
   * @param a first beta parameter of the dropout probabilities
   * @param b second beta parameter of the dropout probabilities
   * @param n number of customers
   * @param minAge smallest observation time
   * @param maxAge largest observation time (ages are uniform in between)
   * @param seed the seed
   * @return the simulated (x, t_x, T) columns
   */
  public static BgNbdSimulation draw(
      double r, double alpha, double a, double b, int n, double minAge, double maxAge, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    BgNbdSimulation s = new BgNbdSimulation(n);
    for (int i = 0; i < n; i++) {
      double t = minAge + (maxAge - minAge) * random.nextDouble();
      double lambda = gamma(random, r) / alpha;
      double ga = gamma(random, a);
      double p = ga / (ga + gamma(random, b));
      double now = 0;
      int count = 0;
      double last = 0;
      while (true) {
        now += -Math.log1p(-random.nextDouble()) / lambda;
        if (now > t) {
          break;
        }
        count++;
        last = now;
        if (random.nextDouble() < p) {
          break;
        }
      }
      s.x[i] = count;
      s.tx[i] = last;
      s.age[i] = t;
    }
    return s;
  }

  /**
   * Gamma(shape, 1) by Marsaglia &amp; Tsang (2000), with the shape &lt; 1 boost.
   *
   * @param random the generator
   * @param shape the shape, &gt; 0
   * @return a draw
   */
  public static double gamma(SplittableRandom random, double shape) {
    if (shape < 1) {
      double u = random.nextDouble();
      return gamma(random, shape + 1) * Math.pow(u, 1 / shape);
    }
    double d = shape - 1.0 / 3.0;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z = normal(random);
      double v = 1 + c * z;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  private static double normal(SplittableRandom random) {
    double u1 = random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
  }
}
