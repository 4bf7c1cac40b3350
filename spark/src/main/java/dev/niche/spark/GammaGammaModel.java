package dev.niche.spark;

import static org.apache.spark.sql.functions.udf;

import dev.niche.churn.CustomerValue;
import dev.niche.churn.GammaGamma;
import dev.niche.churn.GammaGammaFit;
import dev.niche.churn.RepeatPurchaseModel;
import dev.niche.core.activity.ActivityUnit;
import dev.niche.spark.internal.Columns;
import dev.niche.spark.internal.Scorers;
import java.util.Objects;
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
 * A fitted Gamma-Gamma spend model as a Spark ML transformer: adds the expected spend per
 * transaction {@code E[M | x, m] = p(γ + x m)/(px + q - 1)} ({@link GammaGamma#expectedSpend}).
 * {@code customerValue} combines it with a {@link BgNbdModel} or a {@link ParetoNbdModel} into
 * the discounted customer value of churn's {@link CustomerValue}. Saves and loads with {@link #write()} / {@link #load(String)}.
 *
 * @serial exclude
 */
public final class GammaGammaModel extends Model<GammaGammaModel>
    implements DefaultParamsWritable {

  private static final long serialVersionUID = 1L;

  private final String uid;
  private final Param<String> frequencyCol;
  private final Param<String> meanSpendCol;
  private final Param<String> expectedSpendCol;
  private final DoubleParam p;
  private final DoubleParam q;
  private final DoubleParam gamma;
  private final transient GammaGammaFit fit;

  /**
   * A model with a given uid and no parameter values yet (used by persistence).
   *
   * @param uid the uid
   */
  public GammaGammaModel(String uid) {
    this(uid, null, null);
  }

  GammaGammaModel(String uid, GammaGamma model, GammaGammaFit fit) {
    this.uid = uid;
    this.fit = fit;
    frequencyCol = new Param<>(this, "frequencyCol", "column of frequency x");
    meanSpendCol = new Param<>(this, "meanSpendCol", "column of mean repeat spend");
    expectedSpendCol = new Param<>(this, "expectedSpendCol",
        "output column of E[M | x, mean spend]");
    p = new DoubleParam(this, "p", "Gamma-Gamma shape p", ParamValidators.gt(0));
    q = new DoubleParam(this, "q", "Gamma-Gamma shape q", ParamValidators.gt(0));
    gamma = new DoubleParam(this, "gamma", "Gamma-Gamma scale gamma", ParamValidators.gt(0));
    setDefault(frequencyCol, NicheSpark.FREQUENCY);
    setDefault(meanSpendCol, NicheSpark.MEAN_REPEAT_SPEND);
    setDefault(expectedSpendCol, "expectedSpend");
    if (model != null) {
      set(p, (Object) model.p());
      set(q, (Object) model.q());
      set(gamma, (Object) model.gamma());
    }
  }

  @Override
  public String uid() {
    return uid;
  }

  /**
   * The fitted model.
   *
   * @return the Gamma-Gamma model
   * @throws java.util.NoSuchElementException if the parameters are not set
   */
  public GammaGamma gammaGamma() {
    return GammaGamma.of(value(p), value(q), value(gamma));
  }

  /**
   * The fit (estimates, standard errors, diagnostics), when fitted in this JVM.
   *
   * @return the fit, or empty for a loaded model
   */
  public Optional<GammaGammaFit> fit() {
    return Optional.ofNullable(fit);
  }

  private double value(DoubleParam param) {
    return (Double) getOrDefault(param);
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
   * The mean spend column parameter.
   *
   * @return the parameter
   */
  public Param<String> meanSpendCol() {
    return meanSpendCol;
  }

  /**
   * The output column of the expected spend.
   *
   * @return the parameter
   */
  public Param<String> expectedSpendCol() {
    return expectedSpendCol;
  }

  /**
   * The parameter p.
   *
   * @return the parameter
   */
  public DoubleParam p() {
    return p;
  }

  /**
   * The parameter q.
   *
   * @return the parameter
   */
  public DoubleParam q() {
    return q;
  }

  /**
   * The parameter gamma.
   *
   * @return the parameter
   */
  public DoubleParam gamma() {
    return gamma;
  }

  /**
   * Sets the output column of the expected spend.
   *
   * @param value the column name
   * @return this model
   */
  public GammaGammaModel setExpectedSpendCol(String value) {
    set(expectedSpendCol, value);
    return this;
  }

  /**
   * Adds the expected spend per transaction.
   *
   * @param dataset customer summaries
   * @return the summaries with one more double column
   * @throws NullPointerException if {@code dataset} is null
   * @throws IllegalArgumentException if a column is absent, not numeric or already present
   */
  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    Columns.dataset(dataset, "dataset");
    transformSchema(dataset.schema());
    Column spend = udf(new Scorers.ExpectedSpend(new double[] {value(p), value(q), value(gamma)}),
        DataTypes.DoubleType).apply(
            Columns.ref(getOrDefault(frequencyCol)).cast(DataTypes.DoubleType),
            Columns.ref(getOrDefault(meanSpendCol)).cast(DataTypes.DoubleType));
    return dataset.withColumn(getOrDefault(expectedSpendCol), spend);
  }

  /**
   * Adds the discounted expected customer value over a horizon (churn's {@link CustomerValue}:
   * BG/NBD expected purchases per period times Gamma-Gamma expected spend, discounted per
   * period).
   *
   * @param summaries customer summaries with the columns both models read
   * @param purchases the fitted BG/NBD model (its recency and age columns are used)
   * @param modelUnit the unit of the summaries' recency and age
   * @param period the discounting period
   * @param periods the number of periods of the horizon, {@code >= 1}
   * @param annualDiscountRate the annual discount rate, {@code > -1}
   * @param valueCol the output column
   * @return the summaries with one more double column
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a column is absent or the output column exists, or an
   *     argument is out of range
   */
  public Dataset<Row> customerValue(Dataset<?> summaries, BgNbdModel purchases,
      ActivityUnit modelUnit, ActivityUnit period, int periods, double annualDiscountRate,
      String valueCol) {
    Objects.requireNonNull(purchases, "purchases must not be null");
    return customerValue(summaries, purchases.bgNbd(), purchases.getOrDefault(
        purchases.recencyCol()), purchases.getOrDefault(purchases.ageCol()), modelUnit, period,
        periods, annualDiscountRate, valueCol);
  }

  /**
   * Adds the discounted expected customer value over a horizon with Pareto/NBD expected
   * purchases, as {@link #customerValue(Dataset, BgNbdModel, ActivityUnit, ActivityUnit, int,
   * double, String)}.
   *
   * @param summaries customer summaries with the columns both models read
   * @param purchases the fitted Pareto/NBD model (its recency and age columns are used)
   * @param modelUnit the unit of the summaries' recency and age
   * @param period the discounting period
   * @param periods the number of periods of the horizon, {@code >= 1}
   * @param annualDiscountRate the annual discount rate, {@code > -1}
   * @param valueCol the output column
   * @return the summaries with one more double column
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a column is absent or the output column exists, or an
   *     argument is out of range
   */
  public Dataset<Row> customerValue(Dataset<?> summaries, ParetoNbdModel purchases,
      ActivityUnit modelUnit, ActivityUnit period, int periods, double annualDiscountRate,
      String valueCol) {
    Objects.requireNonNull(purchases, "purchases must not be null");
    return customerValue(summaries, purchases.paretoNbd(), purchases.getOrDefault(
        purchases.recencyCol()), purchases.getOrDefault(purchases.ageCol()), modelUnit, period,
        periods, annualDiscountRate, valueCol);
  }

  private Dataset<Row> customerValue(Dataset<?> summaries, RepeatPurchaseModel purchases,
      String tx, String t, ActivityUnit modelUnit, ActivityUnit period, int periods,
      double annualDiscountRate, String valueCol) {
    Columns.dataset(summaries, "summaries");
    Objects.requireNonNull(modelUnit, "modelUnit must not be null");
    Objects.requireNonNull(period, "period must not be null");
    StructType schema = summaries.schema();
    String x = getOrDefault(frequencyCol);
    String m = getOrDefault(meanSpendCol);
    Columns.numeric(schema, x, "frequencyCol");
    Columns.numeric(schema, tx, "recencyCol");
    Columns.numeric(schema, t, "ageCol");
    Columns.numeric(schema, m, "meanSpendCol");
    Columns.absent(schema, valueCol, "valueCol");
    // Validates the horizon and rate before any job starts.
    CustomerValue.builder(purchases, gammaGamma()).modelUnit(modelUnit).horizon(period, periods)
        .annualDiscountRate(annualDiscountRate).build();
    Scorers.Value value = new Scorers.Value(purchases,
        new double[] {value(p), value(q), value(gamma)}, modelUnit, period, periods,
        annualDiscountRate);
    Column v = udf(value, DataTypes.DoubleType).apply(
        Columns.ref(x).cast(DataTypes.DoubleType), Columns.ref(tx).cast(DataTypes.DoubleType),
        Columns.ref(t).cast(DataTypes.DoubleType), Columns.ref(m).cast(DataTypes.DoubleType));
    return summaries.withColumn(valueCol, v);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return outputSchema(schema, getOrDefault(frequencyCol), getOrDefault(meanSpendCol),
        getOrDefault(expectedSpendCol));
  }

  static StructType outputSchema(StructType schema, String x, String m, String out) {
    Columns.numeric(schema, x, "frequencyCol");
    Columns.numeric(schema, m, "meanSpendCol");
    Columns.absent(schema, out, "expectedSpendCol");
    return schema.add(out, DataTypes.DoubleType, true);
  }

  @Override
  public GammaGammaModel copy(ParamMap extra) {
    GammaGammaModel copy = new GammaGammaModel(uid, null, fit);
    copyValues(copy, extra);
    return copy.setParent(parent());
  }

  /**
   * A reader of saved models.
   *
   * @return the reader
   */
  public static MLReader<GammaGammaModel> read() {
    return new DefaultParamsReader<>();
  }

  /**
   * Loads a saved model.
   *
   * @param path the path it was saved to
   * @return the model
   */
  public static GammaGammaModel load(String path) {
    return read().load(path);
  }
}
