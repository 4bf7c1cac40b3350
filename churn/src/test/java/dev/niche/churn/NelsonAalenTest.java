package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.core.Interval;
import org.junit.jupiter.api.Test;

class NelsonAalenTest {

  /**
   * A small left-truncated sample, by hand (and R: survfit(Surv(entry, time, ev) ~ 1) gives
   * cumhaz 1/6, 1/3, 8/15, 31/30, 61/30 and std.chaz sqrt(cumsum(d / n²))): entries
   * (0, 0, 1, 2, 0, 3, 1, 0), times (2, 3, 4, 5, 6, 7, 5, 3), events (1, 0, 1, 1, 0, 1, 1, 1).
   * Risk sets at 2, 3, 4, 5, 7: 6 (entries 2 and 3 not yet in), 6, 5, 4, 1.
   */
  @Test
  void lateEntryByHand() {
    double[] entry = {0, 0, 1, 2, 0, 3, 1, 0};
    double[] time = {2, 3, 4, 5, 6, 7, 5, 3};
    boolean[] ev = {true, false, true, true, false, true, true, true};
    NelsonAalen na = NelsonAalen.fit(entry, time, ev);
    assertEquals(5, na.times().length);
    assertEquals(6.0, na.atRisk()[0], 0);
    assertEquals(1.0, na.atRisk()[4], 0);
    double[] h = {1 / 6.0, 1 / 3.0, 8 / 15.0, 31 / 30.0, 61 / 30.0};
    double[] v = {1 / 36.0, 2 / 36.0, 2 / 36.0 + 1 / 25.0, 2 / 36.0 + 1 / 25.0 + 2 / 16.0,
        2 / 36.0 + 1 / 25.0 + 2 / 16.0 + 1.0};
    double[] at = {2, 3, 4, 5, 7};
    for (int i = 0; i < at.length; i++) {
      assertEquals(h[i], na.cumulativeHazard(at[i]), 1e-15);
      assertEquals(h[i], na.cumulativeHazardAtTimes()[i], 1e-15);
      assertEquals(Math.sqrt(v[i]), na.standardError(at[i]), 1e-15);
      assertEquals(Math.exp(-h[i]), na.survival(at[i]), 1e-15);
    }
    // After the risk set is exhausted the hazard still counts the last event: S_KM = 0 < exp(-H).
    KaplanMeier km = KaplanMeier.fit(entry, time, ev);
    assertEquals(0.0, km.survival(7), 0);
    assertTrue(na.survival(7) > 0);
    assertEquals(0.0, na.cumulativeHazard(1.5), 0);
    assertEquals(new Interval(0, 0), na.confidenceInterval(1, 0.95, ConfidenceBand.LOG));
    assertEquals(new Interval(1, 1), na.survivalInterval(1, 0.95, ConfidenceBand.LOG));
  }

  @Test
  void hazardBandsOnTheHazardScale() {
    NelsonAalen na = NelsonAalen.fit(RDataSets.LUNG_TIME, RDataSets.LUNG_DEAD);
    double z = 1.959963984540054;
    double h = na.cumulativeHazard(300);
    double se = na.standardError(300);
    Interval log = na.confidenceInterval(300, 0.95, ConfidenceBand.LOG);
    assertEquals(h - z * se, log.lower(), 1e-12);
    assertEquals(h + z * se, log.upper(), 1e-12);
    Interval logLog = na.confidenceInterval(300, 0.95, ConfidenceBand.LOG_LOG);
    assertEquals(h * Math.exp(-z * se / h), logLog.lower(), 1e-12);
    assertEquals(h * Math.exp(z * se / h), logLog.upper(), 1e-12);
    assertTrue(na.confidenceInterval(300, 0.95, ConfidenceBand.PLAIN).contains(h));
  }

  @Test
  void weightsActAsRepeatedRowsWithLateEntry() {
    double[] entry = {0, 1, 1, 0, 2};
    double[] time = {3, 2, 4, 4, 5};
    boolean[] ev = {true, true, false, true, true};
    double[] w = {2, 1, 3, 1, 2};
    double[] entryX = {0, 0, 1, 1, 1, 1, 0, 2, 2};
    double[] timeX = {3, 3, 2, 4, 4, 4, 4, 5, 5};
    boolean[] evX = {true, true, true, false, false, false, true, true, true};
    NelsonAalen weighted = NelsonAalen.fit(entry, time, ev, w);
    NelsonAalen expanded = NelsonAalen.fit(entryX, timeX, evX);
    KaplanMeier kmWeighted = KaplanMeier.fit(entry, time, ev, w);
    KaplanMeier kmExpanded = KaplanMeier.fit(entryX, timeX, evX);
    for (double t = 0; t <= 5; t += 0.5) {
      assertEquals(expanded.cumulativeHazard(t), weighted.cumulativeHazard(t), 1e-15);
      assertEquals(expanded.standardError(t), weighted.standardError(t), 1e-15);
      assertEquals(kmExpanded.survival(t), kmWeighted.survival(t), 1e-15);
      assertEquals(kmExpanded.standardError(t), kmWeighted.standardError(t), 1e-15);
    }
  }

