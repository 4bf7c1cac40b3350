package dev.niche.churn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link SeriesPieces} against the Maclaurin polynomials it re-expands, summed directly
 * ({@code Σ_{n<N} c_n wⁿ} by Horner's rule): the re-expansion is exact in the polynomial and its
 * truncation is bounded by {@code 10⁻¹⁷} of each value (first derivatives) or {@code 10⁻¹⁵} of
 * {@code S} (second derivatives), so the two agree to rounding anywhere in the interval.
 */
class SeriesPiecesTest {

  /** {@code Σ_{n=from}^{terms-1} c[n] w^(n-from)}. */
  private static double horner(double[] c, int from, int terms, double w) {
    double sum = 0;
    for (int n = terms - 1; n >= from; n--) {
      sum = sum * w + c[n];
    }
    return sum;
  }

  /** {@code (b, c, w_lo, w_hi)}: short and long series, narrow and wide intervals. */
  private static final double[][] CASES = {
    {1.5, 3.2, 0.05, 0.3}, {0.55, 2.7, 0.02, 0.6}, {3, 4.5, 0.4, 0.85}};

  /** A tabulated series long enough for {@code high}, as {@link ParetoNbdPass} prepares it. */
  private static GaussSeries tabulated(double b, double c, double high) {
    GaussSeries g = new GaussSeries(b, c, true);
    assertTrue(g.evaluate(high));
    assertTrue(g.evaluateSecond(high));
    return g;
  }

  /** The Maclaurin terms {@link ParetoNbdPass} re-expands: five past the stopping rule's. */
  private static int terms(GaussSeries g) {
    return Math.min(g.used + 5, g.length);
  }

  private static double[] grid(double low, double high) {
    double[] w = new double[41];
    for (int i = 0; i < w.length; i++) {
      w[i] = low + (high - low) * i / (w.length - 1);
    }
    return w;
  }

  @Test
  void firstDerivativeSeriesEqualTheirPolynomials() {
    for (double[] k : CASES) {
      GaussSeries g = tabulated(k[0], k[1], k[3]);
      int terms = terms(g);
      SeriesPieces p = SeriesPieces.of(g.a, g.ab, g.ac, g.an, terms, k[2], k[3], 1_000_000);
      assertNotNull(p);
      GaussSeries out = new GaussSeries(k[0], k[1], false);
      double[] negC = new double[terms];
      for (int n = 0; n < terms; n++) {
        negC[n] = -g.ac[n];
      }
      for (double w : grid(k[2], k[3])) {
        assertTrue(p.evaluate(w, out));
        double sum = horner(g.a, 0, terms, w);
        assertEquals(sum, out.sum, 1e-15 * sum, "S at " + w);
        double b = horner(g.ab, 0, terms, w);
        assertEquals(b, out.sumB, 1e-14 * Math.abs(b), "dS/db at " + w);
        double c = horner(negC, 0, terms, w);
        assertEquals(c, out.sumC, 1e-14 * Math.abs(c), "dS/dc at " + w);
        double dw = horner(g.an, 1, terms, w);
        assertEquals(dw, out.sumW, 1e-14 * Math.abs(dw), "dS/dw at " + w);
      }
    }
  }

  @Test
  void secondDerivativeSeriesEqualTheirPolynomials() {
    for (double[] k : CASES) {
      GaussSeries g = tabulated(k[0], k[1], k[3]);
      int terms = terms(g);
      SeriesPieces p = SeriesPieces.second(g, terms, k[2], k[3], 1_000_000);
      assertNotNull(p);
      GaussSeries out = new GaussSeries(k[0], k[1], true);
      for (double w : grid(k[2], k[3])) {
        assertTrue(p.evaluateSecond(w, out));
        double scale = 1e-14 * horner(g.a, 0, terms, w);
        String at = " at " + w + " of " + java.util.Arrays.toString(k);
        assertEquals(horner(g.abb, 0, terms, w), out.sumBB, scale, "bb" + at);
        assertEquals(horner(g.abc, 0, terms, w), out.sumBC, scale, "bc" + at);
        assertEquals(horner(g.acc, 0, terms, w), out.sumCC, scale, "cc" + at);
        assertEquals(horner(g.anb, 1, terms, w), out.sumBW, scale, "bw" + at);
        assertEquals(horner(g.anc, 1, terms, w), out.sumCW, scale, "cw" + at);
        assertEquals(horner(g.ann, 2, terms, w), out.sumWW, scale, "ww" + at);
      }
    }
  }

  @Test
  void outsideTheIntervalNothingIsWritten() {
    GaussSeries g = tabulated(1.5, 3.2, 0.3);
    int terms = terms(g);
    SeriesPieces p = SeriesPieces.of(g.a, g.ab, g.ac, g.an, terms, 0.05, 0.3, 1_000_000);
    SeriesPieces q = SeriesPieces.second(g, terms, 0.05, 0.3, 1_000_000);
    GaussSeries out = new GaussSeries(1.5, 3.2, true);
    for (double w : new double[] {0.05 * (1 - 1e-9), 0.3 * (1 + 1e-9), Double.NaN, 0, 1}) {
      out.sum = 42;
      out.sumBB = 42;
      assertFalse(p.evaluate(w, out), "w = " + w);
      assertFalse(q.evaluateSecond(w, out), "w = " + w);
      assertEquals(42, out.sum, 0);
      assertEquals(42, out.sumBB, 0);
    }
    // Within rounding of the ends (1e-12 relative) the end pieces answer.
    assertTrue(p.evaluate(0.05 * (1 - 1e-13), out));
    assertEquals(horner(g.a, 0, terms, 0.05 * (1 - 1e-13)), out.sum, 1e-15 * out.sum);
    assertTrue(q.evaluateSecond(0.3 * (1 + 1e-13), out));
  }

  @Test
  void tooFewEndpointsToPayForThePiecesGiveNone() {
    GaussSeries g = tabulated(1.5, 3.2, 0.3);
    int terms = terms(g);
    // One piece costs about 2 N endpoints' worth of Maclaurin sums.
    assertNull(SeriesPieces.of(g.a, g.ab, g.ac, g.an, terms, 0.05, 0.3, 2 * terms - 1));
    assertNull(SeriesPieces.second(g, terms, 0.05, 0.3, 2 * terms - 1));
    assertNotNull(SeriesPieces.of(g.a, g.ab, g.ac, g.an, terms, 0.05, 0.3, 2 * terms));
  }
}
