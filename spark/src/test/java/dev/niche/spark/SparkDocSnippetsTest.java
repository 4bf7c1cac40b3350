package dev.niche.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.churn.LogRankResult;
import dev.niche.churn.LogRankTest;
import dev.niche.churn.ParetoNbd;
import dev.niche.core.activity.ActivityUnit;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java snippets of docs/spark.md, compiled and run on the shared local session (they need
 * Spark, which the examples module does not depend on); the body of each test is the snippet
 * verbatim, with its inputs made first.
 */
@SuppressWarnings({"unused", "UnusedVariable"})
class SparkDocSnippetsTest {

  @Test
  void paretoNbdCustomerValue(@TempDir Path dir) throws Exception {
    Dataset<Row> transactions = TestData.dataset(TestData.transactions(200, 5), 2);
    String path = dir.resolve("pareto-nbd").toString();

    Dataset<Row> summaries = NicheSpark.customerSummaries(transactions, "customer", "day",
        "amount", LocalDate.of(2024, 6, 30), ActivityUnit.WEEKS).cache();
    ParetoNbdModel purchases = new ParetoNbdEstimator().setHorizon(26).fit(summaries);
    ParetoNbd model = purchases.paretoNbd();            // r, alpha, s, beta; purchases.fit(): errors
    GammaGammaModel spend = new GammaGammaEstimator().fit(summaries);
    Dataset<Row> scored = spend.customerValue(purchases.transform(summaries), purchases,
        ActivityUnit.WEEKS, ActivityUnit.MONTHS, 12, 0.10, "value");
    purchases.write().overwrite().save(path);
    ParetoNbdModel loaded = ParetoNbdModel.load(path);

    assertEquals(model.s(), loaded.paretoNbd().s());
    assertTrue(purchases.fit().orElseThrow().diagnostics().converged());
    assertEquals(summaries.count(), scored.where("value >= 0").count());
  }

  @Test
  void logRankFromRiskSets() {
    double[] weeks = {4, 8, 12};
    long[][] atRisk = {{100, 80, 61}, {100, 90, 84}};   // plan A, plan B, at risk before each week
    long[][] lapsed = {{18, 17, 9}, {9, 5, 6}};         // customers lapsing in each week
    LogRankResult test = LogRankTest.fromRiskSets(weeks, atRisk, lapsed);

    // O - E of plan B: 20 - 33.837; chi-square 13.706 (p = 0.00021), as the sums by hand give.
    assertEquals(13.70644, test.chiSquare(), 5e-5);
    assertEquals(1, test.degreesOfFreedom());
    assertTrue(test.pValue() < 0.01, "p = " + test.pValue());
  }
}
