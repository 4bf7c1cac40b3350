package dev.niche.segmentation;

import static dev.niche.segmentation.KMeansModelTest.assertMessage;
import static dev.niche.segmentation.KMeansModelTest.deepCopy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The segmentation defects of issue 18: immutable results, bounded sizes, no silent NaN. */
class ResultContractsTest {

  @Test
  void segmentIsImmutable() {
    double[][] x = {{1, 10}, {2, 20}, {3, 30}, {4, 0}};
    double[][] before = deepCopy(x);
    int[] labels = {0, 0, 1, 1};
    SegmentProfile p = SegmentProfile.of(x, labels);
    assertTrue(Arrays.deepEquals(before, x));
    assertArrayEquals(new int[] {0, 0, 1, 1}, labels);
    Segment s = p.segments().get(0);
    assertFalse(Segment.class.isRecord());
    double[] means = s.means();
    means[0] = 99;
    s.lift()[1] = 99;
    assertArrayEquals(new double[] {1.5, 15}, s.means(), 0);
    assertArrayEquals(new double[] {1.5 / 2.5, 15 / 15.0}, s.lift(), 1e-15);
    assertNotSame(s.means(), s.means());
    assertEquals(s, p.segments().get(0));
    assertEquals(s.hashCode(), p.segments().get(0).hashCode());
    assertTrue(s.toString().startsWith("Segment[label=0, size=2"));
    List<Segment> list = p.segments();
    assertThrows(UnsupportedOperationException.class, () -> list.remove(0));
    p.populationMeans()[0] = 7;
    assertEquals(2.5, p.populationMeans()[0]);
  }

  @Test
  void noPublicRecordHoldsAnArray() {
    for (Class<?> c : new Class<?>[] {Segment.class, KScore.class, KSelectionResult.class}) {
      if (c.isRecord()) {
        for (RecordComponent rc : c.getRecordComponents()) {
          assertFalse(rc.getType().isArray(), c + "." + rc.getName());
        }
      }
    }
  }

  @Test
  void sizesFromArgumentsAreBounded() {
    assertMessage("k = 2147483647 times dimension = 2 must be <= 16777216",
        () -> ClusterStatistics.empty(Integer.MAX_VALUE, 2));
    assertMessage("times dimension = 2147483647",
        () -> ClusterStatistics.empty(2, Integer.MAX_VALUE));
    double[][] x = {{0}, {1}, {5}, {6}};
    int[] big = {0, 0, Integer.MAX_VALUE, Integer.MAX_VALUE};
    assertMessage("labels[2] = 2147483647 must be in [0, n) = [0, 4)",
        () -> ClusterQuality.silhouette(x, big));
    assertMessage("labels[2] = 2147483647", () -> ClusterQuality.silhouetteSamples(x, big));
    assertMessage("labels[2] = 2147483647", () -> ClusterQuality.calinskiHarabasz(x, big));
    assertMessage("labels[2] = 2147483647", () -> ClusterQuality.daviesBouldin(x, big));
    assertMessage("labels[2] = 2147483647", () -> ClusterQuality.silhouette(x, big, 2, 1));
    assertMessage("labels[2] = 2147483647 must be in [0, n) = [0, 4)",
        () -> SegmentProfile.of(x, big));
  }

  @Test
  void identicalRowsGiveADocumentedAnswerNotNaN() {
    double[][] same = {{2, 3}, {2, 3}, {2, 3}, {2, 3}};
    int[] labels = {0, 1, 0, 1};
    assertMessage("every row is identical", () -> ClusterQuality.calinskiHarabasz(same, labels));
    assertEquals(Double.POSITIVE_INFINITY, ClusterQuality.daviesBouldin(same, labels));
    assertEquals(0.0, ClusterQuality.silhouette(same, labels));
    // Single-point clusters at distinct places: W = 0 < B, CH = +infinity, DB = 0.
    double[][] points = {{0, 0}, {0, 0}, {1, 1}, {1, 1}};
    assertEquals(Double.POSITIVE_INFINITY, ClusterQuality.calinskiHarabasz(points, labels2()));
    assertEquals(0.0, ClusterQuality.daviesBouldin(points, labels2()));
  }

