package dev.niche.spark;

import dev.niche.churn.BgNbd;
import dev.niche.churn.BgNbdFit;
import dev.niche.spark.internal.RepeatPurchaseEstimator;
import dev.niche.spark.internal.RepeatPurchaseStatistics;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;

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
 * <p>Params (getters and setters): {@code frequencyCol}, {@code recencyCol}, {@code ageCol}
 * (defaults {@value NicheSpark#FREQUENCY}, {@value NicheSpark#RECENCY}, {@value NicheSpark#AGE}),
 * {@code horizon} of the expected purchases (default 1, in the summaries' unit),
 * {@code probabilityAliveCol} and {@code expectedPurchasesCol} (defaults
 * {@code probabilityAlive}, {@code expectedPurchases}). The fitted {@link BgNbdModel} adds the
 * probability that each customer is alive and the expected number of purchases over the horizon.
 * Works in {@link org.apache.spark.ml.Pipeline}s and saves and loads with {@link #write()} /
 * {@link #load(String)}.
 *
 * @serial exclude
 */
public final class BgNbdEstimator extends RepeatPurchaseEstimator<BgNbdEstimator, BgNbdModel> {

  private static final long serialVersionUID = 1L;

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
    super(uid);
  }

  @Override
  protected BgNbdModel fit(RepeatPurchaseStatistics s) {
    BgNbdFit fit = BgNbd.fit(s.frequency(), s.recency(), s.age(), s.customers());
    return new BgNbdModel(uid(), fit.model(), fit);
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
