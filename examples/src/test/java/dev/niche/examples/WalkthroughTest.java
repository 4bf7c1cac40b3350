package dev.niche.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test: the walkthrough runs and writes its report and charts. */
class WalkthroughTest {

  private static final List<String> CHARTS = List.of("retention_km.png", "retention_sbg.png",
      "platforms_time.png", "platforms_phase.png", "platforms_outcomes.png",
      "valuechain_shares.png", "segments_pca.png", "drivers_km_by_plan.png",
      "customers_conditional.png", "customers_histogram.png",
      "customers_tracking_cumulative.png", "customers_tracking_weekly.png",
      "drivers_hazard_ratios.png");

  @Test
  void writesTheReportAndEveryChart(@TempDir Path out) throws IOException {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Path report = Walkthrough.run(WalkthroughOptions.parse("--out", out.toString()),
        new PrintStream(console, true, StandardCharsets.UTF_8));
    String markdown = Files.readString(report);
    for (String chart : CHARTS) {
      Path png = out.resolve(chart);
      assertTrue(Files.size(png) > 1000, chart);
      assertTrue(markdown.contains("(" + chart + ")"), chart);
    }
    // Fader & Hardie (2007) Regular cohort, fitted on years 0..7: alpha 0.704, beta 1.182.
    assertTrue(markdown.contains("alpha 0.704"), markdown);
    assertTrue(markdown.contains("beta 1.182"), markdown);
    // Miller & Blair (2009) two-sector example: output (1247.52, 1841.58).
    assertTrue(markdown.contains("(1247.52, 1841.58)"), markdown);
    // The least-change plan reproduces the seed's new chain exactly.
    assertTrue(markdown.contains("(20, 50, 20, 5, 5): yes"), markdown);
    String summary = console.toString(StandardCharsets.UTF_8);
    assertTrue(summary.contains("4. Customers"), summary);
    assertTrue(summary.contains("5. What drives churn?"), summary);
    assertTrue(markdown.contains("| basic vs premium |"), markdown);
    // The Cox fit of the generated subscribers recovers the premium plan's true ratio 0.45.
    assertTrue(markdown.contains("| plan=premium | -0.776 | 0.063 | 0.460 |"), markdown);
    assertTrue(markdown.contains("How good are the predictions?"), markdown);
    assertTrue(markdown.contains("| 7+ |"), markdown);
  }

  @Test
  void validatesOnTheUsersTransactionsWithAChosenSplit(@TempDir Path dir) throws IOException {
    // Ten customers buying every other week in the first half-year, half of them again later.
    StringBuilder csv = new StringBuilder("customer,date,amount\n");
    for (int c = 0; c < 10; c++) {
      for (int w = 0; w < 26; w += 2 + c % 3) {
        csv.append("c").append(c).append(',').append(java.time.LocalDate.of(2025, 1, 6)
            .plusWeeks(w).plusDays(c)).append(",").append(10 + c).append('\n');
      }
      if (c % 2 == 0) {
        csv.append("c").append(c).append(",2025-09-1").append(c / 2).append(",20\n");
      }
    }
    Path tx = dir.resolve("tx.csv");
    Files.writeString(tx, csv.toString());
    Path out = dir.resolve("out");
    Path report = Walkthrough.run(WalkthroughOptions.parse("--out", out.toString(),
            "--transactions", tx.toString(), "--calibration-end", "2025-06-30"),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    String markdown = Files.readString(report);
    assertTrue(markdown.contains("up to 2025-06-30"), markdown);
    assertTrue(markdown.contains("10 customers; BG/NBD on the calibration period"), markdown);
    assertTrue(markdown.contains("holdout repeat purchases: expected"), markdown);
    assertTrue(Files.size(out.resolve("customers_tracking_cumulative.png")) > 1000);
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> CustomerStep.read(tx, java.time.LocalDate.of(2026, 1, 1)));
    assertTrue(e.getMessage().contains("--calibration-end 2026-01-01"), e.getMessage());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> WalkthroughOptions.parse("--calibration-end", "30/06/2025"));
    assertTrue(bad.getMessage().startsWith("--calibration-end 30/06/2025 is not an ISO date"),
        bad.getMessage());
  }

  @Test
  void runsOnTheUsersFiles(@TempDir Path dir) throws IOException {
    Path retention = dir.resolve("retention.csv");
    Files.writeString(retention, "curve,period,active\nA,0,100\nA,1,80\nA,2,70\nA,3,64\n"
        + "B,0,100\nB,1,60\nB,2,45\nB,3,38\n");
    Path chain = dir.resolve("chain.csv");
    Files.writeString(chain, "activity,before,after\nbuy,60,40\nmake,30,40\nsell,10,20\n");
    Path out = dir.resolve("out");
    Path report = Walkthrough.run(WalkthroughOptions.parse("--out", out.toString(),
            "--retention", retention.toString(), "--value-chain", chain.toString()),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    String markdown = Files.readString(report);
    assertTrue(markdown.contains("| A | 1 | 0.800 |"), markdown);
    assertTrue(markdown.contains("| buy |"), markdown);
  }

  @Test
  void malformedRowsNameTheLineColumnAndValue(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("tx.csv");
    Files.writeString(bad, "customer,date,amount\nc1,2025-01-03,12.5\nc2,2025-13-01,7\n");
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> CustomerStep.read(bad, null));
    assertEquals(bad + ":3: column 'date' = '2025-13-01' is not an ISO date (yyyy-mm-dd)",
        e.getMessage());

    Files.writeString(bad, "customer,date,amount\nc1,2025-01-03,-4\n");
    e = assertThrows(InputFormatException.class, () -> CustomerStep.read(bad, null));
    assertEquals(bad + ":2: column 'amount' = '-4' must be >= 0", e.getMessage());

    Path missing = dir.resolve("chain.csv");
    Files.writeString(missing, "activity,before\nbuy,60\n");
    e = assertThrows(InputFormatException.class, () -> ValueChainStep.read(missing));
    assertTrue(e.getMessage().contains("missing column(s) [after]"), e.getMessage());

    Path gap = dir.resolve("retention.csv");
    Files.writeString(gap, "curve,period,active\nA,0,100\nA,2,80\n");
    e = assertThrows(InputFormatException.class, () -> RetentionStep.read(gap));
    assertTrue(e.getMessage().startsWith(gap + ":3: column 'period' = '2'"), e.getMessage());
  }

  @Test
  void unknownOptionsAreRejectedWithUsage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WalkthroughOptions.parse("--colour", "red"));
    assertTrue(e.getMessage().startsWith("unknown option --colour"), e.getMessage());
  }
}
