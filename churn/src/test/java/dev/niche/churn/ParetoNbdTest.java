package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Pareto/NBD formulas against values computed independently with mpmath at 40 digits from the
 * untransformed closed forms of the Fader–Hardie notes (script beside the data:
 * src/test/resources/reference/paretonbd_reference.py).
 */
class ParetoNbdTest {

  // Published CDNOW estimates (Fader, Hardie & Lee 2005, "A Note on Implementing the Pareto/NBD
  // Model in MATLAB": r = 0.5533, alpha = 10.5776, s = 0.6061, beta = 11.6650, LL = -9594.98).
  static final ParetoNbd CDNOW = ParetoNbd.of(0.5533, 10.5776, 0.6061, 11.6650);
  // A model on the other branch (alpha < beta).
  private static final ParetoNbd SWAPPED = ParetoNbd.of(0.55, 20, 0.6, 3);

  @Test
  void logLikelihoodMatchesTheHypergeometricClosedForm() {
    double[][] cdnow = {
      {0, 0, 38.86, -0.52122598002834435},
      {2, 30.43, 38.86, -9.5542776090240355},
      {1, 1.71, 38.86, -4.4496983343855914},
      {5, 10, 30, -14.515489167686821},
      {10, 35, 36, -26.480922217280222},
      {50, 20, 39, -30.422064363170928},
      {0, 0, 0.5, -0.025230203266441649},
      {3, 31, 31, -11.940123037185403},
    };
    for (double[] c : cdnow) {
      assertEquals(c[3], CDNOW.logLikelihood(c[0], c[1], c[2]), 1e-12 * Math.abs(c[3]),
          () -> "x, tx, T = " + c[0] + ", " + c[1] + ", " + c[2]);
    }
    double[][] swapped = {
      {0, 0, 38.86, -0.22117639330759795},
      {2, 30.43, 38.86, -10.320988877540599},
      {7, 5, 39, -17.843223350788355},
    };
    for (double[] c : swapped) {
      assertEquals(c[3], SWAPPED.logLikelihood(c[0], c[1], c[2]), 1e-12 * Math.abs(c[3]),
          () -> "x, tx, T = " + c[0] + ", " + c[1] + ", " + c[2]);
    }
  }

  @Test
  void probabilityAliveAndConditionalExpectation() {
    double[][] rows = {
      // x, tx, T, P(alive), E[Y(39)], E[Y(52)]
      {0, 0, 38.86, 0.29510779719605205, 0.10707110452626264, 0.13618650765110568},
      {2, 30.43, 38.86, 0.86913335125600794, 1.4551882819797842, 1.8508916198677106},
      {5, 10, 30, 0.14277922883895838, 0.61432844774743261, 0.77687131167031924},
      {10, 35, 36, 0.98566978267739406, 7.1759007923285028, 9.1115304414696424},
    };
    for (double[] c : rows) {
      assertEquals(c[3], CDNOW.probabilityAlive(c[0], c[1], c[2]), 1e-12);
      assertEquals(c[4], CDNOW.expectedPurchases(39, c[0], c[1], c[2]), 1e-12 * c[4]);
      assertEquals(c[5], CDNOW.expectedPurchases(52, c[0], c[1], c[2]), 1e-12 * c[5]);
    }
    assertEquals(0.051008791241664898, CDNOW.expectedPurchasesNewCustomer(1), 1e-15);
    assertEquals(1.2134802820526827, CDNOW.expectedPurchasesNewCustomer(39), 1e-13);
    assertEquals(1.9100371417875739, CDNOW.expectedPurchasesNewCustomer(78), 1e-13);
  }

  @Test
  void probabilityOfPurchasesMatchesNoteClosedForm() {
    double[][] rows = {
      {1, 0, 0.95243071244068213},
      {1, 1, 0.044383288539029456},
      {1, 2, 0.0029519757059091937},
      {1, 5, 1.2984377534959023e-6},
      {1, 10, 4.6181621419447266e-12},
      {39, 0, 0.59351839041881596},
      {39, 1, 0.16558672883627756},
      {39, 2, 0.082506467092232075},
      {39, 5, 0.021493249249462547},
      {39, 10, 0.0041958421378612342},
      {78, 0, 0.55257965010150358},
      {78, 1, 0.15355838289119745},
      {78, 2, 0.079089888946758445},
      {78, 5, 0.025256688031657645},
      {78, 10, 0.0078694978739383014},
    };
    for (double[] c : rows) {
      assertEquals(c[2], CDNOW.probabilityOfPurchases(c[0], (int) c[1]), 1e-10 * c[2],
          () -> "t, n = " + c[0] + ", " + c[1]);
    }
    assertEquals(0.80142709365076298, SWAPPED.probabilityOfPurchases(39, 0), 1e-11);
    assertEquals(0.11453447609013028, SWAPPED.probabilityOfPurchases(39, 1), 1e-11);
    assertEquals(0.019098343434747642, SWAPPED.probabilityOfPurchases(39, 3), 1e-12);
  }

  @Test
  void probabilitiesSumToOneWithMeanEqualToTheExpectation() {
    for (double t : new double[] {1, 39, 200}) {
      double total = 0;
      double mean = 0;
      for (int n = 0; n < 5000; n++) {
        double p = CDNOW.probabilityOfPurchases(t, n);
        total += p;
        mean += n * p;
        if (n > 30 && p < 1e-16) {
          break;
        }
      }
      assertEquals(1.0, total, 1e-9, "t = " + t);
      assertEquals(CDNOW.expectedPurchasesNewCustomer(t), mean, 1e-7, "t = " + t);
    }
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class, () -> ParetoNbd.of(0, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> ParetoNbd.of(1, 1, Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> CDNOW.probabilityAlive(1, 5, 4));
    assertThrows(IllegalArgumentException.class, () -> CDNOW.probabilityAlive(0, 1, 4));
    assertThrows(IllegalArgumentException.class, () -> CDNOW.expectedPurchases(-1, 1, 1, 4));
    assertThrows(IllegalArgumentException.class, () -> CDNOW.probabilityOfPurchases(1, -1));
    assertThrows(IllegalArgumentException.class,
        () -> ParetoNbd.fit(new double[] {0, 0}, new double[] {0, 0}, new double[] {3, 4}));
    assertThrows(IllegalArgumentException.class,
        () -> ParetoNbd.fit(new double[] {1}, new double[] {0}, new double[] {3, 4}));
    assertThrows(NullPointerException.class,
        () -> ParetoNbd.fit(new double[] {1}, new double[] {0}, new double[] {3}, null));
  }
}
