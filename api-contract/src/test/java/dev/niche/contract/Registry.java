package dev.niche.contract;

import dev.niche.churn.BgNbd;
import dev.niche.churn.CohortPeriod;
import dev.niche.churn.CohortTable;
import dev.niche.churn.CoxFit;
import dev.niche.churn.CoxProportionalHazards;
import dev.niche.churn.CustomerValue;
import dev.niche.churn.GammaGamma;
import dev.niche.core.activity.ActivityUnit;
import dev.niche.core.activity.CustomerSummaries;
import dev.niche.core.activity.Transaction;
import dev.niche.core.likelihood.LogLikelihood;
import dev.niche.ecology.CompetitionModel;
import dev.niche.ecology.ObservedSeries;
import dev.niche.ecology.Trajectory;
import dev.niche.core.likelihood.MaximumLikelihood;
import dev.niche.core.likelihood.Parameter;
import dev.niche.segmentation.KSelection;
import dev.niche.valuechain.Composition;
import dev.niche.valuechain.CompositionSet;
import dev.niche.churn.SurvivalData;
import dev.niche.churn.Ties;
import dev.niche.core.activity.SummaryColumns;
import dev.niche.segmentation.KMeans;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Valid sample instances of API types that the generic search cannot build from candidate
 * values alone: interfaces the caller implements, data sets with several customers, builders
 * that need several settings before {@code build()}.
 *
 * <p>When the suite reports "no sample of parameter type X" or "no instance of X" for new public
 * API, add a factory for X here (one line: {@code add(pool, X.class, "label", () -> ...)}); when
 * it reports "no combination of candidate values succeeded", add valid arguments for that entry
 * point to {@link #ARGUMENTS}.
 */
final class Registry {

  /** Valid arguments for entry points whose arguments must agree in ways the search misses. */
  private static final Map<String, List<Object[]>> ARGUMENTS = Map.of(
      "ecology.SimulationOptions#<init>(double,double,double,double,int)",
      List.<Object[]>of(new Object[] {1e-9, 1e-9, 1e-6, 1e9, 100_000}),
      "churn.KaplanMeier#fit(double[],double[],boolean[],double[])",
      List.<Object[]>of(new Object[] {new double[] {0, 1, 0, 2, 0}, new double[] {5, 8, 3, 12, 7},
          new boolean[] {true, false, true, true, false}, new double[] {1, 1, 2, 1, 1}}),
      "churn.CoxFit#survival(int,double[],double)",
      List.<Object[]>of(new Object[] {2, new double[] {0.5}, 4.0}),
      "churn.LogRankTest#fromRiskSets(double[],long[][],long[][])",
      List.<Object[]>of(new Object[] {new double[] {1, 2, 3},
          new long[][] {{5, 4, 2}, {6, 5, 3}}, new long[][] {{1, 1, 0}, {1, 0, 1}}}),
      "churn.LogRankTest#pairwise(double[],boolean[],int[])",
      List.<Object[]>of(new Object[] {new double[] {5, 8, 3, 12, 7, 9, 2, 10, 4},
          new boolean[] {true, false, true, true, false, true, true, false, true},
          new int[] {0, 0, 0, 1, 1, 1, 2, 2, 2}}),
      "valuechain.ReciprocalAllocation#allocate(List,double[],List,double[],double[][])",
      List.<Object[]>of(new Object[] {List.of("s1", "s2"), new double[] {100, 50},
          List.of("p1", "p2"), new double[] {300, 200},
          new double[][] {{0, 0.2, 0.5, 0.3}, {0.1, 0, 0.4, 0.5}}}));

  private Registry() {}

  /** Explicit valid arguments for an entry point (by its report name), tried first. */
  static List<Object[]> arguments(String entry) {
    return ARGUMENTS.getOrDefault(entry, List.of());
  }

  static void seed(Pool pool) {
    add(pool, LogLikelihood.class, "quadratic log-likelihood", () -> (LogLikelihood) p -> {
      double s = 0;
      for (double v : p) {
        s -= (v - 0.5) * (v - 0.5);
      }
      return s;
    });
    add(pool, LogLikelihood.class, "NaN log-likelihood", () -> (LogLikelihood) p -> Double.NaN);
    add(pool, Supplier.class, "message supplier", () -> (Supplier<String>) () -> "a message");
    LocalDate d = LocalDate.of(2024, 1, 1);
    add(pool, Transaction.class, "Transaction(b, 2024-01-08, 3.5)",
        () -> new Transaction("b", d.plusDays(7), 3.5));
    add(pool, Transaction.class, "Transaction(c, 2024-02-01, 10)",
        () -> new Transaction("c", d.plusDays(31), 10.0));
    add(pool, CustomerSummaries.class, "summaries of 5 customers", () -> {
      CustomerSummaries.Builder b = CustomerSummaries.builder(d.plusDays(90), ActivityUnit.WEEKS);
      String[] ids = {"a", "b", "c", "d", "e"};
      for (int c = 0; c < ids.length; c++) {
        for (int k = 0; k <= c; k++) {
          b.add(ids[c], d.plusDays(3L * c + 11L * k), 5.0 + 2 * k + c);
        }
      }
      return b.build();
    });
    add(pool, CohortTable.class, "monthly cohorts of 6 customers", () -> {
      CohortTable.Builder b = CohortTable.builder(CohortPeriod.MONTH);
      for (int c = 0; c < 6; c++) {
        for (int m = 0; m <= 5 - c % 3; m++) {
          b.add("c" + c, d.plusMonths(c % 2 + m));
        }
      }
      return b.observedUntil(d.plusMonths(8)).build();
    });
    add(pool, ObservedSeries.class, "competition series", () -> {
      Trajectory t = CompetitionModel.of(0.8, 0.6, 100, 80, 0.4, 0.3)
          .simulate(new double[] {10, 5}, new double[] {0, 1, 2, 3, 4, 5, 6, 8, 10, 12});
      return new ObservedSeries(t.times(), t.states());
    });
    addRebuilt(pool, CustomerValue.Builder.class, "complete CustomerValue builder",
        () -> CustomerValue.builder(BgNbd.of(0.24, 4.41, 0.79, 2.43), GammaGamma.of(6.25, 3.74, 15.44))
            .modelUnit(ActivityUnit.WEEKS)
            .horizon(ActivityUnit.MONTHS, 12)
            .annualDiscountRate(0.1));
    likelihoods(pool);
    survival(pool);
    streams(pool);
  }

  private static void survival(Pool pool) {
    addRebuilt(pool, SurvivalData.Builder.class, "survival data of 8 subjects",
        Registry::survivalBuilder);
    add(pool, SurvivalData.class, "survival data of 8 subjects",
        () -> survivalBuilder().build());
    add(pool, CoxFit.class, "Cox fit in strata 1 and 2", () -> CoxProportionalHazards.fit(
        survivalBuilder().strata(new int[] {1, 1, 1, 1, 1, 2, 2, 2, 2, 2}).build(), Ties.EFRON));
    LocalDate d = LocalDate.of(2024, 1, 1);
    add(pool, CustomerSummaries.class, "summaries of 6 customers with a holdout period", () -> {
      CustomerSummaries.Builder b = CustomerSummaries.builder(d.plusDays(70), ActivityUnit.WEEKS)
          .holdoutEnd(d.plusDays(140));
      for (int c = 0; c < 6; c++) {
        for (int k = 0; k <= c; k++) {
          b.add("h" + c, d.plusDays(2L * c + 23L * k), 4.0 + k + c);
        }
      }
      return b.build();
    });
    addRebuilt(pool, SummaryColumns.class, "columns of 3 customers",
        () -> CustomerSummaries.fromColumns(d, ActivityUnit.WEEKS)
            .columns(List.of("a", "b", "c"), new double[] {0, 1, 2}, new double[] {0, 3, 5},
                new double[] {6, 8, 9}, new double[] {0, 5, 7}));
  }

  private static SurvivalData.Builder survivalBuilder() {
    return SurvivalData.builder()
        .durations(new double[] {5, 8, 3, 12, 7, 9, 2, 10, 4, 6})
        .events(new boolean[] {true, false, true, true, false, true, true, false, true, true})
        .covariate("x", new double[] {0.5, 1.2, -0.3, 0.8, 0.1, -1.0, 1.5, 0.0, 0.7, -0.4});
  }

  /** Streams for a k-means model's binary form: a fresh stream for every call. */
  private static void streams(Pool pool) {
    addRebuilt(pool, OutputStream.class, "ByteArrayOutputStream", ByteArrayOutputStream::new);
    addRebuilt(pool, InputStream.class, "a written 2-means model", () -> {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try {
        KMeans.builder().k(2).seed(1).build()
            .fit(new double[][] {{1, 1}, {1.2, 0.8}, {5, 5}, {5.2, 4.9}}).writeTo(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new ByteArrayInputStream(bytes.toByteArray());
    });
  }

  private static void likelihoods(Pool pool) {
    LogLikelihood quadratic = p -> -(p[0] - 2) * (p[0] - 2) - (p[1] - 0.3) * (p[1] - 0.3);
    addRebuilt(pool, MaximumLikelihood.Builder.class, "maximum likelihood of (a, p)",
        () -> MaximumLikelihood.builder(quadratic, Parameter.positive("a"),
            Parameter.unitInterval("p")).start(1.0, 0.5).observations(10));
    addRebuilt(pool, MaximumLikelihood.Builder.class, "maximum likelihood, NaN everywhere",
        () -> MaximumLikelihood.builder(p -> Double.NaN, Parameter.positive("a"),
            Parameter.free("b")).start(1.0, 0.5));
    add(pool, KSelection.class, "k in 1..3", () -> KSelection.builder().range(1, 3).build());
    add(pool, CompositionSet.class, "three compositions of three parts",
        () -> CompositionSet.of(List.of(Composition.of(1, 2, 3), Composition.of(2, 2, 1),
            Composition.of(3, 1, 1))));
  }

  private static void add(Pool pool, Class<?> type, String label, Supplier<Object> maker) {
    pool.add(type, Sample.made(maker, label, false));
  }

  private static void addRebuilt(Pool pool, Class<?> type, String label,
      Supplier<Object> maker) {
    pool.add(type, Sample.made(maker, label, true));
  }
}
