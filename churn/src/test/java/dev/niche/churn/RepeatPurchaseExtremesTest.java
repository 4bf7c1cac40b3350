package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import dev.niche.core.activity.ActivityUnit;
import org.junit.jupiter.api.Test;

/**
 * Expectations stay finite and accurate for every parameter value a fit can return (the
 * optimiser keeps positive parameters in {@code [e^-20, e^20]}, about {@code [2e-9, 4.9e8]}).
 */
class RepeatPurchaseExtremesTest {

  /**
   * BG/NBD E[Y(t) | x, t_x, T] (E[X(t)] when x = t_x = T = 0) at 60 digits with mpmath, from
   * the paper's forms (src/test/resources/reference/bgnbd_expectation_extremes.py): r, alpha, a,
   * b, t, x, t_x, T, value.
   */
  private static final double[][] BG_NBD = {
    {0.243, 4.414, 1000, 3000, 39, 0, 0, 0, 0.98708291600111072},
    {0.243, 4.414, 40000000, 490000000, 39, 2, 30.43, 38.86, 1.6051702827807336},
    {0.243, 4.414, 40000000, 490000000, 39, 0, 0, 0, 1.5470279779918484},
    {0.5, 1e-8, 0.5, 3, 39, 0, 0, 0, 117088.71317465004},
    {0.243, 4.414, 0.5, 100000000, 52, 5, 20, 38, 6.4279711913934872},
    {2, 3, 1, 2, 39, 3, 10, 20, 0.92959251686467905},
    {0.243, 4.414, 1.9, 100000, 39, 1, 5, 30, 1.4084737692618043},
    {0.243, 4.414, 0.793, 2.426, 39, 500, 30, 38.86, 3.6934531730168352e-45},
    {0.243, 4.414, 1e-6, 1, 39, 0, 0, 0, 2.1470283735165237},
    {0.243, 4.414, 2, 500000000, 39, 4, 30, 38, 3.901471136834866},
    {0.243, 4.414, 0.793, 2.426, 1e-9, 2, 30.43, 38.86, 3.7660390365616089e-11},
    {400000000, 5000000000.0, 0.793, 2.426, 39, 1, 3, 30, 0.63796684267567328},
    {0.243, 4.414, 0.793, 2.426, 1e9, 0, 0, 0, 256.25492550312445},
  };

  @Test
  void bgNbdExpectationsMatchHighPrecisionReferences() {
    for (double[] c : BG_NBD) {
      BgNbd m = BgNbd.of(c[0], c[1], c[2], c[3]);
      double e = c[5] == 0 && c[7] == 0
          ? m.expectedPurchasesNewCustomer(c[4])
          : m.expectedPurchases(c[4], c[5], c[6], c[7]);
      assertEquals(c[8], e, 1e-10 * c[8], () -> m + " at t, x, tx, T = " + c[4] + ", " + c[5]
          + ", " + c[6] + ", " + c[7]);
    }
  }

  @Test
  void issueExamplesAreFinite() {
    // Issue 16, item 5: NaN before.
    double e = BgNbd.of(0.243, 4.414, 1000, 3000).expectedPurchasesNewCustomer(39);
    assertEquals(0.98708291600111072, e, 1e-12);
    // A low-dropout boundary fit (a ≈ 4e7) made expectedPurchases and CustomerValue throw.
    BgNbd lowDropout = BgNbd.of(0.243, 4.414, 4e7, 4.9e8);
    assertEquals(1.6051702827807336, lowDropout.expectedPurchases(39, 2, 30.43, 38.86), 1e-10);
    CustomerValue v = CustomerValue.builder(lowDropout, GammaGamma.of(6.25, 3.74, 15.44))
        .modelUnit(ActivityUnit.WEEKS).horizon(ActivityUnit.MONTHS, 120)
        .annualDiscountRate(0.1).build();
    double value = v.value(2, 30.43, 38.86, 22.35);
    assertTrue(Double.isFinite(value) && value > 0, "value " + value);
  }

