package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the individual-data estimators and tests (QuickTheories): survival curves never
 * rise and stay in [0, 1], {@code exp(-H) >= S_KM}, and the log-rank statistic does not depend on
 * how the groups are labelled or the rows ordered.
 */
class SurvivalPropertiesTest {

  /** A sample of {@code n} rows: integer-ish durations (many ties), censoring, late entries. */
  private record Sample(double[] entries, double[] durations, boolean[] events, int[] groups,
      int[] strata, double[] weights) {

    static Sample of(long seed, int n) {
      SplittableRandom random = new SplittableRandom(seed);
      double[] entries = new double[n];
      double[] durations = new double[n];
      boolean[] events = new boolean[n];
      int[] groups = new int[n];
      int[] strata = new int[n];
      double[] weights = new double[n];
      int k = 2 + random.nextInt(3);
      for (int i = 0; i < n; i++) {
        groups[i] = random.nextInt(k);
        durations[i] = 1 + random.nextInt(12 + 3 * groups[i]) + (random.nextInt(4) == 0 ? 0.5 : 0);
        entries[i] = random.nextInt(3) == 0 ? random.nextInt((int) durations[i]) : 0;
        events[i] = random.nextInt(3) != 0;
        strata[i] = random.nextInt(2);
        weights[i] = 1 + random.nextInt(3);
      }
      groups[0] = 0;
      groups[1] = 1;
      return new Sample(entries, durations, events, groups, strata, weights);
    }
  }

  @Test
  void survivalCurvesNeverRiseAndNelsonAalenBoundsKaplanMeier() {
    qt().forAll(longs().all(), integers().between(2, 80)).checkAssert((seed, n) -> {
      Sample s = Sample.of(seed, n);
      KaplanMeier[] kms = {KaplanMeier.fit(s.durations(), s.events()),
          KaplanMeier.fit(s.entries(), s.durations(), s.events()),
          KaplanMeier.fit(s.entries(), s.durations(), s.events(), s.weights())};
      NelsonAalen[] nas = {NelsonAalen.fit(s.durations(), s.events()),
          NelsonAalen.fit(s.entries(), s.durations(), s.events()),
          NelsonAalen.fit(s.entries(), s.durations(), s.events(), s.weights())};
      for (int m = 0; m < kms.length; m++) {
        double previousKm = 1;
        double previousNa = 1;
        for (double t = 0; t <= kms[m].maxTime(); t += 0.25) {
          double km = kms[m].survival(t);
          double na = nas[m].survival(t);
          assertTrue(km >= 0 && km <= 1 && km <= previousKm, "KM " + km + " at " + t);
          assertTrue(na > 0 && na <= 1 && na <= previousNa, "NA " + na + " at " + t);
          assertTrue(na >= km - 1e-15, "exp(-H) " + na + " < S_KM " + km + " at " + t);
          previousKm = km;
          previousNa = na;
        }
      }
    });
  }

  @Test
  void logRankIsInvariantToGroupLabelsAndRowOrder() {
    qt().forAll(longs().all(), integers().between(4, 80)).checkAssert((seed, n) -> {
      Sample s = Sample.of(seed, n);
      int[] relabelled = new int[n];
      for (int i = 0; i < n; i++) {
        relabelled[i] = 100 - 7 * s.groups()[i];
      }
      int[] order = permutation(new SplittableRandom(~seed), n);
      for (double[] weights : new double[][] {{0, 0}, {1, 0}, {0.5, 2}}) {
        LogRankResult r = LogRankTest.builder(s.durations(), s.events(), s.groups())
            .flemingHarrington(weights[0], weights[1]).compare();
        LogRankResult byLabel = LogRankTest.builder(s.durations(), s.events(), relabelled)
            .flemingHarrington(weights[0], weights[1]).compare();
        LogRankResult byRow = LogRankTest.builder(permute(s.durations(), order),
            permute(s.events(), order), permute(s.groups(), order))
            .flemingHarrington(weights[0], weights[1]).compare();
        assertEquals(r.chiSquare(), byLabel.chiSquare(), 1e-9 * (1 + r.chiSquare()));
        assertEquals(r.chiSquare(), byRow.chiSquare(), 1e-9 * (1 + r.chiSquare()));
        assertEquals(r.degreesOfFreedom(), byLabel.degreesOfFreedom());
        assertArrayEquals(r.observed(), byRow.observed(), 1e-9);
        assertArrayEquals(r.expected(), byRow.expected(), 1e-9);
        double sumO = 0;
        double sumE = 0;
        for (int j = 0; j < r.observed().length; j++) {
          sumO += r.observed()[j];
          sumE += r.expected()[j];
        }
        assertEquals(sumO, sumE, 1e-9 * (1 + sumO));
        assertTrue(r.pValue() >= 0 && r.pValue() <= 1);
      }
      LogRankResult strat = LogRankTest.builder(s.durations(), s.events(), s.groups())
          .strata(s.strata()).compare();
      LogRankResult stratByRow = LogRankTest.builder(permute(s.durations(), order),
          permute(s.events(), order), permute(relabelled, order))
          .strata(permute(s.strata(), order)).compare();
      assertEquals(strat.chiSquare(), stratByRow.chiSquare(), 1e-9 * (1 + strat.chiSquare()));
    });
  }

  @Test
  void holmAdjustedPValuesDominateTheRawOnesAndKeepTheirOrder() {
    qt().forAll(longs().all(), integers().between(6, 80)).checkAssert((seed, n) -> {
      Sample s = Sample.of(seed, n);
      PairwiseLogRank pairs = LogRankTest.pairwise(s.durations(), s.events(), s.groups());
      int m = pairs.comparisons().size();
      int k = pairs.groups().length;
      assertEquals(k * (k - 1) / 2, m);
      for (PairwiseComparison a : pairs.comparisons()) {
        assertTrue(a.adjustedPValue() >= a.pValue() && a.adjustedPValue() <= 1);
        assertTrue(a.adjustedPValue() <= Math.min(1, m * a.pValue()) + 1e-15, "Bonferroni");
        for (PairwiseComparison b : pairs.comparisons()) {
          if (a.pValue() < b.pValue()) {
            assertTrue(a.adjustedPValue() <= b.adjustedPValue());
          }
        }
      }
    });
  }

  private static int[] permutation(SplittableRandom random, int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static double[] permute(double[] values, int[] order) {
    return RDataSets.pick(values, order);
  }

  private static boolean[] permute(boolean[] values, int[] order) {
    return RDataSets.pick(values, order);
  }

  private static int[] permute(int[] values, int[] order) {
    return RDataSets.pick(values, order);
  }
}
