package dev.niche.benchmarks.churn;

import dev.niche.churn.BgNbd;
import dev.niche.churn.BgNbdFit;
import dev.niche.churn.internal.BgNbdLikelihood;
import dev.niche.churn.internal.BgNbdSimulation;
import java.util.Arrays;
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
    BgNbdSimulation s = BgNbdSimulation.draw(
        PARAMS[0], PARAMS[1], PARAMS[2], PARAMS[3], CUSTOMERS, 27, 39, 42L);
    x = s.x;
    tx = s.tx;
    age = s.age;
    int[] xs = new int[CUSTOMERS];
    for (int i = 0; i < CUSTOMERS; i++) {
      xs[i] = (int) x[i];
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
}
