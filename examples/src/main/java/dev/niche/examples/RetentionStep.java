package dev.niche.examples;

import static dev.niche.examples.Report.fmt;

import dev.niche.churn.BdwFit;
import dev.niche.churn.BetaDiscreteWeibull;
import dev.niche.churn.ConfidenceBand;
import dev.niche.churn.KaplanMeier;
import dev.niche.churn.LogRankResult;
import dev.niche.churn.LogRankTest;
import dev.niche.churn.RetentionCurve;
import dev.niche.churn.SbgFit;
import dev.niche.churn.ShiftedBetaGeometric;
import dev.niche.core.Interval;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * Step 1: are our customers staying? The seed study's Table 1 (two companies' share of customers
 * still buying after 0..6 years) and Fader &amp; Hardie's (2007) two cohorts, through Kaplan–Meier,
 * the log-rank test, sBG and BdW fits, projections and customer value.
 */
final class RetentionStep {

  /** Seed study, Table 1: % of customers still buying after 0..6 years. */
  static final double[] COMPANY_1 = {100, 95, 70, 50, 35, 20, 10};
  static final double[] COMPANY_2 = {100, 93, 67, 45, 32, 22, 14};
  /** The seed gives shares only; the walkthrough assumes cohorts of this size. */
  static final long ASSUMED_COHORT = 1000;

  /** Fader &amp; Hardie (2007), Table 1: customers alive of 1000 at years 0..12. */
  static final long[] REGULAR = {1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173};
  static final long[] HIGH_END = {1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409, 394};

  private static final double DISCOUNT = 0.10;

  private RetentionStep() {}

  static void run(Report report, Map<String, RetentionCurve> userCurves) {
    report.section("1. Retention: are our customers staying?");
    Map<String, RetentionCurve> curves = new LinkedHashMap<>();
    if (userCurves.isEmpty()) {
      curves.put("Company 1", RetentionCurve.ofPercentages(ASSUMED_COHORT, COMPANY_1));
      curves.put("Company 2", RetentionCurve.ofPercentages(ASSUMED_COHORT, COMPANY_2));
      report.paragraph("Seed study, Table 1: share of customers still buying after 0..6 years. "
          + "The table gives shares only; standard errors and the test below assume cohorts of "
          + ASSUMED_COHORT + " customers each (state your own base when you have it).");
    } else {
      curves.putAll(userCurves);
      report.paragraph("Retention curves read from the user's file.");
    }
    kaplanMeier(report, curves);
    logRank(report, curves);
    models(report, curves);
    faderHardie(report);
  }

  private static void kaplanMeier(Report report, Map<String, RetentionCurve> curves) {
    report.subsection("Kaplan–Meier survival with 95% log-log bands");
    XYChart chart = Charts.xy("Kaplan–Meier survival (95% log-log bands)", "period", "survival");
    List<List<String>> rows = new ArrayList<>();
    int colour = 0;
    for (Map.Entry<String, RetentionCurve> e : curves.entrySet()) {
      java.awt.Color c = Charts.PALETTE[colour++ % Charts.PALETTE.length];
      KaplanMeier km = KaplanMeier.fit(e.getValue());
      int n = e.getValue().periods();
      double[] t = new double[n + 1];
      double[] s = new double[n + 1];
      double[] lower = new double[n + 1];
      double[] upper = new double[n + 1];
      for (int i = 0; i <= n; i++) {
        t[i] = i;
        s[i] = km.survival(i);
        Interval ci = km.confidenceInterval(i, 0.95, ConfidenceBand.LOG_LOG);
        lower[i] = Double.isNaN(ci.lower()) ? s[i] : ci.lower();
        upper[i] = Double.isNaN(ci.upper()) ? s[i] : ci.upper();
        if (i > 0) {
          rows.add(List.of(e.getKey(), Integer.toString(i), fmt(s[i], 3),
              fmt(km.standardError(i), 4), "[" + fmt(lower[i], 3) + ", " + fmt(upper[i], 3) + "]"));
        }
      }
      Charts.line(chart, e.getKey(), t, s).setLineColor(c);
      Charts.dashed(chart, e.getKey() + " 95% band", t, lower).setLineColor(c);
      Charts.dashed(chart, e.getKey() + " 95% band ", t, upper).setLineColor(c);
      String median = km.median().isPresent() ? fmt(km.median().getAsDouble(), 1) : "not reached";
      report.finding("%s: median lifetime %s periods, restricted mean over %d periods %s",
          e.getKey(), median, n, fmt(km.restrictedMean(n), 2));
    }
    report.endFindings();
    report.table(List.of("curve", "t", "S(t)", "Greenwood se", "95% log-log"), rows);
    report.image("Kaplan–Meier survival", Charts.save(chart, report.folder(), "retention_km"));
  }

