package dev.niche.examples;

import static dev.niche.examples.Report.fmt;

import dev.niche.ecology.CompetitionModel;
import dev.niche.ecology.Equilibrium;
import dev.niche.ecology.Outcome;
import dev.niche.ecology.Trajectory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * Step 2: will we win against the platform next door, or grow together? The seed study's
 * two-platform model dR1/dt = r1 R1 (1 − R1/K1 − a R2/K2), dR2/dt = r2 R2 (1 − R2/K2 − b R1/K1)
 * in a competitive and a cooperative setting, its phase portrait, and the outcome map over (a, b).
 */
final class PlatformStep {

  /** Growth rates and capacities used for the illustration (the seed gives none). */
  static final double R1 = 0.8;
  static final double R2 = 0.6;
  static final double K1 = 100;
  static final double K2 = 80;
  static final double[] START = {10, 5};
  static final double T_END = 40;

  private PlatformStep() {}

  static void run(Report report) {
    report.section("2. Platforms: compete or grow together?");
    report.paragraph("Two platforms A and B share one ecosystem: R1, R2 are their market "
        + "resources, r1 = " + R1 + ", r2 = " + R2 + " their growth rates, K1 = " + K1
        + ", K2 = " + K2 + " their capacities alone. a and b measure the effect of each on the "
        + "other: positive competes, negative cooperates (network effects, partnership).");
    List<List<String>> rows = new ArrayList<>();
    XYChart time = Charts.xy("Market resources over time", "time", "resources");
    scenario(report, rows, time, "competitive", 0.6, 0.7);
    scenario(report, rows, time, "cooperative", -0.3, -0.2);
    scenario(report, rows, time, "A dominates", 0.4, 1.3);
    report.endFindings();
    report.table(List.of("setting", "a", "b", "outcome", "stable equilibrium", "R at t = 40"),
        rows);
    report.image("Trajectories", Charts.save(time, report.folder(), "platforms_time"));
    phasePortrait(report, 1.5, 1.3);
    outcomeMap(report);
  }

  private static void scenario(Report report, List<List<String>> rows, XYChart chart,
      String name, double a, double b) {
    CompetitionModel model = CompetitionModel.of(R1, R2, K1, K2, a, b);
    Trajectory trajectory = model.simulate(START, sample(T_END, 200));
    double[] t = trajectory.times();
    double[][] states = trajectory.states();
    Charts.line(chart, name + ": A", t, column(states, 0));
    Charts.dashed(chart, name + ": B", t, column(states, 1));
    String stable = model.equilibria().stream().filter(Equilibrium::stable)
        .map(e -> "(" + fmt(e.state()[0], 1) + ", " + fmt(e.state()[1], 1) + ")")
        .reduce((x, y) -> x + " " + y).orElse("none");
    double[] end = trajectory.finalState();
    rows.add(List.of(name, fmt(a, 2), fmt(b, 2), model.outcome().toString(), stable,
        "(" + fmt(end[0], 1) + ", " + fmt(end[1], 1) + ")"));
    report.finding("%s (a = %s, b = %s): %s; trajectory %s", name, fmt(a, 2), fmt(b, 2),
        model.outcome(), trajectory.stopReason());
  }

  private static void phasePortrait(Report report, double a, double b) {
    CompetitionModel model = CompetitionModel.of(R1, R2, K1, K2, a, b);
    report.subsection("Phase portrait under strong competition (a = " + a + ", b = " + b + ")");
    XYChart chart = Charts.xy("Phase portrait, a = " + a + ", b = " + b + ": "
        + model.outcome(), "R1 (platform A)", "R2 (platform B)");
    double[] r1 = {0, K1};
    // R1-nullcline: R1 = K1 (1 − a R2 / K2); R2-nullcline: R2 = K2 (1 − b R1 / K1).
    Charts.dashed(chart, "dR1/dt = 0", new double[] {K1, 0}, new double[] {0, K2 / a});
    Charts.dashed(chart, "dR2/dt = 0", r1, new double[] {K2, K2 * (1 - b)});
    double[][] starts = {{5, 5}, {90, 10}, {10, 70}, {60, 60}, {30, 25}, {25, 30}, {2, 40},
      {50, 2}};
    int basinA = 0;
    for (double[] start : starts) {
      Trajectory trajectory = model.simulate(start, sample(80, 400));
      double[][] states = trajectory.states();
      Charts.line(chart, "from " + Arrays.toString(start), column(states, 0), column(states, 1));
      double[] end = trajectory.finalState();
      if (end[0] > end[1]) {
        basinA++;
      }
    }
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setXAxisMax(K1 * 1.05);
    chart.getStyler().setYAxisMax(K2 * 1.2);
    report.finding("bistable: the first mover wins — %d of %d starting points end with A alone",
        basinA, starts.length);
    report.endFindings();
    report.image("Phase portrait", Charts.save(chart, report.folder(), "platforms_phase"));
  }

  private static void outcomeMap(Report report) {
    report.subsection("Outcome map over (a, b)");
    Map<Outcome, List<double[]>> byOutcome = new EnumMap<>(Outcome.class);
    int steps = 60;
    for (int i = 0; i <= steps; i++) {
      for (int j = 0; j <= steps; j++) {
        double a = -2 + 4.0 * i / steps;
        double b = -2 + 4.0 * j / steps;
        Outcome outcome = CompetitionModel.of(R1, R2, K1, K2, a, b).outcome();
        byOutcome.computeIfAbsent(outcome, o -> new ArrayList<>()).add(new double[] {a, b});
      }
    }
    XYChart chart = Charts.xy("Outcome over (a, b)", "a (effect of B on A)",
        "b (effect of A on B)");
    chart.getStyler().setMarkerSize(5);
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<Outcome, List<double[]>> e : byOutcome.entrySet()) {
      List<double[]> points = e.getValue();
      double[] a = new double[points.size()];
      double[] b = new double[points.size()];
      for (int k = 0; k < points.size(); k++) {
        a[k] = points.get(k)[0];
        b[k] = points.get(k)[1];
      }
      Charts.points(chart, e.getKey().toString(), a, b);
      rows.add(List.of(e.getKey().toString(), Integer.toString(points.size())));
    }
    report.table(List.of("outcome", "grid points of 61 x 61 over [-2, 2]²"), rows);
    report.image("Outcome map", Charts.save(chart, report.folder(), "platforms_outcomes"));
  }

  static double[] sample(double tEnd, int points) {
    double[] t = new double[points + 1];
    for (int i = 0; i <= points; i++) {
      t[i] = tEnd * i / points;
    }
    return t;
  }

  static double[] column(double[][] rows, int column) {
    double[] c = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      c[i] = rows[i][column];
    }
    return c;
  }
}
