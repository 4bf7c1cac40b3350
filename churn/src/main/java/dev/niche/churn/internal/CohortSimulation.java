package dev.niche.churn.internal;

import java.util.SplittableRandom;

/**
 * Customer summaries of a simulated cohort, in weeks measured from calendar days as
 * {@link dev.niche.core.activity.CustomerSummaries} makes them: first purchases uniform over the
 * first 12 weeks (days 0..83) of a 39-week calibration period (days 0..272), repeat purchases from
 * the BG/NBD or Pareto/NBD process, each on the day it falls in (purchases on one day are one
 * purchase, and a purchase on the first day merges with the first purchase). Used by the tests
 * (parameter recovery) and the benchmarks. Not part of the API.
 */
public final class CohortSimulation {

  private static final int BIRTH_DAYS = 84;
  private static final int LAST_DAY = 272;

  /** Repeat purchase days per customer. */
  public final double[] x;
  /** Weeks from the first to the last purchase day. */
  public final double[] tx;
  /** Weeks from the first purchase day to the end of the calibration period. */
  public final double[] age;

  private CohortSimulation(int n) {
    x = new double[n];
    tx = new double[n];
    age = new double[n];
  }

  /**
   * BG/NBD customers: {@code λ ~ Gamma(r, α)} per week, {@code p ~ Beta(a, b)}; after each repeat
   * purchase the customer dies with probability {@code p}.
   *
   * @param r gamma shape
   * @param alpha gamma rate (per week)
   * @param a first beta parameter
   * @param b second beta parameter
   * @param n customers
   * @param seed the seed
   * @return the summaries
   */
  public static CohortSimulation bgNbd(
      double r, double alpha, double a, double b, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    CohortSimulation s = new CohortSimulation(n);
    for (int i = 0; i < n; i++) {
      int birth = random.nextInt(BIRTH_DAYS);
      double lambda = BgNbdSimulation.gamma(random, r) / alpha;
      double ga = BgNbdSimulation.gamma(random, a);
      double p = ga / (ga + BgNbdSimulation.gamma(random, b));
      double now = 0;
      int lastDay = birth;
      int count = 0;
      while (true) {
        now += -Math.log1p(-random.nextDouble()) / lambda;
        long day = birth + (long) Math.floor(now * 7);
        if (day > LAST_DAY) {
          break;
        }
        if (day > lastDay) {
          count++;
          lastDay = (int) day;
        }
        if (random.nextDouble() < p) {
          break;
        }
      }
      s.set(i, birth, count, lastDay);
    }
    return s;
  }

  /**
   * Pareto/NBD customers: {@code λ ~ Gamma(r, α)} and {@code μ ~ Gamma(s, β)} per week; the
   * customer buys at rate {@code λ} until an exponential lifetime with rate {@code μ} ends.
   *
   * @param r purchase-rate shape
   * @param alpha purchase-rate rate (per week)
   * @param s dropout-rate shape
   * @param beta dropout-rate rate (per week)
   * @param n customers
   * @param seed the seed
   * @return the summaries
   */
  public static CohortSimulation paretoNbd(
      double r, double alpha, double s, double beta, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    CohortSimulation c = new CohortSimulation(n);
    for (int i = 0; i < n; i++) {
      int birth = random.nextInt(BIRTH_DAYS);
      double lambda = BgNbdSimulation.gamma(random, r) / alpha;
      double mu = BgNbdSimulation.gamma(random, s) / beta;
      double death = -Math.log1p(-random.nextDouble()) / mu;
      double now = 0;
      int lastDay = birth;
      int count = 0;
      while (true) {
        now += -Math.log1p(-random.nextDouble()) / lambda;
        long day = birth + (long) Math.floor(now * 7);
        if (now > death || day > LAST_DAY) {
          break;
        }
        if (day > lastDay) {
          count++;
          lastDay = (int) day;
        }
      }
      c.set(i, birth, count, lastDay);
    }
    return c;
  }

  private void set(int i, int birth, int count, int lastDay) {
    x[i] = count;
    tx[i] = (lastDay - birth) / 7.0;
    age[i] = (LAST_DAY - birth) / 7.0;
  }
}
