package dev.niche.examples;

import static dev.niche.examples.Report.fmt;

import dev.niche.churn.BgNbd;
import dev.niche.churn.BgNbdFit;
import dev.niche.churn.ForecastErrors;
import dev.niche.churn.FrequencyBin;
import dev.niche.churn.GammaGamma;
import dev.niche.churn.HistogramBin;
import dev.niche.churn.HoldoutPrediction;
import dev.niche.churn.HoldoutValidation;
import dev.niche.churn.ModelComparison;
import dev.niche.churn.ModelScore;
import dev.niche.churn.ParetoNbd;
import dev.niche.churn.ParetoNbdFit;
import dev.niche.churn.RepeatPurchaseModel;
import dev.niche.churn.RepeatPurchaseTracking;
import dev.niche.core.activity.ActivityUnit;
import dev.niche.core.activity.CustomerSummaries;
import dev.niche.core.activity.Transaction;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;

/**
 * Step 4a: how good are the predictions? The CDNOW-style calibration/holdout validation of Fader,
 * Hardie &amp; Lee (2005): fit BG/NBD on the transactions up to a split date, forecast the rest,
 * and compare — per customer, by calibration frequency, week by week, and on the calibration
 * histogram.
 */
final class HoldoutStep {

  private HoldoutStep() {}

  /** The default split: halfway between the first and the last transaction day. */
  static LocalDate midpoint(List<Transaction> transactions, LocalDate last) {
    LocalDate first = last;
    for (Transaction t : transactions) {
      if (t.date().isBefore(first)) {
        first = t.date();
      }
    }
    return first.plusDays(ChronoUnit.DAYS.between(first, last) / 2);
  }

  static void run(Report report, List<Transaction> transactions, LocalDate split,
      LocalDate last) {
    report.subsection("How good are the predictions? Calibration and holdout");
    CustomerSummaries s = CustomerSummaries.builder(split, ActivityUnit.WEEKS).holdoutEnd(last)
        .addAll(transactions).build();
    double holdoutWeeks = s.holdoutLength()[0];
    report.paragraph("The model is fitted on the transactions up to " + split + " and predicts "
        + "the " + fmt(holdoutWeeks, 1) + " weeks to " + last + ", which it has not seen (Fader, "
        + "Hardie & Lee 2005, the CDNOW validation). Customers who first bought after the split "
        + "are not in the comparison.");
    BgNbdFit fit = BgNbd.fit(s);
    RepeatPurchaseModel model = fit.model();
    ParetoNbdFit paretoFit = ParetoNbd.fit(s);
    HoldoutValidation v;
    HoldoutValidation pareto;
    try {
      v = HoldoutValidation.builder(model, s).spend(GammaGamma.fit(s).model()).build();
      pareto = HoldoutValidation.of(paretoFit.model(), s);
    } catch (ArithmeticException e) {
      report.finding("the BG/NBD fitted on the calibration period (%s) could not be evaluated: "
          + "%s; try a later --calibration-end", fit.diagnostics().message(), e.getMessage());
      report.endFindings();
      return;
    }
    report.finding("%d customers; BG/NBD on the calibration period: r = %s, alpha = %s, a = %s, "
            + "b = %s", s.size(), fmt(fit.r().value(), 3), fmt(fit.alpha().value(), 3),
        fmt(fit.a().value(), 3), fmt(fit.b().value(), 3));
    report.finding("Pareto/NBD on the calibration period: r = %s, alpha = %s, s = %s, beta = %s",
        fmt(paretoFit.r().value(), 3), fmt(paretoFit.alpha().value(), 3),
        fmt(paretoFit.s().value(), 3), fmt(paretoFit.beta().value(), 3));
    errors("BG/NBD", report, v.errors());
    errors("Pareto/NBD", report, pareto.errors());
    Map<String, RepeatPurchaseModel> models = new LinkedHashMap<>();
    models.put("BG/NBD", model);
    models.put("Pareto/NBD", paretoFit.model());
    ModelComparison comparison = ModelComparison.of(s, models);
    for (ModelScore score : comparison.scores()) {
      report.finding("%s: log-likelihood %s, AIC %s, BIC %s", score.name(),
          fmt(score.logLikelihood(), 1), fmt(score.aic(), 1), fmt(score.bic(), 1));
    }
    report.finding("preferred by BIC: %s", comparison.bestByBic().name());
    report.endFindings();
    conditional(report, v.conditionalExpectations(), pareto.conditionalExpectations());
    histogram(report, v.calibrationHistogram(), pareto.calibrationHistogram());
    v.tracking().ifPresent(t -> tracking(report, t, pareto.tracking().orElseThrow()));
    customers(report, v.customers());
  }

  private static void errors(String name, Report report, ForecastErrors e) {
    report.finding("%s holdout repeat purchases: expected %s, actual %s (%s%%); per customer "
            + "MAE %s, RMSE %s", name, fmt(e.totalExpected(), 0), fmt(e.totalActual(), 0),
        fmt(100 * e.relativeTotalError(), 1), fmt(e.meanAbsoluteError(), 3),
        fmt(e.rootMeanSquaredError(), 3));
  }

