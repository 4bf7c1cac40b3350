package dev.niche.benchmarks.segmentation;

import dev.niche.segmentation.KMeans;
import dev.niche.segmentation.KMeansAlgorithm;
import dev.niche.segmentation.KMeansModel;
import elki.clustering.kmeans.ExponionKMeans;
import elki.clustering.kmeans.HamerlyKMeans;
import elki.clustering.kmeans.initialization.KMeansPlusPlus;
import elki.data.Cluster;
import elki.data.Clustering;
import elki.data.NumberVector;
import elki.data.type.TypeUtil;
import elki.database.Database;
import elki.database.StaticArrayDatabase;
import elki.database.relation.Relation;
import elki.datasource.ArrayAdapterDatabaseConnection;
import elki.distance.minkowski.SquaredEuclideanDistance;
import elki.utilities.random.RandomFactory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The k-means panel of issue 14: a whole fit (start included, one k-means++ start, at most 20
 * iterations, seed 42) on each {@link PanelShape}, for Niche at 1 and 2 threads and ELKI 0.8.0
 * Exponion and Hamerly (single-threaded, ELKI's k-means++ start). Peer input structures (the ELKI
 * database) are built in {@code @Setup}; Niche's time includes its one copy of the input.
 * scikit-learn runs on the same rows from {@code benchmarks/scripts/kmeans-panel.sh}. Protocol:
 * single shots, one warm-up, three measured ({@code -bm ss -wi 1 -i 3}); report the median. The
 * script runs every fork with {@code -Xms2g -Xmx8g -XX:+AlwaysPreTouch}, so that no measured shot
 * pays the first touch of heap pages G1 grows into (docs/benchmarks.md, "k-means panel").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KMeansPanelBenchmark {

  static final int MAX_ITERATIONS = 20;
  static final long SEED = 42;

  /** The data shape. */
  @Param({"SEPARATED", "OVERLAPPING", "CUSTOMER", "WIDE"})
  public PanelShape shape;

  private double[] flat;
  private Relation<NumberVector> relation;

  /** Generates the rows and ELKI's database. */
  @Setup(Level.Trial)
  public void setUp() {
    flat = shape.generate();
    relation = elkiRelation(flat, shape.d);
  }

  static Relation<NumberVector> elkiRelation(double[] flat, int d) {
    Database db = new StaticArrayDatabase(
        new ArrayAdapterDatabaseConnection(BlobData.rows(flat, d)), null);
    db.initialize();
    return db.getRelation(TypeUtil.NUMBER_VECTOR_FIELD);
  }

  static KMeansModel niche(PanelShape shape, double[] flat, long seed, int threads) {
    return KMeans.builder().k(shape.k).seed(seed).maxIterations(MAX_ITERATIONS).threads(threads)
        .algorithm(KMeansAlgorithm.valueOf(System.getProperty("niche.algorithm", "AUTO")))
        .build().fit(flat, shape.d);
  }

  static double elki(PanelShape shape, Relation<NumberVector> relation, long seed,
      boolean exponion) {
    KMeansPlusPlus<NumberVector> init = new KMeansPlusPlus<>(new RandomFactory(seed));
    Clustering<elki.data.model.KMeansModel> c = exponion
        ? new ExponionKMeans<>(SquaredEuclideanDistance.STATIC, shape.k, MAX_ITERATIONS, init, true)
            .run(relation)
        : new HamerlyKMeans<>(SquaredEuclideanDistance.STATIC, shape.k, MAX_ITERATIONS, init, true)
            .run(relation);
    double total = 0;
    for (Cluster<elki.data.model.KMeansModel> cl : c.getAllClusters()) {
      total += cl.getModel().getVarianceContribution();
    }
    return total;
  }

  /**
   * Niche, one thread.
   *
   * @return the model
   */
  @Benchmark
  public KMeansModel nicheOneThread() {
    return niche(shape, flat, SEED, 1);
  }

  /**
   * Niche, two threads (bit-identical model).
   *
   * @return the model
   */
  @Benchmark
  public KMeansModel nicheTwoThreads() {
    return niche(shape, flat, SEED, 2);
  }

  /**
   * ELKI 0.8.0 Exponion, k-means++ start.
   *
   * @return the inertia
   */
  @Benchmark
  public double elkiExponion() {
    return elki(shape, relation, SEED, true);
  }

  /**
   * ELKI 0.8.0 Hamerly, k-means++ start.
   *
   * @return the inertia
   */
  @Benchmark
  public double elkiHamerly() {
    return elki(shape, relation, SEED, false);
  }
}
