package dev.niche.churn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import org.junit.jupiter.api.Test;

class CohortTableTest {

  /**
   * Hand example, monthly: customer 1 active Jan, Feb, Apr; 2 Jan; 3 Feb, Mar; 4 Mar; data end
   * in April. Cohort Jan = {1, 2}: active at ages 0..3 = 2, 1, 1, 1 (customer 1 is seen again in
   * April, so she is active at every age up to it). Cohort Feb = {3}: 1, 1, 0. Cohort Mar = {4}:
   * 1, 0. Ages beyond April are censored.
   */
  @Test
  void handExample() {
    CohortTable t = handTable();
    assertEquals(4, t.customers());
    assertEquals(3, t.cohortCount());
    assertEquals(LocalDate.of(2024, 1, 1), t.cohortStart(0));
    assertEquals(LocalDate.of(2024, 4, 1), t.observationEnd());
    assertArrayEquals(new long[] {2, 1, 1, 1}, t.activeCounts(0));
    assertArrayEquals(new long[] {1, 1, 0}, t.activeCounts(1));
    assertArrayEquals(new long[] {1, 0}, t.activeCounts(2));
    assertEquals(3, t.observedAges(1));
    assertEquals(2, t.cohortSize(0));
    IllegalArgumentException censored =
        assertThrows(IllegalArgumentException.class, () -> t.active(2, 2));
    assertTrue(censored.getMessage().contains("censored"), censored.getMessage());
    // Pooled over cohorts observed for 2 periods: Jan + Feb.
    assertEquals(RetentionCurve.ofCounts(3, 2, 1), t.pooledCurve(2));
    assertEquals(RetentionCurve.ofCounts(2, 1, 1, 1), t.pooledCurve(3));
    assertThrows(IllegalArgumentException.class, () -> t.pooledCurve(4));
    assertEquals(RetentionCurve.ofCounts(1, 1, 0), t.curve(1));
  }

  /**
   * The hand example from span counts (first, last month): customer 1 (Jan, Apr), 2 (Jan, Jan),
   * 3 (Feb, Mar), 4 (Mar, Mar), given in another order and with customer 2's span split into two
   * counts that add up.
   */
  @Test
  void spanCountsGiveTheSameTable() {
    CohortTable records = handTable();
    long jan = CohortPeriod.MONTH.indexOf(LocalDate.of(2024, 1, 1));
    CohortTable counts = CohortTable.fromSpanCounts(CohortPeriod.MONTH, jan + 3,
        new long[] {jan + 2, jan, jan + 1, jan},
        new long[] {jan + 2, jan + 3, jan + 2, jan},
        new long[] {1, 1, 1, 1});
    assertEquals(records.customers(), counts.customers());
    assertEquals(records.cohortCount(), counts.cohortCount());
    assertEquals(records.observationEnd(), counts.observationEnd());
    for (int c = 0; c < records.cohortCount(); c++) {
      assertEquals(records.cohortStart(c), counts.cohortStart(c));
      assertArrayEquals(records.activeCounts(c), counts.activeCounts(c));
    }
    assertEquals(records.kaplanMeier().toString(), counts.kaplanMeier().toString());
    CohortTable twice = CohortTable.fromSpanCounts(CohortPeriod.MONTH, jan + 3,
        new long[] {jan + 2, jan + 1, jan, jan}, new long[] {jan + 2, jan + 2, jan, jan + 3},
        new long[] {1, 1, 1, 1});
    assertEquals(counts, twice);
    assertEquals(counts.hashCode(), twice.hashCode());
    assertNotEquals(records, counts);
    assertThrows(IllegalArgumentException.class, () -> counts.merge(records));
    assertThrows(IllegalArgumentException.class, () -> records.merge(counts));
    assertThrows(IllegalArgumentException.class, () -> CohortTable.fromSpanCounts(
        CohortPeriod.MONTH, jan, new long[] {jan}, new long[] {jan - 1}, new long[] {1}));
    assertThrows(IllegalArgumentException.class, () -> CohortTable.fromSpanCounts(
        CohortPeriod.MONTH, jan, new long[] {jan}, new long[] {jan + 1}, new long[] {1}));
    assertThrows(IllegalArgumentException.class, () -> CohortTable.fromSpanCounts(
        CohortPeriod.MONTH, jan, new long[] {jan}, new long[] {jan}, new long[] {0}));
    assertThrows(IllegalArgumentException.class, () -> CohortTable.fromSpanCounts(
        CohortPeriod.MONTH, jan, new long[0], new long[0], new long[0]));
    assertThrows(NullPointerException.class, () -> CohortTable.fromSpanCounts(
        CohortPeriod.MONTH, jan, null, new long[0], new long[0]));
  }

