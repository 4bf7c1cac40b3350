package dev.niche.spark.internal;

import dev.niche.spark.NicheSpark;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark ML params that BG/NBD and Pareto/NBD estimators and models share: the input columns
 * of the summaries ({@code x}, {@code t_x}, {@code T}), the horizon of the expected purchases and
 * the two output columns, made for one owner, with their defaults and the schema check. Not part
 * of the API.
 */
public final class RepeatPurchaseColumns implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Column of frequency x. */
  public final Param<String> frequencyCol;
  /** Column of recency t_x. */
  public final Param<String> recencyCol;
  /** Column of age T. */
  public final Param<String> ageCol;
  /** Horizon of the expected purchases. */
  public final DoubleParam horizon;
  /** Output column of P(alive). */
  public final Param<String> probabilityAliveCol;
  /** Output column of E[X(horizon)]. */
  public final Param<String> expectedPurchasesCol;

  /**
   * The params of an owner.
   *
   * @param owner the estimator or model
   */
  public RepeatPurchaseColumns(Params owner) {
    frequencyCol = new Param<>(owner, "frequencyCol", "column of frequency x");
    recencyCol = new Param<>(owner, "recencyCol", "column of recency t_x");
    ageCol = new Param<>(owner, "ageCol", "column of age T");
    horizon = new DoubleParam(owner, "horizon",
        "horizon of expected purchases, in the unit of the summaries (> 0)",
        ParamValidators.gt(0));
    probabilityAliveCol = new Param<>(owner, "probabilityAliveCol",
        "output column of P(alive | x, t_x, T)");
    expectedPurchasesCol = new Param<>(owner, "expectedPurchasesCol",
        "output column of E[X(horizon) | x, t_x, T]");
  }

  /**
   * The default values, for the owner's {@code setDefault}.
   *
   * @return param to default value, in declaration order
   */
  public Map<Param<?>, Object> defaults() {
    Map<Param<?>, Object> d = new LinkedHashMap<>();
    d.put(frequencyCol, NicheSpark.FREQUENCY);
    d.put(recencyCol, NicheSpark.RECENCY);
    d.put(ageCol, NicheSpark.AGE);
    d.put(horizon, 1.0);
    d.put(probabilityAliveCol, "probabilityAlive");
    d.put(expectedPurchasesCol, "expectedPurchases");
    return d;
  }

  /**
   * The input columns x, t_x, T as doubles.
   *
   * @param owner the owner whose values to read
   * @return the three columns
   */
  public Column[] inputs(Params owner) {
    return new Column[] {
        Columns.ref(owner.getOrDefault(frequencyCol)).cast(DataTypes.DoubleType),
        Columns.ref(owner.getOrDefault(recencyCol)).cast(DataTypes.DoubleType),
        Columns.ref(owner.getOrDefault(ageCol)).cast(DataTypes.DoubleType)};
  }

  /**
   * Checks the input columns and adds the two output columns.
   *
   * @param owner the owner whose values to read
   * @param schema the input schema
   * @return the output schema
   * @throws IllegalArgumentException if an input column is absent or not numeric, or an output
   *     column exists already or both output columns have one name
   */
  public StructType outputSchema(Params owner, StructType schema) {
    Columns.numeric(schema, owner.getOrDefault(frequencyCol), "frequencyCol");
    Columns.numeric(schema, owner.getOrDefault(recencyCol), "recencyCol");
    Columns.numeric(schema, owner.getOrDefault(ageCol), "ageCol");
    String alive = owner.getOrDefault(probabilityAliveCol);
    String purchases = owner.getOrDefault(expectedPurchasesCol);
    Columns.absent(schema, alive, "probabilityAliveCol");
    Columns.absent(schema, purchases, "expectedPurchasesCol");
    if (alive.equals(purchases)) {
      throw new IllegalArgumentException("probabilityAliveCol and expectedPurchasesCol are both '"
          + alive + "'");
    }
    return schema.add(alive, DataTypes.DoubleType, true)
        .add(purchases, DataTypes.DoubleType, true);
  }
}
