package dev.niche.benchmarks.churn;

import dev.niche.churn.Concordance;
import dev.niche.churn.CoxFit;
import dev.niche.churn.CoxProportionalHazards;
import dev.niche.churn.SurvivalData;
import dev.niche.churn.Ties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cox proportional hazards, Efron ties, 10⁶ customers × 10 attributes (five Gaussian, three
 * binary, one uniform, one Poisson; exponential churn over a two-year window), read from the
 * files that {@code benchmarks/scripts/cox-data.R} writes, so that R's {@code coxph} fits the
 * same data in the same run ({@code benchmarks/scripts/cox-vs-r.sh}). Shapes: {@code continuous}
 * (no tied times) and {@code days} (tenure in whole days, ~1,400 rows per day). The directory is
 * the system property {@code niche.cox.data} (default {@code /tmp/niche-cox}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CoxFitBenchmark {

  /** The data shape (file name without {@code .bin}). */
  @Param({"continuous", "days"})
  public String shape;

  private SurvivalData data;

  /** Reads the data file. */
  @Setup
  public void setUp() {
    Path file = Path.of(System.getProperty("niche.cox.data", "/tmp/niche-cox"), shape + ".bin");
    if (!Files.exists(file)) {
      throw new IllegalStateException(file + " is missing: run "
          + "Rscript benchmarks/scripts/cox-data.R " + file.getParent() + " first");
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      DoubleBuffer in = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size())
          .order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
      int n = (int) in.get();
      int p = (int) in.get();
      double[] time = new double[n];
      double[] ev = new double[n];
      in.get(time);
      in.get(ev);
      boolean[] events = new boolean[n];
      for (int i = 0; i < n; i++) {
        events[i] = ev[i] != 0;
      }
      SurvivalData.Builder b = SurvivalData.builder().durations(time).events(events);
      for (int k = 0; k < p; k++) {
        double[] x = new double[n];
        in.get(x);
        b.covariate("x" + (k + 1), x);
      }
      data = b.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The fit: sort, Newton iterations, baseline hazard.
   *
   * @return the fit
   */
  @Benchmark
  public CoxFit fit() {
    return CoxProportionalHazards.fit(data, Ties.EFRON);
  }

  /**
   * The fit and its concordance, the work R's {@code coxph()} does by default.
   *
   * @param bh consumes the results
   */
  @Benchmark
  public void fitWithConcordance(Blackhole bh) {
    CoxFit fit = CoxProportionalHazards.fit(data, Ties.EFRON);
    Concordance c = fit.concordance();
    bh.consume(fit);
    bh.consume(c);
  }
}
