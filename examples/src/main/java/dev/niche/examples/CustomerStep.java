package dev.niche.examples;

import static dev.niche.examples.Report.fmt;

import dev.niche.churn.BgNbd;
import dev.niche.churn.BgNbdFit;
import dev.niche.churn.CustomerValue;
import dev.niche.churn.GammaGamma;
import dev.niche.churn.GammaGammaFit;
import dev.niche.core.activity.ActivityUnit;
import dev.niche.core.activity.CustomerSummaries;
import dev.niche.core.activity.Transaction;
import dev.niche.segmentation.KMeans;
import dev.niche.segmentation.KMeansModel;
import dev.niche.segmentation.KScore;
import dev.niche.segmentation.KSelection;
import dev.niche.segmentation.KSelectionResult;
import dev.niche.segmentation.RfmFeatures;
import dev.niche.segmentation.Segment;
import dev.niche.segmentation.SegmentProfile;
import dev.niche.segmentation.StandardScaler;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.knowm.xchart.XYChart;

/**
 * Step 4: which customer groups do we serve, and what are they worth? A seeded, generated
 * transaction set (or the user's) becomes per-customer summaries; BG/NBD and Gamma-Gamma value
 * the customers; recency, frequency and monetary features are log-transformed and standardised,
 * k is chosen by several criteria, k-means finds the segments, and their profiles and a scatter
 * on the first two principal directions describe them.
 */
final class CustomerStep {

  static final int CUSTOMERS = 3000;
  static final long SEED = 2026L;
  /** The generated data's split: 39 weeks of calibration as in CDNOW, then a 13-week holdout. */
  static final LocalDate GENERATED_SPLIT = LocalDate.of(2025, 9, 30);

  /**
   * Transactions, the date they are summarised at (the last transaction day), and the split
   * date of the holdout validation (calibration up to it, holdout after it).
   */
  record Input(List<Transaction> transactions, LocalDate calibrationEnd, LocalDate split) {}

  private CustomerStep() {}

  static void run(Report report, Input user) {
    report.section("4. Customers: which groups do we serve, and what are they worth?");
    Input input = user != null ? user : generated();
    report.paragraph(user != null ? "Transactions read from the user's file."
        : "A generated transaction set (seed " + SEED + "): " + CUSTOMERS + " customers of three "
            + "hidden types (regulars, occasional big spenders, one-off buyers) over 2025.");
    CustomerSummaries summaries = CustomerSummaries.of(input.transactions(),
        input.calibrationEnd(), ActivityUnit.WEEKS);
    report.finding("%d transactions, %d customers, summarised in weeks up to %s",
        input.transactions().size(), summaries.size(), input.calibrationEnd());
    report.endFindings();
    value(report, summaries);
    HoldoutStep.run(report, input.transactions(), input.split(), input.calibrationEnd());
    segments(report, summaries);
  }

  private static Input generated() {
    List<Transaction> transactions = SyntheticCustomers.generate(CUSTOMERS, SEED);
    return new Input(transactions, SyntheticCustomers.END, GENERATED_SPLIT);
  }

  private static void value(Report report, CustomerSummaries summaries) {
    report.subsection("Customer value (BG/NBD + Gamma-Gamma)");
    BgNbdFit purchases = BgNbd.fit(summaries);
    GammaGammaFit spend = GammaGamma.fit(summaries);
    CustomerValue clv = CustomerValue.builder(purchases, spend)
        .modelUnit(ActivityUnit.WEEKS)
        .horizon(ActivityUnit.WEEKS, 52)
        .annualDiscountRate(0.10)
        .build();
    double[] values = clv.values(summaries.frequency(), summaries.recency(), summaries.age(),
        summaries.meanRepeatSpend());
    double[] alive = purchases.model().probabilityAlive(summaries.frequency(),
        summaries.recency(), summaries.age());
    double total = 0;
    double meanAlive = 0;
    for (int i = 0; i < values.length; i++) {
      total += values[i];
      meanAlive += alive[i] / values.length;
    }
    report.finding("BG/NBD r = %s, alpha = %s, a = %s, b = %s (%s)",
        fmt(purchases.r().value(), 3), fmt(purchases.alpha().value(), 3),
        fmt(purchases.a().value(), 3), fmt(purchases.b().value(), 3),
        purchases.diagnostics().converged() ? "converged" : "NOT converged");
    report.finding("Gamma-Gamma p = %s, q = %s, gamma = %s; frequency-spend correlation %s "
            + "(the model assumes independence)",
        fmt(spend.p().value(), 3), fmt(spend.q().value(), 3), fmt(spend.gamma().value(), 3),
        fmt(spend.frequencySpendCorrelation(), 3));
    report.finding("mean probability alive %s; expected value of the base over the next 52 "
            + "weeks at 10%% a year: %s", fmt(meanAlive, 3), fmt(total, 0));
    report.finding("a new customer buys %s times in the first year (expected)",
        fmt(purchases.expectedPurchasesNewCustomer(52), 2));
    report.endFindings();
  }

