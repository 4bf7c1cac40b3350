package dev.niche.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Executable;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API contract suite (issue 18): every public entry point of core, churn, ecology,
 * valuechain and segmentation, called with a bad-value corpus. One dynamic test per entry point
 * lists that entry's breaches; the other tests check the structure of the API and the suite's
 * own lists. See this module's README for the design and how to run it.
 */
class ApiContractTest {

  private static final Logger LOG = LoggerFactory.getLogger(ApiContractTest.class);

  /**
   * True (the default): an entry point that the suite cannot call (no sample for a parameter
   * type, or no combination of samples that it accepts) fails the build, so new API cannot slip
   * past the contract unchecked. {@code -Dniche.contract.failOnMissingSamples=false} only reports
   * them in {@code target/api-contract-report.txt} (for work in progress).
   */
  static final boolean FAIL_ON_MISSING_SAMPLES =
      Boolean.parseBoolean(System.getProperty("niche.contract.failOnMissingSamples", "true"));

  private static final long TIMEOUT_MILLIS = Long.getLong("niche.contract.timeoutMillis", 5_000);
  private static final long BUDGET_MILLIS = Long.getLong("niche.contract.budgetMillis", 150_000);

  private static Run run;

  /** The state of one run of the suite, computed once for all tests. */
  private static final class Run {
    final List<Executable> entries;
    final Explorer explorer;
    final Map<String, List<Finding>> byEntry = new LinkedHashMap<>();
    final List<Finding> unexcused = new ArrayList<>();
    final KnownDefects lists;
    final CallRunner runner;

    Run() {
      List<Class<?>> types = ApiTypes.scan();
      entries = Entries.of(types);
      Path root = Paths.get(System.getProperty("niche.sources", ".."));
      JavadocIndex javadoc = JavadocIndex.parse(root);
      lists = KnownDefects.load();
      runner = new CallRunner(TIMEOUT_MILLIS, BUDGET_MILLIS);
      Judge judge = new Judge(javadoc);
      structure(types, judge);
      explorer = new Explorer(entries, runner, judge, lists);
      try {
        explorer.run();
      } finally {
        runner.close();
      }
      for (Finding f : judge.findings()) {
        byEntry.computeIfAbsent(f.entry(), k -> new ArrayList<>()).add(f);
        if (!lists.excuses(f)) {
          unexcused.add(f);
        }
      }
      LOG.debug("{} types, {} entry points, {} with a baseline, {} calls in {} ms, "
              + "{} findings ({} unexcused); Javadoc of {} members", types.size(),
          entries.size(), explorer.baselines().size(), runner.calls(), runner.elapsedMillis(),
          judge.findings().size(), unexcused.size(), javadoc.size());
      writeReport(types.size(), judge.findings());
    }

    /** Structural rules: no record with an array component in the API. */
    private static void structure(List<Class<?>> types, Judge judge) {
      for (Class<?> type : types) {
        if (!type.isRecord()) {
          continue;
        }
        for (RecordComponent c : type.getRecordComponents()) {
          if (c.getType().isArray()) {
            judge.add(new Finding(type.getName().substring("dev.niche.".length()),
                "component " + c.getName(), "record with an array component",
                "make it a final class with copying accessors of the same names"));
          }
        }
      }
    }

