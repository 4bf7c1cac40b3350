package dev.niche.core.activity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Calibration/holdout summaries, exact merges of partial summaries, and column input. */
class HoldoutAndMergeTest {

  private static final LocalDate END = LocalDate.of(2024, 3, 31);
  private static final LocalDate HOLDOUT = LocalDate.of(2024, 6, 30);

  @Test
  void holdoutPurchaseDaysAreCountedLikeLifetimes() {
    // "a": born 1 Jan, repeat 15 Jan; holdout: two purchases on 1 Apr (one day), 5 May, and
    // 1 Jul after the holdout end (ignored): x* = 2. "b": born on the calibration end, buys again
    // on 30 Jun (the holdout end is inclusive): x* = 1. "c": first purchase in the holdout, left
    // out as in lifetimes' calibration_and_holdout_data. Holdout: 1 Apr .. 30 Jun = 91 days.
    CustomerSummaries s = CustomerSummaries.builder(END, ActivityUnit.DAYS)
        .holdoutEnd(HOLDOUT)
        .add("a", LocalDate.of(2024, 1, 1), 10)
        .add("a", LocalDate.of(2024, 4, 1), 7)
        .add("c", LocalDate.of(2024, 4, 2), 3)
        .add("a", LocalDate.of(2024, 1, 15), 20)
        .add("a", LocalDate.of(2024, 4, 1), 8)
        .add("b", END, 5)
        .add("a", LocalDate.of(2024, 5, 5), 9)
        .add("a", LocalDate.of(2024, 7, 1), 99)
        .add("b", HOLDOUT, 5)
        .build();
    assertEquals(List.of("a", "b"), s.customerIds());
    assertEquals(Optional.of(HOLDOUT), s.holdoutEnd());
    assertArrayEquals(new double[] {2, 1}, s.holdoutFrequency(), 0.0);
    assertArrayEquals(new double[] {91, 91}, s.holdoutLength(), 0.0);
    CustomerSummary a = s.get(0);
    // Calibration values are unchanged by the holdout: x = 1, t_x = 14, T = 90, spend 30.
    assertEquals(1, a.frequency());
    assertEquals(14.0, a.recency(), 0.0);
    assertEquals(90.0, a.age(), 0.0);
    assertEquals(30.0, a.totalSpend(), 0.0);
    assertEquals(LocalDate.of(2024, 1, 15), a.lastPurchase());
    assertEquals(2, a.holdoutFrequency());
    assertEquals(91.0, a.holdoutLength(), 0.0);
    assertEquals(13.0, CustomerSummaries.builder(END, ActivityUnit.WEEKS).holdoutEnd(HOLDOUT)
        .add("a", END, 1).build().holdoutLength()[0], 0.0);
  }

  @Test
  void repeatPurchaseDaysPerWeekForTrackingPlots() {
    // Weeks from Monday 1 Jan 2024. "a": born 1 Jan (not a repeat), repeats 3 Jan (week 0),
    // 10 Jan twice (week 1, one day), 1 Apr (holdout, day 91 = week 13). "b": born 8 Jan,
    // repeat 8 Jan again (same day: not a repeat), 20 Jan (week 2), 1 Jul (after the holdout).
    CustomerSummaries s = CustomerSummaries.builder(END, ActivityUnit.WEEKS).holdoutEnd(HOLDOUT)
        .add("a", LocalDate.of(2024, 1, 1), 1)
        .add("a", LocalDate.of(2024, 1, 3), 1)
        .add("a", LocalDate.of(2024, 1, 10), 1)
        .add("a", LocalDate.of(2024, 1, 10), 1)
        .add("a", LocalDate.of(2024, 4, 1), 1)
        .add("b", LocalDate.of(2024, 1, 8), 1)
        .add("b", LocalDate.of(2024, 1, 8), 1)
        .add("b", LocalDate.of(2024, 1, 20), 1)
        .add("b", LocalDate.of(2024, 7, 1), 1)
        .build();
    double[] weekly = s.repeatPurchasesByPeriod(LocalDate.of(2024, 1, 1), 14);
    double[] expected = new double[14];
    expected[0] = 1;
    expected[1] = 1;
    expected[2] = 1;
    expected[13] = 1;
    assertArrayEquals(expected, weekly, 0.0);
    assertArrayEquals(new double[] {1, 1}, s.repeatPurchasesByPeriod(LocalDate.of(2024, 1, 8),
        2), 0.0);
    assertThrows(IllegalArgumentException.class,
        () -> s.repeatPurchasesByPeriod(LocalDate.of(2024, 1, 1), 0));
    CustomerSummaries columns = CustomerSummaries.fromColumns(END, ActivityUnit.WEEKS)
        .columns(s.customerIds(), s.frequency(), s.recency(), s.age(), s.meanRepeatSpend())
        .build();
    assertTrue(s.keepsPurchases());
    assertTrue(!columns.keepsPurchases());
    assertThrows(IllegalStateException.class,
        () -> columns.repeatPurchasesByPeriod(LocalDate.of(2024, 1, 1), 3));
  }

