package dev.niche.churn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link GaussSeries} against closed forms. With {@code b = c = 1} every {@code a_n} is 1 and
 * {@code hb_n = hc_n = H_n} (harmonic numbers, {@code H_n^(2) = Σ_{k≤n} 1/k²}), so the series are
 * the generating functions {@code Σ wⁿ = 1/(1-w)}, {@code Σ H_n wⁿ = -ln(1-w)/(1-w)},
 * {@code Σ (H_n² - H_n^(2)) wⁿ = ln²(1-w)/(1-w)}, {@code Σ H_n^(2) wⁿ = Li₂(w)/(1-w)} and their
 * derivatives in {@code w}. With {@code b = 1, c = 2}, {@code a_n = 1/(n+1)}:
 * {@code S = -ln(1-w)/w}, {@code Σ H_n wⁿ/(n+1) = ln²(1-w)/(2w)} and
 * {@code Σ (H_{n+1} - 1) wⁿ/(n+1) = (Li₂(w) + ln²(1-w)/2 + ln(1-w))/w}. Each checked by summing
 * 4,000 terms in Python (sympy 1.11 for the derivatives in {@code w}).
 */
class GaussSeriesTest {

  /** {@code Li₂(w) = Σ_{k≥1} w^k/k²}, summed until the terms no longer change it. */
  private static double dilogarithm(double w) {
    double sum = 0;
    double power = 1;
    for (int k = 1; k < 100_000; k++) {
      power *= w;
      double next = sum + power / ((double) k * k);
      if (next == sum) {
        break;
      }
      sum = next;
    }
    return sum;
  }

  private static void assertClose(double expected, double actual, double relative) {
    assertEquals(expected, actual, relative * Math.abs(expected), () -> "expected " + expected);
  }

  @Test
  void geometricSeriesAndItsDerivatives() {
    for (double w : new double[] {1e-3, 0.1, 0.37, 0.6, 0.9, 0.99}) {
      GaussSeries g = new GaussSeries(1, 1, true);
      assertTrue(g.evaluate(w));
      assertTrue(g.evaluateSecond(w));
      double q = 1 - w;
      double l = Math.log1p(-w);
      double li2 = dilogarithm(w);
      assertClose(1 / q, g.sum, 1e-13);
      assertClose(-l / q, g.sumB, 1e-13);
      assertClose(l / q, g.sumC, 1e-13);
      assertClose(1 / (q * q), g.sumW, 1e-13);
      assertClose(l * l / q, g.sumBB, 1e-11);
      assertClose(-(l * l + li2) / q, g.sumBC, 1e-11);
      assertClose((l * l + 2 * li2) / q, g.sumCC, 1e-11);
      assertClose((1 - l) / (q * q), g.sumBW, 1e-11);
      assertClose(-(1 - l) / (q * q), g.sumCW, 1e-11);
      assertClose(2 / (q * q * q), g.sumWW, 1e-11);
    }
  }

  @Test
  void logarithmicSeriesAndItsDerivatives() {
    for (double w : new double[] {0.2, 0.41, 0.75, 0.95}) {
      GaussSeries g = new GaussSeries(1, 2, true);
      assertTrue(g.evaluate(w));
      assertTrue(g.evaluateSecond(w));
      double q = 1 - w;
      double l = Math.log1p(-w);
      assertClose(-l / w, g.sum, 1e-13);
      assertClose(l * l / (2 * w), g.sumB, 1e-13);
      assertClose(-(dilogarithm(w) + l * l / 2 + l) / w, g.sumC, 1e-13);
      assertClose((w / q + l) / (w * w), g.sumW, 1e-13);
      assertClose(3 / (w * q * q) - 2 / (w * w * q * q) - 2 * l / (w * w * w), g.sumWW, 1e-11);
      assertClose((2 * w + q * l) * l / (-2 * w * w * q), g.sumBW, 1e-11);
    }
  }

  @Test
  void atZeroOnlyTheConstantTermsRemain() {
    GaussSeries g = new GaussSeries(2.5, 4, true);
    assertTrue(g.evaluate(0));
    assertEquals(1, g.sum, 0);
    assertEquals(0, g.sumB, 0);
    assertEquals(0, g.sumC, 0);
    assertEquals(2.5 / 4, g.sumW, 0);
    assertEquals(1, g.used);
    assertTrue(g.evaluateSecond(0));
    // a_1 = b/c, a_2 = b(b+1)/(c(c+1)); hb_1 = 1/b, hc_1 = 1/c.
    assertEquals(0, g.sumBB, 0);
    assertEquals(0, g.sumBC, 0);
    assertEquals(0, g.sumCC, 0);
    assertEquals(2.5 / 4 / 2.5, g.sumBW, 1e-16);
    assertEquals(-2.5 / 4 / 4, g.sumCW, 1e-16);
    assertEquals(2 * 2.5 * 3.5 / (4 * 5), g.sumWW, 1e-13);
    assertEquals(2, g.used);
  }

