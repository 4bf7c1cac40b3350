package dev.niche.spark;

import dev.niche.churn.ParetoNbd;
import dev.niche.churn.ParetoNbdFit;
import dev.niche.spark.internal.RepeatPurchaseEstimator;
import dev.niche.spark.internal.RepeatPurchaseStatistics;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;

/**
 * A Spark ML estimator of the Pareto/NBD model (Schmittlein, Morrison &amp; Colombo 1987,
 * "Counting your customers: who are they and what will they do next?"; likelihood of Fader,
 * Hardie &amp; Lee 2005, "A note on implementing the Pareto/NBD model in MATLAB") on a Dataset of
 * customer summaries, such as {@link NicheSpark#customerSummaries}. As {@link BgNbdEstimator}:
 * Spark counts the customers per distinct {@code (x, t_x, T)}, and the driver maximises the
 * weighted likelihood ({@link ParetoNbd#fit(double[], double[], double[], double[])}), equal to
 * the fit to every customer.
 *
 * <p>Params (getters and setters), as {@link BgNbdEstimator}'s: {@code frequencyCol},
 * {@code recencyCol}, {@code ageCol}, {@code horizon}, {@code probabilityAliveCol},
 * {@code expectedPurchasesCol}. The fitted {@link ParetoNbdModel} adds the probability that each
 * customer is alive and the expected number of purchases over the horizon; with a
 * {@link GammaGammaModel} it scores customer value. Works in
 * {@link org.apache.spark.ml.Pipeline}s and saves and loads with {@link #write()} /
 * {@link #load(String)}.
 *
 * @serial exclude
 */
public final class ParetoNbdEstimator extends RepeatPurchaseEstimator<ParetoNbdEstimator, ParetoNbdModel> {

  private static final long serialVersionUID = 1L;

  /** An estimator with a random uid and default parameters. */
  public ParetoNbdEstimator() {
    this(Identifiable.randomUID("nicheParetoNbd"));
  }

  /**
   * An estimator with a given uid (used by persistence).
   *
   * @param uid the uid
   */
  public ParetoNbdEstimator(String uid) {
    super(uid);
  }

  @Override
  protected ParetoNbdModel fit(RepeatPurchaseStatistics s) {
    ParetoNbdFit fit = ParetoNbd.fit(s.frequency(), s.recency(), s.age(), s.customers());
    return new ParetoNbdModel(uid(), fit.model(), fit);
  }

  /**
   * A reader of saved estimators.
   *
   * @return the reader
   */
  public static MLReader<ParetoNbdEstimator> read() {
    return new DefaultParamsReader<>();
  }

  /**
   * Loads a saved estimator.
   *
   * @param path the path it was saved to
   * @return the estimator
   */
  public static ParetoNbdEstimator load(String path) {
    return read().load(path);
  }
}
