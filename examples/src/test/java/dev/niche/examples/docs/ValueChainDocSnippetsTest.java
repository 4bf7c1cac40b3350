package dev.niche.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.valuechain.InputOutputModel;
import dev.niche.valuechain.Reallocation;
import dev.niche.valuechain.Restructuring;
import dev.niche.valuechain.TimeDrivenCosting;
import dev.niche.valuechain.ValueChain;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java snippets of docs/valuechain.md, compiled and run; the body of each test is the snippet verbatim. */
@SuppressWarnings({"unused", "UnusedVariable"})
class ValueChainDocSnippetsTest {

  @Test
  void restructuringAndPlan() {

    List<String> names = List.of("purchase", "R&D", "production", "sale", "market");
    ValueChain before = ValueChain.of(names, 50, 10, 20, 15, 5);
    ValueChain after  = ValueChain.of(names, 20, 50, 20, 5, 5);
    Restructuring r = Restructuring.compare(before, after);
    String report = r.describe();         // ranked, readable explanation
    ValueChain plan = Reallocation.from(before).total(100)
        .atLeast("R&D", 50).atLeast("production", 20).allAtLeast(5).solve();
    // plan = 20 / 50 / 20 / 5 / 5 — exactly Table 2's new chain
    assertEquals(2.145681166746975, r.aitchisonDistance(), 1e-12);
    assertTrue(report.contains("R&D"));
    assertEquals(List.of(20.0, 50.0, 20.0, 5.0, 5.0), java.util.Arrays.stream(plan.costs()).boxed().toList());
  }

  @Test
  void inputOutput() {

    InputOutputModel m = InputOutputModel.fromFlows(
        new double[][] {{150, 500}, {200, 100}}, new double[] {1000, 2000});
    m.coefficients();      // [[0.15, 0.25], [0.20, 0.05]]
    m.leontiefInverse();   // [[1.2541, 0.3300], [0.2640, 1.1221]]
    m.output(new double[] {600, 1500});   // (1247.52, 1841.58)
    double[] out = m.output(new double[] {600, 1500});
    assertEquals(1247.52, out[0], 0.005);
    assertEquals(1841.58, out[1], 0.005);
  }

  @Test
  void timeDrivenCosting() {

    TimeDrivenCosting t = TimeDrivenCosting.builder(560_000, 700_000)   // $ per quarter, minutes
        .activity("process customer orders", 8, 49_000)
        .activity("handle customer inquiries", 44, 1_400)
        .activity("perform credit checks", 50, 2_500)
        .build();
    t.capacityCostRate();      // $0.80 per minute
    t.activities();            // $6.40 per order, $35.20 per inquiry, $40.00 per credit check
    t.usedCapacity();          // 578,600 minutes (83% of capacity), $462,880 assigned
    t.unusedCapacityCost();    // 121,400 minutes unused = $97,120
    assertEquals(0.80, t.capacityCostRate(), 1e-12);
    assertEquals(578_600, t.usedCapacity(), 1e-9);
    assertEquals(97_120, t.unusedCapacityCost(), 1e-6);
  }
}
