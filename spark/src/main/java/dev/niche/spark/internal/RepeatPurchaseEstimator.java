package dev.niche.spark.internal;

import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * What the BG/NBD and Pareto/NBD estimators share: their params, the compressed statistics
 * Spark aggregates ({@link RepeatPurchaseStatistics}) and persistence. A subclass fits its model
 * on the driver from the statistics. Not part of the API (the public subclasses are).
 *
 * @param <E> the estimator's own type
 * @param <M> the model type
 * @serial exclude
 */
public abstract class RepeatPurchaseEstimator<E extends RepeatPurchaseEstimator<E, M>,
    M extends FittedRepeatPurchaseModel<M>> extends Estimator<M>
    implements DefaultParamsWritable {

  private static final long serialVersionUID = 1L;

  private final String uid;
  private final RepeatPurchaseColumns columns;

  /**
   * An estimator with default parameters.
   *
   * @param uid the uid
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  protected RepeatPurchaseEstimator(String uid) {
    this.uid = uid;
    this.columns = new RepeatPurchaseColumns(this);
    for (Map.Entry<Param<?>, Object> d : columns.defaults().entrySet()) {
      setDefault((Param) d.getKey(), d.getValue());
    }
  }

  @Override
  public String uid() {
    return uid;
  }

  /**
   * The frequency column parameter (default {@code frequency}).
   *
   * @return the parameter
   */
  public Param<String> frequencyCol() {
    return columns.frequencyCol;
  }

  /**
   * The recency column parameter (default {@code recency}).
   *
   * @return the parameter
   */
  public Param<String> recencyCol() {
    return columns.recencyCol;
  }

  /**
   * The age column parameter (default {@code age}).
   *
   * @return the parameter
   */
  public Param<String> ageCol() {
    return columns.ageCol;
  }

  /**
   * The horizon of expected purchases, in the summaries' unit (default 1).
   *
   * @return the parameter
   */
  public DoubleParam horizon() {
    return columns.horizon;
  }

  /**
   * The output column of the probability alive (default {@code probabilityAlive}).
   *
   * @return the parameter
   */
  public Param<String> probabilityAliveCol() {
    return columns.probabilityAliveCol;
  }

  /**
   * The output column of the expected purchases (default {@code expectedPurchases}).
   *
   * @return the parameter
   */
  public Param<String> expectedPurchasesCol() {
    return columns.expectedPurchasesCol;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private E with(Param param, Object value) {
    set(param, value);
    return (E) this;
  }

  /**
   * Sets the frequency column.
   *
   * @param value the column name
   * @return this estimator
   */
  public E setFrequencyCol(String value) {
    return with(columns.frequencyCol, value);
  }

  /**
   * Sets the recency column.
   *
   * @param value the column name
   * @return this estimator
   */
  public E setRecencyCol(String value) {
    return with(columns.recencyCol, value);
  }

  /**
   * Sets the age column.
   *
   * @param value the column name
   * @return this estimator
   */
  public E setAgeCol(String value) {
    return with(columns.ageCol, value);
  }

  /**
   * Sets the horizon of expected purchases.
   *
   * @param value the horizon, {@code > 0}, in the summaries' unit
   * @return this estimator
   * @throws IllegalArgumentException if {@code value <= 0} or NaN
   */
  public E setHorizon(double value) {
    return with(columns.horizon, value);
  }

  /**
   * Sets the output column of the probability alive.
   *
   * @param value the column name
   * @return this estimator
   */
  public E setProbabilityAliveCol(String value) {
    return with(columns.probabilityAliveCol, value);
  }

  /**
   * Sets the output column of the expected purchases.
   *
   * @param value the column name
   * @return this estimator
   */
  public E setExpectedPurchasesCol(String value) {
    return with(columns.expectedPurchasesCol, value);
  }

  /**
   * Fits the model: Spark counts the customers per distinct {@code (x, t_x, T)}, the driver
   * maximises the weighted likelihood.
   *
   * @param dataset customer summaries
   * @return the fitted model (its parent is this estimator)
   * @throws NullPointerException if {@code dataset} is null
   * @throws IllegalArgumentException if a column is absent or not numeric, the Dataset is empty,
   *     a value is null or invalid, or no customer has a repeat purchase
   */
  @Override
  public M fit(Dataset<?> dataset) {
    Columns.dataset(dataset, "dataset");
    transformSchema(dataset.schema());
    M model = fit(RepeatPurchaseStatistics.collect(dataset, getOrDefault(columns.frequencyCol),
        getOrDefault(columns.recencyCol), getOrDefault(columns.ageCol)));
    copyValues(model, ParamMap.empty());
    model.setParent(this);
    return model;
  }

  /**
   * Fits the model on the driver.
   *
   * @param statistics the compressed summaries
   * @return the model, with this estimator's uid
   */
  protected abstract M fit(RepeatPurchaseStatistics statistics);

  @Override
  public StructType transformSchema(StructType schema) {
    return columns.outputSchema(this, schema);
  }

  @Override
  public E copy(ParamMap extra) {
    return defaultCopy(extra);
  }
}