  @Test
  void withoutHoldoutTheHoldoutColumnsAreZero() {
    CustomerSummaries s = CustomerSummaries.builder(END, ActivityUnit.DAYS)
        .add("a", LocalDate.of(2024, 1, 1), 10)
        .add("a", LocalDate.of(2024, 5, 1), 10)
        .build();
    assertEquals(Optional.empty(), s.holdoutEnd());
    assertArrayEquals(new double[] {0}, s.holdoutFrequency(), 0.0);
    assertArrayEquals(new double[] {0}, s.holdoutLength(), 0.0);
    assertEquals(0, s.get(0).frequency());
    CustomerSummaries.Builder b = CustomerSummaries.builder(END, ActivityUnit.DAYS);
    assertThrows(IllegalArgumentException.class, () -> b.holdoutEnd(END));
    assertThrows(NullPointerException.class, () -> b.holdoutEnd(null));
  }

  @Test
  void overflowingSpendIsRejectedAtBuildNamingTheCustomer() {
    // Issue 18: two purchases of Double.MAX_VALUE used to build, then toList() threw.
    CustomerSummaries.Builder b = CustomerSummaries.builder(END, ActivityUnit.DAYS)
        .add("big", END.minusDays(3), Double.MAX_VALUE)
        .add("big", END, Double.MAX_VALUE);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
    assertTrue(e.getMessage().contains("customer big"), e.getMessage());
    CustomerSummaries one = CustomerSummaries.builder(END, ActivityUnit.DAYS)
        .add("big", END, Double.MAX_VALUE).build();
    assertEquals(Double.MAX_VALUE, one.toList().get(0).totalSpend(), 0.0);
  }

  @Test
  void partialSummariesMergeExactlyIntoTheWhole() {
    // Property: however the transactions are split into parts, the merged summaries of the parts
    // equal the summaries of all transactions, customer by customer and bit for bit.
    qt().forAll(integers().between(1, 60), integers().between(1, 4), longs().all())
        .checkAssert((count, parts, seed) -> {
          SplittableRandom random = new SplittableRandom(seed);
          List<Transaction> all = randomTransactions(random, count);
          CustomerSummaries whole = builder().addAll(all).build();
          List<CustomerSummaries.Builder> builders = new ArrayList<>();
          for (int p = 0; p < parts; p++) {
            builders.add(builder());
          }
          for (Transaction t : all) {
            builders.get(random.nextInt(parts)).add(t);
          }
          CustomerSummaries merged = builders.get(0).build();
          for (int p = 1; p < parts; p++) {
            merged = merged.merge(builders.get(p).build());
          }
          assertEquals(byId(whole), byId(merged));
          assertEquals(whole.size(), merged.size());
          // Merging is commutative up to the order of customers.
          if (parts > 1) {
            assertEquals(byId(builders.get(1).build().merge(builders.get(0).build())),
                byId(builders.get(0).build().merge(builders.get(1).build())));
          }
        });
  }

