package dev.niche.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import dev.niche.churn.GammaGamma;
import dev.niche.churn.GammaGammaFit;
import dev.niche.spark.internal.Columns;
import java.util.List;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A Spark ML estimator of the Gamma-Gamma spend model (Fader, Hardie &amp; Lee 2005, "RFM and
 * CLV: using iso-value curves for customer base analysis") on customer summaries. Spark keeps the
 * customers with repeat purchases ({@code x > 0}) and compresses them to distinct
 * {@code (x, mean spend)} pairs with counts; the driver fits {@link GammaGamma#fit} on them.
 * Mean spends are rarely shared, so the driver holds about 16 bytes per repeat customer: fine
 * for tens of millions of customers, and the limit of this estimator beyond that.
 *
 * <p>The fitted {@link GammaGammaModel} adds the expected spend per transaction
 * {@code E[M | x, m]}; with a {@link BgNbdModel} it scores customer value
 * ({@code GammaGammaModel.customerValue}).
 *
 * @serial exclude
 */
public final class GammaGammaEstimator extends Estimator<GammaGammaModel>
    implements DefaultParamsWritable {

  private static final long serialVersionUID = 1L;

  private final String uid;
  private final Param<String> frequencyCol;
  private final Param<String> meanSpendCol;
  private final Param<String> expectedSpendCol;

  /** An estimator with a random uid and default columns. */
  public GammaGammaEstimator() {
    this(Identifiable.randomUID("nicheGammaGamma"));
  }

  /**
   * An estimator with a given uid (used by persistence).
   *
   * @param uid the uid
   */
  public GammaGammaEstimator(String uid) {
    this.uid = uid;
    frequencyCol = new Param<>(this, "frequencyCol", "column of frequency x");
    meanSpendCol = new Param<>(this, "meanSpendCol", "column of mean repeat spend");
    expectedSpendCol = new Param<>(this, "expectedSpendCol",
        "output column of E[M | x, mean spend]");
    setDefault(frequencyCol, NicheSpark.FREQUENCY);
    setDefault(meanSpendCol, NicheSpark.MEAN_REPEAT_SPEND);
    setDefault(expectedSpendCol, "expectedSpend");
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
   * The mean spend column parameter (default {@value NicheSpark#MEAN_REPEAT_SPEND}).
   *
   * @return the parameter
   */
  public Param<String> meanSpendCol() {
    return meanSpendCol;
  }

  /**
   * The output column of the expected spend (default {@code expectedSpend}).
   *
   * @return the parameter
   */
  public Param<String> expectedSpendCol() {
    return expectedSpendCol;
  }

  /**
   * Sets the frequency column.
   *
   * @param value the column name
   * @return this estimator
   */
  public GammaGammaEstimator setFrequencyCol(String value) {
    set(frequencyCol, value);
    return this;
  }

  /**
   * Sets the mean spend column.
   *
   * @param value the column name
   * @return this estimator
   */
  public GammaGammaEstimator setMeanSpendCol(String value) {
    set(meanSpendCol, value);
    return this;
  }

  /**
   * Sets the output column of the expected spend.
   *
   * @param value the column name
   * @return this estimator
   */
  public GammaGammaEstimator setExpectedSpendCol(String value) {
    set(expectedSpendCol, value);
    return this;
  }

  /**
   * Fits the model to the customers with repeat purchases.
   *
   * @param dataset customer summaries
   * @return the fitted model
   * @throws NullPointerException if {@code dataset} is null
   * @throws IllegalArgumentException if a column is absent or not numeric, or fewer than 2
   *     customers have {@code x > 0}
   */
  @Override
  public GammaGammaModel fit(Dataset<?> dataset) {
    Columns.dataset(dataset, "dataset");
    transformSchema(dataset.schema());
    String x = getOrDefault(frequencyCol);
    String m = getOrDefault(meanSpendCol);
    List<Row> rows = dataset
        .select(Columns.ref(x).cast(DataTypes.DoubleType).as("x"),
            Columns.ref(m).cast(DataTypes.DoubleType).as("m"))
        .where(col("x").gt(0))
        .groupBy(col("x"), col("m"))
        .agg(count(lit(1)).as("n"))
        .orderBy(col("x"), col("m"))
        .collectAsList();
    long total = 0;
    for (Row r : rows) {
      total += r.getLong(2);
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(total + " customers with repeat purchases are more "
          + "than the driver-side fit holds; fit on a sample");
    }
    double[] xs = new double[(int) total];
    double[] ms = new double[(int) total];
    int i = 0;
    for (Row r : rows) {
      if (r.isNullAt(0) || r.isNullAt(1)) {
        throw new IllegalArgumentException("frequencyCol or meanSpendCol holds a null value");
      }
      for (long c = r.getLong(2); c > 0; c--) {
        xs[i] = r.getDouble(0);
        ms[i++] = r.getDouble(1);
      }
    }
    if (total == 0) {
      throw new IllegalArgumentException("no customer in dataset has x > 0");
    }
    GammaGammaFit fit = GammaGamma.fit(xs, ms);
    GammaGammaModel model = new GammaGammaModel(uid, fit.model(), fit);
    copyValues(model, ParamMap.empty());
    model.setParent(this);
    return model;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return GammaGammaModel.outputSchema(schema, getOrDefault(frequencyCol),
        getOrDefault(meanSpendCol), getOrDefault(expectedSpendCol));
  }

  @Override
  public GammaGammaEstimator copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  /**
   * A reader of saved estimators.
   *
   * @return the reader
   */
  public static MLReader<GammaGammaEstimator> read() {
    return new DefaultParamsReader<>();
  }

  /**
   * Loads a saved estimator.
   *
   * @param path the path it was saved to
   * @return the estimator
   */
  public static GammaGammaEstimator load(String path) {
    return read().load(path);
  }
}
