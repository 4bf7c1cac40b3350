package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.niche.core.Interval;
import org.junit.jupiter.api.Test;

class KaplanMeierTest {

  /** z_{0.975} (R: qnorm(0.975)). */
  private static final double Z = 1.959963984540054;

  /**
   * The seed curves against the product-limit and Greenwood formulas computed here, independently
   * of the production code, with R survival's grouped convention: survfit(Surv(time, status) ~ 1,
   * weights = count) on rows (t, 1, d_t) for t = 1..6 and (6, 0, N_6). Klein &amp; Moeschberger
   * (2003) eqs. 4.2.1-4.2.2.
   */
  @Test
  void seedCurvesMatchTheProductLimitAndGreenwoodFormulas() {
    for (long[] counts : new long[][] {SeedData.COMPANY_1, SeedData.COMPANY_2}) {
      KaplanMeier km = KaplanMeier.fit(RetentionCurve.ofCounts(counts));
      double s = 1;
      double g = 0;
      for (int t = 1; t < counts.length; t++) {
        double n = counts[t - 1];
        double d = counts[t - 1] - counts[t];
        s *= 1 - d / n;
        g += d / (n * (n - d));
        assertEquals(s, km.survival(t), 1e-14);
        assertEquals(s, km.survival(t + 0.5 > 6 ? 6 : t + 0.5), 1e-14);
        assertEquals(s * Math.sqrt(g), km.standardError(t), 1e-14);
        Interval log = km.confidenceInterval(t, 0.95, ConfidenceBand.LOG);
        assertEquals(Math.exp(Math.log(s) - Z * Math.sqrt(g)), log.lower(), 1e-12);
        assertEquals(Math.min(1, Math.exp(Math.log(s) + Z * Math.sqrt(g))), log.upper(), 1e-12);
      }
    }
  }

  /** Hand values (R survfit, summary(fit, times = 1:6)$std.err) for company 1. */
  @Test
  void seedCompanyOneTypedValues() {
    KaplanMeier km = KaplanMeier.fit(RetentionCurve.ofCounts(SeedData.COMPANY_1));
    double[] se = {0.021794494717703367, 0.04582575694955839, 0.05, 0.047696960070847276, 0.04,
        0.03};
    for (int t = 1; t <= 6; t++) {
      assertEquals(se[t - 1], km.standardError(t), 1e-12);
    }
    // t = 3: S = 0.5, Greenwood sum 5/(100*95) + 25/(95*70) + 20/(70*50) = 0.01.
    Interval plain = km.confidenceInterval(3, 0.95, ConfidenceBand.PLAIN);
    assertEquals(0.4020018007729973, plain.lower(), 1e-12);
    assertEquals(0.5979981992270027, plain.upper(), 1e-12);
    Interval log = km.confidenceInterval(3, 0.95, ConfidenceBand.LOG);
    assertEquals(0.4110075975991946, log.lower(), 1e-12);
    assertEquals(0.6082612619823015, log.upper(), 1e-12);
    Interval logLog = km.confidenceInterval(3, 0.95, ConfidenceBand.LOG_LOG);
    assertEquals(0.3986540641967188, logLog.lower(), 1e-12);
    assertEquals(0.5930812349979647, logLog.upper(), 1e-12);
    // S = 0.5 on [3, 4): median is the midpoint 3.5 (R print.survfit); company 2 crosses at 3.
    assertEquals(3.5, km.median().getAsDouble(), 0);
    assertEquals(3.0, KaplanMeier.fit(RetentionCurve.ofCounts(SeedData.COMPANY_2)).median()
        .getAsDouble(), 0);
    // Restricted mean to 6: sum of S(0..5) = 1 + .95 + .7 + .5 + .35 + .2.
    assertEquals(3.7, km.restrictedMean(6), 1e-12);
    assertEquals(1.0 + 0.95 * 0.5, km.restrictedMean(1.5), 1e-12);
  }