  /**
   * Pooled Kaplan–Meier with censored young cohorts. Ages (events / censored): Jan cohort loses
   * 1 at age 1, 1 censored at 3; Feb loses 1 at age 2; Mar loses 1 at age 1. At risk at age 1:
   * 4 (all), 2 events: S(1) = 1/2; at age 2: risk 2 (Jan's survivor, Feb's), 1 event: S(2) = 1/4.
   */
  @Test
  void pooledKaplanMeierCensorsYoungCohorts() {
    KaplanMeier km = handTable().kaplanMeier();
    assertEquals(0.5, km.survival(1), 1e-15);
    assertEquals(0.25, km.survival(2), 1e-15);
    assertEquals(0.25, km.survival(3), 1e-15);
    assertEquals(3.0, km.maxTime());
  }

  private static CohortTable handTable() {
    return CohortTable.builder(CohortPeriod.MONTH)
        .add(1, LocalDate.of(2024, 1, 5)).add(1, LocalDate.of(2024, 2, 29))
        .add(1, LocalDate.of(2024, 4, 30)).add(2, LocalDate.of(2024, 1, 31))
        .add(3, LocalDate.of(2024, 2, 1)).add(3, LocalDate.of(2024, 3, 15))
        .add(4, LocalDate.of(2024, 3, 3)).add(1, LocalDate.of(2024, 1, 20))
        .build();
  }

  @Test
  void observationEndExtendsTheCensoringHorizon() {
    CohortTable t = CohortTable.builder(CohortPeriod.YEAR)
        .add("a", LocalDate.of(2020, 6, 1)).add("a", LocalDate.of(2021, 6, 1))
        .add("b", LocalDate.of(2020, 1, 1))
        .observedUntil(LocalDate.of(2023, 12, 31))
        .build();
    assertArrayEquals(new long[] {2, 1, 0, 0}, t.activeCounts(0));
    assertThrows(IllegalArgumentException.class, () -> CohortTable.builder(CohortPeriod.YEAR)
        .add(1, LocalDate.of(2020, 1, 1)).observedUntil(LocalDate.of(2019, 1, 1)).build());
  }

  @Test
  void isoWeeksStartOnMonday() {
    CohortPeriod w = CohortPeriod.WEEK;
    // 2024-01-01 is a Monday; 2023-12-31 a Sunday of the previous ISO week.
    assertEquals(w.indexOf(LocalDate.of(2023, 12, 31)) + 1, w.indexOf(LocalDate.of(2024, 1, 1)));
    assertEquals(w.indexOf(LocalDate.of(2024, 1, 1)), w.indexOf(LocalDate.of(2024, 1, 7)));
    assertEquals(LocalDate.of(1969, 12, 29), w.start(0));
    assertEquals(LocalDate.of(2024, 1, 1), CohortPeriod.QUARTER.start(
        CohortPeriod.QUARTER.indexOf(LocalDate.of(2024, 3, 31))));
    assertEquals(LocalDate.of(2024, 10, 1), CohortPeriod.QUARTER.start(
        CohortPeriod.QUARTER.indexOf(LocalDate.of(2024, 11, 30))));
  }

