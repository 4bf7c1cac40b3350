package dev.niche.spark.internal;

import dev.niche.churn.BgNbd;
import dev.niche.churn.ParetoNbd;
import dev.niche.churn.RepeatPurchaseModel;

/**
 * The repeat-purchase models that Spark scores, each rebuilt from its four parameters (so that
 * a serialisable scorer can carry it to the executors). Not part of the API.
 */
public enum RepeatPurchaseFamily {
  /** BG/NBD, parameters r, alpha, a, b. */
  BG_NBD("BG/NBD", "a", "dropout shape a", "b", "dropout shape b"),
  /** Pareto/NBD, parameters r, alpha, s, beta. */
  PARETO_NBD("Pareto/NBD", "s", "dropout-rate shape s", "beta", "dropout-rate scale beta");

  private final String label;
  private final String[] names;
  private final String[] docs;

  RepeatPurchaseFamily(String label, String third, String thirdDoc, String fourth,
      String fourthDoc) {
    this.label = label;
    this.names = new String[] {"r", "alpha", third, fourth};
    this.docs = new String[] {"shape r of the purchase rates", "scale alpha of the purchase rates",
        thirdDoc, fourthDoc};
  }

  /**
   * The name of parameter {@code i} (0 to 3), as the model's Spark ML param.
   *
   * @param i the index
   * @return the name
   */
  public String parameterName(int i) {
    return names[i];
  }

  /**
   * The description of parameter {@code i}.
   *
   * @param i the index
   * @return the description, naming the model
   */
  public String parameterDoc(int i) {
    return label + " " + docs[i];
  }

  /**
   * The model with these parameters.
   *
   * @param p the four parameters in order
   * @return the model
   */
  public RepeatPurchaseModel model(double[] p) {
    return this == BG_NBD ? BgNbd.of(p[0], p[1], p[2], p[3]) : ParetoNbd.of(p[0], p[1], p[2], p[3]);
  }

  /**
   * The family and parameters of a model.
   *
   * @param model a BG/NBD or Pareto/NBD model
   * @return its parameters in order
   * @throws IllegalArgumentException for another kind of model
   */
  public static double[] parameters(RepeatPurchaseModel model) {
    if (model instanceof BgNbd) {
      BgNbd m = (BgNbd) model;
      return new double[] {m.r(), m.alpha(), m.a(), m.b()};
    }
    if (model instanceof ParetoNbd) {
      ParetoNbd m = (ParetoNbd) model;
      return new double[] {m.r(), m.alpha(), m.s(), m.beta()};
    }
    throw new IllegalArgumentException("Spark scores BG/NBD and Pareto/NBD models, not " + model);
  }

  /**
   * The family of a model.
   *
   * @param model a BG/NBD or Pareto/NBD model
   * @return its family
   * @throws IllegalArgumentException for another kind of model
   */
  public static RepeatPurchaseFamily of(RepeatPurchaseModel model) {
    if (model instanceof BgNbd) {
      return BG_NBD;
    }
    if (model instanceof ParetoNbd) {
      return PARETO_NBD;
    }
    throw new IllegalArgumentException("Spark scores BG/NBD and Pareto/NBD models, not " + model);
  }
}
