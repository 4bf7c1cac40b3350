package dev.niche.spark.internal;

import dev.niche.churn.BgNbd;
import dev.niche.churn.CustomerValue;
import dev.niche.churn.GammaGamma;
import dev.niche.core.activity.ActivityUnit;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF4;

/**
 * Serializable per-row scoring functions for Spark UDFs: each carries the fitted parameters and
 * rebuilds Niche's (non-serializable) model once per executor JVM. Not part of the API.
 */
public final class Scorers {

  private Scorers() {}

  /** P(alive | x, t_x, T) of a BG/NBD model. */
  public static final class ProbabilityAlive implements UDF3<Double, Double, Double, Double> {
    private static final long serialVersionUID = 1L;
    private final double[] params;
    private transient BgNbd model;

    /**
     * A scorer.
     *
     * @param params r, alpha, a, b
     */
    public ProbabilityAlive(double[] params) {
      this.params = params.clone();
    }

    @Override
    public Double call(Double x, Double tx, Double age) {
      if (model == null) {
        model = BgNbd.of(params[0], params[1], params[2], params[3]);
      }
      return model.probabilityAlive(x, tx, age);
    }
  }

  /** E[X(t) | x, t_x, T] of a BG/NBD model over a horizon t. */
  public static final class ExpectedPurchases implements UDF3<Double, Double, Double, Double> {
    private static final long serialVersionUID = 1L;
    private final double[] params;
    private final double horizon;
    private transient BgNbd model;

    /**
     * A scorer.
     *
     * @param params r, alpha, a, b
     * @param horizon the horizon t
     */
    public ExpectedPurchases(double[] params, double horizon) {
      this.params = params.clone();
      this.horizon = horizon;
    }

    @Override
    public Double call(Double x, Double tx, Double age) {
      if (model == null) {
        model = BgNbd.of(params[0], params[1], params[2], params[3]);
      }
      return model.expectedPurchases(horizon, x, tx, age);
    }
  }

  /** E[M | x, m] of a Gamma-Gamma model. */
  public static final class ExpectedSpend
      implements org.apache.spark.sql.api.java.UDF2<Double, Double, Double> {
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

  /** Discounted customer value of BG/NBD purchases times Gamma-Gamma spend. */
  public static final class Value implements UDF4<Double, Double, Double, Double, Double> {
    private static final long serialVersionUID = 1L;
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
     * @param purchases r, alpha, a, b
     * @param spend p, q, gamma
     * @param unit the unit of the summaries
     * @param period the discounting period
     * @param periods the number of periods of the horizon
     * @param annualDiscountRate the annual discount rate
     */
    public Value(double[] purchases, double[] spend, ActivityUnit unit, ActivityUnit period,
        int periods, double annualDiscountRate) {
      this.purchases = purchases.clone();
      this.spend = spend.clone();
      this.unit = unit;
      this.period = period;
      this.periods = periods;
      this.annualDiscountRate = annualDiscountRate;
    }

    @Override
    public Double call(Double x, Double tx, Double age, Double meanSpend) {
      if (value == null) {
        value = CustomerValue.builder(
                BgNbd.of(purchases[0], purchases[1], purchases[2], purchases[3]),
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
