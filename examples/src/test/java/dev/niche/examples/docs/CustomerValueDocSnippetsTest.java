package dev.niche.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.churn.BgNbd;
import dev.niche.churn.BgNbdFit;
import dev.niche.churn.CustomerValue;
import dev.niche.churn.GammaGamma;
import dev.niche.churn.GammaGammaFit;
import dev.niche.churn.HoldoutValidation;
import dev.niche.churn.ModelComparison;
import dev.niche.churn.ParetoNbd;
import dev.niche.churn.ParetoNbdFit;
import dev.niche.churn.RepeatPurchaseModel;
import dev.niche.core.activity.ActivityUnit;
import dev.niche.core.activity.CustomerSummaries;
import dev.niche.core.activity.CustomerSummary;
import dev.niche.core.activity.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Java snippets of docs/customer-value.md, compiled and run; the body of each test is the snippet verbatim. */
@SuppressWarnings({"unused", "UnusedVariable"})
class CustomerValueDocSnippetsTest {

  @Test
  void summaries() {

    CustomerSummaries s = CustomerSummaries.builder(LocalDate.of(1997, 9, 30), ActivityUnit.WEEKS)
        .add("0001", LocalDate.of(1997, 1, 1), 29.33)   // or LocalDateTime, or Transaction records
        .add("0001", LocalDate.of(1997, 1, 18), 29.73)
        .build();
    double[] x = s.frequency(), tx = s.recency(), T = s.age(), m = s.meanRepeatSpend();
    CustomerSummary one = s.get(s.indexOf("0001"));    // record view; also totalSpend, first/last day
    assertEquals(1.0, x[0], 0.0);
    assertEquals(17.0 / 7, tx[0], 1e-12);
    assertEquals(29.73, m[0], 1e-12);
    assertEquals("0001", one.customerId());
  }

  @Test
  void bgNbd() {
    double[] x = {0, 1, 2, 0, 3, 1, 0, 5, 2, 0, 1, 0};
    double[] tx = {0, 10, 30.43, 0, 25, 5, 0, 35, 12, 0, 20, 0};
    double[] T = {38.86, 30, 38.86, 20, 38, 36, 12, 38.5, 30, 25, 33, 39};
    BgNbdFit fit = BgNbd.fit(x, tx, T);              // or fit(x, tx, T, weights), fit(summaries)
    fit.r(); fit.alpha(); fit.a(); fit.b();           // core Estimates (value, standard error)
    fit.diagnostics();                                // converged, evaluations, LL, onBoundary
    fit.probabilityAlive(2, 30.43, 38.86);
    fit.expectedPurchases(52, 2, 30.43, 38.86);       // next 52 weeks
    fit.expectedPurchasesNewCustomer(39);
    BgNbd model = BgNbd.of(0.243, 4.414, 0.793, 2.426);  // known parameters
    assertTrue(fit.diagnostics().logLikelihood() < 0);
    assertEquals(0.243, model.r(), 0.0);
    assertTrue(model.probabilityAlive(2, 30.43, 38.86) > 0.7);
  }

  @Test
  void paretoNbd() {
    double[] x = {0, 1, 2, 0, 3, 1, 0, 5, 2, 0, 1, 0};
    double[] tx = {0, 10, 30.43, 0, 25, 5, 0, 35, 12, 0, 20, 0};
    double[] T = {38.86, 30, 38.86, 20, 38, 36, 12, 38.5, 30, 25, 33, 39};
    ParetoNbdFit fit = ParetoNbd.fit(x, tx, T);      // or fit(x, tx, T, weights), fit(summaries)
    fit.r(); fit.alpha(); fit.s(); fit.beta();        // core Estimates
    ParetoNbd m = fit.model();                        // or ParetoNbd.of(0.5533, 10.5776, 0.6061, 11.665)
    m.probabilityAlive(2, 30.43, 38.86);              // 0.869
    m.expectedPurchases(39, 2, 30.43, 38.86);         // 1.455
    m.probabilityOfPurchases(39, 0);                  // P(X(39) = 0) = 0.594
    ParetoNbd cdnow = ParetoNbd.of(0.5533, 10.5776, 0.6061, 11.665);
    assertEquals(0.869, cdnow.probabilityAlive(2, 30.43, 38.86), 5e-4);
    assertEquals(1.455, cdnow.expectedPurchases(39, 2, 30.43, 38.86), 5e-4);
    assertEquals(0.594, cdnow.probabilityOfPurchases(39, 0), 5e-4);
    assertTrue(m.probabilityAlive(2, 30.43, 38.86) > 0 && m.probabilityAlive(2, 30.43, 38.86) <= 1);
  }

