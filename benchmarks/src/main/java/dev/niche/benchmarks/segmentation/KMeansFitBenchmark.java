package dev.niche.benchmarks.segmentation;

import dev.niche.segmentation.KMeans;
import dev.niche.segmentation.KMeansInit;
import dev.niche.segmentation.KMeansModel;
import elki.clustering.kmeans.ExponionKMeans;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The whole fit on Gaussian blobs, n = 1,000,000, d = 16, k = 32, one start, at most 20
 * iterations, start included: Niche (greedy k-means++, AUTO = Hamerly) with 1 and 2 threads, ELKI
 * 0.8.0 Exponion with its k-means++ start, and Commons Math 3.6.1 {@code KMeansPlusPlusClusterer}.
 * Peer input structures (ELKI database, Commons Math point list) are built in {@code @Setup};
 * Niche's timing includes its one copy of the input. Every benchmark runs for seeds 1, 2 and 3.
 * Run single-shot:
 * {@code -Djmh.args="KMeansFitBenchmark -f 1 -wi 1 -i 3 -bm ss"}. Inertias are printed at teardown.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KMeansFitBenchmark {

  private static final int MAX_ITERATIONS = 20;

  /**
   * The seed of every library's start. How many iterations follow depends on where the start
   * lands (one, or five to eight when two centres share a group), so a fair comparison takes
   * several seeds; scikit-learn is run with random_state 0, 1 and 2.
   */
  @Param({"1", "2", "3"})
  public long seed;

  private double[] flat;
  private Relation<NumberVector> relation;
  private List<DoublePoint> points;
  private double nicheInertia;
  private double elkiInertia;
  private double commonsInertia;

  /** Generates the blobs and the peers' input structures. */
  @Setup(Level.Trial)
  public void setUp() {
    flat = BlobData.flat(BlobData.N, BlobData.D, BlobData.K, BlobData.SEED);
    double[][] rows = BlobData.rows(flat, BlobData.D);
    Database db = new StaticArrayDatabase(new ArrayAdapterDatabaseConnection(rows), null);
    db.initialize();
    relation = db.getRelation(TypeUtil.NUMBER_VECTOR_FIELD);
    points = new ArrayList<>(rows.length);
    for (double[] row : rows) {
      points.add(new DoublePoint(row));
    }
  }

  /** Prints the inertias of the last runs. */
  @TearDown(Level.Trial)
  public void report() {
    System.out.printf("%ninertia: niche %.6e, ELKI exponion %.6e, commons-math %.6e%n",
        nicheInertia, elkiInertia, commonsInertia);
  }

  private KMeansModel niche(int threads) {
    KMeansModel m = KMeans.builder().k(BlobData.K).seed(seed).init(KMeansInit.GREEDY_KMEANS_PLUS_PLUS)
        .maxIterations(MAX_ITERATIONS).threads(threads).build().fit(flat, BlobData.D);
    nicheInertia = m.inertia();
    return m;
  }

  /**
   * Niche, one thread.
   *
   * @return the model
   */
  @Benchmark
  public KMeansModel nicheOneThread() {
    return niche(1);
  }

  /**
   * Niche, two threads.
   *
   * @return the model
   */
  @Benchmark
  public KMeansModel nicheTwoThreads() {
    return niche(2);
  }

  /**
   * ELKI 0.8.0 Exponion (single-threaded), k-means++ start.
   *
   * @return the clustering
   */
  @Benchmark
  public Clustering<elki.data.model.KMeansModel> elkiExponion() {
    ExponionKMeans<NumberVector> km = new ExponionKMeans<>(SquaredEuclideanDistance.STATIC,
        BlobData.K, MAX_ITERATIONS, new KMeansPlusPlus<>(new RandomFactory(seed)), true);
    Clustering<elki.data.model.KMeansModel> c = km.run(relation);
    double total = 0;
    for (Cluster<elki.data.model.KMeansModel> cl : c.getAllClusters()) {
      total += cl.getModel().getVarianceContribution();
    }
    elkiInertia = total;
    return c;
  }

  /**
   * Commons Math 3.6.1 k-means++ (Lloyd iterations), single-threaded.
   *
   * @return the clusters
   */
  @Benchmark
  public List<CentroidCluster<DoublePoint>> commonsMath() {
    KMeansPlusPlusClusterer<DoublePoint> km = new KMeansPlusPlusClusterer<>(BlobData.K,
        MAX_ITERATIONS, new EuclideanDistance(), new JDKRandomGenerator((int) seed));
    List<CentroidCluster<DoublePoint>> clusters = km.cluster(points);
    double total = 0;
    for (CentroidCluster<DoublePoint> c : clusters) {
      double[] centre = c.getCenter().getPoint();
      for (DoublePoint p : c.getPoints()) {
        double[] x = p.getPoint();
        for (int j = 0; j < x.length; j++) {
          total += (x[j] - centre[j]) * (x[j] - centre[j]);
        }
      }
    }
    commonsInertia = total;
    return clusters;
  }
}
