package dev.niche.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.churn.BgNbd;
import dev.niche.churn.BgNbdFit;
import dev.niche.churn.CustomerValue;
import dev.niche.churn.GammaGamma;
import dev.niche.churn.GammaGammaFit;
import dev.niche.churn.ParetoNbd;
import dev.niche.churn.ParetoNbdFit;
import dev.niche.core.activity.ActivityUnit;
import dev.niche.core.activity.CustomerSummaries;
import dev.niche.core.activity.Transaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BG/NBD, Pareto/NBD and Gamma-Gamma on Spark against the in-process fits on the same summaries.
 */
class ClvEstimatorsTest {

  private static final List<Transaction> TRANSACTIONS = TestData.transactions(400, 23);
  private static final LocalDate END = TestData.START.plusDays(540);
  private static final CustomerSummaries CORE =
      CustomerSummaries.of(TRANSACTIONS, END, ActivityUnit.WEEKS);
  private static final Dataset<Row> SUMMARIES = NicheSpark.customerSummaries(
      TestData.dataset(TRANSACTIONS, 3), "customer", "day", "amount", END, ActivityUnit.WEEKS)
      .cache();

  @Test
  void bgNbdFromCompressedStatisticsEqualsTheInProcessFit() {
    BgNbdModel model = new BgNbdEstimator().setHorizon(26).fit(SUMMARIES);
    BgNbdFit core = BgNbd.fit(CORE);
    BgNbd spark = model.bgNbd();
    assertEquals(core.model().r(), spark.r(), 1e-6 * core.model().r());
    assertEquals(core.model().alpha(), spark.alpha(), 1e-6 * core.model().alpha());
    assertEquals(core.model().a(), spark.a(), 1e-6 * core.model().a());
    assertEquals(core.model().b(), spark.b(), 1e-6 * core.model().b());
    assertEquals(core.logLikelihood(), model.fit().orElseThrow().logLikelihood(),
        1e-9 * Math.abs(core.logLikelihood()));
    List<Row> scored = model.transform(SUMMARIES).collectAsList();
    assertEquals(CORE.size(), scored.size());
    for (Row r : scored) {
      int i = CORE.indexOf(r.getString(0));
      double x = CORE.frequency()[i];
      double tx = CORE.recency()[i];
      double t = CORE.age()[i];
      assertEquals(spark.probabilityAlive(x, tx, t), r.getDouble(6));
      assertEquals(spark.expectedPurchases(26, x, tx, t), r.getDouble(7));
      assertEquals(core.model().probabilityAlive(x, tx, t), r.getDouble(6), 1e-5);
    }
  }

  @Test
  void fitsAreTheSameForAnyPartitioningOfTheSummaries() {
    // The distinct triples reach the driver in one canonical order, so the fits agree to the bit.
    Dataset<Row> one = SUMMARIES.repartition(1);
    Dataset<Row> five = SUMMARIES.repartition(5);
    BgNbd a = new BgNbdEstimator().fit(one).bgNbd();
    BgNbd b = new BgNbdEstimator().fit(five).bgNbd();
    assertEquals(List.of(a.r(), a.alpha(), a.a(), a.b()), List.of(b.r(), b.alpha(), b.a(), b.b()));
    ParetoNbd p = new ParetoNbdEstimator().fit(one).paretoNbd();
    ParetoNbd q = new ParetoNbdEstimator().fit(five).paretoNbd();
    assertEquals(List.of(p.r(), p.alpha(), p.s(), p.beta()),
        List.of(q.r(), q.alpha(), q.s(), q.beta()));
  }

