package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** BG/NBD {@code P(X(t) = n)}, Fader, Hardie &amp; Lee (2005), eq. 8. */
class BgNbdPurchaseCountsTest {

  // Published CDNOW estimates (Fader, Hardie & Lee 2005, Marketing Science 24(2), section 5).
  private static final BgNbd CDNOW = BgNbd.of(0.243, 4.414, 0.793, 2.426);

  /**
   * Reference values from src/test/resources/reference/bgnbd_counts.py: the conditional
   * probability integrated over the beta density of p with mpmath at 50 digits (independent of
   * eq. 8's beta-function ratios and of the incomplete-beta tail).
   */
  private static final double[][] REFERENCE = {
    // t, n, P(X(t) = n)
    {1, 0, 0.95158879773314705},
    {1, 1, 0.044115066032177441},
    {1, 2, 0.0038080968968084638},
    {1, 5, 7.3495665219014719e-6},
    {1, 10, 5.9019499688074766e-10},
    {39, 0, 0.57378635209600941},
    {39, 1, 0.19939528083591146},
    {39, 2, 0.085429759539060759},
    {39, 5, 0.017965493866579044},
    {39, 10, 0.0035904295401896732},
    {78, 0, 0.49102772505852727},
    {78, 1, 0.21049426215015859},
    {78, 2, 0.09675429489604172},
    {78, 5, 0.023940236634437679},
    {78, 10, 0.0061178230208274377},
  };

  @Test
  void matchesNumericalIntegrationOverTheDropoutDistribution() {
    for (double[] row : REFERENCE) {
      double p = CDNOW.probabilityOfPurchases(row[0], (int) row[1]);
      assertEquals(row[2], p, 1e-12 * row[2], "t = " + row[0] + ", n = " + row[1]);
    }
  }

  @Test
  void sumsToOneAndHasTheExpectedMean() {
    // Σ_n P(X(t) = n) = 1 and Σ_n n P(X(t) = n) = E[X(t)] (eq. 9, computed by another route).
    for (double t : new double[] {0.5, 39, 78, 500}) {
      double total = 0;
      double mean = 0;
      for (int n = 0; n < 200_000; n++) {
        double p = CDNOW.probabilityOfPurchases(t, n);
        total += p;
        mean += n * p;
        if (n > 50 && p < 1e-18) {
          break;
        }
      }
      assertEquals(1.0, total, 1e-10, "t = " + t);
      assertEquals(CDNOW.expectedPurchasesNewCustomer(t), mean, 1e-8, "t = " + t);
    }
  }

  @Test
  void zeroWindowHasNoPurchases() {
    assertEquals(1.0, CDNOW.probabilityOfPurchases(0, 0));
    assertEquals(0.0, CDNOW.probabilityOfPurchases(0, 3));
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> CDNOW.probabilityOfPurchases(-1, 0));
    assertThrows(IllegalArgumentException.class,
        () -> CDNOW.probabilityOfPurchases(Double.NaN, 0));
    assertThrows(IllegalArgumentException.class, () -> CDNOW.probabilityOfPurchases(1, -1));
  }
}
