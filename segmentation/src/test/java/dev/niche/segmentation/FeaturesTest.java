package dev.niche.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.core.activity.ActivityUnit;
import dev.niche.core.activity.CustomerSummaries;
import java.io.IOException;
import java.time.LocalDate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class FeaturesTest {

  @Test
  void standardScalerUsesThePopulationSd() {
    // Column 0: mean 2, population sd sqrt(8/3) (sklearn StandardScaler, ddof = 0). Column 1 is
    // constant: scale 1.
    double[][] x = {{0, 5}, {2, 5}, {4, 5}};
    StandardScaler s = StandardScaler.fit(x);
    assertArrayEquals(new double[] {2, 5}, s.means(), 0);
    assertArrayEquals(new double[] {Math.sqrt(8.0 / 3), 1}, s.scales(), 1e-15);
    double[][] z = s.transform(new double[][] {{2 + Math.sqrt(8.0 / 3), 7}});
    assertArrayEquals(new double[] {1, 2}, z[0], 1e-15);
    assertArrayEquals(x[2], s.inverseTransform(s.transform(x))[2], 1e-15);
    assertThrows(IllegalArgumentException.class, () -> s.transform(new double[][] {{1}}));
  }

  @Test
  void robustScalerUsesType7Quartiles() {
    // numpy.percentile([1..8], [25, 50, 75]) = 2.75, 4.5, 6.25 (linear interpolation) -> IQR 3.5.
    double[][] x = new double[8][1];
    for (int i = 0; i < 8; i++) {
      x[i][0] = 8 - i;
    }
    RobustScaler s = RobustScaler.fit(x);
    assertArrayEquals(new double[] {4.5}, s.medians(), 0);
    assertArrayEquals(new double[] {3.5}, s.scales(), 0);
    assertArrayEquals(new double[] {1}, s.transform(new double[][] {{8}})[0], 1e-15);
    assertArrayEquals(new double[] {8}, s.inverseTransform(new double[][] {{1}})[0], 1e-15);
  }

  @Test
  void logTransformIsExactNearZeroAndInvertible() {
    double[][] x = {{1e-17, 3}, {0, 10}};
    double[][] y = LogTransform.log1p(x, 0);
    assertEquals(1e-17, y[0][0], 0);
    assertEquals(3, y[0][1], 0);
    assertEquals(Math.log(11), LogTransform.log1p(x)[1][1], 1e-15);
    assertArrayEquals(x[1], LogTransform.expm1(LogTransform.log1p(x))[1], 1e-12);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LogTransform.log1p(new double[][] {{-1}}));
    assertTrue(e.getMessage().contains("data[0][0]"));
    assertThrows(IllegalArgumentException.class, () -> LogTransform.log1p(x, 2));
  }

  @Test
  void rfmScoresAndLogRows() {
    RfmFeatures f = RfmFeatures.of(new double[] {50, 40, 30, 20, 10},
        new double[] {1, 2, 3, 4, 5}, new double[] {0, 0, 10, 10, 100});
    int[][] s = f.scores(5);
    // Mid-rank p = (i + 0.5) / 5 -> quintile scores 1..5; recency reversed.
    for (int i = 0; i < 5; i++) {
      assertEquals(i + 1, s[i][0]);
      assertEquals(i + 1, s[i][1]);
    }
    // Monetary ties: {0, 0}: p = 0.2 -> 2; {10, 10}: p = 0.6 -> 4; 100: p = 0.9 -> 5.
    assertEquals(2, s[0][2]);
    assertEquals(2, s[1][2]);
    assertEquals(4, s[2][2]);
    assertEquals(5, s[4][2]);
    assertArrayEquals(new double[] {10, Math.log(6), Math.log(101)}, f.logRows()[4], 1e-15);
    assertEquals(5, f.size());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RfmFeatures.of(new double[] {1, -2}, new double[] {1, 1}, new double[] {1, 1}));
    assertTrue(e.getMessage().contains("recency[1]"));
    assertThrows(IllegalArgumentException.class,
        () -> RfmFeatures.of(new double[] {1}, new double[] {1, 1}, new double[] {1, 1}));
  }

  @Test
  void segmentProfilesByHand() {
    double[][] x = {{1, 10}, {3, 10}, {8, 40}, {0, 0}};
    int[] labels = {0, 0, 2, 2};
    SegmentProfile p = SegmentProfile.of(x, labels);
    // Population means (3, 15); segment 0 means (2, 10), lift (2/3, 2/3); segment 2 (4, 20).
    assertArrayEquals(new double[] {3, 15}, p.populationMeans(), 0);
    List<Segment> s = p.segments();
    assertEquals(2, s.size());
    assertEquals(0, s.get(0).label());
    assertEquals(0.5, s.get(0).share(), 0);
    assertArrayEquals(new double[] {2, 10}, s.get(0).means(), 0);
    assertArrayEquals(new double[] {2.0 / 3, 2.0 / 3}, s.get(0).lift(), 1e-15);
    assertEquals(2, s.get(1).label());
    assertArrayEquals(new double[] {4.0 / 3, 4.0 / 3}, s.get(1).lift(), 1e-15);
  }

  @Test
  void worksOnCdnowCustomers() throws IOException {
    // CDNOW 1/12 cohort, 39-week calibration (Fader, Hardie and Lee 2005; data from Bruce
    // Hardie's site via lifetimes): 2357 customers, 946 with repeat purchases (SOURCE.txt).
    Path dir = Path.of(System.getProperty("niche.shared.dir", "../../shared"), "data", "cdnow");
    Assumptions.assumeTrue(Files.isDirectory(dir));
    List<String> lines = Files.readAllLines(dir.resolve("cdnow_customers_summary_with_transactions.csv"));
    int n = lines.size() - 1;
    double[] r = new double[n];
    double[] f = new double[n];
    double[] m = new double[n];
    for (int i = 0; i < n; i++) {
      String[] t = lines.get(i + 1).split(",");
      f[i] = Double.parseDouble(t[1]);
      r[i] = Double.parseDouble(t[3]) - Double.parseDouble(t[2]);
      m[i] = Double.parseDouble(t[4]);
    }
    assertEquals(2357, n);
    RfmFeatures rfm = RfmFeatures.of(r, f, m);
    double[][] z = StandardScaler.fit(rfm.logRows()).transform(rfm.logRows());
    KMeansModel model = KMeans.builder().k(4).seed(1).restarts(3).build().fit(z);
    SegmentProfile p = SegmentProfile.of(rfm.rows(), model.labels());
    double share = 0;
    int repeaters = 0;
    double bestFrequencyLift = 0;
    for (Segment s : p.segments()) {
      share += s.share();
      bestFrequencyLift = Math.max(bestFrequencyLift, s.lift()[1]);
      if (s.means()[1] > 0) {
        repeaters += s.size();
      }
    }
    assertEquals(1.0, share, 1e-12);
    assertTrue(repeaters >= 946);
    assertTrue(bestFrequencyLift > 2, "a segment of frequent buyers exists");
  }

  @Test
  void rfmFromCustomerSummariesUsesRecencyFrequencyAndAverageOrderValue() {
    // Customer a buys on day 0 (10), day 14 (20) and day 28 (30); b once on day 7 (40).
    // Calibration ends on day 35 (inclusive, BTYD convention), in weeks:
    // a: T = 5, t_x = 4, x = 2 -> recency 1, average order value 60 / 3 = 20;
    // b: T = 4, t_x = 0, x = 0 -> recency 4, average order value 40.
    LocalDate day0 = LocalDate.of(2025, 1, 1);
    CustomerSummaries s = CustomerSummaries.builder(day0.plusDays(35), ActivityUnit.WEEKS)
        .add("a", day0, 10).add("a", day0.plusDays(14), 20).add("a", day0.plusDays(28), 30)
        .add("b", day0.plusDays(7), 40)
        .build();
    double[][] rows = RfmFeatures.from(s).rows();
    int a = s.indexOf("a");
    int b = s.indexOf("b");
    assertArrayEquals(new double[] {1, 2, 20}, rows[a], 1e-12);
    assertArrayEquals(new double[] {4, 0, 40}, rows[b], 1e-12);
  }
}
