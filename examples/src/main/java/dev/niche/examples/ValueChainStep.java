package dev.niche.examples;

import static dev.niche.examples.Report.fmt;

import dev.niche.valuechain.ActivityChange;
import dev.niche.valuechain.InputOutputModel;
import dev.niche.valuechain.LogRatioShift;
import dev.niche.valuechain.Reallocation;
import dev.niche.valuechain.Restructuring;
import dev.niche.valuechain.ValueChain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * Step 3: where should our costs sit along the value chain? The seed study's Table 2 (cost shares
 * before and after a data-driven restructuring), the restructuring explained in Aitchison
 * geometry, the least-change plan that reaches the new structure's constraints, and a cost-push
 * example on Miller &amp; Blair's two-sector input-output table.
 */
final class ValueChainStep {

  static final List<String> ACTIVITIES = List.of("purchase", "R&D", "production", "sale", "market");
  /** Seed study, Table 2: cost shares (%) before and after the restructuring. */
  static final double[] BEFORE = {50, 10, 20, 15, 5};
  static final double[] AFTER = {20, 50, 20, 5, 5};

  private ValueChainStep() {}

  /** The before and after chains of the walkthrough, or the user's. */
  record Chains(ValueChain before, ValueChain after) {}

  static void run(Report report, Chains user) {
    report.section("3. Value chain: where should our costs sit?");
    Chains chains = user != null ? user
        : new Chains(ValueChain.of(ACTIVITIES, BEFORE), ValueChain.of(ACTIVITIES, AFTER));
    report.paragraph(user != null ? "Cost structures read from the user's file."
        : "Seed study, Table 2: cost shares across purchase, R&D, production, sale and market "
            + "before and after a data-driven restructuring.");
    explain(report, chains);
    if (user == null) {
      plan(report, chains.before());
    }
    costPush(report);
  }

  private static void explain(Report report, Chains chains) {
    Restructuring r = Restructuring.compare(chains.before(), chains.after());
    List<List<String>> rows = new ArrayList<>();
    for (ActivityChange c : r.ranked()) {
      rows.add(List.of(c.activity(), fmt(100 * c.shareBefore(), 1), fmt(100 * c.shareAfter(), 1),
          fmt(100 * c.changeInPoints(), 1), fmt(c.clrChange(), 3), fmt(c.factor(), 3)));
    }
    report.subsection("The restructuring, explained");
    report.table(List.of("activity", "share before %", "share after %", "change (points)",
        "clr change", "perturbation factor"), rows);
    LogRatioShift shift = r.largestLogRatioShift();
    report.finding("Aitchison distance %s, Euclidean distance of shares %s, total variation %s",
        fmt(r.aitchisonDistance(), 4), fmt(r.euclideanDistance(), 4),
        fmt(r.totalVariationDistance(), 4));
    report.finding("largest move: %s against %s, log-ratio %s -> %s (change %s)",
        shift.numerator(), shift.denominator(), fmt(shift.before(), 3), fmt(shift.after(), 3),
        fmt(shift.change(), 3));
    report.endFindings();
    report.paragraph("```\n" + r.describe() + "\n```");

    CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
        .title("Cost shares before and after").xAxisTitle("activity").yAxisTitle("share (%)")
        .build();
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    List<String> names = chains.before().names();
    chart.addSeries("before", names, percentages(chains.before().shares()));
    chart.addSeries("after", names, percentages(chains.after().shares()));
    report.image("Cost shares", Charts.save(chart, report.folder(), "valuechain_shares"));
  }

  private static void plan(Report report, ValueChain before) {
    report.subsection("Least-change plan");
    ValueChain plan = Reallocation.from(before).total(100)
        .atLeast("R&D", 50).atLeast("production", 20).allAtLeast(5).solve();
    report.paragraph("Minimise the squared change of every activity's cost subject to a total of "
        + "100, R&D >= 50, production >= 20 and every activity >= 5 (exact quadratic-knapsack "
        + "solution).");
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      rows.add(List.of(plan.names().get(i), fmt(before.costs()[i], 1), fmt(plan.costs()[i], 2)));
    }
    report.table(List.of("activity", "before", "least-change plan"), rows);
    double gap = 0;
    for (int i = 0; i < AFTER.length; i++) {
      gap = Math.max(gap, Math.abs(plan.costs()[i] - AFTER[i]));
    }
    report.finding("the plan is the seed's new chain (20, 50, 20, 5, 5): %s",
        gap < 1e-9 ? "yes (largest difference " + gap + ")" : "no: " + plan);
    ValueChain toward = Reallocation.towardShare(before, "R&D", 0.5);
    report.finding("Aitchison variant, R&D to 50%% with least log-ratio change: %s",
        describeShares(toward));
    report.endFindings();
  }

  private static void costPush(Report report) {
    report.subsection("Cost push through the chain (Miller & Blair 2009, two sectors)");
    InputOutputModel io = InputOutputModel.fromFlows(
        new double[][] {{150, 500}, {200, 100}}, new double[] {1000, 2000});
    double[] output = io.output(new double[] {600, 1500});
    double[] push = io.priceIncrease(0, 0.10);
    report.finding("output for final demand (600, 1500): (%s, %s)", fmt(output[0], 2),
        fmt(output[1], 2));
    report.finding("raising sector 1's value added by 0.10 per unit of output raises prices by "
        + "(%s, %s)", fmt(push[0], 4), fmt(push[1], 4));
    report.finding("output multipliers (%s, %s); spectral radius of A %s",
        fmt(io.outputMultipliers()[0], 4), fmt(io.outputMultipliers()[1], 4),
        fmt(io.spectralRadius(), 4));
    report.endFindings();
  }

  private static String describeShares(ValueChain chain) {
    StringBuilder s = new StringBuilder();
    double[] shares = chain.shares();
    for (int i = 0; i < shares.length; i++) {
      s.append(i == 0 ? "" : ", ").append(chain.names().get(i)).append(' ')
          .append(fmt(100 * shares[i], 1)).append('%');
    }
    return s.toString();
  }

  private static List<Double> percentages(double[] shares) {
    List<Double> list = new ArrayList<>();
    for (double s : shares) {
      list.add(100 * s);
    }
    return list;
  }

  /** Reads before/after costs from a CSV with columns activity, before, after. */
  static Chains read(Path file) {
    List<String> names = new ArrayList<>();
    List<double[]> costs = new ArrayList<>();
    CsvInput.read(file, List.of("activity", "before", "after"), row -> {
      names.add(row.text("activity"));
      costs.add(new double[] {row.nonNegative("before"), row.nonNegative("after")});
    });
    if (names.isEmpty()) {
      throw new InputFormatException(file, "has no data rows");
    }
    double[] before = new double[names.size()];
    double[] after = new double[names.size()];
    for (int i = 0; i < names.size(); i++) {
      before[i] = costs.get(i)[0];
      after[i] = costs.get(i)[1];
    }
    try {
      return new Chains(ValueChain.of(names, before), ValueChain.of(names, after));
    } catch (IllegalArgumentException e) {
      throw new InputFormatException(file, e.getMessage());
    }
  }
}
