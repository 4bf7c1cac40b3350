package dev.niche.benchmarks.churn;

import dev.niche.churn.CohortPeriod;
import dev.niche.churn.CohortTable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
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
 * Building a monthly {@link CohortTable} from activity records: one record per (customer, day),
 * {@code records / 10} customers, days spread over three years (seeded). Peer: the same
 * first/last-period bookkeeping in a boxed {@code HashMap<Long, int[]>}, measured in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CohortTableBenchmark {

  /** Number of activity records. */
  @Param({"1000000", "10000000"})
  public int records;

  private long[] ids;
  private long[] days;
  private LocalDate[] dates;

  /** Generates the records once per trial. */
  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    int customers = records / 10;
    ids = new long[records];
    days = new long[records];
    dates = new LocalDate[records];
    for (int i = 0; i < records; i++) {
      ids[i] = 1_000_000_000L + random.nextInt(customers);
      days[i] = 18_000 + random.nextInt(1095);
      dates[i] = LocalDate.ofEpochDay(days[i]);
    }
  }

  /**
   * Primitive path: epoch days.
   *
   * @param bh the blackhole
   */
  @Benchmark
  public void buildFromEpochDays(Blackhole bh) {
    CohortTable.Builder b = CohortTable.builder(CohortPeriod.MONTH);
    for (int i = 0; i < records; i++) {
      b.addEpochDay(ids[i], days[i]);
    }
    bh.consume(b.build());
  }

  /**
   * The {@code add(long, LocalDate)} path.
   *
   * @param bh the blackhole
   */
  @Benchmark
  public void buildFromLocalDates(Blackhole bh) {
    CohortTable.Builder b = CohortTable.builder(CohortPeriod.MONTH);
    for (int i = 0; i < records; i++) {
      b.add(ids[i], dates[i]);
    }
    bh.consume(b.build());
  }

  /**
   * Two halves built separately, then merged (the partition-and-combine path).
   *
   * @param bh the blackhole
   */
  @Benchmark
  public void buildHalvesAndMerge(Blackhole bh) {
    CohortTable.Builder left = CohortTable.builder(CohortPeriod.MONTH);
    CohortTable.Builder right = CohortTable.builder(CohortPeriod.MONTH);
    int half = records / 2;
    for (int i = 0; i < half; i++) {
      left.addEpochDay(ids[i], days[i]);
    }
    for (int i = half; i < records; i++) {
      right.addEpochDay(ids[i], days[i]);
    }
    bh.consume(left.build().merge(right.build()));
  }

  /**
   * Peer: the first/last-month bookkeeping with a boxed {@code HashMap} (no cohort counts).
   *
   * @param bh the blackhole
   */
  @Benchmark
  public void peerBoxedHashMap(Blackhole bh) {
    Map<Long, int[]> spans = new HashMap<>();
    for (int i = 0; i < records; i++) {
      int month = dates[i].getYear() * 12 + dates[i].getMonthValue() - 1;
      int[] span = spans.get(ids[i]);
      if (span == null) {
        spans.put(ids[i], new int[] {month, month});
      } else {
        span[0] = Math.min(span[0], month);
        span[1] = Math.max(span[1], month);
      }
    }
    bh.consume(spans);
  }
}
