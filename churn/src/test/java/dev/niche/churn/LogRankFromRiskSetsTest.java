package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link LogRankTest#fromRiskSets} against {@link LogRankTest#compare(double[], boolean[], int[])}
 * on the individual data the risk sets are counted from (R's lung, veteran and aml data, whose
 * survdiff results {@link LogRankAgainstRTest} checks; lung by sex again against R here).
 */
class LogRankFromRiskSetsTest {

  /** The risk sets of individual data: times, at-risk and event counts per group (label order). */
  private static LogRankResult fromIndividuals(double[] time, boolean[] event, int[] group) {
    int[] labels = Arrays.stream(group).distinct().sorted().toArray();
    TreeSet<Double> distinct = new TreeSet<>();
    for (double t : time) {
      distinct.add(t);
    }
    double[] times = distinct.stream().mapToDouble(Double::doubleValue).toArray();
    long[][] atRisk = new long[labels.length][times.length];
    long[][] events = new long[labels.length][times.length];
    for (int r = 0; r < time.length; r++) {
      int j = Arrays.binarySearch(labels, group[r]);
      int at = Arrays.binarySearch(times, time[r]);
      for (int i = 0; i <= at; i++) {
        atRisk[j][i]++;
      }
      if (event[r]) {
        events[j][at]++;
      }
    }
    return LogRankTest.fromRiskSets(times, atRisk, events);
  }

  private static void assertSame(LogRankResult expected, LogRankResult actual) {
    double tol = 1e-12;
    assertEquals(expected.chiSquare(), actual.chiSquare(), tol * expected.chiSquare());
    assertEquals(expected.degreesOfFreedom(), actual.degreesOfFreedom());
    // The chi-square's last-bit rounding (the sums run in another order) is amplified in a
    // small p-value by about chi^2 / 2: 2.7e-12 relative was seen at chi^2 near 50.
    assertEquals(expected.pValue(), actual.pValue(), 1e-9 * expected.pValue() + 1e-300);
    assertArrayEquals(expected.observed(), actual.observed(), tol * 1e3);
    assertArrayEquals(expected.expected(), actual.expected(), tol * 1e3);
    for (int j = 0; j < expected.variance().length; j++) {
      assertArrayEquals(expected.variance()[j], actual.variance()[j], tol * 1e3);
    }
  }

  @Test
  void lungBySexEqualsIndividualDataAndR() {
    LogRankResult r = fromIndividuals(RDataSets.LUNG_TIME, RDataSets.LUNG_DEAD,
        RDataSets.LUNG_SEX);
    assertSame(LogRankTest.compare(RDataSets.LUNG_TIME, RDataSets.LUNG_DEAD, RDataSets.LUNG_SEX),
        r);
    // R survival 3.5.3: survdiff(Surv(time, status) ~ sex, data = lung).
    assertEquals(10.326741954885632, r.chiSquare(), 1e-9 * 10.3);
    assertEquals(0.0013111645203554882, r.pValue(), 1e-9 * 0.0013);
    assertArrayEquals(new int[] {0, 1}, r.groups());
  }

  @Test
  void veteranFourCellTypesEqualIndividualData() {
    assertSame(LogRankTest.compare(RDataSets.VETERAN_TIME, RDataSets.VETERAN_DEAD,
            RDataSets.VETERAN_CELLTYPE),
        fromIndividuals(RDataSets.VETERAN_TIME, RDataSets.VETERAN_DEAD,
            RDataSets.VETERAN_CELLTYPE));
  }

  @Test
  void amlWithTiesEqualsIndividualData() {
    assertSame(LogRankTest.compare(RDataSets.AML_TIME, RDataSets.AML_RELAPSE, RDataSets.AML_ARM),
        fromIndividuals(RDataSets.AML_TIME, RDataSets.AML_RELAPSE, RDataSets.AML_ARM));
  }

