package dev.niche.churn;

import static dev.niche.churn.CoxReferences.doubles;
import static dev.niche.churn.CoxReferences.flags;
import static dev.niche.churn.CoxReferences.get;
import static dev.niche.churn.CoxReferences.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input and numerical trouble: clear errors naming the column, or diagnostics. */
class CoxTroubleTest {

  private static final double[] TIMES = {5, 8, 3, 9, 12, 4, 7, 10};
  private static final boolean[] EVENTS = {true, false, true, true, false, true, true, false};
  private static final double[] AGE = {30, 42, 55, 61, 25, 47, 38, 50};

  private static SurvivalData.Builder base() {
    return SurvivalData.builder().durations(TIMES).events(EVENTS).covariate("age", AGE);
  }

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void constantCovariateIsNamed() {
    SurvivalData d = base().covariate("plan", new double[8]).build();
    String m = message(() -> CoxProportionalHazards.fit(d, Ties.EFRON));
    assertTrue(m.contains("'plan'") && m.contains("constant"), m);
  }

  @Test
  void collinearCovariateIsNamed() {
    double[] months = new double[8];
    for (int i = 0; i < 8; i++) {
      months[i] = 12 * AGE[i] + 3;
    }
    SurvivalData d = base().covariate("ageInMonths", months).build();
    String m = message(() -> CoxProportionalHazards.fit(d, Ties.EFRON));
    assertTrue(m.contains("'ageInMonths'") && m.contains("collinear") && m.contains("age"), m);
  }

  @Test
  void covariateWithoutVariationInAnyRiskSetIsNamed() {
    // Differs only on a row censored before the first event: never in a risk set with others.
    double[] early = {0, 0, 0, 0, 0, 0, 0, 0};
    double[] t = TIMES.clone();
    t[1] = 1;
    early[1] = 1;
    boolean[] e = EVENTS.clone();
    SurvivalData d = SurvivalData.builder().durations(t).events(e).covariate("age", AGE)
        .covariate("early", early).build();
    String m = message(() -> CoxProportionalHazards.fit(d, Ties.EFRON));
    assertTrue(m.contains("'early'"), m);
  }

  @Test
  void badValuesAreRejectedWithTheirIndex() {
    double[] nan = AGE.clone();
    nan[3] = Double.NaN;
    String m = message(() -> base().covariate("income", nan));
    assertTrue(m.contains("income[3]") && m.contains("NaN"), m);
    double[] negative = TIMES.clone();
    negative[2] = -1;
    m = message(() -> SurvivalData.builder().durations(negative));
    assertTrue(m.contains("durations[2]"), m);
    m = message(() -> base().weights(new double[] {1, 1, 0, 1, 1, 1, 1, 1}));
    assertTrue(m.contains("weights[2]"), m);
    m = message(() -> base().covariate("short", new double[3]).build());
    assertTrue(m.contains("short") && m.contains("3"), m);
    m = message(() -> base().entries(new double[] {0, 0, 3, 0, 0, 0, 0, 0}).build());
    assertTrue(m.contains("entries[2]") && m.contains("durations[2]"), m);
    m = message(() -> base().covariate("age", AGE));
    assertTrue(m.contains("'age'"), m);
    m = message(() -> base().strata(new int[7]).build());
    assertTrue(m.contains("strata"), m);
    assertThrows(NullPointerException.class, () -> base().covariate("x", null));
    assertThrows(NullPointerException.class, () -> CoxProportionalHazards.fit(null, Ties.EFRON));
    assertThrows(IllegalStateException.class, () -> SurvivalData.builder().durations(TIMES)
        .build());
  }

  @Test
  void noEventsOrNoCovariatesAreClearErrors() {
    SurvivalData none = SurvivalData.builder().durations(TIMES).events(new boolean[8])
        .covariate("age", AGE).build();
    assertTrue(message(() -> CoxProportionalHazards.fit(none, Ties.EFRON)).contains("no events"));
    SurvivalData bare = SurvivalData.builder().durations(TIMES).events(EVENTS).build();
    assertTrue(message(() -> CoxProportionalHazards.fit(bare, Ties.EFRON))
        .contains("no covariates"));
  }

  @Test
  void unknownTermsAndBadRowsAreRejected() {
    CoxFit fit = CoxProportionalHazards.fit(base().build(), Ties.EFRON);
    assertTrue(message(() -> fit.coefficient("agee")).contains("'agee'"));
    assertTrue(message(() -> fit.survival(new double[] {1, 2}, 3)).contains("covariateRow"));
    assertTrue(message(() -> fit.survival(new double[] {Double.NaN}, 3))
        .contains("covariateRow"));
    assertTrue(message(() -> fit.survival(new double[] {40}, -1)).contains("t = -1"));
    assertThrows(IllegalStateException.class, () -> CoxProportionalHazards.fit(
        base().strata(new int[] {0, 0, 0, 0, 1, 1, 1, 1}).build(), Ties.EFRON)
        .survival(new double[] {40}, 3));
  }

  @Test
  void callerArraysAreNotMutated() {
    double[] t = TIMES.clone();
    double[] a = AGE.clone();
    CoxProportionalHazards.fit(SurvivalData.builder().durations(t).events(EVENTS)
        .covariate("age", a).build(), Ties.EFRON);
    assertEquals(List.of(), diff(t, TIMES));
    assertEquals(List.of(), diff(a, AGE));
  }

  private static List<Integer> diff(double[] a, double[] b) {
    List<Integer> out = new java.util.ArrayList<>();
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * A group without events: R 3.5.3 warns "Loglik converged before variable 2; coefficient may
   * be infinite" (script cox-references.R, data set monotone).
   */
  @Test
  void monotoneLikelihoodNamesTheDivergingTerm() {
    Map<String, String[]> t = table("monotone");
    SurvivalData d = SurvivalData.builder().durations(doubles(t, "time"))
        .events(flags(t, "event")).covariate("x1", doubles(t, "x1"))
        .covariate("g", doubles(t, "g")).build();
    CoxFit fit = CoxProportionalHazards.fit(d, Ties.EFRON);
    assertTrue(fit.diagnostics().converged());
    assertEquals((int) get("monotone.iter")[0], fit.diagnostics().iterations());
    assertEquals(List.of("g"), fit.diagnostics().infiniteTerms());
    assertFalse(fit.diagnostics().ok());
    assertTrue(fit.diagnostics().message().contains("may be infinite"));
    assertTrue(fit.summary().contains("may be infinite"));
    double[] ll = get("monotone.loglik");
    CoxReferences.assertRelative(ll, new double[] {fit.nullLogLikelihood(),
        fit.logLikelihood()}, 1e-6, "monotone loglik");
    CoxReferences.assertRelative(new double[] {get("monotone.coef")[0]},
        new double[] {fit.coefficient("x1").value()}, 1e-6, "monotone x1");
    assertTrue(fit.coefficient("g").value() < -15);
  }
}
