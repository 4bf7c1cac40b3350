package dev.niche.churn;

import dev.niche.core.Checks;
import dev.niche.core.activity.CustomerSummaries;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares repeat-purchase models (BG/NBD, Pareto/NBD, ...) on the same customer summaries by
 * log-likelihood and information criteria. For each model with {@code k} parameters, over the
 * {@code n} customers:
 *
 * <ul>
 *   <li>{@code ln L = Σ_i ln L(x_i, t_x,i, T_i)}, recomputed here on the given summaries, so that
 *       every model is scored on exactly the same data whatever it was fitted on;
 *   <li>{@code AIC = 2k − 2 ln L} (Akaike 1974) and {@code BIC = k ln n − 2 ln L} (Schwarz 1978);
 *       smaller is better, and a difference in BIC above about 10 is "very strong" evidence
 *       (Kass &amp; Raftery 1995).
 * </ul>
 *
 * <p>The per-customer log-likelihood is evaluated once per distinct {@code (x, t_x, T)}.
 * Immutable and thread-safe.
 */
public final class ModelComparison {

  private final long customers;
  private final List<ModelScore> scores;

  private ModelComparison(long customers, List<ModelScore> scores) {
    this.customers = customers;
    this.scores = Collections.unmodifiableList(scores);
  }

  /**
   * Scores named models on the same summaries.
   *
   * @param summaries the customers' {@code x}, {@code t_x}, {@code T}, in the models' unit
   * @param models the models by name, in the order to report (e.g. a {@link LinkedHashMap})
   * @return the comparison
   * @throws NullPointerException if an argument, a name or a model is null
   * @throws IllegalArgumentException if the summaries or the models are empty
   */
  public static ModelComparison of(CustomerSummaries summaries,
      Map<String, ? extends RepeatPurchaseModel> models) {
    Checks.notNull(summaries, "summaries");
    Checks.notNull(models, "models");
    Checks.argument(summaries.size() > 0, "summaries must not be empty");
    Checks.argument(!models.isEmpty(), "models must not be empty");
    double[] x = summaries.frequency();
    double[] tx = summaries.recency();
    double[] age = summaries.age();
    Map<List<Double>, Long> distinct = new HashMap<>();
    for (int i = 0; i < x.length; i++) {
      distinct.merge(List.of(x[i], tx[i], age[i]), 1L, Long::sum);
    }
    long n = x.length;
    List<ModelScore> scores = new ArrayList<>(models.size());
    for (Map.Entry<String, ? extends RepeatPurchaseModel> e : models.entrySet()) {
      String name = Checks.notNull(e.getKey(), "model name");
      RepeatPurchaseModel model = Checks.notNull(e.getValue(), "models[" + name + "]");
      double ll = 0;
      for (Map.Entry<List<Double>, Long> row : distinct.entrySet()) {
        List<Double> r = row.getKey();
        ll += row.getValue() * model.logLikelihood(r.get(0), r.get(1), r.get(2));
      }
      int k = model.parameterCount();
      scores.add(new ModelScore(name, k, ll, 2.0 * k - 2.0 * ll, k * Math.log(n) - 2.0 * ll));
    }
    return new ModelComparison(n, scores);
  }

  /**
   * Scores two models, e.g. {@code of(summaries, "BG/NBD", bgNbd, "Pareto/NBD", paretoNbd)}.
   *
   * @param summaries the customers' summaries
   * @param firstName name of the first model
   * @param first the first model
   * @param secondName name of the second model
   * @param second the second model
   * @return the comparison
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the summaries are empty or the names equal
   */
  public static ModelComparison of(CustomerSummaries summaries, String firstName,
      RepeatPurchaseModel first, String secondName, RepeatPurchaseModel second) {
    Checks.notNull(firstName, "firstName");
    Checks.notNull(secondName, "secondName");
    Checks.argument(!firstName.equals(secondName),
        "secondName = " + secondName + " must differ from firstName");
    Map<String, RepeatPurchaseModel> models = new LinkedHashMap<>();
    models.put(firstName, Checks.notNull(first, "first"));
    models.put(secondName, Checks.notNull(second, "second"));
    return of(summaries, models);
  }

  /**
   * The number of customers {@code n} the models were scored on.
   *
   * @return n
   */
  public long customers() {
    return customers;
  }

  /**
   * The scores, in the order the models were given.
   *
   * @return an unmodifiable list
   */
  public List<ModelScore> scores() {
    return scores;
  }

  /**
   * The model with the smallest AIC (the first one on ties).
   *
   * @return its score
   */
  public ModelScore bestByAic() {
    ModelScore best = scores.get(0);
    for (ModelScore s : scores) {
      if (s.aic() < best.aic()) {
        best = s;
      }
    }
    return best;
  }

  /**
   * The model with the smallest BIC (the first one on ties).
   *
   * @return its score
   */
  public ModelScore bestByBic() {
    ModelScore best = scores.get(0);
    for (ModelScore s : scores) {
      if (s.bic() < best.bic()) {
        best = s;
      }
    }
    return best;
  }
}
