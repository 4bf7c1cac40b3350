package dev.niche.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Invariants of the scikit-learn-style API: predict, transform, inertia, persistence. */
class ApiPropertiesTest {

  @Test
  void predictOnTheTrainingRowsGivesTheFitsLabels() {
    qt().withExamples(25)
        .forAll(longs().all(), integers().between(1, 9), integers().between(1, 6))
        .checkAssert((seed, k, d) -> {
          double[][] x = Blobs.rows(500, d, 5, 2.0, seed);
          KMeansModel m = KMeans.builder().k(k).seed(seed).build().fit(x);
          assertArrayEquals(m.labels(), m.predict(x));
          assertArrayEquals(m.labels(), m.predict(flat(x), d));
          assertEquals(m.inertia(), m.inertia(x), 1e-9 * (1 + m.inertia()));
        });
  }

  @Test
  void largeFitsInSpatialOrderAlsoAgree() {
    // k >= 16 and n >= 65536 puts the fit's rows in spatial order; labels return in caller order.
    double[][] x = Blobs.rows(70_000, 3, 20, 1.0, 31);
    KMeansModel m = KMeans.builder().k(16).seed(3).maxIterations(5).build().fit(x);
    assertArrayEquals(m.labels(), m.predict(x));
  }

  @Test
  void restoredModelsPredictIdentically() {
    qt().withExamples(25)
        .forAll(longs().all(), integers().between(1, 8), integers().between(1, 5))
        .checkAssert((seed, k, d) -> {
          double[][] x = Blobs.rows(300, d, 4, 3.0, seed);
          KMeansModel m = seed % 2 == 0
              ? KMeans.builder().k(k).seed(seed).build().fit(x)
              : MiniBatchKMeans.builder().k(k).seed(seed).batchSize(64).maxIterations(20)
                  .build().fit(x);
          KMeansModel r;
          try {
            r = KMeansModelTest.roundTrip(m);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          double[][] probe = Blobs.rows(200, d, 3, 6.0, seed + 1);
          assertArrayEquals(m.predict(probe), r.predict(probe));
          assertEquals(m.inertia(probe), r.inertia(probe), 0.0);
          assertArrayEquals(m.labels(), r.labels());
        });
  }

  @Test
  void transformsArgminIsPredictAndItsEntriesAreDistances() {
    qt().withExamples(30)
        .forAll(longs().all(), integers().between(1, 8), integers().between(1, 5))
        .checkAssert((seed, k, d) -> {
          SplittableRandom r = new SplittableRandom(seed);
          double[][] c = new double[k][d];
          for (double[] row : c) {
            for (int j = 0; j < d; j++) {
              row[j] = r.nextInt(-3, 4); // integer grid: exact ties happen
            }
          }
          KMeansModel m = KMeansModel.ofCentroids(c);
          double[][] x = new double[100][d];
          for (double[] row : x) {
            for (int j = 0; j < d; j++) {
              row[j] = r.nextInt(-4, 5) * 0.5;
            }
          }
          double[][] t = m.transform(x);
          int[] p = m.predict(x);
          for (int i = 0; i < x.length; i++) {
            int arg = 0;
            for (int q = 1; q < k; q++) {
              if (t[i][q] < t[i][arg]) {
                arg = q;
              }
            }
            assertEquals(arg, p[i]);
            assertEquals(m.predict(x[i]), p[i]);
            for (int q = 0; q < k; q++) {
              double s = 0;
              for (int j = 0; j < d; j++) {
                s += (x[i][j] - c[q][j]) * (x[i][j] - c[q][j]);
              }
              assertEquals(Math.sqrt(s), t[i][q], 1e-12 * (1 + t[i][q]));
            }
          }
        });
  }

  @Test
  void silhouetteSamplesAverageToTheSilhouette() {
    qt().withExamples(30)
        .forAll(longs().all(), integers().between(2, 6))
        .checkAssert((seed, k) -> {
          double[][] x = Blobs.rows(80, 2, 3, 2.0, seed);
          int[] labels = new int[x.length];
          SplittableRandom r = new SplittableRandom(seed);
          for (int i = 0; i < labels.length; i++) {
            labels[i] = i < k ? i : r.nextInt(k);
          }
          double[] s = ClusterQuality.silhouetteSamples(x, labels);
          double sum = 0;
          for (double v : s) {
            assertTrue(v >= -1 && v <= 1);
            sum += v;
          }
          assertEquals(ClusterQuality.silhouette(x, labels), sum / s.length, 0.0);
        });
  }

  @Test
  void weightedInertiaIsTheSumOfWeightedSquaredDistances() {
    qt().withExamples(30)
        .forAll(longs().all(), integers().between(1, 5))
        .checkAssert((seed, k) -> {
          double[][] x = Blobs.rows(60, 3, 3, 2.0, seed);
          KMeansModel m = KMeans.builder().k(k).seed(seed).build().fit(x);
          double[] w = new double[x.length];
          SplittableRandom r = new SplittableRandom(seed);
          double expected = 0;
          double[][] t = m.transform(x);
          int[] p = m.predict(x);
          for (int i = 0; i < x.length; i++) {
            w[i] = r.nextInt(4);
            expected += w[i] * t[i][p[i]] * t[i][p[i]];
          }
          assertEquals(expected, m.inertia(x, w), 1e-9 * (1 + expected));
        });
  }

  @Test
  void partialFitIsTheRunningWeightedMeanOfWhatEachCentreAbsorbed() {
    qt().withExamples(25)
        .forAll(longs().all(), integers().between(1, 4), integers().between(1, 6))
        .checkAssert((seed, k, batches) -> {
          double[][] x = Blobs.rows(40 * batches, 2, 3, 2.0, seed);
          double[][] start = new double[k][];
          for (int m = 0; m < k; m++) {
            start[m] = x[m].clone();
          }
          MiniBatchKMeans state = MiniBatchKMeans.builder().init(start).build();
          double[][] sums = new double[k][2];
          double[] weight = new double[k];
          SplittableRandom r = new SplittableRandom(seed);
          for (int b = 0; b < batches; b++) {
            double[][] batch = java.util.Arrays.copyOfRange(x, 40 * b, 40 * b + 40);
            double[] w = new double[40];
            int[] nearest = state.model().predict(batch);
            for (int i = 0; i < 40; i++) {
              w[i] = r.nextInt(3);
              int c = nearest[i];
              weight[c] += w[i];
              sums[c][0] += w[i] * batch[i][0];
              sums[c][1] += w[i] * batch[i][1];
            }
            state = state.partialFit(batch, w);
          }
          double[][] c = state.centroids();
          for (int m = 0; m < k; m++) {
            assertEquals(weight[m], state.counts()[m], 0.0);
            if (weight[m] > 0) {
              assertEquals(sums[m][0] / weight[m], c[m][0], 1e-9);
              assertEquals(sums[m][1] / weight[m], c[m][1], 1e-9);
            } else {
              assertArrayEquals(start[m], c[m], 0.0);
            }
          }
          assertEquals((long) batches, state.steps());
        });
  }

  @Test
  void weightsActLikeRepeatedRowsInAnExactFit() {
    qt().withExamples(15)
        .forAll(longs().all(), integers().between(1, 4))
        .checkAssert((seed, k) -> {
          double[][] x = Blobs.rows(50, 2, 3, 1.5, seed);
          double[] w = new double[50];
          java.util.List<double[]> repeated = new java.util.ArrayList<>();
          SplittableRandom r = new SplittableRandom(seed);
          for (int i = 0; i < 50; i++) {
            w[i] = 1 + r.nextInt(3);
            for (int t = 0; t < w[i]; t++) {
              repeated.add(x[i]);
            }
          }
          double[][] start = java.util.Arrays.copyOf(x, k);
          KMeansModel a = KMeans.builder().init(start).weights(w).tolerance(0).build().fit(x);
          KMeansModel b = KMeans.builder().init(start).tolerance(0).build()
              .fit(repeated.toArray(new double[0][]));
          assertEquals(b.inertia(), a.inertia(), 1e-9 * (1 + b.inertia()));
          assertEquals(a.inertia(), a.inertia(x, w), 1e-9 * (1 + a.inertia()));
        });
  }

  private static double[] flat(double[][] x) {
    int d = x[0].length;
    double[] f = new double[x.length * d];
    for (int i = 0; i < x.length; i++) {
      System.arraycopy(x[i], 0, f, i * d, d);
    }
    return f;
  }
}