  @Test
  void epochDayArithmeticMatchesJavaTime() {
    qt().forAll(longs().between(-800_000, 3_000_000)).checkAssert(day -> {
      LocalDate d = LocalDate.ofEpochDay(day);
      for (CohortPeriod p : CohortPeriod.values()) {
        long index = p.indexOf(d);
        assertEquals(index, p.indexOfEpochDay(day), p + " " + d);
        LocalDate start = p.start(index);
        assertTrue(!start.isAfter(d) && p.indexOf(start) == index, p + " " + d);
        assertTrue(p.indexOf(start.minusDays(1)) == index - 1, p + " " + d);
      }
      LocalDate monday = CohortPeriod.WEEK.start(CohortPeriod.WEEK.indexOf(d));
      assertEquals(DayOfWeek.MONDAY, monday.getDayOfWeek());
      assertEquals(d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
          monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    });
  }

  /** Merging tables built on any split of the records equals the table of the union. */
  @Test
  void mergedTablesEqualTheUnion() {
    qt().withExamples(200)
        .forAll(lists().of(longs().between(0, Long.MAX_VALUE)).ofSizeBetween(1, 300),
            longs().all(), integers().between(0, 4))
        .checkAssert((codes, split, periodIndex) -> {
          CohortPeriod period = CohortPeriod.values()[periodIndex];
          CohortTable.Builder all = CohortTable.builder(period);
          CohortTable.Builder left = CohortTable.builder(period);
          CohortTable.Builder right = CohortTable.builder(period);
          boolean leftUsed = false;
          boolean rightUsed = false;
          for (int i = 0; i < codes.size(); i++) {
            long code = codes.get(i);
            long id = code % 40;
            long day = 18_000 + (code / 40) % 1500;
            all.addEpochDay(id, day);
            if (((split >>> (i % 64)) & 1) == 0) {
              left.addEpochDay(id, day);
              leftUsed = true;
            } else {
              right.addEpochDay(id, day);
              rightUsed = true;
            }
          }
          CohortTable union = all.build();
          if (!leftUsed || !rightUsed) {
            return;
          }
          CohortTable merged = left.build().merge(right.build());
          assertEquals(union, merged);
          assertEquals(union.hashCode(), merged.hashCode());
          assertEquals(merged, right.build().merge(left.build()));
          assertEquals(union.cohortCount(), merged.cohortCount());
          for (int c = 0; c < union.cohortCount(); c++) {
            assertArrayEquals(union.activeCounts(c), merged.activeCounts(c));
          }
          // Active counts never rise with age and young cohorts are observed for fewer ages.
          for (int c = 0; c < union.cohortCount(); c++) {
            long[] a = union.activeCounts(c);
            for (int age = 1; age < a.length; age++) {
              assertTrue(a[age] <= a[age - 1]);
            }
            if (c > 0) {
              assertTrue(union.observedAges(c) < union.observedAges(c - 1));
            }
          }
        });
  }

  @Test
  void stringIdsActLikeDistinctCustomers() {
    CohortTable byName = CohortTable.builder(CohortPeriod.DAY)
        .add("alice", LocalDate.of(2024, 1, 1)).add("bob", LocalDate.of(2024, 1, 1))
        .add("alice", LocalDate.of(2024, 1, 3)).build();
    assertEquals(2, byName.customers());
    assertArrayEquals(new long[] {2, 1, 1}, byName.activeCounts(0));
    CohortTable other = CohortTable.builder(CohortPeriod.DAY)
        .add("alice", LocalDate.of(2024, 1, 1)).build();
    assertNotEquals(byName, other);
  }

  @Test
  void manyCustomersGrowTheMap() {
    CohortTable.Builder b = CohortTable.builder(CohortPeriod.MONTH);
    for (long id = 0; id < 200_000; id++) {
      b.addEpochDay(id, 19_000 + id % 365);
      if (id % 3 == 0) {
        b.addEpochDay(id, 19_000 + id % 365 + 200);
      }
    }
    CohortTable t = b.build();
    assertEquals(200_000, t.customers());
    long total = 0;
    for (int c = 0; c < t.cohortCount(); c++) {
      total += t.cohortSize(c);
    }
    assertEquals(200_000, total);
  }

  @Test
  void badInput() {
    assertThrows(NullPointerException.class, () -> CohortTable.builder(null));
    CohortTable.Builder b = CohortTable.builder(CohortPeriod.DAY);
    assertThrows(IllegalArgumentException.class, b::build);
    assertThrows(NullPointerException.class, () -> b.add(1, null));
    assertThrows(NullPointerException.class, () -> b.add((String) null, LocalDate.EPOCH));
    assertThrows(IllegalArgumentException.class, () -> b.addEpochDay(1, Long.MAX_VALUE));
    assertThrows(IllegalArgumentException.class, () -> b.add(1, LocalDate.MAX));
    CohortTable days = b.add(1, LocalDate.EPOCH).build();
    CohortTable months = CohortTable.builder(CohortPeriod.MONTH).add(1, LocalDate.EPOCH).build();
    assertThrows(IllegalArgumentException.class, () -> days.merge(months));
    assertThrows(IllegalArgumentException.class, () -> days.activeCounts(1));
    assertThrows(IllegalArgumentException.class, () -> days.pooledCurve(-1));
    IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
        () -> days.pooledCurve(Integer.MAX_VALUE));
    assertEquals("periods = 2147483647 exceeds the longest observed cohort, which is observed "
        + "for 0 periods", tooLong.getMessage());
    IllegalArgumentException hint = assertThrows(IllegalArgumentException.class,
        () -> CohortTable.builder(CohortPeriod.DAY).expectedCustomers(Integer.MAX_VALUE));
    assertEquals("customers = 2147483647 must be in [0, 16777216] (a pre-sizing hint)",
        hint.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> CohortTable.builder(CohortPeriod.DAY).expectedCustomers(-1));
    assertEquals(days, CohortTable.builder(CohortPeriod.DAY).expectedCustomers(1 << 10)
        .add(1, LocalDate.EPOCH).build());
  }

  @Test
  void cohortThatEmptiesHasRatesOnlyWhileSomebodyIsAtRisk() {
    // Both customers of the first cohort leave after month 0; the table is observed for 3 more.
    CohortTable t = CohortTable.builder(CohortPeriod.MONTH)
        .add(1, LocalDate.of(2024, 1, 5)).add(2, LocalDate.of(2024, 1, 20))
        .add(3, LocalDate.of(2024, 2, 1)).add(3, LocalDate.of(2024, 4, 30))
        .build();
    RetentionCurve first = t.curve(0);
    assertArrayEquals(new long[] {2, 0, 0, 0}, first.counts());
    assertEquals(1, first.periodsAtRisk());
    assertArrayEquals(new double[] {1.0}, first.churnRates());
    assertArrayEquals(new double[] {0.0}, first.retentionRates());
  }
}