  /**
   * Freireich et al. 6-MP arm (Gehan 1965), Klein &amp; Moeschberger (2003) Table 4.1B:
   * S = 0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448 at 6, 7, 10, 13, 16, 22, 23 with
   * Greenwood errors 0.0764, 0.0869, 0.0963, 0.1068, 0.1141, 0.1282, 0.1346; median 23.
   */
  @Test
  void sixMpArmOfKleinAndMoeschberger() {
    double[] time = {6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35};
    boolean[] event = {true, true, true, false, true, false, true, false, false, true, true, false,
        false, false, true, true, false, false, false, false, false};
    KaplanMeier km = KaplanMeier.fit(time, event);
    double[] at = {6, 7, 10, 13, 16, 22, 23};
    double[] s = {0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448};
    double[] se = {0.0764, 0.0869, 0.0963, 0.1068, 0.1141, 0.1282, 0.1346};
    for (int i = 0; i < at.length; i++) {
      assertEquals(s[i], km.survival(at[i]), 5e-4);
      assertEquals(se[i], km.standardError(at[i]), 5e-5);
    }
    assertEquals(23.0, km.median().getAsDouble(), 0);
    assertEquals(1.0, km.survival(5.99), 0);
    assertEquals(35.0, km.maxTime(), 0);
  }

  @Test
  void weightsActAsRepeatedRows() {
    double[] time = {1, 2, 2, 3, 3, 3};
    boolean[] event = {true, false, true, true, true, false};
    KaplanMeier expanded = KaplanMeier.fit(time, event);
    KaplanMeier weighted = KaplanMeier.fit(new double[] {1, 2, 2, 3, 3},
        new boolean[] {true, false, true, true, false}, new double[] {1, 1, 1, 2, 1});
    for (double t = 0; t <= 3; t += 0.5) {
      assertEquals(expanded.survival(t), weighted.survival(t), 1e-15);
      assertEquals(expanded.standardError(t), weighted.standardError(t), 1e-15);
    }
    assertFalse(KaplanMeier.fit(new double[] {1}, new boolean[] {false}).median().isPresent());
  }

  @Test
  void curveReachingZero() {
    KaplanMeier km = KaplanMeier.fit(RetentionCurve.ofCounts(10, 5, 0));
    assertEquals(0.0, km.survival(2));
    assertEquals(0.0, km.standardError(2));
    assertEquals(new Interval(0, 0), km.confidenceInterval(2, 0.9, ConfidenceBand.LOG_LOG));
    assertEquals(new Interval(1, 1), km.confidenceInterval(0.5, 0.9, ConfidenceBand.LOG_LOG));
  }

  @Test
  void badInput() {
    assertThrows(IllegalArgumentException.class,
        () -> KaplanMeier.fit(new double[] {1, 2}, new boolean[] {true}));
    assertThrows(IllegalArgumentException.class,
        () -> KaplanMeier.fit(new double[] {}, new boolean[] {}));
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> KaplanMeier.fit(new double[] {1, Double.NaN}, new boolean[] {true, true}));
    assertTrue(nan.getMessage().contains("durations[1]"), nan.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> KaplanMeier.fit(new double[] {-1}, new boolean[] {true}));
    assertThrows(IllegalArgumentException.class, () -> KaplanMeier.fit(new double[] {1},
        new boolean[] {true}, new double[] {0}));
    assertThrows(NullPointerException.class, () -> KaplanMeier.fit((RetentionCurve) null));
    KaplanMeier km = KaplanMeier.fit(RetentionCurve.ofCounts(SeedData.COMPANY_1));
    assertThrows(IllegalArgumentException.class, () -> km.survival(6.5));
    assertThrows(IllegalArgumentException.class, () -> km.survival(-0.1));
    assertThrows(IllegalArgumentException.class, () -> km.survival(Double.NaN));
    assertThrows(IllegalArgumentException.class,
        () -> km.confidenceInterval(1, 1.0, ConfidenceBand.LOG));
    assertThrows(NullPointerException.class, () -> km.confidenceInterval(1, 0.9, null));
  }

  @Test
  void estimateFromAnyCurveEqualsItsSurvivalAndIntervalsHoldIt() {
    qt().forAll(integers().between(1, 10_000),
            lists().of(integers().between(0, 500)).ofSizeBetween(1, 20))
        .checkAssert((size, drops) -> {
          RetentionCurve c = RetentionCurve.ofCounts(RetentionCurveTest.countsFrom(size, drops));
          KaplanMeier km = KaplanMeier.fit(c);
          double previous = 1;
          for (int t = 0; t <= c.periods(); t++) {
            double s = km.survival(t);
            assertEquals(c.survival(t), s, 1e-12);
            assertTrue(s <= previous && s >= 0 && s <= 1);
            previous = s;
            for (ConfidenceBand band : ConfidenceBand.values()) {
              Interval ci = km.confidenceInterval(t, 0.95, band);
              assertTrue(ci.lower() >= 0 && ci.upper() <= 1);
              assertTrue(ci.lower() <= s + 1e-12 && s <= ci.upper() + 1e-12, band + " " + ci);
            }
          }
        });
  }
}
