package dev.niche.core.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Summaries from columns at the edges of every column's range, and each column's length check. */
class SummaryColumnsBoundaryTest {

  private static final LocalDate END = LocalDate.of(2024, 6, 30);
  private static final LocalDate HOLDOUT = LocalDate.of(2024, 12, 31);
  private static final List<String> IDS = List.of("a", "b");

  private static SummaryColumns columns(double[] x, double[] tx, double[] t, double[] m) {
    return CustomerSummaries.fromColumns(END, ActivityUnit.WEEKS).columns(IDS, x, tx, t, m);
  }

  private static void assertMessage(String expected, Executable call) {
    assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  @Test
  void theEdgesOfEveryRangeAreAccepted() {
    // a: no repeat purchase, first seen at the calibration end; b: last purchase at its age.
    CustomerSummaries s = columns(new double[] {0, 3}, new double[] {0, 4},
        new double[] {0, 4}, new double[] {0, 0})
        .totalSpend(new double[] {0, 0})
        .holdout(HOLDOUT, new double[] {0, 2})
        .build();
    CustomerSummary a = s.get(0);
    assertEquals(0, a.frequency(), 0.0);
    assertEquals(0, a.age(), 0.0);
    assertEquals(END, a.firstPurchase());
    assertEquals(0, a.holdoutFrequency(), 0.0);
    CustomerSummary b = s.get(1);
    assertEquals(4, b.recency(), 0.0);
    assertEquals(END.minusDays(28), b.firstPurchase());
    assertEquals(END, b.lastPurchase());
    assertEquals(0, b.totalSpend(), 0.0);
    assertEquals(2, b.holdoutFrequency(), 0.0);
  }

  @Test
  void everyColumnIsCheckedAgainstTheIdentifiers() {
    double[] one = {1};
    double[] ok = {1, 1};
    assertMessage("customerIds has length 2 but frequency has length 1; they must match",
        () -> columns(one, ok, ok, ok).build());
    assertMessage("customerIds has length 2 but recency has length 1; they must match",
        () -> columns(ok, one, ok, ok).build());
    assertMessage("customerIds has length 2 but meanRepeatSpend has length 1; they must match",
        () -> columns(ok, ok, ok, one).build());
    assertMessage("customerIds has length 2 but totalSpend has length 1; they must match",
        () -> columns(ok, ok, ok, ok).totalSpend(one).build());
    assertMessage("customerIds has length 2 but holdoutFrequency has length 1; they must match",
        () -> columns(ok, ok, ok, ok).holdout(HOLDOUT, one).build());
  }

  @Test
  void valuesJustOutsideTheirRangesAreNamed() {
    double[] ok = {1, 1};
    assertMessage("totalSpend[1] = -1.0 must be finite and >= 0",
        () -> columns(ok, ok, ok, ok).totalSpend(new double[] {1, -1}).build());
    assertMessage("recency[0] = -1.0 must be in [0, age[0] = 1.0]",
        () -> columns(ok, new double[] {-1, 1}, ok, ok).build());
    assertMessage("frequency[1] = -1.0 must be a whole number >= 0",
        () -> columns(new double[] {1, -1}, ok, ok, ok).build());
    assertMessage("meanRepeatSpend[0] = -0.5 must be finite and >= 0",
        () -> columns(ok, ok, ok, new double[] {-0.5, 1}).build());
    // 1e11 weeks is 7e11 days, beyond LocalDate's range before the calibration end.
    assertMessage("age[0] = 1.0E11 must be >= 0 and at most the span of LocalDate before the "
        + "calibration end", () -> columns(ok, ok, new double[] {1e11, 1}, ok).build());
    assertMessage("holdoutEnd = 2024-06-30 must be after calibrationEnd = 2024-06-30",
        () -> columns(ok, ok, ok, ok).holdout(END, ok));
  }
}
