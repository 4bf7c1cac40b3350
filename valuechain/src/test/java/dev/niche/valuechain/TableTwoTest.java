package dev.niche.valuechain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed study's Table 2: one firm's value-chain cost shares across purchase, R&amp;D,
 * production, sale and market, 50/10/20/15/5 before and 20/50/20/5/5 after a data-driven
 * restructuring. The Aitchison distance and the perturbation new &ominus; old are computed by the
 * library from the clr definitions (Aitchison 1986; Pawlowsky-Glahn, Egozcue &amp;
 * Tolosana-Delgado 2015, eq. 2.5 / 3.x) and checked against references computed here
 * independently: the pairwise log-ratio formula d&sup2; = (1/D) &Sigma;<sub>i&lt;j</sub>
 * (ln(x<sub>i</sub>/x<sub>j</sub>) &minus; ln(y<sub>i</sub>/y<sub>j</sub>))&sup2; (Aitchison 1986,
 * §8.3; Aitchison et al. 2000, Math. Geology 32, 271-275) and the exact fractions of the closed
 * ratio vector.
 */
class TableTwoTest {

  static final List<String> ACTIVITIES = List.of("purchase", "R&D", "production", "sale", "market");
  static final double[] OLD = {50, 10, 20, 15, 5};
  static final double[] NEW = {20, 50, 20, 5, 5};

  @Test
  void aitchisonDistanceAgreesWithThePairwiseLogRatioFormula() {
    double pairwise = 0;
    int d = OLD.length;
    for (int i = 0; i < d; i++) {
      for (int j = i + 1; j < d; j++) {
        double e = Math.log(OLD[i] / OLD[j]) - Math.log(NEW[i] / NEW[j]);
        pairwise += e * e;
      }
    }
    double reference = Math.sqrt(pairwise / d);
    double fromClr = Composition.of(OLD).distance(Composition.of(NEW));
    assertEquals(reference, fromClr, 1e-13);
    // Also computed independently in Python (math.log, same pairwise formula): 2.145681166746975.
    assertEquals(2.145681166746975, fromClr, 1e-12);
    // Symmetric, and equal to the norm of the perturbation.
    assertEquals(fromClr, Composition.of(NEW).distance(Composition.of(OLD)), 1e-14);
    assertEquals(fromClr, Composition.of(NEW).difference(Composition.of(OLD)).norm(), 1e-13);
  }

  @Test
  void perturbationNewMinusOldIsTheClosedRatioOfShares() {
    // new/old ratios are (2/5, 5, 1, 1/3, 1), summing to 116/15; closed exactly that is
    // (6, 75, 15, 5, 15) / 116.
    double[] expected = {6 / 116.0, 75 / 116.0, 15 / 116.0, 5 / 116.0, 15 / 116.0};
    Composition p = Composition.of(NEW).difference(Composition.of(OLD));
    double[] parts = p.parts();
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], parts[i], 1e-15, "part " + i);
    }
    // Perturbing the old structure by it gives the new one back.
    double[] back = Composition.of(OLD).perturb(p).parts();
    for (int i = 0; i < NEW.length; i++) {
      assertEquals(NEW[i] / 100, back[i], 1e-15);
    }
    // clr of the perturbation = ln(ratio) - mean(ln(ratio)), computed here from the ratios.
    double[] logs = {Math.log(0.4), Math.log(5), 0, Math.log(1.0 / 3), 0};
    double mean = (logs[0] + logs[1] + logs[3]) / 5;
    double[] clr = p.clr();
    for (int i = 0; i < 5; i++) {
      assertEquals(logs[i] - mean, clr[i], 1e-14);
    }
  }

  @Test
  void restructuringReportsTheTableTwoShift() {
    Restructuring r = Restructuring.compare(ValueChain.of(ACTIVITIES, OLD),
        ValueChain.of(ACTIVITIES, NEW));
    assertEquals(Composition.of(OLD).distance(Composition.of(NEW)), r.aitchisonDistance(), 1e-15);
    assertEquals(0.40, r.totalVariationDistance(), 1e-15); // (30 + 40 + 0 + 10 + 0) / 2 points
    assertEquals(Math.sqrt(0.09 + 0.16 + 0.01), r.euclideanDistance(), 1e-15);
    // Largest pairwise move: R&D (x5) against sale (x1/3): ln 15.
    assertEquals("R&D", r.largestLogRatioShift().numerator());
    assertEquals("sale", r.largestLogRatioShift().denominator());
    assertEquals(Math.log(15), r.largestLogRatioShift().change(), 1e-14);
    assertEquals(Math.log(10.0 / 15), r.largestLogRatioShift().before(), 1e-14);
    assertEquals(Math.log(50.0 / 5), r.largestLogRatioShift().after(), 1e-14);
    ActivityChange rd = r.changes().get(1);
    assertEquals(40, rd.changeInPoints(), 1e-12);
    assertEquals(5, rd.factor(), 1e-14);
    List<ActivityChange> ranked = r.ranked();
    // production and market tie (both shares unchanged, clr change = -mean ln ratio = 0.0811).
    assertEquals(List.of("R&D", "sale", "purchase"),
        ranked.subList(0, 3).stream().map(ActivityChange::activity).toList());
    assertEquals(-(Math.log(0.4) + Math.log(5) + Math.log(1.0 / 3)) / 5,
        ranked.get(4).clrChange(), 1e-14);
    double sum = 0;
    for (ActivityChange c : r.changes()) {
      sum += c.clrChange();
    }
    assertEquals(0, sum, 1e-14);
  }
}
