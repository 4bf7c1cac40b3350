package dev.niche.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChecksTest {

  @Test
  void messagesNameTheArgumentAndTheOffendingValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Checks.nonNegative(new long[] {10, 8, -2}, "survivors"));
    assertEquals("survivors[2] = -2 must be >= 0", e.getMessage());

    e = assertThrows(IllegalArgumentException.class,
        () -> Checks.finite(new double[] {1, Double.NaN}, "x"));
    assertEquals("x[1] = NaN must be finite", e.getMessage());

    e = assertThrows(IllegalArgumentException.class, () -> Checks.positive(0.0, "k1"));
    assertEquals("k1 = 0.0 must be > 0", e.getMessage());
  }

  @Test
  void raggedEmptyAndMismatchedInputsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Checks.rectangular(new double[][] {{1, 2}, {3}}, "data"));
    assertEquals("data[1] has length 1 but data[0] has length 2; rows must all have the same length",
        e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Checks.rectangular(new double[0][], "data"));
    assertThrows(IllegalArgumentException.class,
        () -> Checks.square(new double[][] {{1, 2}}, "a"));
    e = assertThrows(IllegalArgumentException.class,
        () -> Checks.sameLength(new double[2], "x", new double[3], "tx"));
    assertEquals("x has length 2 but tx has length 3; they must match", e.getMessage());
    assertThrows(NullPointerException.class, () -> Checks.finite((double[]) null, "x"));
    assertThrows(IllegalArgumentException.class, () -> Checks.finite(new double[0], "x"));
  }

  @Test
  void checksReturnTheirArgument() {
    double[] x = {1, 2};
    assertEquals(x, Checks.nonNegative(x, "x"));
    assertEquals(0.5, Checks.openUnit(0.5, "level"));
    assertEquals(2, Checks.square(new double[][] {{1, 0}, {0, 1}}, "a"));
  }
}
