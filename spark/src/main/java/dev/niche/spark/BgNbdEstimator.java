package dev.niche.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import dev.niche.churn.BgNbd;
import dev.niche.churn.BgNbdFit;
import dev.niche.spark.internal.Columns;
import java.util.List;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A Spark ML estimator of the BG/NBD model (Fader, Hardie &amp; Lee 2005, "Counting your
 * customers the easy way") on a Dataset of customer summaries, such as
 * {@link NicheSpark#customerSummaries}. Spark compresses the summaries to their distinct
 * {@code (x, t_x, T)} triples with counts (one aggregation); the driver fits the model by weighted
 * maximum likelihood ({@link BgNbd#fit(double[], double[], double[], double[])}), which equals the
 * fit to every customer, since the log-likelihood is a sum over customers. The number of distinct
 * triples is bounded by the data's time resolution (about {@code x_max · d²/2} for {@code d}
 * distinct day counts), not by the number of customers.
 *
 * <p>The fitted {@link BgNbdModel} adds the probability that each customer is alive and the
 * expected number of purchases over a horizon. Works in {@link org.apache.spark.ml.Pipeline}s and
 * saves and loads with {@link #write()} / {@link #load(String)}.
 *
 * @serial exclude
 */
public final class BgNbdEstimator extends Estimator<BgNbdModel> implements DefaultParamsWritable {

  private static final long serialVersionUID = 1L;

  private final String uid;
  private final Param<String> frequencyCol;
  private final Param<String> recencyCol;
  private final Param<String> ageCol;
  private final DoubleParam horizon;
  private final Param<String> probabilityAliveCol;
  private final Param<String> expectedPurchasesCol;

  /** An estimator with a random uid and default parameters. */
  public BgNbdEstimator() {
    this(Identifiable.randomUID("nicheBgNbd"));
  }

  /**
   * An estimator with a given uid (used by persistence).
   *
   * @param uid the uid
   */
  public BgNbdEstimator(String uid) {
    this.uid = uid;
    frequencyCol = new Param<>(this, "frequencyCol", "column of frequency x");
    recencyCol = new Param<>(this, "recencyCol", "column of recency t_x");
    ageCol = new Param<>(this, "ageCol", "column of age T");
    horizon = new DoubleParam(this, "horizon",
        "horizon of expected purchases, in the unit of the summaries (> 0)",
        ParamValidators.gt(0));
    probabilityAliveCol = new Param<>(this, "probabilityAliveCol",
        "output column of P(alive | x, t_x, T)");
    expectedPurchasesCol = new Param<>(this, "expectedPurchasesCol",
        "output column of E[X(horizon) | x, t_x, T]");
    setDefault(frequencyCol, NicheSpark.FREQUENCY);
    setDefault(recencyCol, NicheSpark.RECENCY);
    setDefault(ageCol, NicheSpark.AGE);
    setDefault(horizon, (Object) 1.0);
    setDefault(probabilityAliveCol, "probabilityAlive");
    setDefault(expectedPurchasesCol, "expectedPurchases");
  }

  @Override
  public String uid() {
    return uid;
  }

  /**
   * The frequency column parameter (default {@value NicheSpark#FREQUENCY}).
   *
   * @return the parameter
   */
  public Param<String> frequencyCol() {
    return frequencyCol;
  }

  /**
   * The recency column parameter (default {@value NicheSpark#RECENCY}).
   *
   * @return the parameter
   */
  public Param<String> recencyCol() {
    return recencyCol;
  }

  /**
   * The age column parameter (default {@value NicheSpark#AGE}).
   *
   * @return the parameter
   */
  public Param<String> ageCol() {
    return ageCol;
  }

  /**
   * The horizon of expected purchases, in the summaries' unit (default 1).
   *
   * @return the parameter
   */
  public DoubleParam horizon() {
    return horizon;
  }

  /**
   * The output column of the probability alive (default {@code probabilityAlive}).
   *
   * @return the parameter
   */
  public Param<String> probabilityAliveCol() {
    return probabilityAliveCol;
  }

  /**
   * The output column of the expected purchases (default {@code expectedPurchases}).
   *
   * @return the parameter
   */
  public Param<String> expectedPurchasesCol() {
    return expectedPurchasesCol;
  }

  /**
   * Sets the frequency column.
   *
   * @param value the column name
   * @return this estimator
   */
  public BgNbdEstimator setFrequencyCol(String value) {
    set(frequencyCol, value);
    return this;
  }

  /**
   * Sets the recency column.
   *
   * @param value the column name
   * @return this estimator
   */
  public BgNbdEstimator setRecencyCol(String value) {
    set(recencyCol, value);
    return this;
  }

  /**
   * Sets the age column.
   *
   * @param value the column name
   * @return this estimator
   */
  public BgNbdEstimator setAgeCol(String value) {
    set(ageCol, value);
    return this;
  }

  /**
   * Sets the horizon of expected purchases.
   *
   * @param value the horizon, {@code > 0}, in the summaries' unit
   * @return this estimator
   * @throws IllegalArgumentException if {@code value <= 0} or NaN
   */
  public BgNbdEstimator setHorizon(double value) {
    set(horizon, (Object) value);
    return this;
  }

  /**
   * Sets the output column of the probability alive.
   *
   * @param value the column name
   * @return this estimator
   */
  public BgNbdEstimator setProbabilityAliveCol(String value) {
    set(probabilityAliveCol, value);
    return this;
  }

  /**
   * Sets the output column of the expected purchases.
   *
   * @param value the column name
   * @return this estimator
   */
  public BgNbdEstimator setExpectedPurchasesCol(String value) {
    set(expectedPurchasesCol, value);
    return this;
  }

  /**
   * Fits the model: Spark counts the distinct {@code (x, t_x, T)} triples, the driver maximises
   * the weighted likelihood.
   *
   * @param dataset customer summaries
   * @return the fitted model (its parent is this estimator)
   * @throws NullPointerException if {@code dataset} is null
   * @throws IllegalArgumentException if a column is absent or not numeric, the Dataset is empty,
   *     or no customer has a repeat purchase
   */
  @Override
  public BgNbdModel fit(Dataset<?> dataset) {
    Columns.dataset(dataset, "dataset");
    transformSchema(dataset.schema());
    String x = getOrDefault(frequencyCol);
    String tx = getOrDefault(recencyCol);
    String t = getOrDefault(ageCol);
    List<Row> rows = dataset
        .select(Columns.ref(x).cast(DataTypes.DoubleType).as("x"),
            Columns.ref(tx).cast(DataTypes.DoubleType).as("tx"),
            Columns.ref(t).cast(DataTypes.DoubleType).as("T"))
        .groupBy(col("x"), col("tx"), col("T"))
        .agg(count(lit(1)).as("n"))
        .collectAsList();
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("dataset must not be empty");
    }
    int n = rows.size();
    double[] xs = new double[n];
    double[] txs = new double[n];
    double[] ts = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      xs[i] = nonNull(r, 0, x);
      txs[i] = nonNull(r, 1, tx);
      ts[i] = nonNull(r, 2, t);
      w[i] = r.getLong(3);
    }
    BgNbdFit fit = BgNbd.fit(xs, txs, ts, w);
    BgNbdModel model = new BgNbdModel(uid, fit.model(), fit);
    copyValues(model, ParamMap.empty());
    model.setParent(this);
    return model;
  }

  private static double nonNull(Row r, int i, String column) {
    if (r.isNullAt(i)) {
      throw new IllegalArgumentException("column '" + column + "' holds a null value");
    }
    return r.getDouble(i);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return BgNbdModel.outputSchema(schema, getOrDefault(frequencyCol), getOrDefault(recencyCol),
        getOrDefault(ageCol), getOrDefault(probabilityAliveCol),
        getOrDefault(expectedPurchasesCol));
  }

  @Override
  public BgNbdEstimator copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  /**
   * A reader of saved estimators.
   *
   * @return the reader
   */
  public static MLReader<BgNbdEstimator> read() {
    return new DefaultParamsReader<>();
  }

  /**
   * Loads a saved estimator.
   *
   * @param path the path it was saved to
   * @return the estimator
   */
  public static BgNbdEstimator load(String path) {
    return read().load(path);
  }
}