  private static void conditional(Report report, List<FrequencyBin> bins,
      List<FrequencyBin> paretoBins) {
    List<List<String>> rows = new ArrayList<>();
    double[] x = new double[bins.size()];
    double[] actual = new double[bins.size()];
    double[] expected = new double[bins.size()];
    double[] paretoExpected = new double[bins.size()];
    for (int k = 0; k < bins.size(); k++) {
      FrequencyBin b = bins.get(k);
      rows.add(List.of(b.label(), Long.toString(b.customers()), fmt(b.actual(), 2),
          fmt(b.expected(), 2), fmt(paretoBins.get(k).expected(), 2)));
      x[k] = k;
      actual[k] = b.actual();
      expected[k] = b.expected();
      paretoExpected[k] = paretoBins.get(k).expected();
    }
    report.table(List.of("repeat purchases in calibration", "customers",
        "holdout purchases per customer: actual", "BG/NBD", "Pareto/NBD"), rows);
    XYChart chart = Charts.xy("Conditional expectations: holdout purchases by calibration "
        + "frequency (last bin " + bins.get(bins.size() - 1).label() + ")",
        "repeat purchases in the calibration period", "mean purchases in the holdout");
    Charts.line(chart, "actual", x, actual).setMarker(
        org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
    Charts.dashed(chart, "BG/NBD expected", x, expected);
    Charts.dashed(chart, "Pareto/NBD expected", x, paretoExpected);
    report.image("Conditional expectations", Charts.save(chart, report.folder(),
        "customers_conditional"));
  }

  private static void histogram(Report report, List<HistogramBin> bins,
      List<HistogramBin> paretoBins) {
    List<String> labels = new ArrayList<>();
    List<Double> actual = new ArrayList<>();
    List<Double> expected = new ArrayList<>();
    List<Double> paretoExpected = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (int k = 0; k < bins.size(); k++) {
      HistogramBin b = bins.get(k);
      labels.add(b.label());
      actual.add((double) b.actual());
      expected.add(b.expected());
      paretoExpected.add(paretoBins.get(k).expected());
      rows.add(List.of(b.label(), Long.toString(b.actual()), fmt(b.expected(), 1),
          fmt(paretoBins.get(k).expected(), 1)));
    }
    report.table(List.of("repeat purchases in calibration", "customers: actual",
        "BG/NBD expected", "Pareto/NBD expected"), rows);
    CategoryChart chart = Charts.bars("Calibration period: customers by number of repeat "
        + "purchases", "repeat purchases", "customers");
    chart.addSeries("actual", labels, actual);
    chart.addSeries("BG/NBD expected", labels, expected);
    chart.addSeries("Pareto/NBD expected", labels, paretoExpected);
    report.image("Calibration histogram", Charts.save(chart, report.folder(),
        "customers_histogram"));
  }

  private static void tracking(Report report, RepeatPurchaseTracking t,
      RepeatPurchaseTracking pareto) {
    double[] week = new double[t.periods()];
    for (int k = 0; k < week.length; k++) {
      week[k] = k + 1;
    }
    XYChart cumulative = Charts.xy("Cumulative repeat purchases, week by week", "week",
        "repeat purchases");
    Charts.line(cumulative, "actual", week, t.actualCumulative());
    Charts.dashed(cumulative, "BG/NBD expected", week, t.expectedCumulative());
    Charts.dashed(cumulative, "Pareto/NBD expected", week, pareto.expectedCumulative());
    splitLine(cumulative, t.calibrationPeriods(), t.expectedCumulative(), t.actualCumulative());
    report.image("Tracking: cumulative", Charts.save(cumulative, report.folder(),
        "customers_tracking_cumulative"));
    XYChart weekly = Charts.xy("Weekly repeat purchases", "week", "repeat purchases");
    Charts.line(weekly, "actual", week, t.actualIncremental());
    Charts.dashed(weekly, "BG/NBD expected", week, t.expectedIncremental());
    Charts.dashed(weekly, "Pareto/NBD expected", week, pareto.expectedIncremental());
    splitLine(weekly, t.calibrationPeriods(), t.expectedIncremental(), t.actualIncremental());
    report.image("Tracking: weekly", Charts.save(weekly, report.folder(),
        "customers_tracking_weekly"));
  }

  /** A vertical line at the end of the calibration period. */
  private static void splitLine(XYChart chart, double at, double[] a, double[] b) {
    double top = 0;
    for (int k = 0; k < a.length; k++) {
      top = Math.max(top, Math.max(a[k], b[k]));
    }
    Charts.line(chart, "end of calibration", new double[] {at, at}, new double[] {0, top})
        .setLineColor(java.awt.Color.GRAY);
  }

  private static void customers(Report report, List<HoldoutPrediction> predictions) {
    List<HoldoutPrediction> top = new ArrayList<>(predictions);
    top.sort(Comparator.comparingDouble(HoldoutPrediction::expectedPurchases).reversed()
        .thenComparing(HoldoutPrediction::customerId));
    List<List<String>> rows = new ArrayList<>();
    for (HoldoutPrediction p : top.subList(0, Math.min(8, top.size()))) {
      rows.add(List.of(p.customerId(), Integer.toString(p.frequency()), fmt(p.recency(), 1),
          fmt(p.age(), 1), fmt(p.probabilityAlive(), 3), fmt(p.expectedPurchases(), 2),
          Integer.toString(p.actualPurchases()), fmt(p.expectedValue(), 2)));
    }
    report.paragraph("The customers expected to buy most in the holdout:");
    report.table(List.of("customer", "x", "t_x", "T", "P(alive)", "expected purchases",
        "actual", "expected revenue"), rows);
  }
}
