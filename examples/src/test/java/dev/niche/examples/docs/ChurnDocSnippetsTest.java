package dev.niche.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.churn.BdwFit;
import dev.niche.churn.BetaDiscreteWeibull;
import dev.niche.churn.CohortPeriod;
import dev.niche.churn.CohortTable;
import dev.niche.churn.ConfidenceBand;
import dev.niche.churn.CoxFit;
import dev.niche.churn.CoxProportionalHazards;
import dev.niche.churn.HazardRatio;
import dev.niche.churn.KaplanMeier;
import dev.niche.churn.LogRankResult;
import dev.niche.churn.LogRankTest;
import dev.niche.churn.NelsonAalen;
import dev.niche.churn.PairwiseLogRank;
import dev.niche.churn.RetentionCurve;
import dev.niche.churn.SbgFit;
import dev.niche.churn.ShiftedBetaGeometric;
import dev.niche.churn.SurvivalData;
import dev.niche.churn.Ties;
import dev.niche.core.Interval;
import java.time.LocalDate;
import java.util.Random;
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

  /** References: R survival 3.5.3, survfit(Surv(firstSeen, tenure, churned) ~ 1), survdiff. */
  @Test
  void individualCustomers() {
    double[] tenure = {2, 3, 3, 5, 8, 4, 6, 9, 12, 12, 7, 10, 12, 12, 12};   // months subscribed
    boolean[] churned = {true, true, false, true, true, true, false, true, false, false,
        true, false, false, false, false};
    int[] plan = {1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3};              // basic, standard, premium
    int[] channel = {1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1};
    double[] firstSeen = {0, 0, 1, 0, 2, 0, 0, 3, 0, 6, 0, 0, 4, 0, 0};     // tenure when first observed

    KaplanMeier seen = KaplanMeier.fit(firstSeen, tenure, churned);        // at risk on (firstSeen, tenure]
    double s6 = seen.survival(6);                                          // 0.669
    NelsonAalen hazard = NelsonAalen.fit(firstSeen, tenure, churned);
    double h6 = hazard.cumulativeHazard(6);                                // 0.382

    LogRankResult byPlan = LogRankTest.compare(tenure, churned, plan);     // chi² 8.83 on 2 df, p 0.0121
    LogRankResult withinChannel = LogRankTest.builder(tenure, churned, plan)
        .strata(channel)                                                   // chi² 6.13
        .flemingHarrington(0, 0)
        .compare();
    PairwiseLogRank pairs = LogRankTest.pairwise(tenure, churned, plan);
    double basicVsPremium = pairs.adjustedPValue(1, 3);                    // Holm 0.0487 (raw 0.0162)
    assertEquals(0.66942148760, s6, 1e-10);
    assertEquals(0.38181818182, h6, 1e-10);
    assertEquals(8.82842498438, byPlan.chiSquare(), 1e-9);
    assertEquals(0.01210408243, byPlan.pValue(), 1e-10);
    assertEquals(6.13460005134, withinChannel.chiSquare(), 1e-9);
    assertEquals(0.04874171, basicVsPremium, 1e-8);
    assertEquals(0.01624724, pairs.comparison(1, 3).pValue(), 1e-8);
  }

  @Test
  void coxProportionalHazards() {
    // Generated customers: exponential churn with hazard 0.02 * exp(0.01 age) * {1, 0.8, 0.6} by plan,
    // censored at 36 months, in households of four.
    int n = 2000;
    Random random = new Random(7);
    String[] levels = {"basic", "plus", "pro"};
    double[] ratio = {1.0, 0.8, 0.6};
    double[] tenureMonths = new double[n];
    boolean[] churned = new boolean[n];
    double[] age = new double[n];
    String[] plan = new String[n];
    int[] householdId = new int[n];
    for (int i = 0; i < n; i++) {
      age[i] = 20 + random.nextInt(50);
      int p = random.nextInt(3);
      plan[i] = levels[p];
      householdId[i] = i / 4;
      double hazard = 0.02 * Math.exp(0.01 * age[i]) * ratio[p];
      double time = -Math.log(1 - random.nextDouble()) / hazard;
      tenureMonths[i] = Math.min(36, Math.ceil(time));
      churned[i] = time <= 36;
    }

    SurvivalData data = SurvivalData.builder()
        .durations(tenureMonths).events(churned)
        .covariate("age", age)
        .categorical("plan", plan, "basic")          // columns plan=plus, plan=pro
        .clusters(householdId)                        // robust (sandwich) standard errors
        .build();
    CoxFit fit = CoxProportionalHazards.fit(data, Ties.EFRON);
    HazardRatio pro = fit.hazardRatio("plan=pro");   // e.g. 0.62 [0.55, 0.70]: 38% lower churn hazard
    fit.proportionalHazardsTest().term("age");        // does the effect of age fade with tenure?
    double stay12 = fit.survival(new double[] {35, 0, 1}, 12);   // a 35-year-old pro customer
    String table = fit.summary();                    // term, coef, HR, SE, z, p, CI as text

    assertEquals(0.6, fit.hazardRatio("plan=pro").value(), 0.1);
    assertTrue(stay12 > 0 && stay12 < 1, "survival at 12 months " + stay12);
    assertTrue(table.contains("plan=pro"), table);
  }
}
