package dev.niche.spark.internal;

import dev.niche.churn.CustomerValue;
import dev.niche.churn.GammaGamma;
import dev.niche.churn.RepeatPurchaseModel;
import dev.niche.core.activity.ActivityUnit;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF4;

/**
 * Serializable per-row scoring functions for Spark UDFs: each carries the fitted parameters and
 * rebuilds Niche's (non-serializable) model once per deserialised copy. Not part of the API.
 */
public final class Scorers {

  private Scorers() {}

  /**
   * P(alive | x, t_x, T) of a repeat-purchase model.
   *
   * @param model the model (BG/NBD or Pareto/NBD)
   * @return the scorer
   */
  public static UDF3<Double, Double, Double, Double> probabilityAlive(RepeatPurchaseModel model) {
    return new RepeatPurchaseScore(model, Double.NaN);
  }

  /**
   * E[X(t) | x, t_x, T] of a repeat-purchase model over a horizon t.
   *
   * @param model the model (BG/NBD or Pareto/NBD)
   * @param horizon the horizon t
   * @return the scorer
   */
  public static UDF3<Double, Double, Double, Double> expectedPurchases(RepeatPurchaseModel model,
      double horizon) {
    return new RepeatPurchaseScore(model, horizon);
  }

  /** P(alive) (horizon NaN) or E[X(horizon)] of a repeat-purchase model. */
  private static final class RepeatPurchaseScore
      implements UDF3<Double, Double, Double, Double> {
    private static final long serialVersionUID = 1L;
    private final RepeatPurchaseFamily family;
    private final double[] params;
    private final double horizon;
    private transient RepeatPurchaseModel model;

    RepeatPurchaseScore(RepeatPurchaseModel model, double horizon) {
      this.family = RepeatPurchaseFamily.of(model);
      this.params = RepeatPurchaseFamily.parameters(model);
      this.horizon = horizon;
    }

    @Override
    public Double call(Double x, Double tx, Double age) {
      if (model == null) {
        model = family.model(params);
      }
      return Double.isNaN(horizon) ? model.probabilityAlive(x, tx, age)
          : model.expectedPurchases(horizon, x, tx, age);
    }
  }

  /** E[M | x, m] of a Gamma-Gamma model. */
  public static final class ExpectedSpend implements UDF2<Double, Double, Double> {
    private static final long serialVersionUID = 1L;
    private final double[] params;
    private transient GammaGamma model;

    /**
     * A scorer.
     *
     * @param params p, q, gamma
     */
    public ExpectedSpend(double[] params) {
      this.params = params.clone();
    }

    @Override
    public Double call(Double x, Double meanSpend) {
      if (model == null) {
        model = GammaGamma.of(params[0], params[1], params[2]);
      }
      return model.expectedSpend(x, meanSpend);
    }
  }

  /** Discounted customer value of expected purchases times Gamma-Gamma spend. */
  public static final class Value implements UDF4<Double, Double, Double, Double, Double> {
    private static final long serialVersionUID = 1L;
    private final RepeatPurchaseFamily family;
    private final double[] purchases;
    private final double[] spend;
    private final ActivityUnit unit;
    private final ActivityUnit period;
    private final int periods;
    private final double annualDiscountRate;
    private transient CustomerValue value;

    /**
     * A scorer.
     *
     * @param purchases the repeat-purchase model (BG/NBD or Pareto/NBD)
     * @param spend p, q, gamma
     * @param unit the unit of the summaries
     * @param period the discounting period
     * @param periods the number of periods of the horizon
     * @param annualDiscountRate the annual discount rate
     */
    public Value(RepeatPurchaseModel purchases, double[] spend, ActivityUnit unit,
        ActivityUnit period, int periods, double annualDiscountRate) {
      this.family = RepeatPurchaseFamily.of(purchases);
      this.purchases = RepeatPurchaseFamily.parameters(purchases);
      this.spend = spend.clone();
      this.unit = unit;
      this.period = period;
      this.periods = periods;
      this.annualDiscountRate = annualDiscountRate;
    }

    @Override
    public Double call(Double x, Double tx, Double age, Double meanSpend) {
      if (value == null) {
        value = CustomerValue.builder(family.model(purchases),
                GammaGamma.of(spend[0], spend[1], spend[2]))
            .modelUnit(unit)
            .horizon(period, periods)
            .annualDiscountRate(annualDiscountRate)
            .build();
      }
      return value.value(x, tx, age, meanSpend);
    }
  }
}
