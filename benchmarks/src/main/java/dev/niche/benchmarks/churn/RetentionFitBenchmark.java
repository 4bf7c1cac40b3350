package dev.niche.benchmarks.churn;

import dev.niche.churn.BetaDiscreteWeibull;
import dev.niche.churn.KaplanMeier;
import dev.niche.churn.RetentionCurve;
import dev.niche.churn.ShiftedBetaGeometric;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One sBG fit on Fader &amp; Hardie's (2007) Regular segment (years 0..7), one on the seed's
 * company 1 (geometric boundary), with a BdW fit and a Kaplan–Meier estimate as peers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RetentionFitBenchmark {

  private RetentionCurve regular;
  private RetentionCurve seed;

  /** Builds the curves once. */
  @Setup
  public void setUp() {
    regular = RetentionCurve.ofCounts(1000, 631, 468, 382, 326, 289, 262, 241);
    seed = RetentionCurve.ofCounts(100, 95, 70, 50, 35, 20, 10);
  }

  /**
   * sBG fit with an interior maximum.
   *
   * @param bh the blackhole
   */
  @Benchmark
  public void sbgFitRegular(Blackhole bh) {
    bh.consume(ShiftedBetaGeometric.fit(regular));
  }

  /**
   * sBG fit whose supremum is the geometric limit.
   *
   * @param bh the blackhole
   */
  @Benchmark
  public void sbgFitSeedBoundary(Blackhole bh) {
    bh.consume(ShiftedBetaGeometric.fit(seed));
  }

  /**
   * Peer: BdW fit (includes an sBG fit and a discrete Weibull fit).
   *
   * @param bh the blackhole
   */
  @Benchmark
  public void bdwFitRegular(Blackhole bh) {
    bh.consume(BetaDiscreteWeibull.fit(regular));
  }

  /**
   * Peer: Kaplan–Meier on the same curve.
   *
   * @param bh the blackhole
   */
  @Benchmark
  public void kaplanMeierRegular(Blackhole bh) {
    bh.consume(KaplanMeier.fit(regular));
  }
}
