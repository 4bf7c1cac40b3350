package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.core.activity.ActivityUnit;
import dev.niche.core.activity.CustomerSummaries;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Holdout validation and model comparison on small cases worked by hand, with a model whose
 * quantities have closed forms (customers buy as a Poisson process of rate 1/2 a day and never
 * drop out: E[Y(t)] = E[X(t)] = t/2, P(X(t) = n) = e^{−t/2} (t/2)^n / n!, P(alive) = 1).
 */
class HoldoutValidationTest {

  /** Poisson purchasing at rate lambda, no dropout. */
  static final class Poisson implements RepeatPurchaseModel {
    private final double lambda;

    Poisson(double lambda) {
      this.lambda = lambda;
    }

    @Override
    @SuppressWarnings("ParameterName")
    public double logLikelihood(double x, double tx, double T) {
      return x * Math.log(lambda) - lambda * T;
    }

    @Override
    @SuppressWarnings("ParameterName")
    public double probabilityAlive(double x, double tx, double T) {
      return 1.0;
    }

    @Override
    @SuppressWarnings("ParameterName")
    public double expectedPurchases(double t, double x, double tx, double T) {
      return lambda * t;
    }

    @Override
    public double expectedPurchasesNewCustomer(double t) {
      return lambda * t;
    }

    @Override
    public double probabilityOfPurchases(double t, int n) {
      double p = Math.exp(-lambda * t);
      for (int k = 1; k <= n; k++) {
        p *= lambda * t / k;
      }
      return p;
    }

    @Override
    public int parameterCount() {
      return 1;
    }
  }

  private static final LocalDate CAL = LocalDate.of(2024, 1, 10);
  private static final LocalDate HOLD = LocalDate.of(2024, 1, 20);

  /**
   * In days: "a" born 1 Jan, repeat 5 Jan, holdout 12 and 15 Jan: x = 1, t_x = 4, T = 9, x* = 2.
   * "b" born 3 Jan, nothing more: x = 0, T = 7, x* = 0. "c" born 10 Jan, holdout 11 Jan: x = 0,
   * T = 0, x* = 1. Holdout T* = 10 days.
   */
  private static CustomerSummaries summaries() {
    return CustomerSummaries.builder(CAL, ActivityUnit.DAYS).holdoutEnd(HOLD)
        .add("a", LocalDate.of(2024, 1, 1), 10)
        .add("a", LocalDate.of(2024, 1, 5), 30)
        .add("a", LocalDate.of(2024, 1, 12), 1)
        .add("a", LocalDate.of(2024, 1, 15), 1)
        .add("b", LocalDate.of(2024, 1, 3), 5)
        .add("c", LocalDate.of(2024, 1, 10), 5)
        .add("c", LocalDate.of(2024, 1, 11), 5)
        .build();
  }

  @Test
  void perCustomerPredictionsAndErrorsByHand() {
    GammaGamma spend = GammaGamma.of(2, 3, 10);
    HoldoutValidation v = HoldoutValidation.builder(new Poisson(0.5), summaries())
        .spend(spend).censor(1).build();
    assertEquals(10.0, v.holdoutLength(), 0.0);
    List<HoldoutPrediction> rows = v.customers();
    assertEquals(new HoldoutPrediction("a", 1, 4, 9, 1, 5, 2, 5 * spend.expectedSpend(1, 30)),
        rows.get(0));
    assertEquals(new HoldoutPrediction("b", 0, 0, 7, 1, 5, 0, 5 * spend.expectedSpend(0, 0)),
        rows.get(1));
    assertEquals(4.0, rows.get(2).error(), 0.0);
    // E[M | x = 1, m = 30] = p (gamma + x m) / (p x + q - 1) = 2 * 40 / 4 = 20.
    assertEquals(100.0, rows.get(0).expectedValue(), 1e-12);
    // |5-2| + |5-0| + |5-1| = 12 over 3 customers; squares 9 + 25 + 16 = 50.
    ForecastErrors e = v.errors();
    assertEquals(4.0, e.meanAbsoluteError(), 1e-15);
    assertEquals(Math.sqrt(50.0 / 3), e.rootMeanSquaredError(), 1e-15);
    assertEquals(15.0, e.totalExpected(), 0.0);
    assertEquals(3.0, e.totalActual(), 0.0);
    assertEquals(12.0, e.totalError(), 0.0);
    assertEquals(4.0, e.relativeTotalError(), 0.0);
    assertTrue(Double.isNaN(HoldoutValidation.of(new Poisson(0.5), summaries()).customers()
        .get(0).expectedValue()));
  }

  @Test
  void conditionalExpectationsAndHistogramByHand() {
    HoldoutValidation v = HoldoutValidation.builder(new Poisson(0.5), summaries()).censor(1)
        .build();
    // x = 0: b and c, actual (0 + 1) / 2, expected 5; x >= 1: a, actual 2, expected 5.
    assertEquals(List.of(new FrequencyBin(0, false, 2, 0.5, 5), new FrequencyBin(1, true, 1, 2, 5)),
        v.conditionalExpectations());
    assertEquals("1+", v.conditionalExpectations().get(1).label());
    // Expected customers with x = 0: e^{-4.5} + e^{-3.5} + e^0 (T = 9, 7, 0); the rest by
    // difference.
    double zero = Math.exp(-4.5) + Math.exp(-3.5) + 1;
    List<HistogramBin> h = v.calibrationHistogram();
    assertEquals(2, h.get(0).actual());
    assertEquals(zero, h.get(0).expected(), 1e-15);
    assertEquals(1, h.get(1).actual());
    assertEquals(3 - zero, h.get(1).expected(), 1e-15);
    assertEquals(8, HoldoutValidation.of(new Poisson(0.5), summaries())
        .conditionalExpectations().size());
  }

