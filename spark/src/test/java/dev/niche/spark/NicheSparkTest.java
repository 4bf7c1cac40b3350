package dev.niche.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.churn.CohortPeriod;
import dev.niche.churn.CohortTable;
import dev.niche.churn.KaplanMeier;
import dev.niche.churn.LogRankResult;
import dev.niche.churn.LogRankTest;
import dev.niche.churn.ShiftedBetaGeometric;
import dev.niche.core.activity.ActivityUnit;
import dev.niche.core.activity.CustomerSummaries;
import dev.niche.core.activity.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Every Spark result against the in-process result on the same generated records. */
class NicheSparkTest {

  private static final List<Transaction> TRANSACTIONS = TestData.transactions(300, 17);
  private static final Dataset<Row> DATA = TestData.dataset(TRANSACTIONS, 3).cache();
  private static final LocalDate CALIBRATION_END = TestData.START.plusDays(500);

  @Test
  void summariesEqualCoreToTheLastBit() {
    for (ActivityUnit unit : new ActivityUnit[] {ActivityUnit.WEEKS, ActivityUnit.DAYS}) {
      CustomerSummaries core = CustomerSummaries.of(TRANSACTIONS, CALIBRATION_END, unit);
      List<Row> rows = NicheSpark.customerSummaries(DATA, "customer", "day", "amount",
          CALIBRATION_END, unit).collectAsList();
      assertEquals(core.size(), rows.size());
      for (Row r : rows) {
        int i = core.indexOf(r.getString(0));
        assertTrue(i >= 0, r.getString(0));
        assertEquals(core.frequency()[i], r.getDouble(1));
        assertEquals(core.recency()[i], r.getDouble(2));
        assertEquals(core.age()[i], r.getDouble(3));
        assertEquals(core.meanRepeatSpend()[i], r.getDouble(4), "customer " + r.getString(0));
        assertEquals(core.totalSpend()[i], r.getDouble(5), "customer " + r.getString(0));
      }
    }
  }

  @Test
  void holdoutSummariesEqualCore() {
    LocalDate holdoutEnd = CALIBRATION_END.plusDays(120);
    CustomerSummaries core = CustomerSummaries.builder(CALIBRATION_END, ActivityUnit.WEEKS)
        .holdoutEnd(holdoutEnd).addAll(TRANSACTIONS).build();
    Dataset<Row> spark = NicheSpark.customerSummaries(DATA, "customer", "day", "amount",
        CALIBRATION_END, holdoutEnd, ActivityUnit.WEEKS);
    assertArrayEquals(new String[] {"customer", NicheSpark.FREQUENCY, NicheSpark.RECENCY,
        NicheSpark.AGE, NicheSpark.MEAN_REPEAT_SPEND, NicheSpark.TOTAL_SPEND,
        NicheSpark.HOLDOUT_FREQUENCY}, spark.columns());
    List<Row> rows = spark.collectAsList();
    assertEquals(core.size(), rows.size());
    double holdoutPurchases = 0;
    for (Row r : rows) {
      int i = core.indexOf(r.getString(0));
      assertEquals(core.frequency()[i], r.getDouble(1));
      assertEquals(core.totalSpend()[i], r.getDouble(5));
      assertEquals(core.holdoutFrequency()[i], r.getDouble(6), r.getString(0));
      holdoutPurchases += r.getDouble(6);
    }
    assertTrue(holdoutPurchases > 0, "the data have holdout purchases");
  }

  @Test
  void timestampsCountByCalendarDay() {
    StructType schema = new StructType().add("id", DataTypes.LongType)
        .add("at", DataTypes.TimestampNTZType).add("amount", DataTypes.IntegerType);
    List<Row> rows = List.of(
        RowFactory.create(1L, LocalDate.of(2024, 1, 1).atTime(9, 0), 10),
        RowFactory.create(1L, LocalDate.of(2024, 1, 1).atTime(18, 0), 5),
        RowFactory.create(1L, LocalDate.of(2024, 1, 8).atTime(1, 0), 20),
        RowFactory.create(2L, LocalDate.of(2024, 1, 3).atTime(12, 0), 7));
    Dataset<Row> data = TestSpark.session().createDataFrame(rows, schema);
    Map<Long, Row> byId = new HashMap<>();
    for (Row r : NicheSpark.customerSummaries(data, "id", "at", "amount",
        LocalDate.of(2024, 1, 15), ActivityUnit.WEEKS).collectAsList()) {
      byId.put(r.getLong(0), r);
    }
    Row one = byId.get(1L);
    assertEquals(1.0, one.getDouble(1));
    assertEquals(1.0, one.getDouble(2));
    assertEquals(2.0, one.getDouble(3));
    assertEquals(20.0, one.getDouble(4));
    assertEquals(35.0, one.getDouble(5));
    assertEquals(0.0, byId.get(2L).getDouble(1));
  }

