package dev.niche.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

class EstimateTest {

  @Test
  void waldIntervalUsesTheNormalQuantile() {
    // z_{0.975} = 1.959963984540054 (Abramowitz & Stegun 26.2; R: qnorm(0.975)).
    Interval ci = new Estimate(10.0, 2.0).confidenceInterval(0.95);
    assertEquals(10.0 - 2 * 1.959963984540054, ci.lower(), 1e-12);
    assertEquals(10.0 + 2 * 1.959963984540054, ci.upper(), 1e-12);
    // z_{0.95} = 1.6448536269514722 (R: qnorm(0.95)).
    assertEquals(2 * 1.6448536269514722, new Estimate(0, 1).confidenceInterval(0.90).upper() * 2,
        1e-12);
  }

  @Test
  void unknownErrorGivesUnknownInterval() {
    Interval ci = Estimate.withoutError(3).confidenceInterval(0.95);
    assertTrue(Double.isNaN(ci.lower()) && Double.isNaN(ci.upper()));
  }

  @Test
  void badValuesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Estimate(Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> new Estimate(1, -1));
    assertThrows(IllegalArgumentException.class, () -> new Estimate(1, 1).confidenceInterval(1.0));
    assertThrows(IllegalArgumentException.class, () -> new Interval(2, 1));
  }

  @Test
  void intervalsContainTheEstimateAndWidenWithTheLevel() {
    qt().forAll(
            doubles().between(-1e6, 1e6),
            doubles().between(0, 1e3),
            doubles().between(0.01, 0.98))
        .checkAssert((value, se, level) -> {
          Estimate e = new Estimate(value, se);
          Interval narrow = e.confidenceInterval(level);
          Interval wide = e.confidenceInterval(level + 0.01);
          assertTrue(narrow.contains(value));
          assertTrue(wide.width() >= narrow.width());
          assertEquals(value, (narrow.lower() + narrow.upper()) / 2, 1e-9 * (1 + Math.abs(value)));
        });
  }
}
