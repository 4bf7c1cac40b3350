package dev.niche.ecology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.niche.core.Seeds;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Property tests (QuickTheories); parameters are drawn from a seed that QuickTheories picks. */
class EcologyPropertiesTest {

  @Test
  void equilibriaHaveZeroResidual() {
    qt().withExamples(60).forAll(longs().all(), integers().between(1, 5))
        .checkAssert((seed, n) -> {
          SplittableRandom rnd = Seeds.random(seed);
          double[] r = new double[n];
          double[][] a = new double[n][n];
          for (int i = 0; i < n; i++) {
            r[i] = rnd.nextDouble(-0.5, 2);
            for (int j = 0; j < n; j++) {
              a[i][j] = i == j ? -rnd.nextDouble(0.1, 2) : rnd.nextDouble(-1, 1);
            }
          }
          LotkaVolterra lv = LotkaVolterra.of(r, a);
          for (Equilibrium e : lv.equilibria()) {
            double[] s = e.state();
            double scale = 1;
            for (double v : s) {
              assertTrue(v >= 0);
              scale = Math.max(scale, v);
            }
            for (double d : lv.derivative(s)) {
              assertEquals(0, d, 1e-9 * scale * scale);
            }
          }
        });
  }

  @Test
  void trajectoriesStayNonNegative() {
    qt().withExamples(60).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom rnd = Seeds.random(seed);
      CompetitionModel m = CompetitionModel.of(rnd.nextDouble(0.1, 3), rnd.nextDouble(0.1, 3),
          rnd.nextDouble(1, 1000), rnd.nextDouble(1, 1000), rnd.nextDouble(-3, 3),
          rnd.nextDouble(-3, 3));
      double[] init = {rnd.nextDouble(0, 500), rnd.nextDouble(0, 500)};
      Trajectory t = m.simulate(init, 50.0);
      for (double[] s : t.states()) {
        assertTrue(s[0] >= 0 && s[1] >= 0 && Double.isFinite(s[0] + s[1]));
      }
      for (int k = 0; k <= 20; k++) {
        double[] s = t.at(Math.min(t.endTime(), t.endTime() * k / 20));
        assertTrue(s[0] >= 0 && s[1] >= 0);
      }
    });
  }

  @Test
  void analyticOutcomeMatchesLongRunSimulation() {
    qt().withExamples(80).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom rnd = Seeds.random(seed);
      double a;
      double b;
      do { // stay clear of the degenerate lines a = 1, b = 1, ab = 1
        a = rnd.nextDouble(-2, 3);
        b = rnd.nextDouble(-2, 3);
      } while (Math.abs(a - 1) < 0.15 || Math.abs(b - 1) < 0.15 || Math.abs(1 - a * b) < 0.15);
      double r1 = rnd.nextDouble(0.2, 2);
      double r2 = rnd.nextDouble(0.2, 2);
      double k1 = rnd.nextDouble(10, 1000);
      double k2 = rnd.nextDouble(10, 1000);
      CompetitionModel m = CompetitionModel.of(r1, r2, k1, k2, a, b);
      double[] init = {k1 * rnd.nextDouble(0.05, 1.5), k2 * rnd.nextDouble(0.05, 1.5)};
      // extinction check off: the loser's ln N keeps falling linearly, the winner settles at K
      SimulationOptions options = SimulationOptions.defaults().withExtinctionThreshold(0);
      Trajectory t = m.simulate(init, 4000 / Math.min(r1, r2), options);
      double[] end = t.finalState();
      String where = m + " from " + init[0] + ", " + init[1] + ": " + t.stopReason() + " "
          + end[0] + ", " + end[1];
      switch (m.outcome()) {
        case UNBOUNDED_GROWTH -> assertEquals(StopReason.DIVERGED, t.stopReason(), where);
        case COEXISTENCE -> {
          double[] e = m.interiorEquilibrium().orElseThrow().state();
          assertEquals(StopReason.COMPLETED, t.stopReason(), where);
          assertEquals(e[0], end[0], 1e-6 * k1, where);
          assertEquals(e[1], end[1], 1e-6 * k2, where);
        }
        case A_EXCLUDES_B -> {
          assertEquals(StopReason.COMPLETED, t.stopReason(), where);
          assertTrue(end[1] < 1e-8 * k2 && Math.abs(end[0] / k1 - 1) < 1e-6, where);
        }
        case B_EXCLUDES_A -> {
          assertEquals(StopReason.COMPLETED, t.stopReason(), where);
          assertTrue(end[0] < 1e-8 * k1 && Math.abs(end[1] / k2 - 1) < 1e-6, where);
        }
        case BISTABLE -> {
          assertEquals(StopReason.COMPLETED, t.stopReason(), where);
          boolean aWins = end[1] < 1e-8 * k2 && Math.abs(end[0] / k1 - 1) < 1e-6;
          boolean bWins = end[0] < 1e-8 * k1 && Math.abs(end[1] / k2 - 1) < 1e-6;
          assertTrue(aWins || bWins, where);
          Equilibrium attractor = m.attractorOf(init).orElseThrow();
          assertEquals(aWins ? k1 : 0, attractor.state()[0], 0, where);
        }
        default -> throw new AssertionError("unexpected " + m.outcome());
      }
    });
  }
}