  @Test
  void cohortTablesEqualTheInProcessTable() {
    for (CohortPeriod period : CohortPeriod.values()) {
      CohortTable.Builder builder = CohortTable.builder(period);
      for (Transaction t : TRANSACTIONS) {
        builder.add(t.customerId(), t.date());
      }
      CohortTable core = builder.build();
      CohortTable spark = NicheSpark.cohortTable(DATA, "customer", "day", period);
      assertEquals(core.customers(), spark.customers(), period.name());
      assertEquals(core.cohortCount(), spark.cohortCount(), period.name());
      assertEquals(core.observationEnd(), spark.observationEnd(), period.name());
      for (int c = 0; c < core.cohortCount(); c++) {
        assertEquals(core.cohortPeriodIndex(c), spark.cohortPeriodIndex(c));
        assertArrayEquals(core.activeCounts(c), spark.activeCounts(c), period + " cohort " + c);
      }
      if (period == CohortPeriod.MONTH) {
        assertEquals(core.kaplanMeier().toString(), spark.kaplanMeier().toString());
        assertEquals(core.pooledCurve(6), spark.pooledCurve(6));
      }
    }
    LocalDate later = TestData.START.plusDays(1000);
    assertEquals(CohortPeriod.MONTH.start(CohortPeriod.MONTH.indexOf(later)),
        NicheSpark.cohortTable(DATA, "customer", "day", CohortPeriod.MONTH, later)
            .observationEnd());
  }

  @Test
  void kaplanMeierEqualsTheInProcessEstimate() {
    StructType schema = new StructType().add("t", DataTypes.DoubleType)
        .add("churned", DataTypes.BooleanType).add("plan", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    int n = 400;
    double[] t = new double[n];
    boolean[] e = new boolean[n];
    List<Double> basic = new ArrayList<>();
    List<Boolean> basicEvents = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      t[i] = random.nextInt(30);
      e[i] = random.nextDouble() < 0.7;
      String plan = random.nextBoolean() ? "basic" : "pro";
      rows.add(RowFactory.create(t[i], e[i], plan));
      if (plan.equals("basic")) {
        basic.add(t[i]);
        basicEvents.add(e[i]);
      }
    }
    Dataset<Row> data = TestSpark.session().createDataFrame(rows, schema).repartition(3);
    KaplanMeier core = KaplanMeier.fit(t, e);
    KaplanMeier spark = NicheSpark.kaplanMeier(data, "t", "churned");
    assertArrayEquals(core.times(), spark.times());
    assertArrayEquals(core.atRisk(), spark.atRisk());
    assertArrayEquals(core.events(), spark.events());
    assertArrayEquals(core.survivalAtTimes(), spark.survivalAtTimes());
    for (double time = 0; time < 29; time += 0.5) {
      assertEquals(core.standardError(time), spark.standardError(time), 1e-15);
    }
    Map<String, KaplanMeier> byPlan = NicheSpark.kaplanMeier(data, "t", "churned", "plan");
    assertEquals(List.of("basic", "pro"), new ArrayList<>(byPlan.keySet()));
    double[] bt = new double[basic.size()];
    boolean[] be = new boolean[basic.size()];
    for (int i = 0; i < bt.length; i++) {
      bt[i] = basic.get(i);
      be[i] = basicEvents.get(i);
    }
    assertArrayEquals(KaplanMeier.fit(bt, be).survivalAtTimes(),
        byPlan.get("basic").survivalAtTimes());
    int[] groups = new int[n];
    for (int i = 0; i < n; i++) {
      groups[i] = rows.get(i).getString(2).equals("basic") ? 0 : 1;
    }
    LogRankResult coreTest = LogRankTest.compare(t, e, groups);
    LogRankResult sparkTest = NicheSpark.logRank(data, "t", "churned", "plan");
    assertEquals(coreTest.chiSquare(), sparkTest.chiSquare(), 1e-9 * coreTest.chiSquare());
    assertEquals(coreTest.pValue(), sparkTest.pValue(), 1e-12);
    assertEquals(coreTest.degreesOfFreedom(), sparkTest.degreesOfFreedom());
    assertArrayEquals(coreTest.observed(), sparkTest.observed(), 1e-9);
    assertArrayEquals(coreTest.expected(), sparkTest.expected(), 1e-9);
    for (int g = 0; g < 2; g++) {
      assertArrayEquals(coreTest.variance()[g], sparkTest.variance()[g], 1e-9);
    }
    assertThrows(IllegalArgumentException.class,
        () -> NicheSpark.logRank(data.where("plan = 'pro'"), "t", "churned", "plan"));
  }

  @Test
  void retentionModelsFitTheSparkCohortCounts() {
    CohortTable.Builder builder = CohortTable.builder(CohortPeriod.MONTH);
    for (Transaction t : TRANSACTIONS) {
      builder.add(t.customerId(), t.date());
    }
    CohortTable core = builder.build();
    CohortTable spark = NicheSpark.cohortTable(DATA, "customer", "day", CohortPeriod.MONTH);
    assertEquals(ShiftedBetaGeometric.fit(core.pooledCurve(8)).model(),
        ShiftedBetaGeometric.fit(spark.pooledCurve(8)).model());
  }

