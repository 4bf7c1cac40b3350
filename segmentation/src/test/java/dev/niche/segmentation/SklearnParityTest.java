package dev.niche.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * scikit-learn parity. Every expected value was computed with scikit-learn 1.2.1 (Debian
 * python3-sklearn) by src/test/resources/dev/niche/segmentation/sklearn_parity.py and typed in;
 * the test does not need Python.
 */
class SklearnParityTest {

  private static final double[][] X = {
    {0.0, 0.0}, {1.0, 0.5}, {0.5, 1.5}, {4.0, 4.0}, {5.0, 4.5}, {4.5, 5.5},
    {9.0, 0.0}, {8.0, 1.0}, {9.5, 1.5}, {2.0, 2.5}
  };
  private static final double[][] C0 = {{0.0, 0.0}, {4.0, 4.0}, {9.0, 0.0}};
  private static final double[][] NEW = {
    {1.0, 1.0}, {6.0, 6.0}, {7.0, 0.5}, {3.0, 3.0}, {-2.0, 10.0}
  };
  private static final double[] W_NEW = {1.0, 2.0, 0.5, 0.0, 3.0};
  private static final double TOL = 1e-12;

  private static KMeansModel fitted() {
    return KMeans.builder().init(C0).algorithm(KMeansAlgorithm.LLOYD).tolerance(0).build()
        .fit(X);
  }

  @Test
  void fitFromGivenCentresMatchesKMeansLloyd() {
    // KMeans(n_clusters=3, init=C0, n_init=1, algorithm="lloyd", tol=0).fit(X)
    KMeansModel m = fitted();
    double[][] centres = {
      {0.875, 1.125}, {4.5, 4.666666666666666}, {8.833333333333332, 0.8333333333333335}
    };
    for (int c = 0; c < 3; c++) {
      assertArrayEquals(centres[c], m.centroids()[c], TOL);
    }
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 2, 2, 2, 0}, m.labels());
    assertEquals(9.875, m.inertia(), TOL);
  }

  @Test
  void predictTransformAndScoreOnNewRows() {
    KMeansModel m = fitted();
    // km.predict(NEW), km.transform(NEW), -km.score(NEW), -km.score(NEW, sample_weight=W_NEW)
    assertArrayEquals(new int[] {0, 1, 2, 1, 1}, m.predict(NEW));
    double[][] distances = {
      {0.1767766952966369, 5.068968775248516, 7.835106182362105},
      {7.073277175397554, 2.0069324297987143, 5.892556509887895},
      {6.156805178012376, 4.859126579037749, 1.8633899812498227},
      {2.8339460121886586, 2.242270674512284, 6.2227182341981555},
      {9.329054078522645, 8.407998837086293, 14.191155304938667}
    };
    double[][] t = m.transform(NEW);
    for (int i = 0; i < NEW.length; i++) {
      assertArrayEquals(distances[i], t[i], TOL);
    }
    assertEquals(83.25347222222223, m.inertia(NEW), 1e-12 * 83);
    assertEquals(221.90625000000003, m.inertia(NEW, W_NEW), 1e-12 * 222);
    double[] flat = new double[NEW.length * 2];
    for (int i = 0; i < NEW.length; i++) {
      System.arraycopy(NEW[i], 0, flat, 2 * i, 2);
    }
    assertArrayEquals(m.predict(NEW), m.predict(flat, 2));
  }

  @Test
  void silhouetteSamplesWithASingleton() {
    // silhouette_samples(X, LAB): row 9 is alone in cluster 3 and scores 0.
    int[] labels = {0, 0, 0, 1, 1, 1, 2, 2, 1, 3};
    double[] expected = {
      0.578460026895208, 0.5, 0.25138415387346413, -0.14194474138226248, 0.2932754423513192,
      0.22304685646213196, 0.7320473564257526, 0.6651121723883092, -0.7343066508840844, 0.0
    };
    assertArrayEquals(expected, ClusterQuality.silhouetteSamples(X, labels), TOL);
    assertEquals(0.23670746161298378, ClusterQuality.silhouette(X, labels), TOL);
  }

  @Test
  void partialFitMatchesMiniBatchKMeansPartialFit() {
    // MiniBatchKMeans(n_clusters=2, init=[[0,0],[5,5]], n_init=1, reassignment_ratio=0):
    // partial_fit(X[[0,1,3,4]]), partial_fit(X[[2,5,6]]),
    // partial_fit(X[[7,8,9]], sample_weight=[2, 0.5, 1.5]).
    MiniBatchKMeans mb = MiniBatchKMeans.builder().init(new double[][] {{0, 0}, {5, 5}})
        .batchSize(4).build();
    MiniBatchKMeans s1 = mb.partialFit(new double[][] {X[0], X[1], X[3], X[4]});
    assertCentres(new double[][] {{0.5, 0.25}, {4.5, 4.25}}, s1);
    assertArrayEquals(new double[] {2, 2}, s1.counts(), 0.0);
    MiniBatchKMeans s2 = s1.partialFit(new double[][] {X[2], X[5], X[6]});
    assertCentres(new double[][] {{0.5, 0.6666666666666666}, {5.625, 3.5}}, s2);
    assertArrayEquals(new double[] {3, 4}, s2.counts(), 0.0);
    MiniBatchKMeans s3 =
        s2.partialFit(new double[][] {X[7], X[8], X[9]}, new double[] {2.0, 0.5, 1.5});
    assertCentres(new double[][] {{1.0, 1.2777777777777777},
        {6.653846153846154, 2.576923076923077}}, s3);
    assertArrayEquals(new double[] {4.5, 6.5}, s3.counts(), 0.0);
    assertEquals(3, s3.steps());
    assertArrayEquals(new int[] {0, 1, 1, 0, 0}, s3.model().predict(NEW));
    // Immutable: the earlier states are unchanged.
    assertEquals(0, mb.steps());
    assertCentres(new double[][] {{0.5, 0.25}, {4.5, 4.25}}, s1);
  }

  private static void assertCentres(double[][] expected, MiniBatchKMeans state) {
    double[][] c = state.centroids();
    for (int m = 0; m < expected.length; m++) {
      assertArrayEquals(expected[m], c[m], TOL);
    }
  }
}
