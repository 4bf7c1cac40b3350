package dev.niche.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.churn.BdwFit;
import dev.niche.churn.BetaDiscreteWeibull;
import dev.niche.churn.CohortPeriod;
import dev.niche.churn.CohortTable;
import dev.niche.churn.ConfidenceBand;
import dev.niche.churn.KaplanMeier;
import dev.niche.churn.LogRankResult;
import dev.niche.churn.LogRankTest;
import dev.niche.churn.RetentionCurve;
import dev.niche.churn.SbgFit;
import dev.niche.churn.ShiftedBetaGeometric;
import dev.niche.core.Interval;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The Java snippets of docs/churn.md, compiled and run; the body of each test is the snippet verbatim. */
@SuppressWarnings({"unused", "UnusedVariable"})
class ChurnDocSnippetsTest {

  @Test
  void apiTour() {
    // Another partition of the same activity log: both customers are still active in 2025.
    CohortTable otherPartition = CohortTable.builder(CohortPeriod.MONTH)
        .add(42L, LocalDate.of(2025, 2, 9)).add("cust-7", LocalDate.of(2025, 3, 1)).build();
    RetentionCurve one = RetentionCurve.ofPercentages(100, 100, 95, 70, 50, 35, 20, 10);
    RetentionCurve two = RetentionCurve.ofPercentages(100, 100, 93, 67, 45, 32, 22, 14);

    KaplanMeier km = KaplanMeier.fit(one);
    double s3 = km.survival(3);                                   // 0.50
    Interval ci = km.confidenceInterval(3, 0.95, ConfidenceBand.LOG);

    LogRankResult lr = LogRankTest.compare(one, two);             // chi² 0.0052, p 0.943
    LogRankResult wil = LogRankTest.flemingHarrington(1, one, two);

    SbgFit fit = ShiftedBetaGeometric.fit(RetentionCurve.ofCounts(1000, 631, 468, 382, 326, 289, 262, 241));
    fit.alpha();                                                  // 0.7041 (se 0.066)
    double[] next = fit.projectedSurvivors(12);                   // years 8..12: 220 204 191 180 170
    ShiftedBetaGeometric.of(3.8, 15.2).discountedExpectedResidualLifetime(0.10, 0);   // 3.31

    BdwFit bdw = BetaDiscreteWeibull.fit(two);
    bdw.c(); bdw.versusSbg().pValue();

    CohortTable table = CohortTable.builder(CohortPeriod.MONTH)
        .add(42L, LocalDate.of(2024, 1, 5))
        .add("cust-7", LocalDate.of(2024, 2, 1))
        .build();
    CohortTable all = table.merge(otherPartition);
    RetentionCurve pooled = all.pooledCurve(12);
    assertEquals(0.50, s3, 1e-12);
    assertEquals(0.0052, lr.chiSquare(), 5e-5);
    assertEquals(0.7041, fit.alpha().value(), 5e-5);
    assertEquals(220.1, next[8], 0.05);
    assertEquals(3.31, ShiftedBetaGeometric.of(3.8, 15.2).discountedExpectedResidualLifetime(0.10, 0), 0.005);
    assertTrue(ci.contains(s3));
    assertEquals(2, pooled.survivors(0));
  }
}
