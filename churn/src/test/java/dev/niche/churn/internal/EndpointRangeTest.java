package dev.niche.churn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The per-frequency endpoint ranges that decide where the Pareto/NBD series is re-expanded. */
class EndpointRangeTest {

  @Test
  void agesOfEveryRowAndRecenciesOfRepeatBuyersCountAsEndpoints() {
    // x = 0 rows contribute their age only (t_x = 0 is no endpoint of theirs); x > 0 rows
    // contribute both their age and their recency.
    int[] x = {0, 2, 0, 2, 1};
    double[] tx = {0, 3.5, 0, 1.25, 4};
    double[] age = {10, 8, 6.5, 9, 7};
    EndpointRange r = EndpointRange.of(x, tx, age, 3);
    assertEquals(2, r.count(0));
    assertEquals(6.5, r.low(0));
    assertEquals(10, r.high(0));
    assertEquals(2, r.count(1));
    assertEquals(4, r.low(1));
    assertEquals(7, r.high(1));
    assertEquals(4, r.count(2));
    assertEquals(1.25, r.low(2));
    assertEquals(9, r.high(2));
  }

  @Test
  void aFrequencyWithoutRowsHasAnEmptyRange() {
    EndpointRange r = EndpointRange.of(new int[] {2}, new double[] {1}, new double[] {5}, 3);
    assertEquals(0, r.count(1));
    assertEquals(Double.POSITIVE_INFINITY, r.low(1));
    assertEquals(Double.NEGATIVE_INFINITY, r.high(1));
    assertFalse(r.worthPieces(1));
  }

  @Test
  void piecesPayFromTheStatedNumberOfEndpointsOn() {
    int n = EndpointRange.MIN_ENDPOINTS;
    // frequency 0: n - 1 ages; frequency 1: n / 2 rows, each with an age and a recency (n).
    int[] x = new int[n - 1 + n / 2];
    double[] tx = new double[x.length];
    double[] age = new double[x.length];
    Arrays.fill(x, n - 1, x.length, 1);
    for (int i = 0; i < x.length; i++) {
      age[i] = 20 + i;
      tx[i] = x[i] == 0 ? 0 : 1 + i % 7;
    }
    EndpointRange r = EndpointRange.of(x, tx, age, 2);
    assertEquals(n - 1, r.count(0));
    assertFalse(r.worthPieces(0));
    assertEquals(n, r.count(1));
    assertTrue(r.worthPieces(1));
    assertEquals(1, r.low(1));
    assertEquals(20 + x.length - 1, r.high(1));
    assertFalse(r.worthPieces(2), "a frequency beyond the table has no endpoints");
  }
}
