package dev.niche.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.churn.RetentionCurve;
import dev.niche.churn.SbgFit;
import dev.niche.churn.ShiftedBetaGeometric;
import dev.niche.core.Estimate;
import dev.niche.core.Interval;
import org.junit.jupiter.api.Test;

/** The README's snippet, compiled and run; the body of the test is the snippet verbatim. */
class ReadmeSnippetsTest {

  @Test
  void firstScreen() {
    // Fader & Hardie (2007): 1000 customers alive at years 0..7; fit the shifted-beta-geometric model.
    RetentionCurve regular = RetentionCurve.ofCounts(1000, 631, 468, 382, 326, 289, 262, 241);
    SbgFit fit = ShiftedBetaGeometric.fit(regular);
    Estimate alpha = fit.alpha();                          // 0.704, with its standard error
    Interval ci = alpha.confidenceInterval(0.95);
    double[] survivors = fit.projectedSurvivors(12);       // expected survivors, years 0..12
    boolean boundary = fit.diagnostics().onBoundary();     // true when no interior maximum exists

    assertEquals(0.704, alpha.value(), 5e-4);
    assertTrue(ci.contains(0.704));
    assertEquals(13, survivors.length);
    assertFalse(boundary);
  }
}
