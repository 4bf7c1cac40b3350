package dev.niche.churn;

import dev.niche.core.activity.CustomerSummaries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The computations behind {@link HoldoutValidation}, each model quantity evaluated once per
 * distinct argument. Package-private; used once, by one thread.
 */
final class ValidationComputation {

  /** A distinct calibration summary. */
  private record Key(double x, double tx, double age) {}

  private final RepeatPurchaseModel model;
  private final GammaGamma spend;
  private final CustomerSummaries summaries;
  private final int censor;
  final double holdoutLength;
  private final double[] x;
  private final double[] tx;
  private final double[] age;
  private final double[] actual;
  private final double[] alive;
  private final double[] expected;

  ValidationComputation(RepeatPurchaseModel model, GammaGamma spend, CustomerSummaries summaries,
      int censor) {
    this.model = model;
    this.spend = spend;
    this.summaries = summaries;
    this.censor = censor;
    this.holdoutLength = summaries.holdoutLength()[0];
    this.x = summaries.frequency();
    this.tx = summaries.recency();
    this.age = summaries.age();
    this.actual = summaries.holdoutFrequency();
    int n = x.length;
    this.alive = new double[n];
    this.expected = new double[n];
    Map<Key, double[]> cache = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int row = i;
      double[] v = cache.computeIfAbsent(new Key(x[i], tx[i], age[i]), k -> new double[] {
          model.probabilityAlive(x[row], tx[row], age[row]),
          model.expectedPurchases(holdoutLength, x[row], tx[row], age[row])});
      alive[i] = v[0];
      expected[i] = v[1];
    }
  }

  List<HoldoutPrediction> predictions() {
    double[] mean = spend == null ? null : summaries.meanRepeatSpend();
    List<String> ids = summaries.customerIds();
    List<HoldoutPrediction> rows = new ArrayList<>(x.length);
    for (int i = 0; i < x.length; i++) {
      double value = spend == null ? Double.NaN
          : expected[i] == 0 ? 0.0 : expected[i] * spend.expectedSpend(x[i], mean[i]);
      rows.add(new HoldoutPrediction(ids.get(i), (int) x[i], tx[i], age[i], alive[i],
          expected[i], (int) actual[i], value));
    }
    return rows;
  }

  List<FrequencyBin> conditionalExpectations() {
    long[] count = new long[censor + 1];
    double[] actualSum = new double[censor + 1];
    double[] expectedSum = new double[censor + 1];
    for (int i = 0; i < x.length; i++) {
      int k = (int) Math.min(x[i], censor);
      count[k]++;
      actualSum[k] += actual[i];
      expectedSum[k] += expected[i];
    }
    List<FrequencyBin> bins = new ArrayList<>(censor + 1);
    for (int k = 0; k <= censor; k++) {
      double c = Math.max(count[k], 1);
      bins.add(new FrequencyBin(k, k == censor, count[k], actualSum[k] / c,
          expectedSum[k] / c));
    }
    return bins;
  }

  List<HistogramBin> histogram() {
    long[] observed = new long[censor + 1];
    Map<Double, Long> ages = new HashMap<>();
    for (int i = 0; i < x.length; i++) {
      observed[(int) Math.min(x[i], censor)]++;
      ages.merge(age[i], 1L, Long::sum);
    }
    double[] expectedCount = new double[censor + 1];
    for (Map.Entry<Double, Long> e : ages.entrySet()) {
      for (int k = 0; k < censor; k++) {
        expectedCount[k] += e.getValue() * model.probabilityOfPurchases(e.getKey(), k);
      }
    }
    double rest = x.length;
    for (int k = 0; k < censor; k++) {
      rest -= expectedCount[k];
    }
    expectedCount[censor] = Math.max(rest, 0.0);
    List<HistogramBin> bins = new ArrayList<>(censor + 1);
    for (int k = 0; k <= censor; k++) {
      bins.add(new HistogramBin(k, k == censor, observed[k], expectedCount[k]));
    }
    return bins;
  }

  RepeatPurchaseTracking tracking() {
    long first = Long.MAX_VALUE;
    Map<Long, Long> births = new HashMap<>();
    for (int i = 0; i < x.length; i++) {
      long day = summaries.get(i).firstPurchase().toEpochDay();
      first = Math.min(first, day);
      births.merge(day, 1L, Long::sum);
    }
    double unitDays = summaries.unit().days();
    long last = summaries.holdoutEnd().orElseThrow().toEpochDay();
    int periods = (int) Math.max(1, Math.floor((last - first + 1) / unitDays));
    LocalDate start = LocalDate.ofEpochDay(first);
    double[] actualCounts = summaries.repeatPurchasesByPeriod(start, periods);
    double[] cumulative = new double[periods];
    for (Map.Entry<Long, Long> b : births.entrySet()) {
      double born = (b.getKey() - first) / unitDays;
      for (int k = 0; k < periods; k++) {
        double t = k + 1 - born;
        if (t > 0) {
          cumulative[k] += b.getValue() * model.expectedPurchasesNewCustomer(t);
        }
      }
    }
    double calibrationPeriods =
        (summaries.calibrationEnd().toEpochDay() + 1 - first) / unitDays;
    return new RepeatPurchaseTracking(start, summaries.unit(), calibrationPeriods, actualCounts,
        cumulative);
  }

  ForecastErrors errors() {
    double abs = 0;
    double squares = 0;
    double totalExpected = 0;
    double totalActual = 0;
    for (int i = 0; i < x.length; i++) {
      double d = expected[i] - actual[i];
      abs += Math.abs(d);
      squares += d * d;
      totalExpected += expected[i];
      totalActual += actual[i];
    }
    int n = x.length;
    return new ForecastErrors(n, abs / n, Math.sqrt(squares / n), totalExpected, totalActual);
  }
}
