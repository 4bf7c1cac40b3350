package dev.niche.benchmarks.churn;

import dev.niche.core.activity.ActivityUnit;
import dev.niche.core.activity.CustomerSummaries;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Customer summaries (x, t_x, T, mean repeat spend) from 1,000,000 transactions of 100,000
 * customers over one year (seed 7, unsorted), against the straightforward collections peer
 * (a {@code HashMap} of {@code TreeMap<LocalDate, Double>} per customer) in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CustomerSummaryBenchmark {

  private static final int TRANSACTIONS = 1_000_000;
  private static final int CUSTOMERS = 100_000;
  private static final LocalDate START = LocalDate.of(2023, 1, 1);
  private static final LocalDate END = LocalDate.of(2023, 12, 31);

  private String[] ids;
  private LocalDate[] dates;
  private double[] amounts;

  /** Generates the transactions. */
  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(7);
    String[] pool = new String[CUSTOMERS];
    for (int c = 0; c < CUSTOMERS; c++) {
      pool[c] = "c" + c;
    }
    LocalDate[] days = new LocalDate[400];
    for (int d = 0; d < days.length; d++) {
      days[d] = START.plusDays(d);
    }
    ids = new String[TRANSACTIONS];
    dates = new LocalDate[TRANSACTIONS];
    amounts = new double[TRANSACTIONS];
    for (int i = 0; i < TRANSACTIONS; i++) {
      ids[i] = pool[random.nextInt(CUSTOMERS)];
      dates[i] = days[random.nextInt(days.length)];
      amounts[i] = Math.round(random.nextDouble() * 10_000) / 100.0;
    }
  }

  /**
   * Niche's builder.
   *
   * @return the summaries
   */
  @Benchmark
  public CustomerSummaries niche() {
    CustomerSummaries.Builder b = CustomerSummaries.builder(END, ActivityUnit.WEEKS);
    for (int i = 0; i < TRANSACTIONS; i++) {
      b.add(ids[i], dates[i], amounts[i]);
    }
    return b.build();
  }

  /**
   * Peer: per-customer sorted maps of daily totals, then the same summary.
   *
   * @return x, t_x, T and mean repeat spend per customer
   */
  @Benchmark
  public Map<String, double[]> collections() {
    Map<String, TreeMap<LocalDate, Double>> byCustomer = new HashMap<>();
    for (int i = 0; i < TRANSACTIONS; i++) {
      if (!dates[i].isAfter(END)) {
        byCustomer.computeIfAbsent(ids[i], k -> new TreeMap<>())
            .merge(dates[i], amounts[i], Double::sum);
      }
    }
    Map<String, double[]> out = new HashMap<>(2 * byCustomer.size());
    for (Map.Entry<String, TreeMap<LocalDate, Double>> e : byCustomer.entrySet()) {
      TreeMap<LocalDate, Double> days = e.getValue();
      LocalDate first = days.firstKey();
      double repeat = 0;
      for (double v : days.tailMap(first, false).values()) {
        repeat += v;
      }
      int x = days.size() - 1;
      out.put(e.getKey(), new double[] {x,
          ChronoUnit.DAYS.between(first, days.lastKey()) / 7.0,
          ChronoUnit.DAYS.between(first, END) / 7.0, x == 0 ? 0 : repeat / x});
    }
    return out;
  }
}
