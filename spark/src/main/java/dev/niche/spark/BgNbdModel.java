package dev.niche.spark;

import static org.apache.spark.sql.functions.udf;

import dev.niche.churn.BgNbd;
import dev.niche.churn.BgNbdFit;
import dev.niche.spark.internal.Columns;
import dev.niche.spark.internal.Scorers;
import java.util.Optional;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted BG/NBD model as a Spark ML transformer: adds to customer summaries the probability
 * that each customer is still alive, {@code P(alive | x, t_x, T)}, and the expected number of
 * purchases over the horizon, {@code E[X(t) | x, t_x, T]} (Fader, Hardie &amp; Lee 2005, eqs. 10
 * and 13), computed row by row with {@link BgNbd}. The parameters r, alpha, a, b are Spark ML
 * params, so the model saves and loads with {@link #write()} / {@link #load(String)}.
 *
 * @serial exclude
 */
public final class BgNbdModel extends Model<BgNbdModel> implements DefaultParamsWritable {

  private static final long serialVersionUID = 1L;

  private final String uid;
  private final Param<String> frequencyCol;
  private final Param<String> recencyCol;
  private final Param<String> ageCol;
  private final DoubleParam horizon;
  private final Param<String> probabilityAliveCol;
  private final Param<String> expectedPurchasesCol;
  private final DoubleParam r;
  private final DoubleParam alpha;
  private final DoubleParam a;
  private final DoubleParam b;
  private final transient BgNbdFit fit;

  /**
   * A model with a given uid and no parameter values yet (used by persistence).
   *
   * @param uid the uid
   */
  public BgNbdModel(String uid) {
    this(uid, null, null);
  }

  BgNbdModel(String uid, BgNbd model, BgNbdFit fit) {
    this.uid = uid;
    this.fit = fit;
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
    r = new DoubleParam(this, "r", "BG/NBD shape r of the purchase rates", ParamValidators.gt(0));
    alpha = new DoubleParam(this, "alpha", "BG/NBD scale alpha of the purchase rates",
        ParamValidators.gt(0));
    a = new DoubleParam(this, "a", "BG/NBD dropout shape a", ParamValidators.gt(0));
    b = new DoubleParam(this, "b", "BG/NBD dropout shape b", ParamValidators.gt(0));
    setDefault(frequencyCol, NicheSpark.FREQUENCY);
    setDefault(recencyCol, NicheSpark.RECENCY);
    setDefault(ageCol, NicheSpark.AGE);
    setDefault(horizon, (Object) 1.0);
    setDefault(probabilityAliveCol, "probabilityAlive");
    setDefault(expectedPurchasesCol, "expectedPurchases");
    if (model != null) {
      set(r, (Object) model.r());
      set(alpha, (Object) model.alpha());
      set(a, (Object) model.a());
      set(b, (Object) model.b());
    }
  }

  @Override
  public String uid() {
    return uid;
  }

  /**
   * The fitted model.
   *
   * @return the BG/NBD model
   * @throws java.util.NoSuchElementException if the parameters are not set
   */
  public BgNbd bgNbd() {
    return BgNbd.of(value(r), value(alpha), value(a), value(b));
  }

  /**
   * The fit (estimates, standard errors, diagnostics), when this model was fitted in this JVM
   * (a loaded model has only its parameters).
   *
   * @return the fit, or empty
   */
  public Optional<BgNbdFit> fit() {
    return Optional.ofNullable(fit);
  }

  private double value(DoubleParam p) {
    return (Double) getOrDefault(p);
  }

  /**
   * The frequency column parameter.
   *
   * @return the parameter
   */
  public Param<String> frequencyCol() {
    return frequencyCol;
  }

  /**
   * The recency column parameter.
   *
   * @return the parameter
   */
  public Param<String> recencyCol() {
    return recencyCol;
  }

  /**
   * The age column parameter.
   *
   * @return the parameter
   */
  public Param<String> ageCol() {
    return ageCol;
  }

  /**
   * The horizon of expected purchases, in the summaries' unit.
   *
   * @return the parameter
   */
  public DoubleParam horizon() {
    return horizon;
  }

  /**
   * The output column of the probability alive.
   *
   * @return the parameter
   */
  public Param<String> probabilityAliveCol() {
    return probabilityAliveCol;
  }

  /**
   * The output column of the expected purchases.
   *
   * @return the parameter
   */
  public Param<String> expectedPurchasesCol() {
    return expectedPurchasesCol;
  }

  /**
   * The parameter r.
   *
   * @return the parameter
   */
  public DoubleParam r() {
    return r;
  }

  /**
   * The parameter alpha.
   *
   * @return the parameter
   */
  public DoubleParam alpha() {
    return alpha;
  }

  /**
   * The parameter a.
   *
   * @return the parameter
   */
  public DoubleParam a() {
    return a;
  }

  /**
   * The parameter b.
   *
   * @return the parameter
   */
  public DoubleParam b() {
    return b;
  }

  /**
   * Sets the horizon of expected purchases.
   *
   * @param value the horizon, {@code > 0}, in the summaries' unit
   * @return this model
   */
  public BgNbdModel setHorizon(double value) {
    set(horizon, (Object) value);
    return this;
  }

  /**
   * Sets the output column of the probability alive.
   *
   * @param value the column name
   * @return this model
   */
  public BgNbdModel setProbabilityAliveCol(String value) {
    set(probabilityAliveCol, value);
    return this;
  }

  /**
   * Sets the output column of the expected purchases.
   *
   * @param value the column name
   * @return this model
   */
  public BgNbdModel setExpectedPurchasesCol(String value) {
    set(expectedPurchasesCol, value);
    return this;
  }

  /**
   * Adds the probability alive and the expected purchases to customer summaries.
   *
   * @param dataset customer summaries
   * @return the summaries with two more double columns
   * @throws NullPointerException if {@code dataset} is null
   * @throws IllegalArgumentException if a column is absent, not numeric or already present
   */
  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    Columns.dataset(dataset, "dataset");
    transformSchema(dataset.schema());
    double[] params = {value(r), value(alpha), value(a), value(b)};
    Column x = Columns.ref(getOrDefault(frequencyCol)).cast(DataTypes.DoubleType);
    Column tx = Columns.ref(getOrDefault(recencyCol)).cast(DataTypes.DoubleType);
    Column t = Columns.ref(getOrDefault(ageCol)).cast(DataTypes.DoubleType);
    Column alive = udf(new Scorers.ProbabilityAlive(params), DataTypes.DoubleType)
        .apply(x, tx, t);
    Column purchases = udf(new Scorers.ExpectedPurchases(params, value(horizon)),
        DataTypes.DoubleType).apply(x, tx, t);
    return dataset.withColumn(getOrDefault(probabilityAliveCol), alive)
        .withColumn(getOrDefault(expectedPurchasesCol), purchases);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return outputSchema(schema, getOrDefault(frequencyCol), getOrDefault(recencyCol),
        getOrDefault(ageCol), getOrDefault(probabilityAliveCol),
        getOrDefault(expectedPurchasesCol));
  }

  static StructType outputSchema(StructType schema, String x, String tx, String t,
      String aliveCol, String purchasesCol) {
    Columns.numeric(schema, x, "frequencyCol");
    Columns.numeric(schema, tx, "recencyCol");
    Columns.numeric(schema, t, "ageCol");
    Columns.absent(schema, aliveCol, "probabilityAliveCol");
    Columns.absent(schema, purchasesCol, "expectedPurchasesCol");
    if (aliveCol.equals(purchasesCol)) {
      throw new IllegalArgumentException("probabilityAliveCol and expectedPurchasesCol are both '"
          + aliveCol + "'");
    }
    return schema.add(aliveCol, DataTypes.DoubleType, true)
        .add(purchasesCol, DataTypes.DoubleType, true);
  }

  @Override
  public BgNbdModel copy(ParamMap extra) {
    BgNbdModel copy = new BgNbdModel(uid, null, fit);
    copyValues(copy, extra);
    return copy.setParent(parent());
  }

  /**
   * A reader of saved models.
   *
   * @return the reader
   */
  public static MLReader<BgNbdModel> read() {
    return new DefaultParamsReader<>();
  }

  /**
   * Loads a saved model.
   *
   * @param path the path it was saved to
   * @return the model
   */
  public static BgNbdModel load(String path) {
    return read().load(path);
  }
}