  @Test
  void equalsIndividualDataOnRandomTiedData() {
    qt().forAll(longs().all(), integers().between(2, 4), integers().between(2, 60))
        .checkAssert((seed, k, n) -> {
          Random random = new Random(seed);
          double[] time = new double[n];
          boolean[] event = new boolean[n];
          int[] group = new int[n];
          for (int i = 0; i < n; i++) {
            time[i] = random.nextInt(8);
            event[i] = random.nextInt(3) > 0;
            group[i] = i < k ? i : random.nextInt(k);
          }
          assertSame(LogRankTest.compare(time, event, group),
              fromIndividuals(time, event, group));
        });
  }

  @Test
  void doesNotModifyItsArguments() {
    double[] times = {1, 2};
    long[][] atRisk = {{5, 3}, {4, 4}};
    long[][] events = {{1, 2}, {0, 1}};
    LogRankResult r = LogRankTest.fromRiskSets(times, atRisk, events);
    assertTrue(r.chiSquare() >= 0);
    assertArrayEquals(new double[] {1, 2}, times);
    assertArrayEquals(new long[] {5, 3}, atRisk[0]);
    assertArrayEquals(new long[] {0, 1}, events[1]);
  }

  @Test
  void badRiskSetsAreNamed() {
    long[][] two = {{3, 2}, {3, 2}};
    long[][] none = {{0, 0}, {0, 0}};
    assertMessage(NullPointerException.class, "times",
        () -> LogRankTest.fromRiskSets(null, two, none));
    assertMessage(NullPointerException.class, "atRisk",
        () -> LogRankTest.fromRiskSets(new double[] {1, 2}, null, none));
    assertMessage(NullPointerException.class, "events[1]",
        () -> LogRankTest.fromRiskSets(new double[] {1, 2}, two, new long[][] {{0, 0}, null}));
    assertMessage(IllegalArgumentException.class, "times must not be empty",
        () -> LogRankTest.fromRiskSets(new double[0], new long[][] {{}, {}},
            new long[][] {{}, {}}));
    assertMessage(IllegalArgumentException.class, "times[1] = 1.0 must be greater",
        () -> LogRankTest.fromRiskSets(new double[] {1, 1}, two, none));
    assertMessage(IllegalArgumentException.class, "times[0] = NaN",
        () -> LogRankTest.fromRiskSets(new double[] {Double.NaN, 1}, two, none));
    assertMessage(IllegalArgumentException.class, "times[0] = -1.0",
        () -> LogRankTest.fromRiskSets(new double[] {-1, 1}, two, none));
    assertMessage(IllegalArgumentException.class, "atRisk has 1 group(s)",
        () -> LogRankTest.fromRiskSets(new double[] {1, 2}, new long[][] {{3, 2}},
            new long[][] {{0, 0}}));
    assertMessage(IllegalArgumentException.class, "events",
        () -> LogRankTest.fromRiskSets(new double[] {1, 2}, two, new long[][] {{0, 0}}));
    assertMessage(IllegalArgumentException.class, "atRisk[1]",
        () -> LogRankTest.fromRiskSets(new double[] {1, 2}, new long[][] {{3, 2}, {3}}, none));
    assertMessage(IllegalArgumentException.class, "atRisk[0][1] = -2 must be >= 0",
        () -> LogRankTest.fromRiskSets(new double[] {1, 2}, new long[][] {{3, -2}, {3, 2}},
            none));
    assertMessage(IllegalArgumentException.class, "events[1][0] = 4 must be in [0, atRisk[1][0]",
        () -> LogRankTest.fromRiskSets(new double[] {1, 2}, two, new long[][] {{0, 0}, {4, 0}}));
    assertMessage(IllegalArgumentException.class, "events[0][0] = -1",
        () -> LogRankTest.fromRiskSets(new double[] {1, 2}, two, new long[][] {{-1, 0}, {0, 0}}));
  }

  private static void assertMessage(Class<? extends RuntimeException> type, String part,
      org.junit.jupiter.api.function.Executable call) {
    RuntimeException e = assertThrows(type, call);
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }
}
