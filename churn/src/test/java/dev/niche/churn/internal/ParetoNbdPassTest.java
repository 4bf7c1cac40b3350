package dev.niche.churn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * One {@link ParetoNbdPass} endpoint at a time against the independent per-endpoint computation
 * {@link ParetoNbdEndpoint#logG} (the Gauss series summed term by term), against {@code E(t)}
 * written out, and its Hessians against Richardson-extrapolated central differences of
 * {@link ParetoNbdEndpoint}'s gradient: on both branches ({@code α ≥ β} and {@code α < β}), with
 * and without the re-expanded series of {@link SeriesPieces} (a frequency with at least
 * {@link EndpointRange#MIN_ENDPOINTS} endpoints gets them), and past the double range of
 * {@code α + t}.
 */
class ParetoNbdPassTest {

  /** {@code (r, α, s, β)}: {@code α < β} (CDNOW's estimates), {@code α > β}, and {@code α = β}. */
  private static final double[][] PARAMETERS = {
    {0.5533, 10.5776, 0.6061, 11.665}, {0.8, 14, 0.4, 3}, {1.2, 6, 0.7, 6}};

  private static final int FREQUENCIES = 4;

  /** 300 endpoints per frequency on [0.5, 39]: ages of every row, recencies of repeat buyers. */
  private static EndpointRange range() {
    int rows = 300 * FREQUENCIES;
    int[] x = new int[rows];
    double[] tx = new double[rows];
    double[] age = new double[rows];
    for (int i = 0; i < rows; i++) {
      x[i] = i % FREQUENCIES;
      age[i] = 0.5 + 38.5 * (i / FREQUENCIES) / 299.0;
      tx[i] = age[i] / 2;
    }
    return EndpointRange.of(x, tx, age, FREQUENCIES);
  }

  /** Endpoints inside the range and at its ends. */
  private static final double[] TIMES = {0.5, 0.93, 2.2, 7.1, 13.4, 19.75, 26, 33.3, 38.9, 39};

  @Test
  void endpointsMatchTheTermByTermSeries() {
    EndpointRange range = range();
    for (double[] p : PARAMETERS) {
      for (EndpointRange given : new EndpointRange[] {null, range}) {
        ParetoNbdPass pass = new ParetoNbdPass(p[0], p[1], p[2], p[3], FREQUENCIES - 1, given);
        for (int x = 0; x < FREQUENCIES; x++) {
          for (double t : TIMES) {
            double[] g = new double[4];
            double[] e = new double[4];
            double[] expected = new double[4];
            double logG = pass.endpoint(x, t, g, 0, e, 0);
            double reference = ParetoNbdEndpoint.logG(p[0], p[1], p[2], p[3], x, t, expected, 0);
            String where = Arrays.toString(p) + " x " + x + " t " + t + " pieces " + (given != null);
            assertEquals(reference, logG, 1e-13 * (1 + Math.abs(reference)), where);
            for (int i = 0; i < 4; i++) {
              assertEquals(expected[i], g[i], 1e-11 * (1 + Math.abs(expected[i])), where + " " + i);
            }
            assertAlive(p, x, t, pass.alive, e, where);
          }
        }
      }
    }
  }

  /**
   * {@code E(t) = -r ln(1 + t/α) - s ln(1 + t/β) - x ln(α + t)} and its gradient
   * {@code (-ln(1 + t/α), r t/(α(α+t)) - x/(α+t), -ln(1 + t/β), s t/(β(β+t)))}.
   */
  private static void assertAlive(double[] p, int x, double t, double alive, double[] e,
      String where) {
    double r = p[0];
    double alpha = p[1];
    double s = p[2];
    double beta = p[3];
    double expected = -r * Math.log1p(t / alpha) - s * Math.log1p(t / beta)
        - x * Math.log(alpha + t);
    assertEquals(expected, alive, 1e-13 * (1 + Math.abs(expected)), where);
    double[] gradient = {-Math.log1p(t / alpha), r * t / (alpha * (alpha + t)) - x / (alpha + t),
        -Math.log1p(t / beta), s * t / (beta * (beta + t))};
    for (int i = 0; i < 4; i++) {
      assertEquals(gradient[i], e[i], 1e-13 * (1 + Math.abs(gradient[i])), where + " E " + i);
    }
  }

  @Test
  void hessiansMatchDifferencesOfTheGradient() {
    EndpointRange range = range();
    for (double[] p : PARAMETERS) {
      for (EndpointRange given : new EndpointRange[] {null, range}) {
        ParetoNbdPass pass =
            new ParetoNbdPass(p[0], p[1], p[2], p[3], FREQUENCIES - 1, given, true);
        double[] h = new double[10];
        double[] eh = new double[4];
        pass.hessianTo(h, eh);
        for (int x = 0; x < FREQUENCIES; x++) {
          for (double t : TIMES) {
            pass.endpoint(x, t, new double[4], 0, new double[4], 0);
            String where = Arrays.toString(p) + " x " + x + " t " + t + " pieces " + (given != null);
            double[][] numerical = new double[4][4];
            for (int j = 0; j < 4; j++) {
              double[] column = richardson(p, x, t, j);
              for (int i = 0; i < 4; i++) {
                numerical[i][j] = column[i];
              }
            }
            int[][] packed = {
              {ParetoNbdCurvature.RR, ParetoNbdCurvature.RA, ParetoNbdCurvature.RS,
                ParetoNbdCurvature.RB},
              {ParetoNbdCurvature.RA, ParetoNbdCurvature.AA, ParetoNbdCurvature.AS,
                ParetoNbdCurvature.AB},
              {ParetoNbdCurvature.RS, ParetoNbdCurvature.AS, ParetoNbdCurvature.SS,
                ParetoNbdCurvature.SB},
              {ParetoNbdCurvature.RB, ParetoNbdCurvature.AB, ParetoNbdCurvature.SB,
                ParetoNbdCurvature.BB}};
            for (int i = 0; i < 4; i++) {
              for (int j = 0; j < 4; j++) {
                double scale = Math.sqrt(Math.abs(numerical[i][i] * numerical[j][j]));
                assertEquals(numerical[i][j], h[packed[i][j]], 1e-7 * scale + 1e-12,
                    where + " entry " + i + "," + j);
              }
            }
            assertAliveHessian(p, x, t, eh, where);
          }
        }
      }
    }
  }

  /**
   * The second derivatives of {@code E} differentiated from its gradient by hand:
   * {@code ∂²E/∂r∂α = t/(α(α+t))}, {@code ∂²E/∂α² = -r t (2α+t)/(α²(α+t)²) + x/(α+t)²},
   * {@code ∂²E/∂s∂β = t/(β(β+t))}, {@code ∂²E/∂β² = -s t (2β+t)/(β²(β+t)²)}.
   */
  private static void assertAliveHessian(double[] p, int x, double t, double[] eh,
      String where) {
    double r = p[0];
    double a = p[1];
    double s = p[2];
    double b = p[3];
    double[] expected = {t / (a * (a + t)),
        -r * t * (2 * a + t) / (a * a * (a + t) * (a + t)) + x / ((a + t) * (a + t)),
        t / (b * (b + t)), -s * t * (2 * b + t) / (b * b * (b + t) * (b + t))};
    for (int i = 0; i < 4; i++) {
      assertEquals(expected[i], eh[i], 1e-13 * (1 + Math.abs(expected[i])), where + " E " + i);
    }
  }

  /**
   * Column {@code j} of the Hessian of {@code ln G}: central differences of
   * {@link ParetoNbdEndpoint}'s gradient in parameter {@code j} at relative steps h and h/2,
   * extrapolated.
   */
  private static double[] richardson(double[] p, int x, double t, int j) {
    double[] coarse = central(p, x, t, j, 1e-3);
    double[] fine = central(p, x, t, j, 5e-4);
    double[] out = new double[4];
    for (int i = 0; i < 4; i++) {
      out[i] = (4 * fine[i] - coarse[i]) / 3;
    }
    return out;
  }

  private static double[] central(double[] p, int x, double t, int j, double relative) {
    double step = relative * p[j];
    double[] up = p.clone();
    double[] down = p.clone();
    up[j] += step;
    down[j] -= step;
    double[] gu = new double[4];
    double[] gd = new double[4];
    ParetoNbdEndpoint.logG(up[0], up[1], up[2], up[3], x, t, gu, 0);
    ParetoNbdEndpoint.logG(down[0], down[1], down[2], down[3], x, t, gd, 0);
    double[] out = new double[4];
    for (int i = 0; i < 4; i++) {
      out[i] = (gu[i] - gd[i]) / (2 * step);
    }
    return out;
  }

  /**
   * Where {@code α + t} or {@code β + t} overflows, the endpoint is {@link ParetoNbdEndpoint}'s,
   * {@code E} is {@code -r ln(1 + t/α) - s ln(1 + t/β)} (finite; {@code x = 0}), and the pass
   * gives no Hessian (the maximiser differentiates the gradient instead).
   */
  @Test
  void pastTheDoubleRangeTheEndpointIsSummedDirectlyAndHasNoHessian() {
    double r = 0.5;
    double s = 0.6;
    double t = Double.MAX_VALUE;
    // Both sums overflow, only α + t, only β + t.
    for (double[] ab : new double[][] {{1e300, 2e300}, {1e300, 1}, {1, 1e300}}) {
      double alpha = ab[0];
      double beta = ab[1];
      ParetoNbdPass pass = new ParetoNbdPass(r, alpha, s, beta, 2, null, true);
      double[] h = new double[10];
      double[] eh = new double[4];
      pass.hessianTo(h, eh);
      double[] g = new double[4];
      double[] e = new double[4];
      double[] expected = new double[4];
      double logG = pass.endpoint(0, t, g, 0, e, 0);
      String where = "alpha " + alpha + " beta " + beta;
      assertEquals(ParetoNbdEndpoint.logG(r, alpha, s, beta, 0, t, expected, 0), logG, 0, where);
      assertTrue(Arrays.equals(expected, g), where);
      assertEquals(1, pass.seriesSum, 0, where);
      assertEquals(-r * Math.log1p(t / alpha) - s * Math.log1p(t / beta), pass.alive, 0, where);
      assertEquals(-Math.log1p(t / alpha), e[0], 0, where);
      assertEquals(-Math.log1p(t / beta), e[2], 0, where);
      for (double v : h) {
        assertTrue(Double.isNaN(v), where);
      }
      for (double v : eh) {
        assertTrue(Double.isNaN(v), where);
      }
    }
  }

  /** Where the series needs more than its budget of terms, the endpoint is NaN, as the reference. */
  @Test
  void aSeriesBeyondItsBudgetGivesNaN() {
    // t = 0 and β/α = 1e-8: w = 1 - 1e-8 needs billions of terms.
    ParetoNbdPass pass = new ParetoNbdPass(0.5, 1e8, 0.6, 1, 1);
    double[] expected = new double[4];
    assertTrue(Double.isNaN(ParetoNbdEndpoint.logG(0.5, 1e8, 0.6, 1, 1, 0, expected, 0)));
    assertTrue(Double.isNaN(pass.endpoint(1, 0, new double[4], 0, null, 0)));
  }
}