  private static void logRank(Report report, Map<String, RetentionCurve> curves) {
    if (curves.size() < 2) {
      return;
    }
    report.subsection("Log-rank comparison");
    RetentionCurve[] all = curves.values().toArray(new RetentionCurve[0]);
    LogRankResult logRank = LogRankTest.compare(all);
    LogRankResult late = LogRankTest.flemingHarrington(1.0, all);
    report.finding("log-rank: chi-square %s on %d df, p = %s",
        fmt(logRank.chiSquare(), 3), logRank.degreesOfFreedom(), fmt(logRank.pValue(), 4));
    report.finding("Fleming–Harrington rho = 1 (weights early differences): chi-square %s, p = %s",
        fmt(late.chiSquare(), 3), fmt(late.pValue(), 4));
    report.endFindings();
  }

  private static void models(Report report, Map<String, RetentionCurve> curves) {
    report.subsection("Shifted-beta-geometric and beta-discrete-Weibull fits");
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, RetentionCurve> e : curves.entrySet()) {
      SbgFit sbg = ShiftedBetaGeometric.fit(e.getValue());
      BdwFit bdw = BetaDiscreteWeibull.fit(e.getValue());
      String sbgText = sbg.isGeometricLimit()
          ? "geometric limit, churn " + fmt(sbg.meanChurnProbability().value(), 3)
          : "alpha " + fmt(sbg.alpha().value(), 3) + ", beta " + fmt(sbg.beta().value(), 3);
      BetaDiscreteWeibull w = bdw.model();
      String bdwText = w.isDiscreteWeibullLimit()
          ? "discrete-Weibull limit, c " + fmt(w.c(), 3)
          : "alpha " + fmt(w.alpha(), 3) + ", beta " + fmt(w.beta(), 3) + ", c " + fmt(w.c(), 3);
      rows.add(List.of(e.getKey(), sbgText, fmt(sbg.logLikelihood(), 2), bdwText,
          fmt(bdw.logLikelihood(), 2), fmt(bdw.versusSbg().pValue(), 4)));
      if (sbg.diagnostics().onBoundary()) {
        report.finding("%s: sBG maximum on the boundary — %s", e.getKey(),
            sbg.diagnostics().message());
      }
      report.finding("%s: BdW against sBG, likelihood ratio %s (p = %s); "
              + "expected discounted lifetime at %d%%: sBG %s, BdW %s periods",
          e.getKey(), fmt(bdw.versusSbg().statistic(), 2), fmt(bdw.versusSbg().pValue(), 4),
          Math.round(DISCOUNT * 100), fmt(sbg.model().expectedDiscountedLifetime(DISCOUNT), 2),
          fmt(w.expectedDiscountedLifetime(DISCOUNT), 2));
    }
    report.endFindings();
    report.table(List.of("curve", "sBG", "sBG log L", "BdW", "BdW log L", "LR p"), rows);
    report.paragraph("Retention that falls with tenure cannot come from the sBG, whose retention "
        + "rate always rises (sorting of heterogeneous customers); its likelihood then peaks at "
        + "the constant-churn (geometric) limit, which Niche reports instead of a huge alpha. "
        + "The BdW adds duration dependence for each customer: c < 1 means a customer's churn "
        + "probability falls with tenure, c > 1 that it rises.");
  }

  private static void faderHardie(Report report) {
    report.subsection("Fader & Hardie (2007): fit on years 0..7, project years 8..12");
    XYChart chart = Charts.xy("sBG projections (Fader & Hardie 2007 cohorts)", "year",
        "customers alive of 1000");
    List<List<String>> rows = new ArrayList<>();
    addCohort(report, chart, rows, "Regular", REGULAR, Charts.PALETTE[0]);
    addCohort(report, chart, rows, "High End", HIGH_END, Charts.PALETTE[1]);
    report.endFindings();
    report.table(List.of("cohort", "year", "actual", "sBG projection"), rows);
    report.image("sBG projections", Charts.save(chart, report.folder(), "retention_sbg"));
  }

  private static void addCohort(Report report, XYChart chart, List<List<String>> rows,
      String name, long[] alive, java.awt.Color colour) {
    RetentionCurve calibration = RetentionCurve.ofCounts(alive).truncate(7);
    SbgFit fit = ShiftedBetaGeometric.fit(calibration);
    double[] projected = fit.projectedSurvivors(12);
    double[] years = new double[13];
    double[] actual = new double[13];
    for (int t = 0; t <= 12; t++) {
      years[t] = t;
      actual[t] = alive[t];
      if (t >= 8) {
        rows.add(List.of(name, Integer.toString(t), Long.toString(alive[t]),
            fmt(projected[t], 1)));
      }
    }
    Charts.points(chart, name + " actual", years, actual).setMarkerColor(colour);
    Charts.line(chart, name + " sBG (fit on years 0..7)", years, projected).setLineColor(colour);
    ShiftedBetaGeometric model = fit.model();
    report.finding("%s: alpha %s (se %s), beta %s (se %s); DERL at d = 10%% after 7 renewals "
            + "%s years",
        name, fmt(fit.alpha().value(), 3), fmt(fit.alpha().standardError(), 3),
        fmt(fit.beta().value(), 3), fmt(fit.beta().standardError(), 3),
        fmt(model.discountedExpectedResidualLifetime(DISCOUNT, 7), 2));
  }

  /** Reads curves from a CSV with columns curve, period, active. */
  static Map<String, RetentionCurve> read(Path file) {
    Map<String, List<long[]>> rows = new LinkedHashMap<>();
    CsvInput.read(file, List.of("curve", "period", "active"), row -> {
      double period = row.nonNegative("period");
      double active = row.nonNegative("active");
      if (period != Math.rint(period) || active != Math.rint(active)) {
        throw new InputFormatException(file, row.line(), "period/active",
            period + "/" + active, "must be whole numbers");
      }
      rows.computeIfAbsent(row.text("curve"), k -> new ArrayList<>())
          .add(new long[] {(long) period, (long) active, row.line()});
    });
    Map<String, RetentionCurve> curves = new LinkedHashMap<>();
    for (Map.Entry<String, List<long[]>> e : rows.entrySet()) {
      List<long[]> points = e.getValue();
      long[] counts = new long[points.size()];
      for (int i = 0; i < points.size(); i++) {
        long[] p = points.get(i);
        if (p[0] != i) {
          throw new InputFormatException(file, p[2], "period", Long.toString(p[0]),
              "must be " + i + " (periods of curve '" + e.getKey() + "' run 0, 1, 2, ... in order)");
        }
        counts[i] = p[1];
      }
      try {
        curves.put(e.getKey(), RetentionCurve.ofCounts(counts));
      } catch (IllegalArgumentException ex) {
        throw new InputFormatException(file, "curve '" + e.getKey() + "': " + ex.getMessage());
      }
    }
    return curves;
  }
}
