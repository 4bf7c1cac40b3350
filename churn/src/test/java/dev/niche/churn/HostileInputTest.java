package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import org.junit.jupiter.api.Test;

/** Issue 18: sizes and horizons are bounded, overflow is reported as the documented error. */
class HostileInputTest {

  @Test
  void likelihoodRatioRejectsAnOverflowingDifferenceAndHandlesHugeOnes() {
    assertThrows(IllegalArgumentException.class, () -> LikelihoodRatio.of(1e308, -1e308, 1));
    LikelihoodRatio huge = LikelihoodRatio.of(1e307, 0, 3);
    assertEquals(0.0, huge.pValue());
    assertEquals(2e307, huge.statistic(), 1e293);
    // Chi-square(1) tail at 3.841459 is 0.05.
    assertEquals(0.05, LikelihoodRatio.of(3.841459 / 2, 0, 1).pValue(), 1e-7);
  }

  @Test
  void periodStartsOutsideLocalDateThrowTheDocumentedException() {
    for (CohortPeriod period : CohortPeriod.values()) {
      for (long index : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE * 400L}) {
        assertThrows(DateTimeException.class, () -> period.start(index), period + " " + index);
      }
    }
  }

  @Test
  void projectionsAreBounded() {
    ShiftedBetaGeometric sbg = ShiftedBetaGeometric.of(0.7, 1.2);
    assertThrows(IllegalArgumentException.class,
        () -> sbg.expectedSurvivors(1000, Integer.MAX_VALUE));
    assertEquals(ShiftedBetaGeometric.MAX_PERIODS + 1,
        sbg.expectedSurvivors(1, ShiftedBetaGeometric.MAX_PERIODS).length);
    BetaDiscreteWeibull bdw = BetaDiscreteWeibull.of(0.7, 1.2, 0.9);
    assertThrows(IllegalArgumentException.class,
        () -> bdw.expectedSurvivors(1000, Integer.MAX_VALUE));
  }

  @Test
  void bgBbExpectationsAreLinearAndBounded() {
    // Fader, Hardie & Shang (2010), Table 2: alpha 1.204, beta 0.750, gamma 0.657, delta 2.783.
    BgBb model = BgBb.of(1.204, 0.750, 0.657, 2.783);
    double direct = 0;
    for (int k = 1; k <= 5; k++) {
      direct += Math.exp(dev.niche.churn.internal.BgBbLikelihood.logBetaRatio(0.657, 2.783, 0,
          6 + k));
    }
    double head = Math.exp(dev.niche.churn.internal.BgBbLikelihood.logBetaRatio(1.204, 0.750,
        4 + 1, 6 - 4) - model.logLikelihood(4, 5, 6));
    assertEquals(head * direct, model.expectedTransactions(5, 4, 5, 6), 1e-12);
    double large = model.expectedTransactions(BgBb.MAX_OPPORTUNITIES, 4, 5, 6);
    assertEquals(true, Double.isFinite(large) && large > model.expectedTransactions(5, 4, 5, 6));
    assertThrows(IllegalArgumentException.class,
        () -> model.expectedTransactions(Integer.MAX_VALUE, 4, 5, 6));
    assertThrows(IllegalArgumentException.class,
        () -> model.expectedTransactionsNewCustomer(Integer.MAX_VALUE));
    assertThrows(IllegalArgumentException.class,
        () -> model.logLikelihood(0, 0, Integer.MAX_VALUE));
  }

  @Test
  void customerValueHorizonsAreBounded() {
    CustomerValue.Builder b = CustomerValue.builder(BgNbd.of(0.24, 4.41, 0.79, 2.43),
        GammaGamma.of(6.25, 3.74, 15.44));
    assertThrows(IllegalArgumentException.class,
        () -> b.horizon(dev.niche.core.activity.ActivityUnit.YEARS, Integer.MAX_VALUE));
    b.horizon(dev.niche.core.activity.ActivityUnit.DAYS, CustomerValue.MAX_PERIODS);
  }
}