  @Test
  void customerValue() {
    CustomerSummaries summaries = CustomerSummaries.builder(LocalDate.of(1997, 9, 30), ActivityUnit.WEEKS)
        .add("a", LocalDate.of(1997, 1, 1), 20).add("a", LocalDate.of(1997, 3, 1), 30)
        .add("a", LocalDate.of(1997, 6, 1), 25).add("b", LocalDate.of(1997, 2, 1), 50)
        .add("b", LocalDate.of(1997, 8, 1), 70).add("c", LocalDate.of(1997, 3, 1), 10)
        .add("d", LocalDate.of(1997, 1, 15), 15).add("d", LocalDate.of(1997, 2, 15), 18)
        .add("d", LocalDate.of(1997, 4, 15), 12).add("d", LocalDate.of(1997, 9, 15), 16)
        .add("e", LocalDate.of(1997, 5, 1), 40).add("f", LocalDate.of(1997, 1, 1), 90)
        .add("f", LocalDate.of(1997, 9, 1), 110).add("g", LocalDate.of(1997, 7, 1), 30)
        .build();
    BgNbdFit bgNbdFit = BgNbd.fit(summaries);
    GammaGammaFit gammaGammaFit = GammaGamma.fit(summaries);
    double x = 2;
    double tx = 30.43;
    double T = 38.86;
    double meanSpend = 35;
    CustomerValue clv = CustomerValue.builder(bgNbdFit, gammaGammaFit)
        .modelUnit(ActivityUnit.WEEKS)           // unit the BG/NBD was fitted in
        .horizon(ActivityUnit.MONTHS, 12)        // 12 monthly periods
        .annualDiscountRate(0.10)                // or discountRatePerPeriod(d)
        .build();
    double v = clv.value(x, tx, T, meanSpend);   // values(...) for arrays
    double[] all = clv.values(summaries);         // rejects summaries in another unit than modelUnit
    assertTrue(v > 0);
    assertEquals(summaries.size(), all.length);
    assertEquals(12, clv.periods());
  }

  @Test
  void summariesFromColumns() {
    LocalDate calibrationEnd = LocalDate.of(1997, 9, 30);
    LocalDate holdoutEnd = LocalDate.of(1998, 6, 30);
    List<String> ids = List.of("a", "b");
    double[] x = {2, 0};
    double[] tx = {30.43, 0};
    double[] T = {38.86, 38.86};
    double[] meanRepeatSpend = {22.35, 0};
    double[] total = {74, 10};
    double[] holdoutX = {1, 0};
    CustomerSummaries s = CustomerSummaries.fromColumns(calibrationEnd, ActivityUnit.WEEKS)
        .columns(ids, x, tx, T, meanRepeatSpend)       // checked: names column and index on error
        .totalSpend(total)                              // optional (default x * mean repeat spend)
        .holdout(holdoutEnd, holdoutX)                  // optional
        .build();
    assertEquals(2, s.size());
    assertEquals(1.0, s.holdoutFrequency()[0], 0.0);
    assertEquals(39.0, s.holdoutLength()[0], 0.0);
  }

  @Test
  void holdoutValidation() {
    List<Transaction> transactions = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(3);
    for (int c = 0; c < 200; c++) {
      LocalDate day = LocalDate.of(1997, 1, 1).plusDays(random.nextInt(90));
      double rate = 0.02 + 0.2 * random.nextDouble();
      while (day.isBefore(LocalDate.of(1998, 7, 1)) && random.nextDouble() > 0.02) {
        transactions.add(new Transaction("c" + c, day, 10));
        day = day.plusDays(1 + (long) (-Math.log(1 - random.nextDouble()) / rate));
      }
    }
    RepeatPurchaseModel otherModel = BgNbd.of(0.243, 4.414, 0.793, 2.426);
    CustomerSummaries split = CustomerSummaries.builder(LocalDate.of(1997, 9, 30), ActivityUnit.WEEKS)
        .holdoutEnd(LocalDate.of(1998, 6, 30))          // 39-week holdout
        .addAll(transactions)
        .build();
    BgNbdFit fit = BgNbd.fit(split);                    // fits on the calibration columns only
    HoldoutValidation v = HoldoutValidation.builder(fit.model(), split)
        .spend(GammaGamma.fit(split).model())            // optional: expected holdout revenue
        .build();                                        // censor(7): last frequency bin "7+"
    v.customers();                 // id, x, t_x, T, P(alive), expected and actual x*, value
    v.conditionalExpectations();   // mean actual vs expected x* by calibration x = 0..6, 7+
    v.calibrationHistogram();      // customers with x = n: actual vs Σ_i P(X(T_i) = n)
    v.tracking();                  // weekly incremental and cumulative repeat purchases
    v.errors();                    // MAE, RMSE, total expected vs actual
    ModelComparison c = ModelComparison.of(split, "BG/NBD", fit.model(), "other", otherModel);
    c.scores();                    // ln L, AIC = 2k − 2 ln L, BIC = k ln n − 2 ln L, per model
    assertEquals(8, v.conditionalExpectations().size());
    assertTrue(v.tracking().orElseThrow().periods() > 70);
    assertEquals("BG/NBD", c.bestByAic().name());
  }
}
