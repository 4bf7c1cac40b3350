package dev.niche.benchmarks.churn;

import dev.niche.churn.BgNbd;
import dev.niche.churn.BgNbdFit;
import dev.niche.churn.ParetoNbd;
import dev.niche.churn.ParetoNbdFit;
import dev.niche.churn.internal.CohortSimulation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * β = 11.665; seeds 1 and 2). Two more shapes use other parameters and continuous purchase
 * times ({@link ContinuousCohort}), where almost every customer is a distinct row: BG/NBD r = 0.8,
 * α = 12, a = 1.5, b = 6 (seed 3) and Pareto/NBD r = 1.2, α = 20, s = 0.4, β = 30 (seed 4). Each
 * fit includes validation, merging of identical rows, the maximisation and the standard errors.
 *
 * <p>The fork's heap is sized and touched before the first shot ({@code -Xms2g -XX:+AlwaysPreTouch},
 * as for the k-means panel): with a growing heap the first shots of each fork pay the kernel's first
 * touch of the pages G1 grows into (10–15 µs per 4 KiB page on the benchmark machine), which a
 * long-running process pays once. On the Pareto/NBD continuous-time fit that made shots of
 * 1.07–1.28 s out of 0.86–0.90 s (docs/benchmarks.md, section r).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx8g", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RepeatPurchaseMillionFitBenchmark {

  private static final int CUSTOMERS = 1_000_000;

  private CohortSimulation bgNbd;
  private CohortSimulation paretoNbd;
  private ContinuousCohort bgNbdContinuous;
  private ContinuousCohort paretoNbdContinuous;

  /** Draws the customers. */
  @Setup
  public void setUp() {
    bgNbd = CohortSimulation.bgNbd(0.243, 4.414, 0.793, 2.426, CUSTOMERS, 1L);
    paretoNbd = CohortSimulation.paretoNbd(0.5533, 10.5776, 0.6061, 11.665, CUSTOMERS, 2L);
    bgNbdContinuous = ContinuousCohort.bgNbd(0.8, 12, 1.5, 6, CUSTOMERS, 3L);
    paretoNbdContinuous = ContinuousCohort.paretoNbd(1.2, 20, 0.4, 30, CUSTOMERS, 4L);
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

  /**
   * The BG/NBD fit on continuous purchase times.
   *
   * @return the fit
   */
  @Benchmark
  public BgNbdFit bgNbdContinuousFit() {
    return BgNbd.fit(bgNbdContinuous.x, bgNbdContinuous.tx, bgNbdContinuous.age);
  }

  /**
   * The Pareto/NBD fit on continuous purchase times.
   *
   * @return the fit
   */
  @Benchmark
  public ParetoNbdFit paretoNbdContinuousFit() {
    return ParetoNbd.fit(paretoNbdContinuous.x, paretoNbdContinuous.tx, paretoNbdContinuous.age);
  }
}
