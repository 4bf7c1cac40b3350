package dev.niche.benchmarks.churn;

import dev.niche.churn.BgNbd;
import dev.niche.churn.BgNbdFit;
import dev.niche.churn.internal.BgNbdLikelihood;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * BG/NBD on 100,000 customers drawn from the model (r = 0.243, alpha = 4.414, a = 0.793,
 * b = 2.426, ages uniform in 27..39 weeks, seed 42): the full fit, and one log-likelihood
 * evaluation against the textbook per-customer formula (log-gamma and log-beta for every
 * customer, FHL 2005 eq. 6 as written) as the peer measured in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BgNbdFitBenchmark {

  private static final int CUSTOMERS = 100_000;
  private static final double[] PARAMS = {0.243, 4.414, 0.793, 2.426};

  private double[] x;
  private double[] tx;
  private double[] age;
  private BgNbdLikelihood likelihood;

  /** Draws the customers. */
  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    x = new double[CUSTOMERS];
    tx = new double[CUSTOMERS];
    age = new double[CUSTOMERS];
    int[] xs = new int[CUSTOMERS];
    for (int i = 0; i < CUSTOMERS; i++) {
      double t = 27 + 12 * random.nextDouble();
      double lambda = gamma(random, PARAMS[0]) / PARAMS[1];
      double ga = gamma(random, PARAMS[2]);
      double p = ga / (ga + gamma(random, PARAMS[3]));
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
      x[i] = count;
      xs[i] = count;
      tx[i] = last;
      age[i] = t;
    }
    double[] ones = new double[CUSTOMERS];
    Arrays.fill(ones, 1.0);
    likelihood = new BgNbdLikelihood(xs, tx, age, ones);
  }

  /**
   * The full maximum-likelihood fit.
   *
   * @return the fit
   */
  @Benchmark
  public BgNbdFit fit() {
    return BgNbd.fit(x, tx, age);
  }

  /**
   * One evaluation of Niche's log-likelihood (per-frequency recurrences, log-sum-exp).
   *
   * @return the log-likelihood
   */
  @Benchmark
  public double logLikelihoodNiche() {
    return likelihood.value(PARAMS);
  }

  /**
   * Peer: one evaluation of the textbook formula with log-gamma and log-beta per customer.
   *
   * @return the log-likelihood
   */
  @Benchmark
  public double logLikelihoodTextbook() {
    double r = PARAMS[0];
    double alpha = PARAMS[1];
    double a = PARAMS[2];
    double b = PARAMS[3];
    double sum = 0;
    for (int i = 0; i < CUSTOMERS; i++) {
      double xi = x[i];
      double a1 = Gamma.logGamma(r + xi) - Gamma.logGamma(r) + r * Math.log(alpha);
      double a2 = Beta.logBeta(a, b + xi) - Beta.logBeta(a, b) - (r + xi) * Math.log(alpha + age[i]);
      double l = Math.exp(a2);
      if (xi > 0) {
        l += Math.exp(Beta.logBeta(a + 1, b + xi - 1) - Beta.logBeta(a, b)
            - (r + xi) * Math.log(alpha + tx[i]));
      }
      sum += a1 + Math.log(l);
    }
    return sum;
  }

  static double gamma(SplittableRandom random, double shape) {
    if (shape < 1) {
      return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3.0;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z = Math.sqrt(-2 * Math.log1p(-random.nextDouble()))
          * Math.cos(2 * Math.PI * random.nextDouble());
      double v = 1 + c * z;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      if (Math.log(random.nextDouble()) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }
}
