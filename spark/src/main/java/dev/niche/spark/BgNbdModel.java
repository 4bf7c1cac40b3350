package dev.niche.spark;

import dev.niche.churn.BgNbd;
import dev.niche.churn.BgNbdFit;
import dev.niche.spark.internal.FittedRepeatPurchaseModel;
import dev.niche.spark.internal.RepeatPurchaseFamily;
import java.util.Optional;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;

/**
 * A fitted BG/NBD model as a Spark ML transformer: adds to customer summaries the probability
 * that each customer is still alive, {@code P(alive | x, t_x, T)}, and the expected number of
 * purchases over the horizon, {@code E[X(t) | x, t_x, T]} (Fader, Hardie &amp; Lee 2005, eqs. 10
 * and 13), computed row by row with {@link BgNbd}. The parameters r, alpha, a, b are Spark ML
 * params, so the model saves and loads with {@link #write()} / {@link #load(String)}. With a
 * {@link GammaGammaModel} it scores customer value
 * ({@link GammaGammaModel#customerValue(org.apache.spark.sql.Dataset, BgNbdModel,
 * dev.niche.core.activity.ActivityUnit, dev.niche.core.activity.ActivityUnit, int, double,
 * String)}).
 *
 * @serial exclude
 */
public final class BgNbdModel extends FittedRepeatPurchaseModel<BgNbdModel> {

  private static final long serialVersionUID = 1L;

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
    super(uid, RepeatPurchaseFamily.BG_NBD,
        model == null ? null : RepeatPurchaseFamily.parameters(model));
    this.fit = fit;
  }

  /**
   * The fitted model.
   *
   * @return the BG/NBD model
   * @throws java.util.NoSuchElementException if the parameters are not set
   */
  public BgNbd bgNbd() {
    return (BgNbd) purchaseModel();
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

  /**
   * The parameter a of the beta distribution of dropout probabilities.
   *
   * @return the parameter
   */
  public DoubleParam a() {
    return parameter(2);
  }

  /**
   * The parameter b of the beta distribution of dropout probabilities.
   *
   * @return the parameter
   */
  public DoubleParam b() {
    return parameter(3);
  }

  @Override
  protected BgNbdModel emptyCopy() {
    return new BgNbdModel(uid(), null, fit);
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