  @Test
  void extremeFiniteMagnitudesDoNotGiveNaN() {
    int[] labels = {0, 0, 1, 1};
    double[][] line = {{0}, {1}, {4}, {6}};
    double sil = ClusterQuality.silhouette(line, labels);
    double ch = ClusterQuality.calinskiHarabasz(line, labels);
    double db = ClusterQuality.daviesBouldin(line, labels);
    for (double scale : new double[] {1e300, -1e300, 1e-310, Double.MIN_VALUE}) {
      double[][] scaled = new double[4][1];
      for (int i = 0; i < 4; i++) {
        scaled[i][0] = line[i][0] * scale;
      }
      if (scale == Double.MIN_VALUE) {
        continue; // 1 * MIN_VALUE .. 6 * MIN_VALUE are exact; checked below
      }
      assertEquals(sil, ClusterQuality.silhouette(scaled, labels), 1e-12, "scale " + scale);
      assertEquals(ch, ClusterQuality.calinskiHarabasz(scaled, labels), 1e-9, "scale " + scale);
      assertEquals(db, ClusterQuality.daviesBouldin(scaled, labels), 1e-12, "scale " + scale);
    }
    double[][] tiny = {{0}, {Double.MIN_VALUE}, {4 * Double.MIN_VALUE}, {6 * Double.MIN_VALUE}};
    assertEquals(sil, ClusterQuality.silhouette(tiny, labels), 1e-12);
    double[][] huge = {{-Double.MAX_VALUE}, {-Double.MAX_VALUE}, {Double.MAX_VALUE},
        {Double.MAX_VALUE}};
    assertEquals(1.0, ClusterQuality.silhouette(huge, labels));
  }

  private static int[] labels2() {
    return new int[] {0, 0, 1, 1};
  }

  @Test
  void fitsDoNotChangeTheirInputs() {
    double[][] x = Blobs.rows(500, 3, 4, 1, 2);
    double[][] copy = deepCopy(x);
    double[] w = new double[500];
    Arrays.fill(w, 2);
    double[][] start = {x[0].clone(), x[1].clone(), x[2].clone()};
    double[][] startCopy = deepCopy(start);
    KMeans.builder().init(start).weights(w).build().fit(x);
    MiniBatchKMeans.builder().init(start).weights(w).batchSize(50).build().fit(x);
    MiniBatchKMeans.builder().init(start).build().partialFit(x, w);
    int[] labels = new int[500];
    labels[7] = 1;
    ClusterQuality.silhouetteSamples(x, labels);
    ClusterQuality.calinskiHarabasz(x, labels);
    ClusterQuality.daviesBouldin(x, labels);
    SegmentProfile.of(x, labels);
    assertTrue(Arrays.deepEquals(copy, x));
    assertTrue(Arrays.deepEquals(startCopy, start));
    double[] two = new double[500];
    Arrays.fill(two, 2);
    assertArrayEquals(two, w);
  }

  @Test
  void magnitudesAndWeightsAreBoundedSoThatInertiasStayFinite() {
    // Before: rows of +-1e308 gave centroids of +-Infinity and an infinite inertia; weights of
    // 1e308 or Double.MIN_VALUE gave NaN centroids.
    double[][] over = {{-1e308, 0}, {0, 1}, {3, 0}};
    assertMessage("data[0][0] = -1.0E308 must be within +-1.0E100",
        () -> KMeans.builder().k(2).build().fit(over));
    assertMessage("flatRowMajor[2] (row 1, column 0) = 1.0E101 must be within +-1.0E100",
        () -> KMeans.builder().k(2).build().fit(new double[] {1, 2, 1e101, 3}, 2));
    assertMessage("data[0][0] = -1.0E308", () -> MiniBatchKMeans.builder().k(2).build().fit(over));
    assertMessage("batch[0][0] = -1.0E308",
        () -> MiniBatchKMeans.builder().k(2).build().partialFit(over));
    assertMessage("centres[0][0] = -1.0E308", () -> KMeans.builder().init(over));
    assertMessage("centroids[0][0] = -1.0E308", () -> KMeansModel.ofCentroids(over));
    assertMessage("rows[0][0] = -1.0E308",
        () -> ClusterStatistics.of(over, new double[][] {{0, 0}}));
    KMeansModel m = KMeansModel.ofCentroids(new double[][] {{0, 0}, {5, 5}});
    assertMessage("point[0] = -1.0E308", () -> m.predict(over[0]));
    assertMessage("rows[0][0] = -1.0E308", () -> m.transform(over));
    assertMessage("weights[0] = 1.0E308 must be 0 or in [1.0E-100, 1.0E100]",
        () -> KMeans.builder().weights(new double[] {1e308}));
    assertMessage("weights[1] = 4.9E-324 must be 0 or in [1.0E-100, 1.0E100]",
        () -> MiniBatchKMeans.builder().weights(new double[] {1, Double.MIN_VALUE}));
    assertMessage("weights[0] = 4.9E-324",
        () -> m.inertia(new double[][] {{1, 1}}, new double[] {Double.MIN_VALUE}));
    // At the limits everything stays finite.
    double big = KMeans.MAX_MAGNITUDE;
    double[][] edge = {{-big, 0}, {-big, 1}, {big, 0}, {big, 1}};
    double[] heavy = {big, big, big, big};
    KMeansModel fit = KMeans.builder().k(2).weights(heavy).build().fit(edge);
    assertEquals(1e100, fit.inertia(), 1e86);
    assertTrue(Double.isFinite(fit.inertia(edge, heavy)));
    double[] light = {1e-100, 1e-100, 1e-100, 1e-100};
    double[][] c = MiniBatchKMeans.builder().k(2).build()
        .partialFit(new double[][] {{0}, {1}, {5}, {6}}, light).centroids();
    assertEquals(1.0, Math.abs(c[0][0] - c[1][0]) / 5, 1e-12);
  }