  private static void segments(Report report, CustomerSummaries summaries) {
    report.subsection("Segments from recency, frequency and monetary value");
    // Recency, frequency and average order value, from core's customer summaries.
    RfmFeatures rfm = RfmFeatures.from(summaries);
    double[][] features = StandardScaler.fit(rfm.logRows()).transform(rfm.logRows());
    KSelectionResult choice = KSelection.builder().range(2, 8).seed(SEED).build().run(features);
    List<List<String>> rows = new ArrayList<>();
    for (KScore s : choice.scores()) {
      rows.add(List.of(Integer.toString(s.k()), fmt(s.inertia(), 1), fmt(s.silhouette(), 3),
          fmt(s.calinskiHarabasz(), 1), fmt(s.daviesBouldin(), 3), fmt(s.gap(), 3)));
    }
    report.table(List.of("k", "inertia", "silhouette", "Calinski–Harabasz", "Davies–Bouldin",
        "gap"), rows);
    int k = choice.bySilhouette();
    report.finding("k chosen by silhouette %d, Calinski–Harabasz %d, Davies–Bouldin %d, "
            + "gap %d, elbow %d; using the silhouette's k = %d",
        choice.bySilhouette(), choice.byCalinskiHarabasz(), choice.byDaviesBouldin(),
        choice.byGap(), choice.byElbow(), k);
    KMeansModel model = KMeans.builder().k(k).seed(SEED).restarts(4).build().fit(features);
    report.finding("k-means: inertia %s after %d iterations (%s)", fmt(model.inertia(), 1),
        model.iterations(), model.converged() ? "converged" : "NOT converged");
    report.endFindings();

    SegmentProfile profile = SegmentProfile.of(rfm.rows(), model.labels());
    List<List<String>> segmentRows = new ArrayList<>();
    for (Segment s : profile.segments()) {
      segmentRows.add(List.of(Integer.toString(s.label()), Integer.toString(s.size()),
          fmt(100 * s.share(), 1), fmt(s.means()[0], 1), fmt(s.means()[1], 2),
          fmt(s.means()[2], 1), fmt(s.lift()[0], 2) + " / " + fmt(s.lift()[1], 2) + " / "
              + fmt(s.lift()[2], 2)));
    }
    report.table(List.of("segment", "customers", "share %", "weeks since last purchase",
        "repeat purchases", "average order value", "lift R / F / M"), segmentRows);
    scatter(report, features, model.labels(), k);
  }

  /** Scatter of the standardised features on their first two principal directions. */
  private static void scatter(Report report, double[][] features, int[] labels, int k) {
    RealMatrix covariance = new Covariance(features).getCovarianceMatrix();
    EigenDecomposition eigen = new EigenDecomposition(covariance);
    double[] eigenvalues = eigen.getRealEigenvalues();
    int first = 0;
    for (int i = 1; i < eigenvalues.length; i++) {
      if (eigenvalues[i] > eigenvalues[first]) {
        first = i;
      }
    }
    int second = first == 0 ? 1 : 0;
    for (int i = 0; i < eigenvalues.length; i++) {
      if (i != first && eigenvalues[i] > eigenvalues[second]) {
        second = i;
      }
    }
    RealMatrix data = new Array2DRowRealMatrix(features, false);
    double[] pc1 = data.operate(eigen.getEigenvector(first)).toArray();
    double[] pc2 = data.operate(eigen.getEigenvector(second)).toArray();
    XYChart chart = Charts.xy("Segments on the first two principal directions", "PC1", "PC2");
    chart.getStyler().setMarkerSize(4);
    for (int c = 0; c < k; c++) {
      List<double[]> points = new ArrayList<>();
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == c) {
          points.add(new double[] {pc1[i], pc2[i]});
        }
      }
      double[] x = new double[points.size()];
      double[] y = new double[points.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = points.get(i)[0];
        y[i] = points.get(i)[1];
      }
      Charts.points(chart, "segment " + c, x, y);
    }
    report.image("Segments", Charts.save(chart, report.folder(), "segments_pca"));
  }

  /**
   * Reads transactions from a CSV with columns customer, date, amount; the holdout validation
   * splits them at {@code split}, or halfway between the first and last day when it is null.
   */
  static Input read(Path file, LocalDate split) {
    List<Transaction> transactions = new ArrayList<>();
    LocalDate[] last = {LocalDate.MIN};
    CsvInput.read(file, List.of("customer", "date", "amount"), row -> {
      LocalDate date = row.date("date");
      transactions.add(new Transaction(row.text("customer"), date, row.nonNegative("amount")));
      if (date.isAfter(last[0])) {
        last[0] = date;
      }
    });
    if (transactions.isEmpty()) {
      throw new InputFormatException(file, "has no data rows");
    }
    if (split == null) {
      return new Input(transactions, last[0], HoldoutStep.midpoint(transactions, last[0]));
    }
    LocalDate first = last[0];
    for (Transaction t : transactions) {
      if (t.date().isBefore(first)) {
        first = t.date();
      }
    }
    if (split.isBefore(first) || !split.isBefore(last[0])) {
      throw new InputFormatException(file, "--calibration-end " + split + " must be on or after "
          + "the first transaction day " + first + " and before the last " + last[0]);
    }
    return new Input(transactions, last[0], split);
  }
}
