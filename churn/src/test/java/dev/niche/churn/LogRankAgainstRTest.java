package dev.niche.churn;

import static dev.niche.churn.RAssert.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The log-rank family on individual data against R survival 3.5.3 {@code survdiff} (and, for
 * {@code gamma > 0} and Holm's adjustment, against base R). Every reference was printed by
 * {@code src/test/resources/dev/niche/churn/r/survival_references.R} and typed in; the tests never
 * need R.
 */
class LogRankAgainstRTest {

  /** Relative tolerance: the issue asks for 1e-6. */
  private static final double TOL = 1e-9;

  /** R survdiff(Surv(time, status) ~ sex, data = lung). */
  @Test
  void lungBySex() {
    LogRankResult r = LogRankTest.compare(RDataSets.LUNG_TIME, RDataSets.LUNG_DEAD,
        RDataSets.LUNG_SEX);
    double[] observed = {
        112, 53};
    double[] expected = {
        91.581739029572802, 73.418260970427212};
    double[][] variance = {
        {40.37143397964261, -40.371433979642632},
        {-40.371433979642632, 40.371433979642653},
    };
    double chiSquare = 10.326741954885632;
    double pValue = 0.0013111645203554882;
    check(r, observed, expected, variance, chiSquare, pValue);
  }

  /** R survdiff(Surv(time, status) ~ sex, data = lung, rho = 1). */
  @Test
  void lungBySexPetoPeto() {
    LogRankResult r = LogRankTest.builder(RDataSets.LUNG_TIME, RDataSets.LUNG_DEAD,
        RDataSets.LUNG_SEX).flemingHarrington(1).compare();
    double[] observed = {
        70.377542294752203, 28.72865327218986};
    double[] expected = {
        55.571085471784251, 43.535110095157783};
    double[][] variance = {
        {17.243082666960721, -17.243082666960717},
        {-17.243082666960717, 17.243082666960721},
    };
    double chiSquare = 12.714151401157508;
    double pValue = 0.00036289892759891056;
    check(r, observed, expected, variance, chiSquare, pValue);
  }

  /**
   * R survdiff(Surv(time, status) ~ ph.ecog, data = lung): four groups, one of a single patient;
   * the row with a missing ph.ecog is dropped.
   */
  @Test
  void lungByEcogFourGroups() {
    int[] keep = RDataSets.rowsWhere(RDataSets.LUNG_ECOG, g -> g >= 0);
    LogRankResult r = LogRankTest.compare(RDataSets.pick(RDataSets.LUNG_TIME, keep),
        RDataSets.pick(RDataSets.LUNG_DEAD, keep), RDataSets.pick(RDataSets.LUNG_ECOG, keep));
    double[] observed = {
        37, 82, 44, 1};
    double[] expected = {
        54.152697018922929, 83.527564575081882, 26.147353065330211, 0.1723853406649615};
    double[][] variance = {
        {35.827693706450184, -27.346623617670804, -8.4331438704438355, -0.047926218335515428},
        {-27.346623617670804, 40.72411021395353, -13.288981742073, -0.088504854209692632},
        {-8.4331438704438355, -13.288981742073002, 21.756760171649987, -0.034634559133157189},
        {-0.047926218335515428, -0.088504854209692632, -0.034634559133157196, 0.17106563167836528},
    };
    double chiSquare = 21.962131682476006;
    double pValue = 6.6425353558001711e-05;
    check(r, observed, expected, variance, chiSquare, pValue);
  }

  /** R survdiff(Surv(time, status) ~ celltype, data = veteran). */
  @Test
  void veteranByCellType() {
    LogRankResult r = LogRankTest.compare(RDataSets.VETERAN_TIME, RDataSets.VETERAN_DEAD,
        RDataSets.VETERAN_CELLTYPE);
    double[] observed = {
        31, 45, 26, 26};
    double[] expected = {
        47.654677672475373, 30.102079326814831, 15.693764614360491, 34.549478386349314};
    double[][] variance = {
        {26.338406366706295, -9.5338520204565516, -4.4873232135449577, -12.317231132704787},
        {-9.5338520204565516, 21.75426794061379, -4.4087293029850585, -7.8116866171721711},
        {-4.4873232135449577, -4.4087293029850576, 12.966170060501438, -4.0701175439714161},
        {-12.317231132704787, -7.8116866171721702, -4.0701175439714161, 24.199035293848372},
    };
    double chiSquare = 25.403700345785353;
    double pValue = 1.2712459390060964e-05;
    check(r, observed, expected, variance, chiSquare, pValue);
  }

  /** R survdiff(Surv(time, status) ~ celltype, data = veteran, rho = 1). */
  @Test
  void veteranByCellTypePetoPeto() {
    LogRankResult r = LogRankTest.builder(RDataSets.VETERAN_TIME, RDataSets.VETERAN_DEAD,
        RDataSets.VETERAN_CELLTYPE).flemingHarrington(1).compare();
    double[] observed = {
        13.390472642596814, 28.425433149340261, 16.065991320283661, 9.5623123722492682};
    double[] expected = {
        20.151109564007196, 19.005914349526414, 10.806772281000956, 17.480413289935434};
    double[][] variance = {
        {9.047119658041991, -3.7477616648718866, -2.1561141263600563, -3.1432438668100504},
        {-3.747761664871887, 9.5141437282499304, -2.507671766071208, -3.2587102973068398},
        {-2.1561141263600572, -2.5076717660712089, 6.5465434011508066, -1.882757508719541},
        {-3.1432438668100504, -3.2587102973068403, -1.8827575087195412, 8.2847116728364316},
    };
    double chiSquare = 19.709622458061506;
    double pValue = 0.00019496158859046419;
    check(r, observed, expected, variance, chiSquare, pValue);
  }

  /** R survdiff(Surv(time, status) ~ trt + strata(celltype), data = veteran). */
  @Test
  void veteranByTreatmentStratifiedByCellType() {
    LogRankResult r = LogRankTest.builder(RDataSets.VETERAN_TIME, RDataSets.VETERAN_DEAD,
        RDataSets.VETERAN_TRT).strata(RDataSets.VETERAN_CELLTYPE).compare();
    double[] observed = {
        64, 64};
    double[] expected = {
        68.207552976872506, 59.792447023127465};
    double[][] variance = {
        {25.227887279302458, -25.227887279302436},
        {-25.227887279302436, 25.22788727930244},
    };
    double chiSquare = 0.70174334684431949;
    double pValue = 0.40219852378067422;
    check(r, observed, expected, variance, chiSquare, pValue);
  }

  /**
   * R survdiff(Surv(time, status) ~ celltype + strata(prior), data = veteran, rho = 0.5): the
   * weights use each stratum's own pooled Kaplan–Meier estimate.
   */
  @Test
  void veteranByCellTypeStratifiedByPriorWithRhoHalf() {
    LogRankResult r = LogRankTest.builder(RDataSets.VETERAN_TIME, RDataSets.VETERAN_DEAD,
        RDataSets.VETERAN_CELLTYPE).strata(RDataSets.VETERAN_PRIOR).flemingHarrington(0.5)
        .compare();
    double[] observed = {
        18.66413810774187, 34.990863132673368, 20.026817848285432, 15.035668828453867};
    double[] expected = {
        28.468750723182545, 23.298120465227843, 13.161541562514842, 23.789075166229296};
    double[][] variance = {
        {13.590554566838973, -5.2501161424766281, -2.8796695962009267, -5.4607688281613989},
        {-5.2501161424766281, 13.186194233178737, -3.3277368491638337, -4.6083412415382723},
        {-2.8796695962009276, -3.3277368491638337, 8.7954421850326128, -2.5880357396678528},
        {-5.4607688281613989, -4.6083412415382723, -2.5880357396678528, 12.657145809367529},
    };
    double chiSquare = 22.48028454613031;
    double pValue = 5.1817715425249806e-05;
    check(r, observed, expected, variance, chiSquare, pValue);
  }

  /** R survdiff(Surv(time, status) ~ x, data = aml): tied event times. */
  @Test
  void amlWithTies() {
    LogRankResult r = LogRankTest.compare(RDataSets.AML_TIME, RDataSets.AML_RELAPSE,
        RDataSets.AML_ARM);
    double[] observed = {
        7, 11};
    double[] expected = {
        10.689335992300725, 7.3106640076992759};
    double[][] variance = {
        {4.0075507459387349, -4.0075507459387349},
        {-4.0075507459387341, 4.0075507459387332},
    };
    double chiSquare = 3.3963886989776011;
    double pValue = 0.065339322040505132;
    check(r, observed, expected, variance, chiSquare, pValue);
  }

  /**
   * R G(1, 1) weights S(t-)(1 - S(t-)), computed in R from the textbook formulas (survdiff has no
   * gamma; the same R code reproduces survdiff at gamma = 0).
   */
  @Test
  void lungBySexFlemingHarringtonOneOne() {
    LogRankResult r = LogRankTest.builder(RDataSets.LUNG_TIME, RDataSets.LUNG_DEAD,
        RDataSets.LUNG_SEX).flemingHarrington(1, 1).compare();
    double[] observed = {
        18.776613068472074, 9.682882706544266};
    double[] expected = {
        15.479231545385701, 12.980264229630642};
    double[][] variance = {
        {1.4185300404651329, -1.4185300404651333},
        {-1.4185300404651333, 1.4185300404651329},
    };
    double chiSquare = 7.6647829786010622;
    double pValue = 0.0056309032955154442;
    check(r, observed, expected, variance, chiSquare, pValue);
  }

  /** R G(0, 1) weights 1 - S(t-), late differences (R, textbook formulas). */
  @Test
  void lungBySexFlemingHarringtonZeroOne() {
    LogRankResult r = LogRankTest.builder(RDataSets.LUNG_TIME, RDataSets.LUNG_DEAD,
        RDataSets.LUNG_SEX).flemingHarrington(0, 1).compare();
    double[] observed = {
        41.622457705247761, 24.271346727810137};
    double[] expected = {
        36.010653557788537, 29.883150875269372};
    double[][] variance = {
        {9.1018756958701914, -9.1018756958701896},
        {-9.1018756958701896, 9.1018756958701914},
    };
    double chiSquare = 3.4599841660911439;
    double pValue = 0.06287091698500831;
    check(r, observed, expected, variance, chiSquare, pValue);
  }

  /** R G(0.5, 2) on four groups (R, textbook formulas). */
  @Test
  void veteranByCellTypeFlemingHarringtonHalfTwo() {
    LogRankResult r = LogRankTest.builder(RDataSets.VETERAN_TIME, RDataSets.VETERAN_DEAD,
        RDataSets.VETERAN_CELLTYPE).flemingHarrington(0.5, 2).compare();
    double[] observed = {
        4.9125032027380993, 4.9994736413301171, 3.2621679206807559, 5.4567087254519189};
    double[] expected = {
        8.075117226809148, 3.4126626332666485, 1.485706012991719, 5.6573676171333753};
    double[][] variance = {
        {0.910697568697453, -0.28205984503731724, -0.086191942917522399, -0.54244578074261329},
        {-0.28205984503731724, 0.54258177483076631, -0.05093721662065253, -0.20958471317279675},
        {-0.086191942917522399, -0.05093721662065253, 0.22115400440367761, -0.084024844865502712},
        {-0.54244578074261329, -0.20958471317279675, -0.084024844865502712, 0.83605533878091254},
    };
    double chiSquare = 24.30142330750509;
    double pValue = 2.1609684600885993e-05;
    check(r, observed, expected, variance, chiSquare, pValue);
  }

  /**
   * Pairwise survdiff(..., rho = 0) between the four cell types of veteran, each on its pair's
   * rows, p-values adjusted by p.adjust(method = "holm") (base R; survminer's pairwise_survdiff
   * logic). Pairs in the order (1,2), (1,3), (1,4), (2,3), (2,4), (3,4).
   */
  @Test
  void veteranPairwiseHolm() {
    PairwiseLogRank pairs = LogRankTest.builder(RDataSets.VETERAN_TIME, RDataSets.VETERAN_DEAD,
        RDataSets.VETERAN_CELLTYPE).flemingHarrington(0).pairwise();
    double[] pairChiSquare = {
        11.573673919989016, 12.04548364108013, 0.8225939786561558, 0.096843191971004633,
        9.370904148183774, 17.669321529323053};
    double[] pairP = {
        0.00066892122504147032, 0.00051918014928395797, 0.36442283748410292, 0.75565132868712115,
        0.0022045675189617852, 2.628316878476322e-05};
    double[] pairHolm = {
        0.0026756849001658813, 0.0025959007464197896, 0.72884567496820585, 0.75565132868712115,
        0.0066137025568853555, 0.00015769901270857933};
    assertEquals(6, pairs.comparisons().size());
    for (int i = 0; i < 6; i++) {
      PairwiseComparison c = pairs.comparisons().get(i);
      assertRelative(pairChiSquare[i], c.test().chiSquare(), TOL, "chi-square", i);
      assertRelative(pairP[i], c.pValue(), TOL, "p", i);
      assertRelative(pairHolm[i], c.adjustedPValue(), TOL, "Holm", i);
      assertEquals(c, pairs.comparison(c.second(), c.first()));
    }
  }

  /**
   * Pairwise survdiff(..., rho = 1) between the four cell types of veteran, each on its pair's
   * rows, p-values adjusted by p.adjust(method = "holm") (base R; survminer's pairwise_survdiff
   * logic). Pairs in the order (1,2), (1,3), (1,4), (2,3), (2,4), (3,4).
   */
  @Test
  void veteranPairwisePetoPetoHolm() {
    PairwiseLogRank pairs = LogRankTest.builder(RDataSets.VETERAN_TIME, RDataSets.VETERAN_DEAD,
        RDataSets.VETERAN_CELLTYPE).flemingHarrington(1).pairwise();
    double[] pairChiSquare = {
        7.8879252576936922, 6.4849049890483927, 0.02148353138287409, 0.041861399458775116,
        12.292752052758702, 13.831737379562609};
    double[] pairP = {
        0.0049765920140463259, 0.010879435392233941, 0.88346937048511043, 0.83788419816092585,
        0.00045472072716153306, 0.00019993042665849095};
    double[] pairHolm = {
        0.019906368056185304, 0.032638306176701826, 1, 1,
        0.0022736036358076651, 0.0011995825599509457};
    assertEquals(6, pairs.comparisons().size());
    for (int i = 0; i < 6; i++) {
      PairwiseComparison c = pairs.comparisons().get(i);
      assertRelative(pairChiSquare[i], c.test().chiSquare(), TOL, "chi-square", i);
      assertRelative(pairP[i], c.pValue(), TOL, "p", i);
      assertRelative(pairHolm[i], c.adjustedPValue(), TOL, "Holm", i);
      assertEquals(c, pairs.comparison(c.second(), c.first()));
    }
  }

  private static void check(LogRankResult r, double[] observed, double[] expected,
      double[][] variance, double chiSquare, double pValue) {
    for (int j = 0; j < observed.length; j++) {
      assertRelative(observed[j], r.observed()[j], TOL, "observed", j);
      assertRelative(expected[j], r.expected()[j], TOL, "expected", j);
      for (int l = 0; l < observed.length; l++) {
        assertEquals(variance[j][l], r.variance()[j][l],
            TOL * Math.abs(variance[j][j]), "variance " + j + "," + l);
      }
    }
    assertRelative(chiSquare, r.chiSquare(), TOL, "chi-square", 0);
    assertRelative(pValue, r.pValue(), TOL, "p", 0);
    assertEquals(observed.length - 1, r.degreesOfFreedom());
  }
}
