package dev.niche.spark.internal;

import static org.apache.spark.sql.functions.udf;

import dev.niche.churn.RepeatPurchaseModel;
import java.util.Map;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What fitted BG/NBD and Pareto/NBD models share: the params of their estimator, the four model
 * parameters as Spark ML params (so that the metadata file holds the whole model) and the
 * scoring transform, which adds {@code P(alive | x, t_x, T)} and {@code E[X(t) | x, t_x, T]}
 * row by row with churn's model. Not part of the API (the public subclasses are).
 *
 * @param <M> the model's own type
 * @serial exclude
 */
public abstract class FittedRepeatPurchaseModel<M extends FittedRepeatPurchaseModel<M>>
    extends Model<M> implements DefaultParamsWritable {

  private static final long serialVersionUID = 1L;

  private final String uid;
  private final RepeatPurchaseFamily family;
  private final RepeatPurchaseColumns columns;
  private final DoubleParam[] parameters;

  /**
   * A model; the parameters are set when {@code values} is not null.
   *
   * @param uid the uid
   * @param family the model family (names the parameters)
   * @param values the four parameters, or null (a model being loaded)
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  protected FittedRepeatPurchaseModel(String uid, RepeatPurchaseFamily family, double[] values) {
    this.uid = uid;
    this.family = family;
    this.columns = new RepeatPurchaseColumns(this);
    parameters = new DoubleParam[4];
    for (int i = 0; i < 4; i++) {
      parameters[i] = new DoubleParam(this, family.parameterName(i), family.parameterDoc(i),
          ParamValidators.gt(0));
    }
    // Defaults and values only once all params exist: Spark lists the params on the first one.
    for (Map.Entry<Param<?>, Object> d : columns.defaults().entrySet()) {
      setDefault((Param) d.getKey(), d.getValue());
    }
    for (int i = 0; values != null && i < 4; i++) {
      set(parameters[i], (Object) values[i]);
    }
  }

  @Override
  public String uid() {
    return uid;
  }

  /**
   * Model parameter {@code i} in the order of the literature (r, alpha, then the dropout pair).
   *
   * @param i the index, 0 to 3
   * @return the parameter
   */
  protected final DoubleParam parameter(int i) {
    return parameters[i];
  }

  /**
   * The values of the four model parameters.
   *
   * @return a new array
   * @throws java.util.NoSuchElementException if they are not set
   */
  protected final double[] parameterValues() {
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      v[i] = (Double) getOrDefault(parameters[i]);
    }
    return v;
  }

  /**
   * The model that scores the rows.
   *
   * @return the churn model with this model's parameters
   */
  protected final RepeatPurchaseModel purchaseModel() {
    return family.model(parameterValues());
  }

  /**
   * The parameter r, shape of the gamma distribution of purchase rates.
   *
   * @return the parameter
   */
  public DoubleParam r() {
    return parameters[0];
  }

  /**
   * The parameter alpha, scale of the gamma distribution of purchase rates.
   *
   * @return the parameter
   */
  public DoubleParam alpha() {
    return parameters[1];
  }

  /**
   * The frequency column parameter.
   *
   * @return the parameter
   */
  public Param<String> frequencyCol() {
    return columns.frequencyCol;
  }

  /**
   * The recency column parameter.
   *
   * @return the parameter
   */
  public Param<String> recencyCol() {
    return columns.recencyCol;
  }

  /**
   * The age column parameter.
   *
   * @return the parameter
   */
  public Param<String> ageCol() {
    return columns.ageCol;
  }

  /**
   * The horizon of expected purchases, in the summaries' unit.
   *
   * @return the parameter
   */
  public DoubleParam horizon() {
    return columns.horizon;
  }

  /**
   * The output column of the probability alive.
   *
   * @return the parameter
   */
  public Param<String> probabilityAliveCol() {
    return columns.probabilityAliveCol;
  }

  /**
   * The output column of the expected purchases.
   *
   * @return the parameter
   */
  public Param<String> expectedPurchasesCol() {
    return columns.expectedPurchasesCol;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private M with(Param param, Object value) {
    set(param, value);
    return (M) this;
  }

  /**
   * Sets the horizon of expected purchases.
   *
   * @param value the horizon, {@code > 0}, in the summaries' unit
   * @return this model
   * @throws IllegalArgumentException if {@code value <= 0} or NaN
   */
  public M setHorizon(double value) {
    return with(columns.horizon, value);
  }

  /**
   * Sets the output column of the probability alive.
   *
   * @param value the column name
   * @return this model
   */
  public M setProbabilityAliveCol(String value) {
    return with(columns.probabilityAliveCol, value);
  }

  /**
   * Sets the output column of the expected purchases.
   *
   * @param value the column name
   * @return this model
   */
  public M setExpectedPurchasesCol(String value) {
    return with(columns.expectedPurchasesCol, value);
  }

  /**
   * Adds the probability alive and the expected purchases over the horizon to customer
   * summaries.
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
    RepeatPurchaseModel model = purchaseModel();
    Column[] in = columns.inputs(this);
    Column alive = udf(Scorers.probabilityAlive(model), DataTypes.DoubleType).apply(in);
    Column purchases = udf(Scorers.expectedPurchases(model,
        (Double) getOrDefault(columns.horizon)), DataTypes.DoubleType).apply(in);
    return dataset.withColumn(getOrDefault(columns.probabilityAliveCol), alive)
        .withColumn(getOrDefault(columns.expectedPurchasesCol), purchases);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return columns.outputSchema(this, schema);
  }

  /**
   * A copy of this model with the same fit and no param values yet.
   *
   * @return the copy
   */
  protected abstract M emptyCopy();

  @Override
  public M copy(ParamMap extra) {
    M copy = emptyCopy();
    copyValues(copy, extra);
    return copy.setParent(parent());
  }
}