  @Test
  void entriesAtZeroChangeNothing() {
    double[] zeros = new double[RDataSets.AML_TIME.length];
    KaplanMeier plain = KaplanMeier.fit(RDataSets.AML_TIME, RDataSets.AML_RELAPSE);
    KaplanMeier entered = KaplanMeier.fit(zeros, RDataSets.AML_TIME, RDataSets.AML_RELAPSE);
    NelsonAalen na = NelsonAalen.fit(RDataSets.AML_TIME, RDataSets.AML_RELAPSE);
    NelsonAalen naEntered = NelsonAalen.fit(zeros, RDataSets.AML_TIME, RDataSets.AML_RELAPSE);
    for (double t = 0; t <= plain.maxTime(); t += 1) {
      assertEquals(plain.survival(t), entered.survival(t), 0);
      assertEquals(plain.standardError(t), entered.standardError(t), 0);
      assertEquals(na.cumulativeHazard(t), naEntered.cumulativeHazard(t), 0);
    }
  }

  /**
   * Events at time 0, by hand: of 4 at risk, 2 leave at 0 (H = 2/4) and 1 of the other 2 at 1
   * (H = 1/2 + 1/2). Minus zero is the time zero (numerically equal), not a time before it.
   */
  @Test
  void minusZeroIsTimeZero() {
    double[] time = {0, 0, 1, 2};
    boolean[] ev = {true, true, true, false};
    NelsonAalen na = NelsonAalen.fit(time, ev);
    KaplanMeier km = KaplanMeier.fit(time, ev);
    assertEquals(0.5, na.cumulativeHazard(0.0), 1e-15);
    assertEquals(0.5, na.cumulativeHazard(-0.0), 1e-15);
    assertEquals(1.0, na.cumulativeHazard(1.0), 1e-15);
    assertEquals(0.5, km.survival(-0.0), 1e-15);
    assertEquals(na.standardError(0.0), na.standardError(-0.0), 0);
  }

  @Test
  void badInput() {
    double[] time = {1, 2, 3};
    boolean[] ev = {true, false, true};
    IllegalArgumentException late = assertThrows(IllegalArgumentException.class,
        () -> NelsonAalen.fit(new double[] {0, 2, 1}, time, ev));
    assertEquals("entries[1] = 2.0 must be >= 0 and < durations[1] = 2.0", late.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> KaplanMeier.fit(new double[] {0, -1, 0}, time, ev));
    assertThrows(IllegalArgumentException.class,
        () -> KaplanMeier.fit(new double[] {0, Double.NaN, 0}, time, ev));
    assertThrows(IllegalArgumentException.class,
        () -> NelsonAalen.fit(new double[] {0, 0}, time, ev));
    IllegalArgumentException weight = assertThrows(IllegalArgumentException.class,
        () -> NelsonAalen.fit(time, ev, new double[] {1, Double.POSITIVE_INFINITY, 1}));
    assertTrue(weight.getMessage().startsWith("weights[1] = Infinity"), weight.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> NelsonAalen.fit(new double[] {}, new boolean[] {}));
    assertThrows(NullPointerException.class, () -> NelsonAalen.fit(null, time, ev));
    assertThrows(NullPointerException.class, () -> KaplanMeier.fit(null, time, ev));
    assertThrows(NullPointerException.class, () -> NelsonAalen.fit(time, null));
    assertThrows(NullPointerException.class, () -> NelsonAalen.fit(time, ev, null));
    NelsonAalen na = NelsonAalen.fit(time, ev);
    assertThrows(IllegalArgumentException.class, () -> na.cumulativeHazard(3.5));
    assertThrows(IllegalArgumentException.class, () -> na.standardError(Double.NaN));
    assertThrows(IllegalArgumentException.class,
        () -> na.survivalInterval(1, 0, ConfidenceBand.LOG));
    assertThrows(NullPointerException.class, () -> na.confidenceInterval(1, 0.9, null));
  }
}
