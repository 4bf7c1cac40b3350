package dev.niche.spark;

import dev.niche.spark.internal.Columns;
import dev.niche.spark.internal.KMeansBlock;
import dev.niche.spark.internal.LloydPartials;
import dev.niche.spark.internal.ParallelStart;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Exact k-means (Lloyd) on Spark with a k-means|| start, as a Spark ML estimator in the shape of
 * MLlib's {@code KMeans} ({@code k}, {@code maxIter}, {@code seed}, {@code tol},
 * {@code initSteps}, {@code featuresCol}, {@code predictionCol}).
 *
 * <p><b>How it runs.</b> Each partition's feature vectors are copied once into one flat
 * row-major array (cached for the fit), which Niche's distance kernel
 * ({@code SquaredDistance.toAll}, four centres at a time with fused multiply-adds) scans. The
 * start is k-means|| (Bahmani et al. 2012) with oversampling {@code l = 2k} over
 * {@code initSteps} rounds, the candidates weighted by the rows nearest to them and reduced to k
 * centres on the driver by Niche's weighted greedy k-means++ and Lloyd to convergence, best of 10
 * seeded starts (milliseconds: there are about {@code 2k · initSteps} candidates; MLlib's single
 * k-means++ draw per centre often merges two clusters here). Each Lloyd iteration sends the
 * centres to the partitions, which return per-cluster sums (compensated, double-double), counts
 * and inertia; the driver merges them exactly and divides. A cluster that receives no row keeps
 * its centre. Iterations stop when no centre moves more than {@code tol} (Euclidean, as MLlib)
 * or after {@code maxIter}.
 *
 * <p><b>Reproducibility.</b> Every random choice of the start is drawn from a row's content hash,
 * the seed and the round, never from a partition's random stream, and every sum is merged
 * exactly, so the same seed and data give the same model for any partitioning and any order of
 * the rows (up to sums that fall within about {@code n · 2⁻¹⁰⁶} of a rounding boundary; see
 * {@code LloydPartials}). Rows with equal values are sampled together.
 *
 * @serial exclude
 */