  @Test
  void scalersAndTransformsNeverOverflowSilently() {
    double[][] over = {{-1e308}, {1e308}};
    assertMessage("data[0][0] = -1.0E308 must be within +-1.0E100",
        () -> StandardScaler.fit(over));
    assertMessage("data[0][0] = -1.0E308", () -> RobustScaler.fit(over));
    assertMessage("features[0][0] = -1.0E308",
        () -> SegmentProfile.of(over, new int[] {0, 1}));
    double[][] edge = {{-1e100}, {1e100}, {0}, {5}};
    assertTrue(Double.isFinite(StandardScaler.fit(edge).scales()[0]));
    assertTrue(Double.isFinite(RobustScaler.fit(edge).scales()[0]));
    // A feature with a tiny but positive spread: far values would overflow when scaled.
    RobustScaler tight = RobustScaler.fit(new double[][] {{0}, {0}, {1e-300}, {1e-300},
        {2e-300}});
    assertMessage("data[1][0] = 1.0E100 is too far from the fitted centre",
        () -> tight.transform(new double[][] {{0}, {1e100}}));
    assertMessage("data[0][0] = 710.0 must be <= ln(Double.MAX_VALUE)",
        () -> LogTransform.expm1(new double[][] {{710}}));
    assertEquals(Math.expm1(709), LogTransform.expm1(new double[][] {{709}})[0][0]);
  }

  @Test
  void everyResultThatHoldsArraysHandsOutCopies() {
    double[][] x = {{1, 2}, {3, 4}, {5, 7}, {8, 1}};
    ClusterStatistics st = ClusterStatistics.of(x, new double[][] {{0, 0}, {6, 6}});
    st.sums()[0][0] = 99;
    st.weights()[0] = 99;
    assertEquals(ClusterStatistics.of(x, new double[][] {{0, 0}, {6, 6}}).sums()[0][0],
        st.sums()[0][0]);
    assertEquals(1.0, st.weights()[0]); // only (1, 2) is nearer (0, 0) than (6, 6)
    StandardScaler ss = StandardScaler.fit(x);
    ss.means()[0] = 99;
    ss.scales()[0] = 99;
    assertEquals(4.25, ss.means()[0]);
    assertTrue(ss.scales()[0] < 99);
    RobustScaler rs = RobustScaler.fit(x);
    rs.medians()[0] = 99;
    rs.scales()[0] = 99;
    assertEquals(4.0, rs.medians()[0]);
    assertTrue(rs.scales()[0] < 99);
    RfmFeatures rfm = RfmFeatures.of(new double[] {1, 2}, new double[] {3, 4},
        new double[] {5, 6});
    rfm.rows()[0][0] = 99;
    rfm.logRows()[0][0] = 99;
    rfm.scores(2)[0][0] = 99;
    assertEquals(1.0, rfm.rows()[0][0]);
    MiniBatchKMeans mb = MiniBatchKMeans.builder().init(new double[][] {{0, 0}, {6, 6}}).build()
        .partialFit(x);
    mb.centroids()[0][0] = 99;
    mb.counts()[0] = 99;
    assertTrue(mb.centroids()[0][0] < 99);
    assertEquals(1.0, mb.counts()[0]);
  }
}