  @Test
  void paretoNbdFromCompressedStatisticsEqualsTheInProcessFit() {
    ParetoNbdModel model = new ParetoNbdEstimator().setHorizon(26)
        .setProbabilityAliveCol("alive").fit(SUMMARIES);
    ParetoNbdFit core = ParetoNbd.fit(CORE);
    ParetoNbd spark = model.paretoNbd();
    assertEquals(core.model().r(), spark.r(), 1e-6 * core.model().r());
    assertEquals(core.model().alpha(), spark.alpha(), 1e-6 * core.model().alpha());
    assertEquals(core.model().s(), spark.s(), 1e-6 * core.model().s());
    assertEquals(core.model().beta(), spark.beta(), 1e-6 * core.model().beta());
    assertEquals(core.logLikelihood(), model.fit().orElseThrow().logLikelihood(),
        1e-9 * Math.abs(core.logLikelihood()));
    Dataset<Row> scored = model.transform(SUMMARIES);
    assertEquals(List.of("alive", "expectedPurchases"),
        List.of(scored.columns()).subList(6, 8));
    GammaGammaModel spend = new GammaGammaEstimator().fit(SUMMARIES);
    CustomerValue value = CustomerValue.builder(spark, spend.gammaGamma())
        .modelUnit(ActivityUnit.WEEKS).horizon(ActivityUnit.MONTHS, 6)
        .annualDiscountRate(0.1).build();
    Dataset<Row> valued = spend.customerValue(scored, model, ActivityUnit.WEEKS,
        ActivityUnit.MONTHS, 6, 0.1, "value");
    for (Row r : valued.collectAsList()) {
      int i = CORE.indexOf(r.getString(0));
      double x = CORE.frequency()[i];
      double tx = CORE.recency()[i];
      double t = CORE.age()[i];
      assertEquals(spark.probabilityAlive(x, tx, t), r.getDouble(6));
      assertEquals(spark.expectedPurchases(26, x, tx, t), r.getDouble(7));
      assertEquals(core.model().probabilityAlive(x, tx, t), r.getDouble(6), 1e-5);
      assertEquals(value.value(x, tx, t, CORE.meanRepeatSpend()[i]), r.getDouble(8));
    }
  }

