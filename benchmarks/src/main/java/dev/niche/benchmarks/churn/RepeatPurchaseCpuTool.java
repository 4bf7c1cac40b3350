package dev.niche.benchmarks.churn;

import dev.niche.churn.BgNbd;
import dev.niche.churn.BgNbdFit;
import dev.niche.churn.ParetoNbd;
import dev.niche.churn.ParetoNbdFit;
import dev.niche.churn.internal.BgNbdScore;
import dev.niche.churn.internal.CohortSimulation;
import dev.niche.churn.internal.DistinctCustomers;
import dev.niche.churn.internal.ParetoNbdScore;
import dev.niche.core.FitDiagnostics;
import dev.niche.core.likelihood.DifferentiableLogLikelihood;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The fits of {@link RepeatPurchaseMillionFitBenchmark} timed in <b>thread CPU time</b>, which a
 * shared, loaded machine distorts far less than wall-clock time: the same generators and calls,
 * repeated in one JVM after warm-up fits, with each fit's evaluations, estimates and the cost of
 * one full-data likelihood-and-gradient pass. Usage (from the repository root):
 *
 * <pre>
 * ./mvnw -o -q -pl benchmarks -am package -DskipTests dependency:build-classpath \
 *   -Dmdep.outputFile=$PWD/benchmarks/target/classpath.txt
 * java -Xmx4g -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) \
 *   dev.niche.benchmarks.churn.RepeatPurchaseCpuTool [repetitions]
 * </pre>
 */
public final class RepeatPurchaseCpuTool {

  private static final int CUSTOMERS = 1_000_000;
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private RepeatPurchaseCpuTool() {}

  /**
   * Runs the panel.
   *
   * @param args optional number of timed repetitions per shape (default 3), then optionally the
   *     shapes to run, as a substring of their names (e.g. {@code "Pareto/NBD continuous"}; default
   *     all four)
   */
  public static void main(String[] args) {
    int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    String only = args.length > 1 ? args[1] : "";
    if ("BG/NBD days".contains(only)) {
      CohortSimulation bgDays =
          CohortSimulation.bgNbd(0.243, 4.414, 0.793, 2.426, CUSTOMERS, 1L);
      bg("BG/NBD days", bgDays.x, bgDays.tx, bgDays.age, repetitions);
    }
    if ("Pareto/NBD days".contains(only)) {
      CohortSimulation pDays =
          CohortSimulation.paretoNbd(0.5533, 10.5776, 0.6061, 11.665, CUSTOMERS, 2L);
      pareto("Pareto/NBD days", pDays.x, pDays.tx, pDays.age, repetitions);
    }
    if ("BG/NBD continuous".contains(only)) {
      ContinuousCohort bgCont = ContinuousCohort.bgNbd(0.8, 12, 1.5, 6, CUSTOMERS, 3L);
      bg("BG/NBD continuous", bgCont.x, bgCont.tx, bgCont.age, repetitions);
    }
    if ("Pareto/NBD continuous".contains(only)) {
      ContinuousCohort pCont = ContinuousCohort.paretoNbd(1.2, 20, 0.4, 30, CUSTOMERS, 4L);
      pareto("Pareto/NBD continuous", pCont.x, pCont.tx, pCont.age, repetitions);
    }
  }

  private static void bg(String name, double[] x, double[] tx, double[] age, int repetitions) {
    DistinctCustomers d = DistinctCustomers.validated(x, tx, age, null);
    double pass = passSeconds(new BgNbdScore(d.x, d.tx, d.age, d.weight),
        new double[] {0.8, 12, 1.5, 6});
    BgNbdFit f = time(name, () -> BgNbd.fit(x, tx, age), repetitions, d.size(), pass);
    print(f.diagnostics(), new double[] {f.r().value(), f.alpha().value(), f.a().value(),
        f.b().value()}, new double[] {f.r().standardError(), f.alpha().standardError(),
        f.a().standardError(), f.b().standardError()});
  }

  private static void pareto(String name, double[] x, double[] tx, double[] age,
      int repetitions) {
    DistinctCustomers d = DistinctCustomers.validated(x, tx, age, null);
    double pass = passSeconds(new ParetoNbdScore(d.x, d.tx, d.age, d.weight),
        new double[] {1.2, 20, 0.4, 30});
    ParetoNbdFit f = time(name, () -> ParetoNbd.fit(x, tx, age), repetitions, d.size(), pass);
    print(f.diagnostics(), new double[] {f.r().value(), f.alpha().value(), f.s().value(),
        f.beta().value()}, new double[] {f.r().standardError(), f.alpha().standardError(),
        f.s().standardError(), f.beta().standardError()});
  }

  private static double passSeconds(DifferentiableLogLikelihood l, double[] p) {
    double[] g = new double[p.length];
    double sink = 0;
    for (int i = 0; i < 5; i++) {
      sink += l.valueAndGradient(p, g);
    }
    long t0 = CPU.getCurrentThreadCpuTime();
    for (int i = 0; i < 5; i++) {
      sink += l.valueAndGradient(p, g);
    }
    long t1 = CPU.getCurrentThreadCpuTime();
    if (sink == 42) {
      System.out.println();
    }
    return (t1 - t0) / 5e9;
  }

  private static <T> T time(String name, Supplier<T> fit, int repetitions, int rows,
      double pass) {
    T result = fit.get();
    result = fit.get();
    StringBuilder times = new StringBuilder();
    for (int i = 0; i < repetitions; i++) {
      long t0 = CPU.getCurrentThreadCpuTime();
      result = fit.get();
      long t1 = CPU.getCurrentThreadCpuTime();
      times.append(String.format(Locale.ROOT, " %.3f", (t1 - t0) / 1e9));
    }
    System.out.printf(Locale.ROOT, "%-22s rows %,d  one pass %.4f s  fit thread CPU s:%s%n",
        name, rows, pass, times);
    return result;
  }

  private static void print(FitDiagnostics d, double[] values, double[] se) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      b.append(String.format(Locale.ROOT, " %.5g (%.2g)", values[i], se[i]));
    }
    System.out.printf(Locale.ROOT, "    evaluations %d  ll %.13g  estimates (se):%s%n    %s%n",
        d.evaluations(), d.logLikelihood(), b, d.message());
  }
}
