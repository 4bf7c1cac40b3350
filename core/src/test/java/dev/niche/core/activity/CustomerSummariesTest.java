package dev.niche.core.activity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CustomerSummariesTest {

  private static final LocalDate END = LocalDate.of(2024, 3, 31);

  @Test
  void handMadeHistoriesFollowTheBtydConventions() {
    // Customer "a": born 1 Jan; same-day purchases on 15 Jan merge (10 + 5); repeat on 29 Jan;
    // a purchase after the calibration end is ignored. By hand, in days: x = 2, t_x = 28,
    // T = 90 (1 Jan .. 31 Mar 2024, a leap year), mean repeat spend (15 + 20) / 2 = 17.5,
    // total 100 + 15 + 20 = 135.
    CustomerSummaries s = CustomerSummaries.builder(END, ActivityUnit.DAYS)
        .add("a", LocalDate.of(2024, 1, 15), 10)
        .add("a", LocalDate.of(2024, 1, 1), 100)
        .add("b", LocalDate.of(2024, 3, 31), 7)
        .add("a", LocalDateTime.of(2024, 1, 15, 18, 30), 5)
        .add("a", LocalDate.of(2024, 1, 29), 20)
        .add("a", LocalDate.of(2024, 4, 1), 999)
        .add("c", LocalDate.of(2024, 4, 2), 3)
        .add(new Transaction("d", LocalDate.of(2024, 2, 1), 4))
        .add("d", LocalDate.of(2024, 2, 1), 6)
        .build();
    assertEquals(List.of("a", "b", "d"), s.customerIds());
    assertEquals(-1, s.indexOf("c"));
    CustomerSummary a = s.get(s.indexOf("a"));
    assertEquals(2, a.frequency());
    assertEquals(28.0, a.recency(), 0.0);
    assertEquals(90.0, a.age(), 0.0);
    assertEquals(17.5, a.meanRepeatSpend(), 1e-12);
    assertEquals(135.0, a.totalSpend(), 1e-12);
    assertEquals(LocalDate.of(2024, 1, 1), a.firstPurchase());
    assertEquals(LocalDate.of(2024, 1, 29), a.lastPurchase());
    assertEquals(62.0, a.timeSinceLastPurchase(), 0.0);
    // "b" bought on the calibration end itself (inclusive): x = 0, t_x = 0, T = 0.
    CustomerSummary b = s.get(1);
    assertEquals(0, b.frequency());
    assertEquals(0.0, b.age(), 0.0);
    assertEquals(0.0, b.meanRepeatSpend(), 0.0);
    // "d": two purchases on its first day are one purchase: x = 0, total 10; T = 59 days (2024 is a leap year).
    CustomerSummary d = s.get(2);
    assertEquals(0, d.frequency());
    assertEquals(10.0, d.totalSpend(), 0.0);
    assertEquals(59.0, d.age(), 0.0);
    assertArrayEquals(new double[] {2, 0, 0}, s.frequency(), 0.0);
    assertArrayEquals(new double[] {62, 0, 59}, s.timeSinceLastPurchase(), 0.0);
  }

  @Test
  void weeksAreDaysDividedBySeven() {
    CustomerSummaries s = CustomerSummaries.builder(END, ActivityUnit.WEEKS)
        .add("a", LocalDate.of(2024, 1, 1), 1)
        .add("a", LocalDate.of(2024, 1, 29), 3)
        .build();
    assertEquals(4.0, s.recency()[0], 1e-15);
    assertEquals(90.0 / 7.0, s.age()[0], 1e-15);
    assertEquals(ActivityUnit.WEEKS, s.unit());
    assertEquals(END, s.calibrationEnd());
    assertEquals(52.17857142857143, ActivityUnit.WEEKS.convert(1, ActivityUnit.YEARS), 1e-12);
    assertEquals(2.0, ActivityUnit.WEEKS.fromDays(14), 0.0);
    assertEquals(30.4375, ActivityUnit.MONTHS.days(), 0.0);
  }

  @Test
  void extremeDateSpansStillSort() {
    // Days more than 2^31 apart take the general sorting path.
    LocalDate ancient = LocalDate.of(-6_000_000, 1, 1);
    CustomerSummaries s = CustomerSummaries.builder(END, ActivityUnit.YEARS)
        .add("z", END, 2)
        .add("z", ancient, 1)
        .build();
    CustomerSummary z = s.get(0);
    assertEquals(ancient, z.firstPurchase());
    assertEquals(END, z.lastPurchase());
    assertEquals(1, z.frequency());
    assertEquals(2.0, z.meanRepeatSpend(), 0.0);
  }

  @Test
  void badTransactionsAreRejectedEarly() {
    CustomerSummaries.Builder b = CustomerSummaries.builder(END, ActivityUnit.DAYS)
        .add("a", END, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> b.add("a", END, -1));
    assertTrue(e.getMessage().contains("transaction 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.add("a", END, Double.NaN));
    assertThrows(IllegalArgumentException.class,
        () -> b.add("a", END, Double.POSITIVE_INFINITY));
    assertThrows(NullPointerException.class, () -> b.add(null, END, 1));
    assertThrows(NullPointerException.class, () -> b.add("a", (LocalDate) null, 1));
    assertThrows(NullPointerException.class, () -> b.add("a", (LocalDateTime) null, 1));
    assertThrows(NullPointerException.class, () -> b.add((Transaction) null));
    assertThrows(NullPointerException.class, () -> CustomerSummaries.builder(null,
        ActivityUnit.DAYS));
    assertThrows(IllegalArgumentException.class, () -> new Transaction("a", END, -2));
    assertThrows(IllegalArgumentException.class, () -> new CustomerSummary("a", 0, 1, 2, 0, 0,
        END, END));
    assertThrows(IllegalArgumentException.class, () -> new CustomerSummary("a", 1, 3, 2, 0, 0,
        END, END));
  }

  @Test
  void orderOfTransactionsDoesNotMatter() {
    // Property: shuffling a customer's transactions leaves the summary unchanged.
    qt().forAll(integers().between(1, 40), integers().between(0, 1_000_000))
        .checkAssert((count, seed) -> {
          SplittableRandom random = new SplittableRandom(seed);
          LocalDate[] dates = new LocalDate[count];
          double[] amounts = new double[count];
          for (int i = 0; i < count; i++) {
            dates[i] = END.minusDays(random.nextInt(120));
            amounts[i] = random.nextInt(100);
          }
          CustomerSummaries.Builder forward = CustomerSummaries.builder(END, ActivityUnit.WEEKS);
          CustomerSummaries.Builder backward = CustomerSummaries.builder(END, ActivityUnit.WEEKS);
          for (int i = 0; i < count; i++) {
            forward.add("c", dates[i], amounts[i]);
            backward.add("c", dates[count - 1 - i], amounts[count - 1 - i]);
          }
          CustomerSummary f = forward.build().get(0);
          CustomerSummary g = backward.build().get(0);
          assertEquals(f.frequency(), g.frequency());
          assertEquals(f.recency(), g.recency(), 0.0);
          assertEquals(f.age(), g.age(), 0.0);
          assertEquals(f.totalSpend(), g.totalSpend(), 1e-9);
          assertEquals(f.meanRepeatSpend(), g.meanRepeatSpend(), 1e-9);
          assertTrue(f.recency() <= f.age());
        });
  }
}
