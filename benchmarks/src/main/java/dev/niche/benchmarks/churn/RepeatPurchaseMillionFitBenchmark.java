package dev.niche.benchmarks.churn;

import dev.niche.churn.BgNbd;
import dev.niche.churn.BgNbdFit;
import dev.niche.churn.ParetoNbd;
import dev.niche.churn.ParetoNbdFit;
import dev.niche.churn.internal.CohortSimulation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * BG/NBD and Pareto/NBD fits on 10⁶ customers of a generated cohort ({@link CohortSimulation}:
 * first purchases over 12 weeks, a 39-week calibration period, purchase days as in real
 * transaction logs), with the CDNOW estimates as generating parameters (BG/NBD r = 0.243,
 * α = 4.414, a = 0.793, b = 2.426; Pareto/NBD r = 0.5533, α = 10.5776, s = 0.6061,
 * β = 11.665; seeds 1 and 2). Each fit includes validation, merging of identical rows, the
 * maximisation and the standard errors.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RepeatPurchaseMillionFitBenchmark {

  private static final int CUSTOMERS = 1_000_000;

  private CohortSimulation bgNbd;
  private CohortSimulation paretoNbd;

  /** Draws the customers. */
  @Setup
  public void setUp() {
    bgNbd = CohortSimulation.bgNbd(0.243, 4.414, 0.793, 2.426, CUSTOMERS, 1L);
    paretoNbd = CohortSimulation.paretoNbd(0.5533, 10.5776, 0.6061, 11.665, CUSTOMERS, 2L);
  }

  /**
   * The BG/NBD fit.
   *
   * @return the fit
   */
  @Benchmark
  public BgNbdFit bgNbdFit() {
    return BgNbd.fit(bgNbd.x, bgNbd.tx, bgNbd.age);
  }

  /**
   * The Pareto/NBD fit.
   *
   * @return the fit
   */
  @Benchmark
  public ParetoNbdFit paretoNbdFit() {
    return ParetoNbd.fit(paretoNbd.x, paretoNbd.tx, paretoNbd.age);
  }
}
