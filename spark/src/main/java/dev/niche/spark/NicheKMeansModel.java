package dev.niche.spark;

import static org.apache.spark.sql.functions.udf;

import dev.niche.segmentation.internal.SquaredDistance;
import dev.niche.spark.internal.Columns;
import dev.niche.spark.internal.KMeansBlock;
import dev.niche.spark.internal.LloydPartials;
import dev.niche.spark.internal.ParallelStart;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.DoubleArrayArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted {@link NicheKMeans} model: the cluster centres, the training inertia (sum of squared
 * distances of the training rows to their nearest final centre) and the number of Lloyd
 * iterations run. As a transformer it adds the index of the nearest centre (lowest index on
 * ties). Centres and inertia are Spark ML params, so the model saves and loads with
 * {@link #write()} / {@link #load(String)}.
 *
 * @serial exclude
 */
public final class NicheKMeansModel extends Model<NicheKMeansModel>
    implements DefaultParamsWritable {

  private static final long serialVersionUID = 1L;

  private final String uid;
  private final Param<String> featuresCol;
  private final Param<String> predictionCol;
  private final DoubleArrayArrayParam centers;
  private final DoubleParam inertia;
  private final IntParam iterations;

  /**
   * A model with a given uid and no centres yet (used by persistence).
   *
   * @param uid the uid
   */
  public NicheKMeansModel(String uid) {
    this(uid, null, Double.NaN, 0);
  }

  NicheKMeansModel(String uid, double[][] centres, double cost, int iterationCount) {
    this.uid = uid;
    featuresCol = new Param<>(this, "featuresCol", "features column (vector or array<double>)");
    predictionCol = new Param<>(this, "predictionCol", "prediction column (cluster index)");
    centers = new DoubleArrayArrayParam(this, "centers", "cluster centres, one row each");
    inertia = new DoubleParam(this, "inertia", "training inertia against the final centres");
    iterations = new IntParam(this, "iterations", "Lloyd iterations run");
    setDefault(featuresCol, "features");
    setDefault(predictionCol, "prediction");
    if (centres != null) {
      set(centers, centres);
      set(inertia, (Object) cost);
      set(iterations, (Object) iterationCount);
    }
  }

  @Override
  public String uid() {
    return uid;
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
   * The prediction column.
   *
   * @return the parameter
   */
  public Param<String> predictionCol() {
    return predictionCol;
  }

  /**
   * The centres as a param (see {@link #clusterCenters()}).
   *
   * @return the parameter
   */
  public DoubleArrayArrayParam centers() {
    return centers;
  }

  /**
   * The training inertia as a param (see {@link #trainingCost()}).
   *
   * @return the parameter
   */
  public DoubleParam inertia() {
    return inertia;
  }

  /**
   * The number of Lloyd iterations as a param (see {@link #numIterations()}).
   *
   * @return the parameter
   */
  public IntParam iterations() {
    return iterations;
  }

  /**
   * Sets the features column.
   *
   * @param value the column name
   * @return this model
   */
  public NicheKMeansModel setFeaturesCol(String value) {
    set(featuresCol, value);
    return this;
  }

  /**
   * Sets the prediction column.
   *
   * @param value the column name
   * @return this model
   */
  public NicheKMeansModel setPredictionCol(String value) {
    set(predictionCol, value);
    return this;
  }

  /**
   * The cluster centres.
   *
   * @return new dense vectors, one per cluster
   */
  public Vector[] clusterCenters() {
    double[][] c = getOrDefault(centers);
    Vector[] out = new Vector[c.length];
    for (int j = 0; j < c.length; j++) {
      out[j] = Vectors.dense(c[j].clone());
    }
    return out;
  }

  /**
   * The training inertia: the sum over training rows of the squared distance to the nearest
   * final centre.
   *
   * @return the inertia
   */
  public double trainingCost() {
    return (Double) getOrDefault(inertia);
  }

  /**
   * The number of Lloyd iterations run.
   *
   * @return the iterations
   */
  public int numIterations() {
    return (Integer) getOrDefault(iterations);
  }

  /**
   * The index of the centre nearest to a point (lowest index on ties).
   *
   * @param features the point
   * @return the cluster index
   * @throws NullPointerException if {@code features} is null
   * @throws IllegalArgumentException if its dimension differs from the centres'
   */
  public int predict(Vector features) {
    double[][] c = getOrDefault(centers);
    double[] x = features.toArray();
    if (x.length != c[0].length) {
      throw new IllegalArgumentException("features has " + x.length
          + " values but the centres have " + c[0].length);
    }
    return nearest(x, ParallelStart.flatten(Arrays.asList(c), x.length), c.length);
  }

  private static int nearest(double[] x, double[] flat, int k) {
    double[] dist = new double[k];
    SquaredDistance.toAll(x, 0, flat, k, x.length, dist);
    int best = 0;
    for (int m = 1; m < k; m++) {
      if (dist[m] < dist[best]) {
        best = m;
      }
    }
    return best;
  }

  /**
   * The inertia of a Dataset against these centres, computed by Spark (compensated partition
   * sums merged exactly).
   *
   * @param dataset rows with the features column
   * @return the sum of squared distances to the nearest centre
   * @throws NullPointerException if {@code dataset} is null
   * @throws IllegalArgumentException if the features column is absent or mistyped
   */
  public double computeCost(Dataset<?> dataset) {
    Columns.dataset(dataset, "dataset");
    String column = getOrDefault(featuresCol);
    checkFeatures(dataset.schema(), column);
    double[][] c = getOrDefault(centers);
    int k = c.length;
    int d = c[0].length;
    double[] flat = ParallelStart.flatten(Arrays.asList(c), d);
    List<LloydPartials> parts = dataset.select(Columns.ref(column)).toJavaRDD()
        .mapPartitions(rows -> List.of(KMeansBlock.of(rows, column)).iterator())
        .map(b -> LloydPartials.of(b, flat, k, false))
        .collect();
    return LloydPartials.merge(parts, k, d)[k * d + k];
  }

  /**
   * Adds the index of the nearest centre.
   *
   * @param dataset rows with the features column
   * @return the rows with an integer prediction column
   * @throws NullPointerException if {@code dataset} is null
   * @throws IllegalArgumentException if the features column is absent or mistyped, or the
   *     prediction column exists
   */
  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    Columns.dataset(dataset, "dataset");
    transformSchema(dataset.schema());
    double[][] c = getOrDefault(centers);
    int k = c.length;
    int d = c[0].length;
    double[] flat = ParallelStart.flatten(Arrays.asList(c), d);
    String column = getOrDefault(featuresCol);
    boolean vector = dataset.schema().apply(column).dataType().equals(SQLDataTypes.VectorType());
    UDF1<Object, Integer> predict = v -> {
      double[] x = vector ? ((Vector) v).toArray() : toArray(v);
      if (x.length != d) {
        throw new IllegalArgumentException("featuresCol = '" + column + "' holds a row of "
            + x.length + " values but the centres have " + d);
      }
      return nearest(x, flat, k);
    };
    return dataset.withColumn(getOrDefault(predictionCol),
        udf(predict, DataTypes.IntegerType).apply(Columns.ref(column)));
  }

  private static double[] toArray(Object v) {
    scala.collection.Seq<?> seq = (scala.collection.Seq<?>) v;
    double[] out = new double[seq.size()];
    for (int j = 0; j < out.length; j++) {
      out[j] = ((Number) seq.apply(j)).doubleValue();
    }
    return out;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return outputSchema(schema, getOrDefault(featuresCol), getOrDefault(predictionCol));
  }

  static StructType outputSchema(StructType schema, String features, String prediction) {
    checkFeatures(schema, features);
    Columns.absent(schema, prediction, "predictionCol");
    return schema.add(prediction, DataTypes.IntegerType, false);
  }

  private static void checkFeatures(StructType schema, String features) {
    DataType t = Columns.field(schema, features, "featuresCol").dataType();
    boolean array = t instanceof ArrayType
        && ((ArrayType) t).elementType() instanceof NumericType;
    if (!t.equals(SQLDataTypes.VectorType()) && !array) {
      throw new IllegalArgumentException("featuresCol = '" + features + "' has type "
          + t.simpleString() + " but must be a vector or an array of numbers");
    }
  }

  @Override
  public NicheKMeansModel copy(ParamMap extra) {
    NicheKMeansModel copy = new NicheKMeansModel(uid);
    copyValues(copy, extra);
    return copy.setParent(parent());
  }

  /**
   * A reader of saved models.
   *
   * @return the reader
   */
  public static MLReader<NicheKMeansModel> read() {
    return new DefaultParamsReader<>();
  }

  /**
   * Loads a saved model.
   *
   * @param path the path it was saved to
   * @return the model
   */
  public static NicheKMeansModel load(String path) {
    return read().load(path);
  }
}
