package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.core.activity.ActivityUnit;
import dev.niche.core.activity.CustomerSummaries;
import dev.niche.core.internal.Hypergeometric;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Customer value from any continuous-time model and from the discrete-time BG/BB. */
class CustomerValueModelsTest {

  private static final GammaGamma SPEND = GammaGamma.of(2, 3, 10);
  // Donations estimates (Fader, Hardie & Shang 2010, Marketing Science 29(6)).
  private static final BgBb DONATIONS = BgBb.of(1.204, 0.750, 0.657, 2.783);

  @Test
  void anyRepeatPurchaseModelByHand() {
    // Poisson purchasing at 1 a week, never dropping out: E[Y(t)] = t. Two weekly periods at
    // d = 10 %: CLV = E[M] (1/1.1 + 1/1.21); E[M | x = 1, m = 30] = 2 * 40 / 4 = 20.
    CustomerValue v = CustomerValue.builder(new HoldoutValidationTest.Poisson(1), SPEND)
        .modelUnit(ActivityUnit.WEEKS).horizon(ActivityUnit.WEEKS, 2)
        .discountRatePerPeriod(0.1).build();
    assertEquals(20 * (1 / 1.1 + 1 / 1.21), v.value(1, 4, 9, 30), 1e-12);
    // Daily periods of a weekly model: 14 periods of 1/7 week.
    CustomerValue daily = CustomerValue.builder(new HoldoutValidationTest.Poisson(1), SPEND)
        .modelUnit(ActivityUnit.WEEKS).horizon(ActivityUnit.DAYS, 14)
        .discountRatePerPeriod(0).build();
    assertEquals(20 * 2, daily.value(1, 4, 9, 30), 1e-12);
  }

  @Test
  void paretoNbdValueByHand() {
    // CDNOW Pareto/NBD estimates (FHL 2005 MATLAB note); four weekly periods at 1 % a week.
    ParetoNbd model = ParetoNbd.of(0.5533, 10.5776, 0.6061, 11.6650);
    CustomerValue v = CustomerValue.builder(model, SPEND).modelUnit(ActivityUnit.WEEKS)
        .horizon(ActivityUnit.WEEKS, 4).discountRatePerPeriod(0.01).build();
    double byHand = 0;
    for (int k = 1; k <= 4; k++) {
      byHand += (model.expectedPurchases(k, 2, 30.43, 38.86)
          - model.expectedPurchases(k - 1, 2, 30.43, 38.86)) / Math.pow(1.01, k);
    }
    byHand *= SPEND.expectedSpend(2, 22.35);
    assertEquals(byHand, v.value(2, 30.43, 38.86, 22.35), 1e-12 * byHand);
  }

  @Test
  void bgBbValueIsTheDiscountedSumOfTransactionProbabilities() {
    // A donor who gave at 4 of 6 opportunities, the last at 5, mean gift 50; 5 yearly periods
    // at 10 % a year: E[M] * sum_k (E[k] - E[k-1]) / 1.1^k with E the BG/BB expectation.
    CustomerValue v = CustomerValue.builder(DONATIONS, SPEND)
        .modelUnit(ActivityUnit.YEARS).horizon(ActivityUnit.YEARS, 5)
        .annualDiscountRate(0.10).build();
    assertEquals(0.10, v.discountRatePerPeriod(), 1e-15);
    double byHand = 0;
    for (int k = 1; k <= 5; k++) {
      double increment = DONATIONS.expectedTransactions(k, 4, 5, 6)
          - DONATIONS.expectedTransactions(k - 1, 4, 5, 6);
      byHand += increment / Math.pow(1.1, k);
    }
    byHand *= SPEND.expectedSpend(4, 50);
    assertEquals(byHand, v.value(4, 5, 6, 50), 1e-12 * byHand);
    double[] all = v.values(new double[] {4, 0}, new double[] {5, 0}, new double[] {6, 6},
        new double[] {50, 0});
    assertEquals(byHand, all[0], 1e-12 * byHand);
    assertTrue(all[1] > 0 && all[1] < all[0]);
  }

  @Test
  void longBgBbHorizonTendsToTheClosedFormDert() {
    // FHS 2010: DERT(d | x, t_x, n) = B(a+x+1, b+n-x)/B(a,b) * B(g, h+n+1)/B(g,h) / (1+d)
    //   * 2F1(1, h+n+1; g+h+n+1; 1/(1+d)) / L. With spend fixed at 1 per transaction
    // (E[M] of a Gamma-Gamma with x = 0 is p gamma / (q - 1) = 1), 2,000 years at 10 % agree.
    GammaGamma unit = GammaGamma.of(1, 2, 1);
    CustomerValue v = CustomerValue.builder(DONATIONS, unit)
        .modelUnit(ActivityUnit.YEARS).horizon(ActivityUnit.YEARS, 2000)
        .discountRatePerPeriod(0.10).build();
    double a = 1.204;
    double b = 0.750;
    double g = 0.657;
    double h = 2.783;
    int x = 0;
    int n = 6;
    double logL = DONATIONS.logLikelihood(x, 0, n);
    double head = Math.exp(logBeta(a + x + 1, b + n - x) - logBeta(a, b)
        + logBeta(g, h + n + 1) - logBeta(g, h) - logL);
    double dert = head / 1.1 * Hypergeometric.f21(1, h + n + 1, g + h + n + 1, 1 / 1.1);
    assertEquals(dert, v.value(0, 0, 6, 0), 1e-9 * dert);
  }

  @Test
  void bgBbMisuseIsRejected() {
    CustomerValue.Builder b = CustomerValue.builder(DONATIONS, SPEND)
        .modelUnit(ActivityUnit.YEARS).horizon(ActivityUnit.MONTHS, 12).annualDiscountRate(0.1);
    assertThrows(IllegalStateException.class, b::build);
    CustomerValue v = CustomerValue.builder(DONATIONS, SPEND).modelUnit(ActivityUnit.YEARS)
        .horizon(ActivityUnit.YEARS, 3).annualDiscountRate(0.1).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> v.values(new double[] {1, 2}, new double[] {1, 1.5}, new double[] {6, 6},
            new double[] {1, 1}));
    assertEquals("tx[1] = 1.5 must be a whole number <= 1000000", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> v.value(3, 2, 6, 1));
    assertThrows(IllegalArgumentException.class, () -> v.values(CustomerSummaries.builder(
        LocalDate.of(2024, 1, 1), ActivityUnit.YEARS).add("a", LocalDate.of(2023, 1, 1), 1)
        .build()));
    assertThrows(IllegalArgumentException.class, () -> CustomerValue.builder(DONATIONS, SPEND)
        .horizon(ActivityUnit.YEARS, CustomerValue.MAX_PERIODS + 1));
  }

  private static double logBeta(double p, double q) {
    return org.apache.commons.math3.special.Beta.logBeta(p, q);
  }
}