public final class NicheKMeans extends Estimator<NicheKMeansModel>
    implements DefaultParamsWritable {

  private static final long serialVersionUID = 1L;

  private final String uid;
  private final IntParam k;
  private final IntParam maxIter;
  private final LongParam seed;
  private final DoubleParam tol;
  private final IntParam initSteps;
  private final Param<String> featuresCol;
  private final Param<String> predictionCol;

  /** An estimator with a random uid and MLlib's defaults (k = 2, 20 iterations, 2 steps). */
  public NicheKMeans() {
    this(Identifiable.randomUID("nicheKMeans"));
  }

  /**
   * An estimator with a given uid (used by persistence).
   *
   * @param uid the uid
   */
  public NicheKMeans(String uid) {
    this.uid = uid;
    k = new IntParam(this, "k", "number of clusters (>= 1)", ParamValidators.gtEq(1));
    maxIter = new IntParam(this, "maxIter", "maximum number of Lloyd iterations (>= 0)",
        ParamValidators.gtEq(0));
    seed = new LongParam(this, "seed", "random seed");
    tol = new DoubleParam(this, "tol", "largest centre move of a converged iteration (>= 0)",
        ParamValidators.gtEq(0));
    initSteps = new IntParam(this, "initSteps", "number of k-means|| rounds (> 0)",
        ParamValidators.gt(0));
    featuresCol = new Param<>(this, "featuresCol", "features column (vector or array<double>)");
    predictionCol = new Param<>(this, "predictionCol", "prediction column (cluster index)");
    setDefault(k, (Object) 2);
    setDefault(maxIter, (Object) 20);
    setDefault(seed, (Object) (long) NicheKMeans.class.getName().hashCode());
    setDefault(tol, (Object) 1e-4);
    setDefault(initSteps, (Object) 2);
    setDefault(featuresCol, "features");
    setDefault(predictionCol, "prediction");
  }

  @Override
  public String uid() {
    return uid;
  }

  /**
   * The number of clusters.
   *
   * @return the parameter
   */
  public IntParam k() {
    return k;
  }

  /**
   * The maximum number of Lloyd iterations.
   *
   * @return the parameter
   */
  public IntParam maxIter() {
    return maxIter;
  }

  /**
   * The seed.
   *
   * @return the parameter
   */
  public LongParam seed() {
    return seed;
  }

  /**
   * The convergence tolerance (largest centre move).
   *
   * @return the parameter
   */
  public DoubleParam tol() {
    return tol;
  }

  /**
   * The number of k-means|| rounds.
   *
   * @return the parameter
   */
  public IntParam initSteps() {
    return initSteps;
  }

  /**
   * The features column.
   *
   * @return the parameter
   */
  public Param<String> featuresCol() {
    return featuresCol;
  }

  /**
   * The prediction column of the fitted model.
   *
   * @return the parameter
   */
  public Param<String> predictionCol() {
    return predictionCol;
  }

  /**
   * Sets the number of clusters.
   *
   * @param value at least 1
   * @return this estimator
   * @throws IllegalArgumentException if {@code value < 1}
   */
  public NicheKMeans setK(int value) {
    set(k, (Object) value);
    return this;
  }

  /**
   * Sets the maximum number of Lloyd iterations.
   *
   * @param value at least 0
   * @return this estimator
   * @throws IllegalArgumentException if {@code value < 0}
   */
  public NicheKMeans setMaxIter(int value) {
    set(maxIter, (Object) value);
    return this;
  }

  /**
   * Sets the seed.
   *
   * @param value any value
   * @return this estimator
   */
  public NicheKMeans setSeed(long value) {
    set(seed, (Object) value);
    return this;
  }

  /**
   * Sets the convergence tolerance.
   *
   * @param value at least 0
   * @return this estimator
   * @throws IllegalArgumentException if {@code value < 0}
   */
  public NicheKMeans setTol(double value) {
    set(tol, (Object) value);
    return this;
  }

  /**
   * Sets the number of k-means|| rounds.
   *
   * @param value at least 1
   * @return this estimator
   * @throws IllegalArgumentException if {@code value < 1}
   */
  public NicheKMeans setInitSteps(int value) {
    set(initSteps, (Object) value);
    return this;
  }

  /**
   * Sets the features column.
   *
   * @param value the column name
   * @return this estimator
   */
  public NicheKMeans setFeaturesCol(String value) {
    set(featuresCol, value);
    return this;
  }

  /**
   * Sets the prediction column of the fitted model.
   *
   * @param value the column name
   * @return this estimator
   */
  public NicheKMeans setPredictionCol(String value) {
    set(predictionCol, value);
    return this;
  }

  /**
   * Fits the model.
   *
   * @param dataset rows with a features column of vectors or arrays of doubles, finite, of one
   *     dimension
   * @return the model
   * @throws NullPointerException if {@code dataset} is null
   * @throws IllegalArgumentException if the features column is absent or of another type, or
   *     the Dataset is empty (rows that are null, not finite or of another dimension fail the
   *     Spark job with a message naming the column)
   */
  @Override
  public NicheKMeansModel fit(Dataset<?> dataset) {
    Columns.dataset(dataset, "dataset");
    transformSchema(dataset.schema());
    String column = getOrDefault(featuresCol);
    int clusters = (Integer) getOrDefault(k);
    int iterations = (Integer) getOrDefault(maxIter);
    long s = (Long) getOrDefault(seed);
    double tolerance = (Double) getOrDefault(tol);
    JavaRDD<KMeansBlock> blocks = dataset.select(Columns.ref(column)).toJavaRDD()
        .mapPartitions(rows -> List.of(KMeansBlock.of(rows, column)).iterator())
        .filter(b -> b.n > 0)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<Integer> dims = blocks.map(b -> b.d).distinct().collect();
      if (dims.isEmpty()) {
        throw new IllegalArgumentException("dataset must not be empty");
      }
      if (dims.size() > 1) {
        throw new IllegalArgumentException("featuresCol = '" + column
            + "' holds rows of dimensions " + dims);
      }
      int d = dims.get(0);
      double[][] start = ParallelStart.centres(blocks, clusters, (Integer) getOrDefault(initSteps),
          s, d);
      int m = start.length;
      double[] c = ParallelStart.flatten(List.of(start), d);
      int done = 0;
      boolean converged = false;
      while (done < iterations && !converged) {
        double[] centres = c;
        double[] merged = LloydPartials.merge(
            blocks.map(b -> LloydPartials.of(b, centres, m, true)).collect(), m, d);
        double[] next = centres.clone();
        converged = true;
        for (int j = 0; j < m; j++) {
          double count = merged[m * d + j];
          if (count > 0) {
            double move = 0;
            for (int t = 0; t < d; t++) {
              next[j * d + t] = merged[j * d + t] / count;
              double diff = next[j * d + t] - centres[j * d + t];
              move += diff * diff;
            }
            if (move > tolerance * tolerance) {
              converged = false;
            }
          }
        }
        c = next;
        done++;
      }
      double[] finalCentres = c;
      double cost = LloydPartials.merge(
          blocks.map(b -> LloydPartials.of(b, finalCentres, m, false)).collect(), m, d)[m * d + m];
      NicheKMeansModel model = new NicheKMeansModel(uid, unflatten(finalCentres, m, d), cost,
          done);
      copyValues(model, ParamMap.empty());
      model.setParent(this);
      return model;
    } finally {
      blocks.unpersist(false);
    }
  }

  private static double[][] unflatten(double[] flat, int m, int d) {
    double[][] out = new double[m][d];
    for (int j = 0; j < m; j++) {
      System.arraycopy(flat, j * d, out[j], 0, d);
    }
    return out;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return NicheKMeansModel.outputSchema(schema, getOrDefault(featuresCol),
        getOrDefault(predictionCol));
  }

  @Override
  public NicheKMeans copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  /**
   * A reader of saved estimators.
   *
   * @return the reader
   */
  public static MLReader<NicheKMeans> read() {
    return new DefaultParamsReader<>();
  }

  /**
   * Loads a saved estimator.
   *
   * @param path the path it was saved to
   * @return the estimator
   */
  public static NicheKMeans load(String path) {
    return read().load(path);
  }
}