  @Test
  void summariesFromColumnsEqualSummariesFromTransactions() {
    CustomerSummaries s = builder().addAll(randomTransactions(new SplittableRandom(5), 200))
        .build();
    CustomerSummaries c = CustomerSummaries.fromColumns(END, ActivityUnit.WEEKS)
        .columns(s.customerIds(), s.frequency(), s.recency(), s.age(), s.meanRepeatSpend())
        .totalSpend(s.totalSpend())
        .holdout(HOLDOUT, s.holdoutFrequency())
        .build();
    assertEquals(s.toList(), c.toList());
    // Columns keep no purchase days: they merge with other customers only.
    CustomerSummaries other = builder().add("zz", END, 1).add("zz", HOLDOUT, 2).build();
    CustomerSummaries merged = c.merge(other);
    assertEquals(s.size() + 1, merged.size());
    assertEquals(1, merged.get(merged.indexOf("zz")).holdoutFrequency());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.merge(s));
    assertTrue(e.getMessage().contains("appears in both"), e.getMessage());
    // Without total spend, it is the repeat spend x * m.
    CustomerSummaries noTotal = CustomerSummaries.fromColumns(END, ActivityUnit.WEEKS)
        .columns(List.of("a"), new double[] {2}, new double[] {3}, new double[] {5},
            new double[] {10})
        .build();
    assertEquals(20.0, noTotal.get(0).totalSpend(), 0.0);
    assertEquals(END.minusDays(35), noTotal.get(0).firstPurchase());
    assertEquals(END.minusDays(14), noTotal.get(0).lastPurchase());
  }

  @Test
  void badColumnsAreRejectedNamingColumnAndIndex() {
    List<String> ids = List.of("a", "b");
    double[] ok = {1, 1};
    assertMessage("recency[1] = 3.0 must be in [0, age[1] = 2.0]", () -> columns(ids,
        ok, new double[] {1, 3}, new double[] {2, 2}, ok).build());
    assertMessage("frequency[0] = 1.5 must be a whole number >= 0", () -> columns(ids,
        new double[] {1.5, 1}, ok, ok, ok).build());
    assertMessage("customerIds[1] = a is repeated", () -> columns(List.of("a", "a"), ok, ok, ok,
        ok).build());
    assertMessage("meanRepeatSpend[1] = NaN must be finite and >= 0", () -> columns(ids, ok,
        ok, ok, new double[] {1, Double.NaN}).build());
    assertMessage("customerIds has length 2 but age has length 1; they must match",
        () -> columns(ids, ok, ok, new double[] {1}, ok).build());
    assertMessage("recency[0] = 1.0 must be 0 when frequency = 0", () -> columns(ids,
        new double[] {0, 1}, ok, ok, ok).build());
    assertMessage("holdoutFrequency[1] = -1.0 must be a whole number >= 0", () -> columns(ids,
        ok, ok, ok, ok).holdout(HOLDOUT, new double[] {0, -1}).build());
    assertThrows(IllegalArgumentException.class, () -> columns(ids, ok, ok,
        new double[] {1, 1e300}, ok).build());
    assertThrows(IllegalStateException.class,
        () -> CustomerSummaries.fromColumns(END, ActivityUnit.DAYS).build());
    CustomerSummaries a = builder().add("a", END, 1).build();
    assertThrows(IllegalArgumentException.class, () -> a.merge(
        CustomerSummaries.builder(END, ActivityUnit.DAYS).holdoutEnd(HOLDOUT).build()));
    assertThrows(IllegalArgumentException.class, () -> a.merge(
        CustomerSummaries.builder(END, ActivityUnit.WEEKS).build()));
    assertThrows(IllegalArgumentException.class, () -> a.merge(
        CustomerSummaries.builder(END.plusDays(1), ActivityUnit.WEEKS).holdoutEnd(HOLDOUT)
            .build()));
  }

  private static SummaryColumns columns(List<String> ids, double[] x, double[] tx, double[] t,
      double[] m) {
    return CustomerSummaries.fromColumns(END, ActivityUnit.WEEKS).columns(ids, x, tx, t, m);
  }

  private static void assertMessage(String expected, Runnable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    assertEquals(expected, e.getMessage());
  }

  private static CustomerSummaries.Builder builder() {
    return CustomerSummaries.builder(END, ActivityUnit.WEEKS).holdoutEnd(HOLDOUT);
  }

  /** Few customers, days before, in and after the holdout, cents with awkward sums. */
  private static List<Transaction> randomTransactions(SplittableRandom random, int count) {
    List<Transaction> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      LocalDate day = END.minusDays(120).plusDays(random.nextInt(240));
      list.add(new Transaction("c" + random.nextInt(8), day, random.nextInt(100_000) / 100.0));
    }
    return list;
  }

  private static Map<String, CustomerSummary> byId(CustomerSummaries s) {
    Map<String, CustomerSummary> map = new HashMap<>();
    for (CustomerSummary c : s.toList()) {
      map.put(c.customerId(), c);
    }
    return map;
  }
}
