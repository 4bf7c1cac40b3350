package dev.niche.churn;

import dev.niche.core.Checks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Grambsch &amp; Therneau (1994) test of the proportional-hazards assumption of a Cox fit,
 * per term and global, as R survival's {@code cox.zph(fit, transform = "km", terms = FALSE)}.
 *
 * <p>Each term's test asks whether its log hazard ratio drifts with time: it is the score test
 * for adding {@code x_k g(t)}, {@code g(t) = 1 − Ŝ(t−)} (one minus the pooled Kaplan–Meier
 * estimate), on 1 df; the global test adds all {@code p} such terms at once. A small p-value says
 * the term's effect changes with tenure (plot the scaled Schoenfeld residuals; consider strata
 * or a time-varying effect). Immutable.
 */
public final class ProportionalHazardsTest {

  private final Map<String, ChiSquareTest> terms;
  private final ChiSquareTest global;

  ProportionalHazardsTest(List<String> names, double[] statistics) {
    Map<String, ChiSquareTest> m = new LinkedHashMap<>();
    for (int k = 0; k < names.size(); k++) {
      m.put(names.get(k), ChiSquareTest.of(statistics[k], 1));
    }
    this.terms = java.util.Collections.unmodifiableMap(m);
    this.global = ChiSquareTest.of(statistics[names.size()], names.size());
  }

  /**
   * The test of one term (1 df).
   *
   * @param term the term's name
   * @return the test
   * @throws IllegalArgumentException if there is no such term
   */
  public ChiSquareTest term(String term) {
    Checks.notNull(term, "term");
    ChiSquareTest t = terms.get(term);
    Checks.argument(t != null, "no term named '" + term + "'; the terms are " + terms.keySet());
    return t;
  }

  /**
   * The tests of all terms, in the fit's order.
   *
   * @return an unmodifiable map from term name to test
   */
  public Map<String, ChiSquareTest> terms() {
    return terms;
  }

  /**
   * The global test ({@code p} df).
   *
   * @return the test
   */
  public ChiSquareTest global() {
    return global;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(String.format("%-20s %10s %4s %10s%n", "", "chisq", "df",
        "p"));
    terms.forEach((name, t) -> b.append(row(name, t)));
    b.append(row("GLOBAL", global));
    return b.toString();
  }

  private static String row(String name, ChiSquareTest t) {
    return String.format(java.util.Locale.ROOT, "%-20s %10.4f %4d %10.4g%n", name, t.statistic(),
        t.degreesOfFreedom(), t.pValue());
  }
}
