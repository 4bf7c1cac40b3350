package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Assertions for comparisons with reference values printed by R. */
final class RAssert {

  private RAssert() {}

  /**
   * Asserts {@code |actual - expected| <= tol |expected|} (exact equality when the reference is 0
   * or infinite).
   */
  static void assertRelative(double expected, double actual, double tol, String what, int i) {
    if (expected == 0.0 || Double.isInfinite(expected)) {
      assertEquals(expected, actual, 0.0, what + "[" + i + "]");
    } else {
      assertEquals(expected, actual, tol * Math.abs(expected), what + "[" + i + "]");
    }
  }
}
