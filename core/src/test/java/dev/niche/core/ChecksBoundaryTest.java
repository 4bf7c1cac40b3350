package dev.niche.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each check at its boundary: the last accepted value is returned, the first rejected is named. */
class ChecksBoundaryTest {

  private static String rejected(Runnable call) {
    return assertThrows(IllegalArgumentException.class, call::run).getMessage();
  }

  @Test
  void noNullElementsNamesTheFirstNullByPosition() {
    List<String> ok = Arrays.asList("a", "b");
    assertSame(ok, Checks.noNullElements(ok, "terms"));
    List<String> empty = List.of();
    assertSame(empty, Checks.noNullElements(empty, "terms"));
    assertEquals("terms[1] must not be null", assertThrows(NullPointerException.class,
        () -> Checks.noNullElements(Arrays.asList("a", null, null), "terms")).getMessage());
    assertEquals("terms must not be null", assertThrows(NullPointerException.class,
        () -> Checks.noNullElements((List<String>) null, "terms")).getMessage());
  }

  @Test
  void lazyMessagesAreBuiltOnlyOnFailure() {
    Checks.argument(true, () -> {
      throw new AssertionError("message built although the condition holds");
    });
    assertEquals("x = 3 is odd",
        rejected(() -> Checks.argument(false, () -> "x = 3 is odd")));
    String kept = "kept";
    assertSame(kept, Checks.notNull(kept, () -> {
      throw new AssertionError("message built for a non-null value");
    }));
    assertEquals("date (transaction 4) must not be null", assertThrows(
        NullPointerException.class,
        () -> Checks.notNull(null, () -> "date (transaction 4) must not be null")).getMessage());
    assertSame(kept, Checks.elementNotNull(kept, "ids", 2));
    assertEquals("ids[2] must not be null", assertThrows(NullPointerException.class,
        () -> Checks.elementNotNull(null, "ids", 2)).getMessage());
    IllegalArgumentException e = Checks.rejected("covariate 'x' is constant");
    assertEquals("covariate 'x' is constant", e.getMessage());
  }

  @Test
  void checksReturnTheirArgument() {
    assertEquals(2.5, Checks.positive(2.5, "a"));
    assertEquals(7, Checks.positive(7, "n"));
    assertEquals(1, Checks.positive(1, "n"));
    assertEquals(3.5, Checks.nonNegative(3.5, "a"));
    assertEquals(0.0, Checks.nonNegative(0.0, "a"));
    assertEquals(42L, Checks.nonNegative(42L, "n"));
    assertEquals(0L, Checks.nonNegative(0L, "n"));
    assertEquals(0.25, Checks.inRange(0.25, 0, 1, "p"));
    double[] values = {0, 1.5};
    assertSame(values, Checks.finite(values, "x"));
    assertSame(values, Checks.nonNegative(values, "x"));
    assertSame(values, Checks.nonEmpty(values, "x"));
    long[] counts = {0, 3};
    assertSame(counts, Checks.nonNegative(counts, "counts"));
    assertEquals(2, Checks.rectangular(new double[][] {{1, 2}, {3, 4}}, "data"));
  }

  @Test
  void nullMessagesNameTheArgument() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> Checks.notNull(null, "seed"));
    assertEquals("seed must not be null", e.getMessage());
  }

  @Test
  void closedRangeIncludesBothEnds() {
    assertEquals(-1.0, Checks.inRange(-1, -1, 2, "p"));
    assertEquals(2.0, Checks.inRange(2, -1, 2, "p"));
    assertEquals("p = -1.5 must be in [-1.0, 2.0]", rejected(() -> Checks.inRange(-1.5, -1, 2, "p")));
    assertEquals("p = 2.5 must be in [-1.0, 2.0]", rejected(() -> Checks.inRange(2.5, -1, 2, "p")));
  }

  @Test
  void openUnitExcludesBothEnds() {
    assertEquals(0.5, Checks.openUnit(0.5, "level"));
    assertEquals("level = 0.0 must be in (0, 1)", rejected(() -> Checks.openUnit(0, "level")));
    assertEquals("level = 1.0 must be in (0, 1)", rejected(() -> Checks.openUnit(1, "level")));
  }

  @Test
  void integerAndArrayBoundaries() {
    assertEquals("n = 0 must be >= 1", rejected(() -> Checks.positive(0, "n")));
    assertEquals("n = -1 must be >= 0", rejected(() -> Checks.nonNegative(-1L, "n")));
    assertEquals("a = -0.5 must be >= 0", rejected(() -> Checks.nonNegative(-0.5, "a")));
    assertEquals("x[1] = -0.5 must be >= 0",
        rejected(() -> Checks.nonNegative(new double[] {0, -0.5}, "x")));
    assertEquals("counts must not be empty",
        rejected(() -> Checks.nonNegative(new long[0], "counts")));
    assertEquals("data[1][0] = NaN must be finite",
        rejected(() -> Checks.rectangular(new double[][] {{1}, {Double.NaN}}, "data")));
  }

  @Test
  void elementChecksFormatOnlyOnFailure() {
    assertDoesNotThrow(() -> Checks.element(true, "counts", 2, 5L, "must be >= 0"));
    assertEquals("counts[2] = -5 must be >= 0",
        rejected(() -> Checks.element(false, "counts", 2, -5L, "must be >= 0")));
    assertDoesNotThrow(() -> Checks.element(true, "a", 0, 1, 0.5, "must be finite"));
    assertEquals("a[0][1] = NaN must be finite",
        rejected(() -> Checks.element(false, "a", 0, 1, Double.NaN, "must be finite")));
  }
}
