package dev.niche.valuechain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Plans respect every bound and the budget, and no feasible point is closer to the start: the
 * defining property of the least-change plan.
 */
class ReallocationPropertiesTest {

  private static final int N = 6;

  @Test
  void plansAreFeasibleAndNoFeasiblePointIsCloser() {
    qt().forAll(lists().of(doubles().between(0, 1)).ofSize(5 * N), doubles().between(0, 1),
            longs().all())
        .checkAssert((u, frac, seed) -> {
          List<String> names = new ArrayList<>();
          double[] start = new double[N];
          double[] lo = new double[N];
          double[] hi = new double[N];
          double[] w = new double[N];
          for (int i = 0; i < N; i++) {
            names.add("a" + i);
            start[i] = 100 * u.get(i) + (i == 0 ? 1 : 0);
            lo[i] = 30 * u.get(N + i);
            hi[i] = u.get(2 * N + i) < 0.3 ? Double.POSITIVE_INFINITY
                : lo[i] + 50 * u.get(3 * N + i);
            w[i] = 0.1 + 10 * u.get(4 * N + i);
          }
          double sumLo = 0;
          double sumHi = 0;
          for (int i = 0; i < N; i++) {
            sumLo += lo[i];
            sumHi += hi[i];
          }
          double total = Double.isInfinite(sumHi) ? sumLo + 1 + 300 * frac
              : sumLo + (sumHi - sumLo) * frac;
          if (!(total > 0)) {
            return;
          }
          ValueChain chain = ValueChain.of(names, start);
          Reallocation r = Reallocation.from(chain).total(total).weights(w);
          for (int i = 0; i < N; i++) {
            r.atLeast(names.get(i), lo[i]);
            if (!Double.isInfinite(hi[i])) {
              r.atMost(names.get(i), hi[i]);
            }
          }
          double[] x = r.solve().costs();
          double sum = 0;
          for (int i = 0; i < N; i++) {
            assertTrue(x[i] >= lo[i] - 1e-9 && x[i] <= hi[i] + 1e-9, "bound " + i);
            sum += x[i];
          }
          assertEquals(total, sum, 1e-9 * (1 + total));
          double best = objective(x, start, w);
          // Random feasible points: move budget between pairs of activities within bounds.
          SplittableRandom rnd = new SplittableRandom(seed);
          for (int trial = 0; trial < 50; trial++) {
            double[] y = x.clone();
            for (int step = 0; step < 4; step++) {
              int i = rnd.nextInt(N);
              int j = rnd.nextInt(N);
              if (i == j) {
                continue;
              }
              double room = Math.min(y[i] - lo[i], hi[j] - y[j]);
              if (room > 0) {
                double delta = rnd.nextDouble() * Math.min(room, 100);
                y[i] -= delta;
                y[j] += delta;
              }
            }
            assertTrue(best <= objective(y, start, w) + 1e-9 * (1 + best), "closer point found");
          }
        });
  }

  private static double objective(double[] x, double[] c, double[] w) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += w[i] * (x[i] - c[i]) * (x[i] - c[i]);
    }
    return s;
  }
}