  @Test
  void paretoNbdSavesAndLoadsInAPipeline(@TempDir Path dir) throws IOException {
    Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
        new ParetoNbdEstimator().setHorizon(13).setExpectedPurchasesCol("next13")});
    PipelineModel fitted = pipeline.fit(SUMMARIES);
    String path = dir.resolve("pareto").toString();
    fitted.write().overwrite().save(path);
    PipelineModel loaded = PipelineModel.load(path);
    assertEquals(fitted.transform(SUMMARIES).orderBy("customer").collectAsList(),
        loaded.transform(SUMMARIES).orderBy("customer").collectAsList());
    ParetoNbdModel model = (ParetoNbdModel) loaded.stages()[0];
    assertTrue(model.fit().isEmpty(), "a loaded model keeps only its parameters");
    ParetoNbdModel original = (ParetoNbdModel) fitted.stages()[0];
    assertEquals(original.paretoNbd().beta(), model.paretoNbd().beta());
    assertEquals(original.paretoNbd().s(), (Double) model.getOrDefault(model.s()));
    assertEquals("next13", model.getOrDefault(model.expectedPurchasesCol()));
    ParetoNbdModel copy = model.copy(new org.apache.spark.ml.param.ParamMap()
        .put(model.horizon().w(52.0)));
    assertEquals(52.0, (Double) copy.getOrDefault(copy.horizon()));
    assertEquals(13.0, (Double) model.getOrDefault(model.horizon()));
    String estimatorPath = dir.resolve("estimator").toString();
    new ParetoNbdEstimator().setAgeCol("T").write().save(estimatorPath);
    ParetoNbdEstimator estimator = ParetoNbdEstimator.load(estimatorPath);
    assertEquals("T", estimator.getOrDefault(estimator.ageCol()));
  }

  @Test
  void gammaGammaAndCustomerValueEqualTheInProcessModels() {
    GammaGammaModel spend = new GammaGammaEstimator().fit(SUMMARIES);
    GammaGammaFit core = GammaGamma.fit(CORE);
    GammaGamma spark = spend.gammaGamma();
    assertEquals(core.model().p(), spark.p(), 1e-6 * core.model().p());
    assertEquals(core.model().q(), spark.q(), 1e-6 * core.model().q());
    assertEquals(core.model().gamma(), spark.gamma(), 1e-6 * core.model().gamma());
    BgNbdModel purchases = new BgNbdEstimator().fit(SUMMARIES);
    CustomerValue value = CustomerValue.builder(purchases.bgNbd(), spark)
        .modelUnit(ActivityUnit.WEEKS).horizon(ActivityUnit.MONTHS, 12)
        .annualDiscountRate(0.1).build();
    Dataset<Row> valued = spend.customerValue(spend.transform(SUMMARIES), purchases,
        ActivityUnit.WEEKS, ActivityUnit.MONTHS, 12, 0.1, "value");
    for (Row r : valued.collectAsList()) {
      int i = CORE.indexOf(r.getString(0));
      double x = CORE.frequency()[i];
      double m = CORE.meanRepeatSpend()[i];
      assertEquals(spark.expectedSpend(x, m), r.getDouble(6));
      assertEquals(value.value(x, CORE.recency()[i], CORE.age()[i], m), r.getDouble(7));
    }
    assertThrows(IllegalArgumentException.class, () -> spend.customerValue(SUMMARIES,
        purchases, ActivityUnit.WEEKS, ActivityUnit.MONTHS, 0, 0.1, "value"));
  }

  @Test
  void pipelinesSaveAndLoad(@TempDir Path dir) throws IOException {
    Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
        new BgNbdEstimator().setHorizon(52), new GammaGammaEstimator()});
    PipelineModel fitted = pipeline.fit(SUMMARIES);
    String path = dir.resolve("clv").toString();
    fitted.write().overwrite().save(path);
    PipelineModel loaded = PipelineModel.load(path);
    List<Row> before = fitted.transform(SUMMARIES).orderBy("customer").collectAsList();
    List<Row> after = loaded.transform(SUMMARIES).orderBy("customer").collectAsList();
    assertEquals(before, after);
    BgNbdModel bg = (BgNbdModel) loaded.stages()[0];
    assertTrue(bg.fit().isEmpty(), "a loaded model keeps only its parameters");
    assertEquals(((BgNbdModel) fitted.stages()[0]).bgNbd().r(), bg.bgNbd().r());
    String estimatorPath = dir.resolve("estimator").toString();
    new BgNbdEstimator().setHorizon(13).setRecencyCol("tx").save(estimatorPath);
    BgNbdEstimator estimator = BgNbdEstimator.load(estimatorPath);
    assertEquals(13.0, (Double) estimator.getOrDefault(estimator.horizon()));
    assertEquals("tx", estimator.getOrDefault(estimator.recencyCol()));
    assertTrue(Files.exists(dir.resolve("estimator")));
  }

  @Test
  void badColumnsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new BgNbdEstimator().setAgeCol("T").fit(SUMMARIES));
    assertTrue(e.getMessage().contains("ageCol = 'T'"), e.getMessage());
    IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
        () -> new BgNbdEstimator().setProbabilityAliveCol("age").fit(SUMMARIES));
    assertTrue(taken.getMessage().contains("probabilityAliveCol"), taken.getMessage());
    assertThrows(NullPointerException.class, () -> new GammaGammaEstimator().fit(null));
    assertThrows(IllegalArgumentException.class, () -> new BgNbdEstimator().setHorizon(-1));
    assertThrows(IllegalArgumentException.class, () -> new ParetoNbdEstimator().setHorizon(0));
    IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
        () -> new ParetoNbdEstimator().setExpectedPurchasesCol("probabilityAlive")
            .fit(SUMMARIES));
    assertTrue(same.getMessage().contains("both 'probabilityAlive'"), same.getMessage());
  }
}