  @Test
  void bgNbdIsFiniteMonotoneAndCoherentAcrossTheParameterSpace() {
    qt().withExamples(300).withShrinkCycles(0).forAll(doubles().between(-20, 20), doubles().between(-20, 5),
            doubles().between(-20, 20), doubles().between(-20, 20))
        .checkAssert((lr, lrate, lA, lB) -> {
          BgNbd m = BgNbd.of(Math.exp(lr), alpha(lr, lrate), Math.exp(lA), Math.exp(lB));
          checkModel(m);
        });
  }

  @Test
  void paretoNbdIsFiniteMonotoneAndCoherentAcrossTheParameterSpace() {
    qt().withExamples(150).withShrinkCycles(0).forAll(doubles().between(-20, 20), doubles().between(-20, 5),
            doubles().between(-20, 20), doubles().between(-20, 20))
        .checkAssert((lr, lrate, ls, lb) -> {
          ParetoNbd m = ParetoNbd.of(Math.exp(lr), alpha(lr, lrate), Math.exp(ls), Math.exp(lb));
          checkModel(m);
        });
  }

  /**
   * The purchase-rate scale from the log shape and the log mean rate {@code r/α}, kept in the
   * fit's range {@code [e^-20, e^20]}; mean rates go up to {@code e^5 ≈ 150} purchases per time
   * unit (RepeatPurchaseLimitsTest covers every double).
   */
  private static double alpha(double logShape, double logRate) {
    return Math.exp(Math.max(-20, Math.min(20, logShape - logRate)));
  }

  private static final double[][] CUSTOMERS = {
    {0, 0, 0}, {0, 0, 38}, {1, 2, 38}, {3, 37, 38}, {40, 20, 39}, {2, 0.5, 80},
  };

  private static void checkModel(RepeatPurchaseModel m) {
    for (double[] c : CUSTOMERS) {
      double p = m.probabilityAlive(c[0], c[1], c[2]);
      assertTrue(p >= 0 && p <= 1, () -> m + " P(alive) = " + p + " for " + c[0]);
      assertTrue(Double.isFinite(m.logLikelihood(c[0], c[1], c[2])), () -> m + " LL");
      double previous = 0;
      for (double t : new double[] {0, 1e-3, 1, 39, 520}) {
        double e = m.expectedPurchases(t, c[0], c[1], c[2]);
        double before = previous;
        assertTrue(Double.isFinite(e) && e >= before * (1 - 1e-9),
            () -> m + " E[Y(" + t + ")] = " + e + " after " + before + " for x = " + c[0]);
        previous = e;
      }
    }
    double previous = 0;
    for (double t : new double[] {0, 1e-3, 1, 39, 520}) {
      double e = m.expectedPurchasesNewCustomer(t);
      double before = previous;
      assertTrue(Double.isFinite(e) && e >= before * (1 - 1e-9),
          () -> m + " E[X(" + t + ")] = " + e + " after " + before);
      previous = e;
    }
    // P(X(39) = n): in [0, 1]; the partial sum up to N is at most 1 and, by Markov's inequality,
    // at least 1 - E[X]/N; its partial mean is at most E[X].
    double mean = m.expectedPurchasesNewCustomer(39);
    int n = 60;
    double total = 0;
    double partialMean = 0;
    for (int k = 0; k <= n; k++) {
      double pk = m.probabilityOfPurchases(39, k);
      assertTrue(pk >= 0 && pk <= 1, () -> m + " P(X = k) = " + pk);
      total += pk;
      partialMean += k * pk;
    }
    double sum = total;
    assertTrue(sum <= 1 + 1e-9 && sum >= 1 - mean / (n + 1) - 1e-9,
        () -> m + " sum " + sum + " mean " + mean);
    double pm = partialMean;
    assertTrue(pm <= mean * (1 + 1e-7) + 1e-12, () -> m + " partial mean " + pm + " > " + mean);
  }
}