  @Test
  void seriesTooLongForTheBudgetAreRefused() {
    // Near w = 1 the terms of 1/(1-w) fall like wⁿ: 1 - 1e-6 needs tens of millions of terms.
    GaussSeries g = new GaussSeries(1, 1, true);
    assertFalse(g.evaluate(1 - 1e-6));
    GaussSeries h = new GaussSeries(1, 1, true);
    assertTrue(h.evaluate(0.5));
    assertFalse(h.evaluateSecond(1 - 1e-6));
  }

  @Test
  void aFirstDerivativeSeriesNeedsNoSecondDerivativeTables() {
    GaussSeries g = new GaussSeries(1, 2, false);
    assertTrue(g.evaluate(0.99));
    assertClose(-Math.log1p(-0.99) / 0.99, g.sum, 1e-13);
    assertTrue(g.used > 64, "the tables grew past their first 64 terms: " + g.used);
  }
  /** {@code (b, c)} with {@code b <= c}, as the Pareto/NBD series have them. */
  private static final double[][] SHAPES = {{1.5, 3.2}, {0.55, 2.7}, {3, 4.5}, {1, 1}, {40, 41.5}};

  private static final double[] POINTS = {0.01, 0.05, 0.3, 0.6, 0.9, 0.97};

  /**
   * {@link ParetoNbdEndpoint}'s stopping rule, written out: the first {@code n} with
   * {@code T_n w/(1-w) (n+1) (1 + hb_n + hc_n) <= 10⁻¹⁷ S_n}, {@code T_n = a_n wⁿ} and
   * {@code S_n} the partial sum to {@code n}.
   */
  private static int firstStop(double b, double c, double w) {
    double term = 1;
    double sum = 1;
    double hb = 0;
    double hc = 0;
    for (int n = 1; ; n++) {
      term *= (b + n - 1) / (c + n - 1) * w;
      hb += 1 / (b + n - 1);
      hc += 1 / (c + n - 1);
      sum += term;
      if (term * w / (1 - w) * (n + 1) * (1 + hb + hc) <= 1e-17 * sum) {
        return n;
      }
    }
  }

  /**
   * The rule of {@link GaussSeries#evaluateSecond}, written out: the first {@code n >= 2} with
   * {@code a_n (n+1)² (1 + hb_n + hc_n)² w^(n-1) <= 10⁻¹⁵ (1-w) S}.
   */
  private static int firstSecondStop(double b, double c, double w, double sum) {
    double a = 1;
    double hb = 0;
    double hc = 0;
    for (int n = 1; ; n++) {
      a *= (b + n - 1) / (c + n - 1);
      hb += 1 / (b + n - 1);
      hc += 1 / (c + n - 1);
      double grow = 1 + hb + hc;
      if (n >= 2 && a * (n + 1.0) * (n + 1.0) * grow * grow * Math.pow(w, n - 1)
          <= 1e-15 * (1 - w) * sum) {
        return n;
      }
    }
  }

  @Test
  void theSeriesStopWhereTheEndpointRuleSays() {
    for (double[] bc : SHAPES) {
      for (double w : POINTS) {
        GaussSeries g = new GaussSeries(bc[0], bc[1], true);
        assertTrue(g.evaluate(w));
        String at = "b " + bc[0] + " c " + bc[1] + " w " + w;
        assertEquals(firstStop(bc[0], bc[1], w), g.used, at);
        double sum = g.sum;
        assertTrue(g.evaluateSecond(w));
        assertEquals(firstSecondStop(bc[0], bc[1], w, sum), g.used, at);
      }
    }
  }

  @Test
  void whatTheSeriesOmitIsBelowTheirBound() {
    for (double[] bc : SHAPES) {
      for (double w : POINTS) {
        GaussSeries g = new GaussSeries(bc[0], bc[1], false);
        assertTrue(g.evaluate(w));
        // The omitted terms T_n, T_n hb_n and T_n hc_n, n > used, summed until they vanish.
        double b = bc[0];
        double c = bc[1];
        double term = 1;
        double hb = 0;
        double hc = 0;
        double tail = 0;
        double tailB = 0;
        double tailC = 0;
        for (int n = 1; n < 1_000_000 && !(n > g.used && term < 1e-40 * tail); n++) {
          term *= (b + n - 1) / (c + n - 1) * w;
          hb += 1 / (b + n - 1);
          hc += 1 / (c + n - 1);
          if (n > g.used) {
            tail += term;
            tailB += term * hb;
            tailC += term * hc;
          }
        }
        String at = "b " + b + " c " + c + " w " + w + ": tails " + tail + " " + tailB + " "
            + tailC + " of S " + g.sum;
        assertTrue(tail <= 1e-17 * g.sum && tailB <= 1e-17 * g.sum && tailC <= 1e-17 * g.sum, at);
      }
    }
  }
}
