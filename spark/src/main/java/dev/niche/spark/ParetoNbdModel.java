package dev.niche.spark;

import dev.niche.churn.ParetoNbd;
import dev.niche.churn.ParetoNbdFit;
import dev.niche.spark.internal.FittedRepeatPurchaseModel;
import dev.niche.spark.internal.RepeatPurchaseFamily;
import java.util.Optional;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;

/**
 * A fitted Pareto/NBD model as a Spark ML transformer: adds to customer summaries
 * {@code P(alive | x, t_x, T)} and {@code E[Y(t) | x, t_x, T]} (Schmittlein, Morrison &amp;
 * Colombo 1987, eq. 22; see {@link ParetoNbd} for the formulas), computed row by row with
 * {@link ParetoNbd}. The parameters r, alpha (gamma-distributed purchase rates) and s, beta
 * (gamma-distributed dropout rates) are Spark ML params, so the model saves and loads with
 * {@link #write()} / {@link #load(String)}. With a {@link GammaGammaModel} it scores customer
 * value ({@link GammaGammaModel#customerValue(org.apache.spark.sql.Dataset, ParetoNbdModel,
 * dev.niche.core.activity.ActivityUnit, dev.niche.core.activity.ActivityUnit, int, double,
 * String)}).
 *
 * @serial exclude
 */
public final class ParetoNbdModel extends FittedRepeatPurchaseModel<ParetoNbdModel> {

  private static final long serialVersionUID = 1L;

  private final transient ParetoNbdFit fit;

  /**
   * A model with a given uid and no parameter values yet (used by persistence).
   *
   * @param uid the uid
   */
  public ParetoNbdModel(String uid) {
    this(uid, null, null);
  }

  ParetoNbdModel(String uid, ParetoNbd model, ParetoNbdFit fit) {
    super(uid, RepeatPurchaseFamily.PARETO_NBD,
        model == null ? null : RepeatPurchaseFamily.parameters(model));
    this.fit = fit;
  }

  /**
   * The fitted model.
   *
   * @return the Pareto/NBD model
   * @throws java.util.NoSuchElementException if the parameters are not set
   */
  public ParetoNbd paretoNbd() {
    return (ParetoNbd) purchaseModel();
  }

  /**
   * The fit (estimates, standard errors, diagnostics), when fitted in this JVM.
   *
   * @return the fit, or empty for a loaded model
   */
  public Optional<ParetoNbdFit> fit() {
    return Optional.ofNullable(fit);
  }

  /**
   * The parameter s, shape of the gamma distribution of dropout rates.
   *
   * @return the parameter
   */
  public DoubleParam s() {
    return parameter(2);
  }

  /**
   * The parameter beta, scale of the gamma distribution of dropout rates.
   *
   * @return the parameter
   */
  public DoubleParam beta() {
    return parameter(3);
  }

  @Override
  protected ParetoNbdModel emptyCopy() {
    return new ParetoNbdModel(uid(), null, fit);
  }

  /**
   * A reader of saved models.
   *
   * @return the reader
   */
  public static MLReader<ParetoNbdModel> read() {
    return new DefaultParamsReader<>();
  }

  /**
   * Loads a saved model.
   *
   * @param path the path it was saved to
   * @return the model
   */
  public static ParetoNbdModel load(String path) {
    return read().load(path);
  }
}