  @Test
  void customersCompareByValueWhateverTheirType() {
    // Binary identifiers by content; -0.0 and 0.0 are one customer, as in a Spark groupBy.
    StructType binary = new StructType().add("id", DataTypes.BinaryType)
        .add("day", DataTypes.DateType).add("amount", DataTypes.DoubleType);
    List<Row> bytes = List.of(
        RowFactory.create(new byte[] {1, 2}, LocalDate.of(2024, 1, 1), 10.0),
        RowFactory.create(new byte[] {1, 2}, LocalDate.of(2024, 1, 3), 5.0),
        RowFactory.create(new byte[] {3}, LocalDate.of(2024, 1, 2), 7.0));
    List<Row> byBytes = NicheSpark.customerSummaries(
        TestSpark.session().createDataFrame(bytes, binary), "id", "day", "amount",
        LocalDate.of(2024, 1, 10), ActivityUnit.DAYS).collectAsList();
    assertEquals(2, byBytes.size());
    StructType real = new StructType().add("id", DataTypes.DoubleType)
        .add("day", DataTypes.DateType).add("amount", DataTypes.DoubleType);
    List<Row> zeros = List.of(
        RowFactory.create(-0.0, LocalDate.of(2024, 1, 1), 10.0),
        RowFactory.create(0.0, LocalDate.of(2024, 1, 3), 5.0));
    List<Row> byZero = NicheSpark.customerSummaries(
        TestSpark.session().createDataFrame(zeros, real).repartition(2), "id", "day", "amount",
        LocalDate.of(2024, 1, 10), ActivityUnit.DAYS).collectAsList();
    assertEquals(1, byZero.size());
    assertEquals(1.0, byZero.get(0).getDouble(1));
    assertEquals(15.0, byZero.get(0).getDouble(5));
  }

  @Test
  void badArgumentsAreNamed() {
    NullPointerException npe = assertThrows(NullPointerException.class,
        () -> NicheSpark.cohortTable(null, "customer", "day", CohortPeriod.MONTH));
    assertTrue(npe.getMessage().contains("events"), npe.getMessage());
    IllegalArgumentException absent = assertThrows(IllegalArgumentException.class,
        () -> NicheSpark.cohortTable(DATA, "client", "day", CohortPeriod.MONTH));
    assertTrue(absent.getMessage().contains("customerColumn = 'client'"), absent.getMessage());
    IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
        () -> NicheSpark.customerSummaries(DATA, "customer", "amount", "amount",
            CALIBRATION_END, ActivityUnit.WEEKS));
    assertTrue(type.getMessage().contains("dateColumn = 'amount'"), type.getMessage());
    assertThrows(IllegalArgumentException.class, () -> NicheSpark.customerSummaries(DATA,
        "customer", "day", "customer", CALIBRATION_END, ActivityUnit.WEEKS));
    assertThrows(NullPointerException.class, () -> NicheSpark.customerSummaries(DATA,
        "customer", "day", null, CALIBRATION_END, ActivityUnit.WEEKS));
    assertThrows(NullPointerException.class, () -> NicheSpark.customerSummaries(DATA,
        "customer", "day", "amount", CALIBRATION_END, null));
    assertThrows(IllegalArgumentException.class, () -> NicheSpark.customerSummaries(DATA,
        "customer", "day", "amount", CALIBRATION_END, CALIBRATION_END, ActivityUnit.WEEKS));
    assertThrows(IllegalArgumentException.class, () -> NicheSpark.customerSummaries(DATA,
        " ", "day", "amount", CALIBRATION_END, ActivityUnit.WEEKS));
    assertThrows(IllegalArgumentException.class,
        () -> NicheSpark.kaplanMeier(DATA, "amount", "customer"));
  }

  @Test
  void badValuesFailTheJobWithTheirColumn() {
    StructType schema = new StructType().add("customer", DataTypes.StringType)
        .add("day", DataTypes.DateType).add("amount", DataTypes.DoubleType);
    Dataset<Row> negative = TestSpark.session().createDataFrame(
        List.of(RowFactory.create("a", LocalDate.of(2024, 1, 1), -3.0)), schema);
    Exception e = assertThrows(Exception.class, () -> NicheSpark.customerSummaries(negative,
        "customer", "day", "amount", LocalDate.of(2024, 2, 1), ActivityUnit.DAYS).collect());
    assertTrue(String.valueOf(e.getMessage()).contains("amountColumn = 'amount' holds -3.0"),
        e.getMessage());
    Dataset<Row> nullDay = TestSpark.session().createDataFrame(
        List.of(RowFactory.create("a", null, 3.0)), schema);
    Exception d = assertThrows(Exception.class,
        () -> NicheSpark.cohortTable(nullDay, "customer", "day", CohortPeriod.WEEK));
    assertTrue(String.valueOf(d.getMessage()).contains("dateColumn = 'day' holds a null"),
        d.getMessage());
  }
}
