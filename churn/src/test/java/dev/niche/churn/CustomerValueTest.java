package dev.niche.churn;

import static dev.niche.churn.BgNbdTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.core.activity.ActivityUnit;
import dev.niche.core.activity.CustomerSummaries;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CustomerValueTest {

  // CDNOW estimates: BG/NBD (FHL 2005, Marketing Science) and Gamma-Gamma (FHL 2005, JMR).
  private static final BgNbd PURCHASES = BgNbd.of(0.243, 4.414, 0.793, 2.426);
  private static final GammaGamma SPEND = GammaGamma.of(6.25, 3.74, 15.44);

  @Test
  void monthlyValueOfAWeeklyModelByHand() {
    // Weekly model, 3 monthly periods, 10 % a year. By hand: a month is 30.4375 / 7 =
    // 4.348214285714286 weeks; the monthly rate is 1.1^(30.4375/365.25) - 1 = 1.1^(1/12) - 1 =
    // 0.007974140428903741. Customer x = 2, t_x = 30.43, T = 38.86, m = 22.35:
    // E[M] = 6.25 (15.44 + 2 * 22.35) / (6.25 * 2 + 3.74 - 1).
    CustomerValue v = CustomerValue.builder(PURCHASES, SPEND)
        .modelUnit(ActivityUnit.WEEKS)
        .horizon(ActivityUnit.MONTHS, 3)
        .annualDiscountRate(0.10)
        .build();
    double month = 4.348214285714286;
    double d = 0.007974140428903741;
    assertEquals(month, v.periodLength(), 1e-15);
    assertEquals(d, v.discountRatePerPeriod(), 1e-15);
    assertEquals(3, v.periods());
    double e1 = PURCHASES.expectedPurchases(month, 2, 30.43, 38.86);
    double e2 = PURCHASES.expectedPurchases(2 * month, 2, 30.43, 38.86);
    double e3 = PURCHASES.expectedPurchases(3 * month, 2, 30.43, 38.86);
    double spend = 6.25 * (15.44 + 2 * 22.35) / (6.25 * 2 + 3.74 - 1);
    double byHand = spend * (e1 / (1 + d) + (e2 - e1) / Math.pow(1 + d, 2)
        + (e3 - e2) / Math.pow(1 + d, 3));
    assertEquals(byHand, v.value(2, 30.43, 38.86, 22.35), 1e-12 * byHand);
    double[] all = v.values(new double[] {2, 0}, new double[] {30.43, 0},
        new double[] {38.86, 38.86}, new double[] {22.35, 0});
    assertEquals(byHand, all[0], 1e-12 * byHand);
    assertTrue(all[1] > 0);
  }

  @Test
  void undiscountedValueIsExpectedPurchasesTimesSpend() {
    // With d = 0 the sum telescopes: CLV = E[Y(K L)] E[M]; same in days or weeks.
    CustomerValue weekly = CustomerValue.builder(PURCHASES, SPEND)
        .modelUnit(ActivityUnit.WEEKS).horizon(ActivityUnit.WEEKS, 52)
        .discountRatePerPeriod(0).build();
    double expected = PURCHASES.expectedPurchases(52, 1, 1.71, 38.86)
        * SPEND.expectedSpend(1, 11.77);
    assertEquals(expected, weekly.value(1, 1.71, 38.86, 11.77), 1e-12 * expected);
    CustomerValue daily = CustomerValue.builder(PURCHASES, SPEND)
        .modelUnit(ActivityUnit.WEEKS).horizon(ActivityUnit.DAYS, 364)
        .annualDiscountRate(0).build();
    assertEquals(expected, daily.value(1, 1.71, 38.86, 11.77), 1e-10 * expected);
  }

  @Test
  void discountingLowersValueAndLongerHorizonsRaiseIt() {
    CustomerValue.Builder b = CustomerValue.builder(PURCHASES, SPEND)
        .modelUnit(ActivityUnit.WEEKS).horizon(ActivityUnit.MONTHS, 12);
    double none = b.annualDiscountRate(0).build().value(3, 20, 30, 40);
    double ten = b.annualDiscountRate(0.10).build().value(3, 20, 30, 40);
    double longer = b.horizon(ActivityUnit.MONTHS, 24).build().value(3, 20, 30, 40);
    assertTrue(ten < none && ten > 0.9 * none, ten + " vs " + none);
    assertTrue(longer > ten);
  }

  @Test
  void summariesMustBeInTheModelUnit() {
    CustomerSummaries weekly = CustomerSummaries.builder(LocalDate.of(2024, 3, 31),
            ActivityUnit.WEEKS)
        .add("a", LocalDate.of(2024, 1, 1), 10)
        .add("a", LocalDate.of(2024, 2, 12), 20)
        .add("b", LocalDate.of(2024, 2, 1), 5)
        .build();
    CustomerValue v = CustomerValue.builder(PURCHASES, SPEND).modelUnit(ActivityUnit.WEEKS)
        .horizon(ActivityUnit.MONTHS, 6).annualDiscountRate(0.1).build();
    double[] values = v.values(weekly);
    // "a": x = 1, t_x = 6 weeks, T = 90 / 7 weeks, mean repeat spend 20.
    assertEquals(v.value(1, 6, 90.0 / 7, 20), values[0], 1e-12);
    assertEquals(2, values.length);
    CustomerValue daily = CustomerValue.builder(PURCHASES, SPEND).modelUnit(ActivityUnit.DAYS)
        .horizon(ActivityUnit.MONTHS, 6).annualDiscountRate(0.1).build();
    assertMessage("summaries are in WEEKS but the model unit is DAYS",
        () -> daily.values(weekly));
  }

  @Test
  void configurationAndInputAreChecked() {
    assertThrows(IllegalStateException.class,
        () -> CustomerValue.builder(PURCHASES, SPEND).horizon(ActivityUnit.MONTHS, 1)
            .annualDiscountRate(0.1).build());
    assertThrows(IllegalStateException.class,
        () -> CustomerValue.builder(PURCHASES, SPEND).modelUnit(ActivityUnit.WEEKS)
            .annualDiscountRate(0.1).build());
    assertThrows(IllegalStateException.class,
        () -> CustomerValue.builder(PURCHASES, SPEND).modelUnit(ActivityUnit.WEEKS)
            .horizon(ActivityUnit.MONTHS, 1).build());
    assertMessage("count = 0", () -> CustomerValue.builder(PURCHASES, SPEND)
        .horizon(ActivityUnit.MONTHS, 0));
    assertMessage("rate = -1.0", () -> CustomerValue.builder(PURCHASES, SPEND)
        .annualDiscountRate(-1));
    assertThrows(NullPointerException.class, () -> CustomerValue.builder((BgNbd) null, SPEND));
    CustomerValue v = CustomerValue.builder(PURCHASES, SPEND).modelUnit(ActivityUnit.WEEKS)
        .horizon(ActivityUnit.MONTHS, 2).annualDiscountRate(0.1).build();
    assertMessage("tx = 5.0 must be <= T = 4.0", () -> v.value(1, 5, 4, 10));
    assertMessage("meanSpend[1] = NaN", () -> v.values(new double[] {1, 1},
        new double[] {1, 1}, new double[] {2, 2}, new double[] {1, Double.NaN}));
  }
}
