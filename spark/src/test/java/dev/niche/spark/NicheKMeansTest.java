package dev.niche.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.segmentation.ClusterStatistics;
import dev.niche.segmentation.KMeans;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NicheKMeans against Niche's in-process k-means and MLlib on the same small data. */
class NicheKMeansTest {

  private static final double[][] ROWS = blobs(900, 4, 5, 3);

  /** Gaussian blobs: {@code groups} centres in [-10, 10]^d, unit spread. */
  static double[][] blobs(int n, int d, int groups, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] centres = new double[groups][d];
    for (double[] c : centres) {
      for (int j = 0; j < d; j++) {
        c[j] = 20 * random.nextDouble() - 10;
      }
    }
    double[][] rows = new double[n][d];
    for (int i = 0; i < n; i++) {
      double[] c = centres[random.nextInt(groups)];
      for (int j = 0; j < d; j++) {
        rows[i][j] = c[j] + random.nextGaussian();
      }
    }
    return rows;
  }

  static Dataset<Row> dataset(List<double[]> rows, int partitions) {
    List<Row> out = new ArrayList<>();
    for (double[] r : rows) {
      out.add(RowFactory.create(Vectors.dense(r)));
    }
    StructType schema = new StructType().add("features", SQLDataTypes.VectorType());
    return TestSpark.session().createDataFrame(out, schema).repartition(partitions);
  }

  private static double[][] centres(NicheKMeansModel model) {
    Vector[] v = model.clusterCenters();
    double[][] out = new double[v.length][];
    for (int j = 0; j < v.length; j++) {
      out[j] = v[j].toArray();
    }
    return out;
  }

  @Test
  void sameSeedSameModelForAnyPartitioningAndOrder() {
    List<double[]> rows = List.of(ROWS);
    List<double[]> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new java.util.Random(9));
    NicheKMeans kmeans = new NicheKMeans().setK(5).setSeed(42).setMaxIter(20);
    NicheKMeansModel one = kmeans.fit(dataset(rows, 1));
    NicheKMeansModel three = kmeans.fit(dataset(shuffled, 3));
    NicheKMeansModel four = kmeans.fit(dataset(rows, 4));
    double[][] c = centres(one);
    assertEquals(5, c.length);
    for (NicheKMeansModel other : List.of(three, four)) {
      double[][] o = centres(other);
      for (int j = 0; j < c.length; j++) {
        assertArrayEquals(c[j], o[j]);
      }
      assertEquals(one.trainingCost(), other.trainingCost());
      assertEquals(one.numIterations(), other.numIterations());
    }
  }

  @Test
  void convergedModelIsALloydFixedPointWithTheInProcessInertia() {
    NicheKMeansModel model = new NicheKMeans().setK(5).setSeed(1).setMaxIter(50).setTol(0)
        .fit(dataset(List.of(ROWS), 3));
    double[][] c = centres(model);
    ClusterStatistics stats = ClusterStatistics.of(ROWS, c);
    assertEquals(stats.inertia(), model.trainingCost(), 1e-12 * stats.inertia());
    double[][] next = stats.centroids(c);
    for (int j = 0; j < c.length; j++) {
      assertArrayEquals(next[j], c[j], 1e-12);
    }
    double best = KMeans.builder().k(5).seed(1).restarts(10).build().fit(ROWS).inertia();
    assertEquals(best, model.trainingCost(), 1e-9 * best, "the same optimum on clear blobs");
    assertEquals(model.trainingCost(), model.computeCost(dataset(List.of(ROWS), 2)),
        1e-12 * best);
  }

  @Test
  void inertiaNoHigherThanMllib() {
    // Eight separate groups (the corners of a cube of side 12, unit spread): both must find them.
    SplittableRandom random = new SplittableRandom(11);
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      int corner = random.nextInt(8);
      rows.add(new double[] {12 * (corner & 1) + random.nextGaussian(),
          12 * ((corner >> 1) & 1) + random.nextGaussian(),
          12 * (corner >> 2) + random.nextGaussian()});
    }
    Dataset<Row> data = dataset(rows, 3).cache();
    NicheKMeansModel niche = new NicheKMeans().setK(8).setSeed(5).setMaxIter(30).fit(data);
    KMeansModel mllib = new org.apache.spark.ml.clustering.KMeans().setK(8).setSeed(5)
        .setMaxIter(30).fit(data);
    double[][] m = new double[mllib.clusterCenters().length][];
    for (int j = 0; j < m.length; j++) {
      m[j] = mllib.clusterCenters()[j].toArray();
    }
    double mllibCost = new NicheKMeansModel("mllib-centres", m, Double.NaN, 0).computeCost(data);
    assertEquals(niche.trainingCost(), niche.computeCost(data), 1e-12 * mllibCost);
    assertTrue(niche.trainingCost() <= mllibCost * (1 + 1e-9),
        niche.trainingCost() + " vs MLlib " + mllibCost);
    List<Row> predicted = niche.transform(data).select("prediction").collectAsList();
    assertEquals(1200, predicted.size());
  }

  @Test
  void savesLoadsAndPredicts(@TempDir Path dir) throws java.io.IOException {
    Dataset<Row> data = dataset(List.of(ROWS), 2);
    NicheKMeansModel model = new NicheKMeans().setK(3).setSeed(7).fit(data);
    String path = dir.resolve("model").toString();
    model.save(path);
    NicheKMeansModel loaded = NicheKMeansModel.load(path);
    assertEquals(model.trainingCost(), loaded.trainingCost());
    for (int j = 0; j < 3; j++) {
      assertEquals(model.clusterCenters()[j], loaded.clusterCenters()[j]);
    }
    for (double[] row : ROWS) {
      int p = model.predict(Vectors.dense(row));
      double[] dist = new double[3];
      for (int j = 0; j < 3; j++) {
        dist[j] = Vectors.sqdist(Vectors.dense(row), model.clusterCenters()[j]);
      }
      for (int j = 0; j < 3; j++) {
        assertTrue(dist[p] <= dist[j]);
      }
    }
  }

  @Test
  void badInputIsNamed() {
    Dataset<Row> data = dataset(List.of(ROWS), 2);
    IllegalArgumentException absent = assertThrows(IllegalArgumentException.class,
        () -> new NicheKMeans().setFeaturesCol("x").fit(data));
    assertTrue(absent.getMessage().contains("featuresCol = 'x'"), absent.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new NicheKMeans().setK(0));
    assertThrows(IllegalArgumentException.class, () -> new NicheKMeans().setInitSteps(0));
    assertThrows(NullPointerException.class, () -> new NicheKMeans().fit(null));
    Dataset<Row> empty = data.limit(0);
    assertThrows(IllegalArgumentException.class, () -> new NicheKMeans().fit(empty));
  }
}
