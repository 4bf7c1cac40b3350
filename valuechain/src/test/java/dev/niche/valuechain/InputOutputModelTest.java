package dev.niche.valuechain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InputOutputModelTest {

  // Miller & Blair (2009), "Input-Output Analysis: Foundations and Extensions", 2nd ed., §2.3
  // (two-sector hypothetical example): Z = [[150, 500], [200, 100]], x = (1000, 2000).
  private static final double[][] Z = {{150, 500}, {200, 100}};
  private static final double[] X = {1000, 2000};

  @Test
  void millerAndBlairTwoSectorExample() {
    InputOutputModel m = InputOutputModel.fromFlows(Z, X);
    double[][] a = m.coefficients();
    assertArrayEquals(new double[] {0.15, 0.25}, a[0], 1e-15);
    assertArrayEquals(new double[] {0.2, 0.05}, a[1], 1e-15);
    // Published L (to 4 decimals): [[1.2541, 0.3300], [0.2640, 1.1221]]; exactly
    // (1/0.7575) [[0.95, 0.25], [0.2, 0.85]] since det(I - A) = 0.85*0.95 - 0.25*0.2 = 0.7575.
    double[][] l = m.leontiefInverse();
    assertArrayEquals(new double[] {1.2541, 0.3300}, l[0], 5e-5);
    assertArrayEquals(new double[] {0.2640, 1.1221}, l[1], 5e-5);
    assertArrayEquals(new double[] {0.95 / 0.7575, 0.25 / 0.7575}, l[0], 1e-14);
    assertArrayEquals(new double[] {0.2 / 0.7575, 0.85 / 0.7575}, l[1], 1e-14);
    // New final demand (600, 1500): published x = (1247.52, 1841.58); exactly 945/0.7575 and
    // 1395/0.7575.
    double[] out = m.output(new double[] {600, 1500});
    assertArrayEquals(new double[] {1247.52, 1841.58}, out, 0.005);
    assertArrayEquals(new double[] {945 / 0.7575, 1395 / 0.7575}, out, 1e-10);
    // The original final demand f = x - Z 1 = (350, 1700) reproduces x.
    assertArrayEquals(X, m.output(new double[] {350, 1700}), 1e-10);
    // Output multipliers = column sums of L (Miller & Blair §6.2.1: 1.518, 1.452).
    assertArrayEquals(new double[] {1.15 / 0.7575, 1.10 / 0.7575}, m.outputMultipliers(), 1e-14);
    assertTrue(m.spectralRadius() < 1);
  }

  @Test
  void pricesAreTheTransposedSystem() {
    InputOutputModel m = InputOutputModel.fromFlows(Z, X);
    // Value-added coefficients v_j = 1 - column sum of A = (0.65, 0.70): every price is 1.
    assertArrayEquals(new double[] {1, 1}, m.prices(new double[] {0.65, 0.70}), 1e-14);
    // p' = v'L computed from L directly.
    double[][] l = m.leontiefInverse();
    double[] v = {0.3, 0.9};
    double[] p = m.prices(v);
    for (int j = 0; j < 2; j++) {
      assertEquals(v[0] * l[0][j] + v[1] * l[1][j], p[j], 1e-14);
    }
    // Raising activity 1's value added by 0.1 raises prices by 0.1 x row 1 of L.
    double[] dp = m.priceIncrease(1, 0.1);
    assertArrayEquals(new double[] {0.1 * l[1][0], 0.1 * l[1][1]}, dp, 1e-15);
    assertTrue(dp[1] >= 0.1);
  }

  @Test
  void ghoshInverseIsTheSimilarityTransformOfLeontief() {
    InputOutputModel m = InputOutputModel.fromFlows(Z, X);
    // B = xhat^-1 Z = [[0.15, 0.5], [0.1, 0.05]]; G = xhat^-1 L xhat (Miller & Blair eq. 12.9).
    double[][] g = m.ghoshInverse();
    double[][] l = m.leontiefInverse();
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        assertEquals(l[i][j] * X[j] / X[i], g[i][j], 1e-14);
      }
    }
    // (I - B) G = I checked directly.
    double[][] b = {{0.15, 0.5}, {0.1, 0.05}};
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        double s = g[i][j] - b[i][0] * g[0][j] - b[i][1] * g[1][j];
        assertEquals(i == j ? 1 : 0, s, 1e-14);
      }
    }
    double[] fl = m.ghoshForwardLinkages();
    assertEquals(2, fl[0] + fl[1], 1e-14);
    assertThrows(IllegalStateException.class,
        () -> InputOutputModel.fromCoefficients(m.coefficients()).ghoshInverse());
  }

  @Test
  void rasmussenLinkagesAverageOne() {
    InputOutputModel m = InputOutputModel.fromFlows(Z, X);
    double total = (0.95 + 0.25 + 0.2 + 0.85) / 0.7575;
    double[] bl = m.backwardLinkages();
    assertEquals(2 * (1.15 / 0.7575) / total, bl[0], 1e-14);
    assertEquals(2 * (1.10 / 0.7575) / total, bl[1], 1e-14);
    double[] fl = m.forwardLinkages();
    assertEquals(2 * (1.20 / 0.7575) / total, fl[0], 1e-14);
    assertEquals(2 * (1.05 / 0.7575) / total, fl[1], 1e-14);
  }

  @Test
  void largerRandomModelSolvesAgreeWithTheInverse() {
    SplittableRandom rnd = new SplittableRandom(7);
    int n = 60;
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] = rnd.nextDouble() * 1.9 / n; // column sums < 0.95
      }
    }
    InputOutputModel m = InputOutputModel.fromCoefficients(a);
    double[] f = new double[n];
    for (int i = 0; i < n; i++) {
      f[i] = rnd.nextDouble() * 100;
    }
    double[] x = m.output(f);
    // (I - A) x = f
    for (int i = 0; i < n; i++) {
      double s = x[i];
      for (int j = 0; j < n; j++) {
        s -= a[i][j] * x[j];
      }
      assertEquals(f[i], s, 1e-10);
    }
    double[][] l = m.leontiefInverse();
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += l[i][j] * f[j];
        assertTrue(l[i][j] >= (i == j ? 1 : 0));
      }
      assertEquals(x[i], s, 1e-9);
    }
  }

  @Test
  void unproductiveAndBadInputIsRejected() {
    // Spectral radius of [[0.5, 0.8], [0.8, 0.5]] is 1.3.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> InputOutputModel.fromCoefficients(new double[][] {{0.5, 0.8}, {0.8, 0.5}}));
    assertTrue(e.getMessage().contains("spectral radius is 1.30000"), e.getMessage());
    // Radius exactly 1: singular I - A.
    IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
        () -> InputOutputModel.fromCoefficients(new double[][] {{0.5, 0.5}, {0.5, 0.5}}));
    assertTrue(one.getMessage().contains("spectral radius is 1.0000"), one.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> InputOutputModel.fromCoefficients(new double[][] {{0.1, -0.1}, {0.1, 0.1}}));
    assertThrows(IllegalArgumentException.class,
        () -> InputOutputModel.fromCoefficients(new double[][] {{0.1, 0.1}}));
    assertThrows(IllegalArgumentException.class,
        () -> InputOutputModel.fromCoefficients(new double[][] {{0.1, 0.1}, {0.1}}));
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> InputOutputModel.fromFlows(Z, new double[] {1000, 0}));
    assertTrue(zero.getMessage().contains("x[1] = 0.0"), zero.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> InputOutputModel.fromFlows(Z, new double[] {1000}));
    assertThrows(IllegalArgumentException.class,
        () -> InputOutputModel.fromFlows(new double[][] {{1, Double.NaN}, {1, 1}}, X));
    InputOutputModel m = InputOutputModel.fromFlows(Z, X);
    assertThrows(IllegalArgumentException.class, () -> m.output(new double[] {1}));
    assertThrows(IllegalArgumentException.class, () -> m.prices(new double[] {1, Double.NaN}));
    assertThrows(IllegalArgumentException.class, () -> m.priceIncrease(2, 1));
    assertThrows(NullPointerException.class, () -> m.output(null));
    // Returned arrays are copies.
    m.leontiefInverse()[0][0] = 99;
    assertEquals(0.95 / 0.7575, m.leontiefInverse()[0][0], 1e-14);
  }
}