    private void writeReport(int typeCount, List<Finding> findings) {
      String file = System.getProperty("niche.contract.report");
      if (file == null) {
        return;
      }
      List<String> lines = new ArrayList<>();
      lines.add("API contract suite: " + typeCount + " types, " + entries.size()
          + " entry points, " + explorer.baselines().size() + " with a baseline, "
          + runner.calls() + " calls, " + runner.spentMillis() + " ms of CPU in calls, "
          + runner.elapsedMillis() + " ms elapsed");
      lines.add("");
      lines.add("Unexcused findings (" + unexcused.size() + "):");
      unexcused.forEach(f -> lines.add("  " + f));
      lines.add("");
      lines.add("All findings (" + findings.size() + "), known defects and exemptions included:");
      findings.forEach(f -> lines.add("  " + f));
      lines.add("");
      lines.add("Stale known defects (fixed; remove them): ");
      lists.stale().forEach(l -> lines.add("  " + l.pattern()));
      lines.add("");
      lines.add("Entry points without a baseline (" + explorer.missing().size() + "):");
      explorer.missing().forEach((e, why) -> lines.add("  " + Entries.name(e) + ": " + why));
      lines.add("");
      lines.add("Entry points not probed (time budget): " + explorer.unprobed().size());
      explorer.unprobed().forEach(e -> lines.add("  " + Entries.name(e)));
      lines.add("");
      lines.add("Baselines:");
      explorer.baselines().forEach((e, b) -> lines.add("  " + Entries.name(e) + " <- "
          + (b.receiver() == null ? "" : b.receiver().label() + " ")
          + Stream.of(b.args()).map(Sample::label).collect(Collectors.joining(", ", "(", ")"))));
      try {
        Path path = Paths.get(file);
        Files.createDirectories(path.getParent());
        Files.write(path, lines, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static synchronized Run run() {
    if (run == null) {
      run = new Run();
    }
    return run;
  }

  @TestFactory
  Stream<DynamicTest> everyEntryPointKeepsTheContract() {
    Run r = run();
    return r.entries.stream().map(Entries::name).distinct().map(name -> DynamicTest.dynamicTest(
        name, () -> {
          List<Finding> breaches = r.byEntry.getOrDefault(name, List.of()).stream()
              .filter(r.unexcused::contains)
              .collect(Collectors.toList());
          if (!breaches.isEmpty()) {
            fail(breaches.size() + " breach(es) of the API contract:\n  "
                + breaches.stream().map(Finding::toString)
                    .collect(Collectors.joining("\n  ")));
          }
        }));
  }

  @Test
  void noRecordInTheApiHasAnArrayComponent() {
    Run r = run();
    List<Finding> breaches = r.unexcused.stream()
        .filter(f -> f.kind().equals("record with an array component"))
        .collect(Collectors.toList());
    assertTrue(breaches.isEmpty(), () -> "records with array components:\n  "
        + breaches.stream().map(Finding::toString).collect(Collectors.joining("\n  ")));
  }

  @Test
  void everyEntryPointHasASample() {
    Run r = run();
    List<String> missing = r.explorer.missing().entrySet().stream()
        .map(e -> Entries.name(e.getKey()) + ": " + e.getValue())
        .filter(s -> r.lists.exemptions().stream().noneMatch(l -> l.matches(
            s.substring(0, s.indexOf(": ")) + ": no baseline")))
        .collect(Collectors.toList());
    if (FAIL_ON_MISSING_SAMPLES) {
      assertTrue(missing.isEmpty(), () -> missing.size() + " entry point(s) could not be called "
          + "with valid arguments, so their contract is unchecked. Add a sample of the missing "
          + "type to api-contract/src/test/java/dev/niche/contract/Registry.java:\n  "
          + String.join("\n  ", missing));
    }
  }

  @Test
  void everyEntryPointIsProbedWithinTheTimeBudget() {
    Run r = run();
    assertTrue(r.explorer.unprobed().isEmpty(), () -> "the time budget of " + BUDGET_MILLIS
        + " ms ran out before " + r.explorer.unprobed().size() + " entry points were probed");
  }

  @Test
  void knownDefectsStillReproduce() {
    Run r = run();
    List<KnownDefects.Line> stale = r.lists.stale();
    assertTrue(stale.isEmpty(), () -> "fixed, so remove from "
        + "api-contract/src/test/resources/dev/niche/contract/known-defects.txt:\n  "
        + stale.stream().map(KnownDefects.Line::pattern).collect(Collectors.joining("\n  ")));
  }
}
