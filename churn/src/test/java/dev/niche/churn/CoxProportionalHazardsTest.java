package dev.niche.churn;

import static dev.niche.churn.CoxReferences.assertRelative;
import static dev.niche.churn.CoxReferences.doubles;
import static dev.niche.churn.CoxReferences.flags;
import static dev.niche.churn.CoxReferences.get;
import static dev.niche.churn.CoxReferences.ints;
import static dev.niche.churn.CoxReferences.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cox fits against R survival 3.5.3 ({@code coxph}, {@code summary}, {@code cox.zph},
 * {@code survfit}): every reference was printed with 15 digits by
 * {@code src/test/resources/dev/niche/churn/cox/cox-references.R}, which also wrote the data
 * (R's {@code lung}, {@code veteran} and {@code ovarian} data sets and generated ones).
 * Agreement is required to 1e-6 relative.
 */
class CoxProportionalHazardsTest {

  private static final double REL = 1e-6;

  private static SurvivalData.Builder base(Map<String, String[]> t) {
    SurvivalData.Builder b = SurvivalData.builder().durations(doubles(t, "time"))
        .events(flags(t, "event"));
    if (t.containsKey("start")) {
      b.entries(doubles(t, "start"));
    }
    return b;
  }

  /** Compares everything R reported under {@code key}. */
  private static void matchesR(String key, CoxFit fit, int stratum, double[][] rows,
      double[] times) {
    List<String> terms = fit.terms();
    int p = terms.size();
    double[] coef = new double[p];
    double[] se = new double[p];
    double[] robust = new double[p];
    for (int k = 0; k < p; k++) {
      coef[k] = fit.coefficient(terms.get(k)).value();
      se[k] = fit.modelBasedCoefficient(terms.get(k)).standardError();
      robust[k] = fit.coefficient(terms.get(k)).standardError();
    }
    assertRelative(get(key + ".coef"), coef, REL, key + " coef");
    assertRelative(get(key + ".se"), se, REL, key + " se");
    if (CoxReferences.has(key + ".robustse")) {
      assertRelative(get(key + ".robustse"), robust, REL, key + " robust se");
    }
    assertRelative(get(key + ".loglik"),
        new double[] {fit.nullLogLikelihood(), fit.logLikelihood()}, REL, key + " loglik");
    assertEquals((int) get(key + ".iter")[0], fit.diagnostics().iterations(), key + " iter");
    assertRelative(new double[] {get(key + ".score")[0]},
        new double[] {fit.scoreTest().statistic()}, REL, key + " score");
    assertRelative(get(key + ".wald"), new double[] {fit.waldTest().statistic()}, REL,
        key + " wald");
    ChiSquareTest lr = fit.likelihoodRatioTest();
    assertRelative(get(key + ".lrt"), new double[] {lr.statistic(), lr.degreesOfFreedom(),
        lr.pValue()}, REL, key + " lrt");
    double[] sc = get(key + ".sctestsummary");
    assertRelative(new double[] {sc[2]}, new double[] {fit.scoreTest().pValue()}, REL,
        key + " score p");
    Concordance c = fit.concordance();
    double[] counts = get(key + ".counts");
    assertRelative(new double[] {counts[0], counts[1], counts[2], counts[3]},
        new double[] {c.concordant(), c.discordant(), c.tiedRisk(), c.tiedTime()}, REL,
        key + " concordance counts");
    assertRelative(get(key + ".concordance"), new double[] {c.value(), c.standardError()}, REL,
        key + " concordance");
    ProportionalHazardsTest ph = fit.proportionalHazardsTest();
    double[] chisq = new double[p + 1];
    double[] pv = new double[p + 1];
    for (int k = 0; k < p; k++) {
      chisq[k] = ph.term(terms.get(k)).statistic();
      pv[k] = ph.term(terms.get(k)).pValue();
    }
    chisq[p] = ph.global().statistic();
    pv[p] = ph.global().pValue();
    assertRelative(get(key + ".zph.chisq"), chisq, REL, key + " zph chisq");
    assertRelative(get(key + ".zph.p"), pv, REL, key + " zph p");
    double[] surv = new double[rows.length * times.length];
    for (int i = 0; i < times.length; i++) {
      for (int r = 0; r < rows.length; r++) {
        surv[i * rows.length + r] = stratum < 0 ? fit.survival(rows[r], times[i])
            : fit.survival(stratum, rows[r], times[i]);
      }
    }
    assertRelative(get(key + ".surv"), surv, REL, key + " survival");
  }

  private static SurvivalData lung() {
    Map<String, String[]> t = table("lung");
    return base(t).covariate("age", doubles(t, "age")).covariate("sex", doubles(t, "sex"))
        .covariate("ph.ecog", doubles(t, "ph_ecog")).build();
  }

  @Test
  void lungEfron() {
    matchesR("lung.efron", CoxProportionalHazards.fit(lung(), Ties.EFRON), -1,
        new double[][] {{60, 1, 0}, {70, 2, 2}}, new double[] {100, 365, 500});
  }

  @Test
  void lungBreslow() {
    matchesR("lung.breslow", CoxProportionalHazards.fit(lung(), Ties.BRESLOW), -1,
        new double[][] {{60, 1, 0}, {70, 2, 2}}, new double[] {100, 365, 500});
  }

  @Test
  void veteranStrata() {
    Map<String, String[]> t = table("veteran");
    SurvivalData d = base(t).covariate("trt", doubles(t, "trt"))
        .covariate("karno", doubles(t, "karno")).covariate("age", doubles(t, "age"))
        .strata(ints(t, "stratum")).build();
    matchesR("veteran.strata", CoxProportionalHazards.fit(d, Ties.EFRON), 1,
        new double[][] {{1, 60, 60}}, new double[] {30, 100, 200});
  }

  @Test
  void veteranCellTypeAsTreatmentContrasts() {
    Map<String, String[]> t = table("veteran");
    SurvivalData d = base(t).covariate("karno", doubles(t, "karno"))
        .categorical("celltype", t.get("celltype"), "squamous").build();
    assertEquals(List.of("karno", "celltype=adeno", "celltype=large", "celltype=smallcell"),
        d.covariateNames());
    CoxFit fit = CoxProportionalHazards.fit(d, Ties.BRESLOW);
    // R orders the levels squamous, smallcell, adeno, large: permute R's columns to ours.
    int[] perm = {0, 2, 3, 1};
    for (String suffix : new String[] {".coef", ".se"}) {
      double[] r = get("veteran.factor" + suffix);
      double[] ours = new double[4];
      for (int k = 0; k < 4; k++) {
        String term = fit.terms().get(k);
        ours[k] = suffix.equals(".coef") ? fit.coefficient(term).value()
            : fit.coefficient(term).standardError();
      }
      double[] expected = new double[4];
      for (int k = 0; k < 4; k++) {
        expected[k] = r[perm[k]];
      }
      assertRelative(expected, ours, REL, "veteran.factor" + suffix);
    }
    assertRelative(get("veteran.factor.lrt"), new double[] {
        fit.likelihoodRatioTest().statistic(), 4, fit.likelihoodRatioTest().pValue()}, REL,
        "veteran.factor lrt");
    assertRelative(get("veteran.factor.concordance"), new double[] {
        fit.concordance().value(), fit.concordance().standardError()}, REL, "concordance");
    double[] surv = {fit.survival(new double[] {60, 0, 0, 0}, 30),
        fit.survival(new double[] {80, 1, 0, 0}, 30), fit.survival(new double[] {60, 0, 0, 0}, 100),
        fit.survival(new double[] {80, 1, 0, 0}, 100)};
    assertRelative(get("veteran.factor.surv"), surv, REL, "veteran.factor survival");
  }

  @Test
  void ovarianWithCaseWeights() {
    Map<String, String[]> t = table("ovarian");
    SurvivalData d = base(t).covariate("age", doubles(t, "age"))
        .covariate("ecog.ps", doubles(t, "ecog")).weights(doubles(t, "weight")).build();
    matchesR("ovarian.weights", CoxProportionalHazards.fit(d, Ties.EFRON), -1,
        new double[][] {{55, 1}}, new double[] {200, 500, 1000});
  }

  private static SurvivalData.Builder generated(Map<String, String[]> t) {
    return base(t).covariate("x1", doubles(t, "x1")).covariate("x2", doubles(t, "x2"))
        .covariate("x3", doubles(t, "x3"));
  }

  private static final double[][] GEN_ROWS = {{0, 0, 5}, {1, 1, 2}};
  private static final double[] GEN_TIMES = {2, 5, 10, 20};

  @Test
  void clustersGiveTheRobustVariance() {
    Map<String, String[]> t = table("gen-cluster");
    SurvivalData d = generated(t).clusters(ints(t, "cluster")).build();
    matchesR("gen.cluster", CoxProportionalHazards.fit(d, Ties.EFRON), -1, GEN_ROWS, GEN_TIMES);
  }

  @Test
  void clustersWithWeightsAndBreslowTies() {
    Map<String, String[]> t = table("gen-cluster");
    SurvivalData d = generated(t).clusters(ints(t, "cluster")).weights(doubles(t, "weight"))
        .build();
    matchesR("gen.clusterweights", CoxProportionalHazards.fit(d, Ties.BRESLOW), -1, GEN_ROWS,
        GEN_TIMES);
  }

  @Test
  void weightsWithManyTies() {
    Map<String, String[]> t = table("gen-cluster");
    SurvivalData d = generated(t).weights(doubles(t, "weight")).build();
    matchesR("gen.weights", CoxProportionalHazards.fit(d, Ties.EFRON), -1, GEN_ROWS, GEN_TIMES);
  }

  private static SurvivalData entryData(boolean strata) {
    Map<String, String[]> t = table("gen-entry");
    SurvivalData.Builder b = base(t).covariate("x1", doubles(t, "x1"))
        .covariate("x2", doubles(t, "x2"));
    if (strata) {
      b.strata(ints(t, "stratum"));
    }
    return b.build();
  }

  @Test
  void lateEntry() {
    for (Ties ties : Ties.values()) {
      String key = "entry." + ties.name().toLowerCase(java.util.Locale.ROOT);
      matchesR(key, CoxProportionalHazards.fit(entryData(false), ties), -1,
          new double[][] {{0.5, 1}}, new double[] {3, 6, 12});
    }
  }

  @Test
  void lateEntryWithStrata() {
    for (Ties ties : Ties.values()) {
      String key = "entrystrata." + ties.name().toLowerCase(java.util.Locale.ROOT);
      matchesR(key, CoxProportionalHazards.fit(entryData(true), ties), 1,
          new double[][] {{0.5, 1}}, new double[] {3, 6, 12});
    }
  }
}