  @Test
  void trackingByHand() {
    RepeatPurchaseTracking t = HoldoutValidation.of(new Poisson(0.5), summaries()).tracking()
        .orElseThrow();
    // Days from 1 Jan to 20 Jan: 20 periods; calibration ends after day 10.
    assertEquals(LocalDate.of(2024, 1, 1), t.start());
    assertEquals(20, t.periods());
    assertEquals(10.0, t.calibrationPeriods(), 0.0);
    double[] actual = new double[20];
    actual[4] = 1; // a, 5 Jan
    actual[10] = 1; // c, 11 Jan
    actual[11] = 1; // a, 12 Jan
    actual[14] = 1; // a, 15 Jan
    assertArrayEquals(actual, t.actualIncremental(), 0.0);
    assertEquals(4.0, t.actualCumulative()[19], 0.0);
    // Expected by the end of day k+1: 0.5 * (max(0, k+1-0) + max(0, k+1-2) + max(0, k+1-9)).
    double[] cumulative = t.expectedCumulative();
    for (int k = 0; k < 20; k++) {
      double expected = 0.5 * (k + 1 + Math.max(0, k - 1) + Math.max(0, k - 8));
      assertEquals(expected, cumulative[k], 1e-12, "period " + k);
    }
    assertEquals(24.5, cumulative[19], 1e-12);
    assertEquals(1.5, t.expectedIncremental()[19], 1e-12);
    assertEquals(ActivityUnit.DAYS, t.unit());
  }

  @Test
  void summariesFromColumnsHaveNoTracking() {
    CustomerSummaries s = summaries();
    CustomerSummaries columns = CustomerSummaries.fromColumns(CAL, ActivityUnit.DAYS)
        .columns(s.customerIds(), s.frequency(), s.recency(), s.age(), s.meanRepeatSpend())
        .holdout(HOLD, s.holdoutFrequency())
        .build();
    HoldoutValidation v = HoldoutValidation.of(new Poisson(0.5), columns);
    assertFalse(v.tracking().isPresent());
    assertEquals(HoldoutValidation.of(new Poisson(0.5), s).customers(), v.customers());
  }

  @Test
  void badInputIsRejected() {
    CustomerSummaries noHoldout = CustomerSummaries.builder(CAL, ActivityUnit.DAYS)
        .add("a", CAL, 1).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HoldoutValidation.of(new Poisson(1), noHoldout));
    assertTrue(e.getMessage().contains("holdout"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> HoldoutValidation.of(new Poisson(1),
        CustomerSummaries.builder(CAL, ActivityUnit.DAYS).holdoutEnd(HOLD).build()));
    assertThrows(NullPointerException.class, () -> HoldoutValidation.of(null, summaries()));
    assertThrows(IllegalArgumentException.class,
        () -> HoldoutValidation.builder(new Poisson(1), summaries()).censor(0));
    assertThrows(NullPointerException.class,
        () -> HoldoutValidation.builder(new Poisson(1), summaries()).spend(null));
  }

  @Test
  void modelComparisonByHand() {
    // ln L of the Poisson model: x ln(lambda) - lambda T, summed: a (x=1, T=9), b (0, 7),
    // c (0, 0): ln(lambda) - 16 lambda; maximal at lambda = 1/16.
    CustomerSummaries s = summaries();
    Poisson best = new Poisson(1.0 / 16);
    Poisson worse = new Poisson(0.5);
    ModelComparison c = ModelComparison.of(s, "best", best, "worse", worse);
    assertEquals(3, c.customers());
    ModelScore b = c.scores().get(0);
    double ll = Math.log(1.0 / 16) - 1;
    assertEquals(ll, b.logLikelihood(), 1e-12);
    assertEquals(2 - 2 * ll, b.aic(), 1e-12);
    assertEquals(Math.log(3) - 2 * ll, b.bic(), 1e-12);
    assertEquals("best", c.bestByAic().name());
    assertEquals("best", c.bestByBic().name());
    assertEquals(List.of("best", "worse"), c.scores().stream().map(ModelScore::name).toList());
    assertThrows(IllegalArgumentException.class, () -> ModelComparison.of(s, Map.of()));
    assertThrows(IllegalArgumentException.class,
        () -> ModelComparison.of(s, "same", best, "same", worse));
    // BG/NBD: the comparison's log-likelihood is the sum of the model's per-customer values.
    BgNbd bg = BgNbd.of(0.243, 4.414, 0.793, 2.426);
    double sum = bg.logLikelihood(1, 4, 9) + bg.logLikelihood(0, 0, 7) + bg.logLikelihood(0, 0, 0);
    assertEquals(sum, ModelComparison.of(s, Map.of("BG/NBD", bg)).scores().get(0).logLikelihood(),
        1e-12);
  }
}
