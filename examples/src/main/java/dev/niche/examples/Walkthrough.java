package dev.niche.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the walkthrough: for now, lists Niche's modules and what each answers. */
public final class Walkthrough {

  private Walkthrough() {}

  /**
   * Entry point.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.println("Niche modules:");
    out.println("  niche-core          validation, estimates, maximum likelihood, seeds");
    out.println("  niche-churn         are our customers staying? (retention, churn, value)");
    out.println("  niche-ecology       win against the platform next door, or grow together?");
    out.println("  niche-valuechain    where should our costs sit along the value chain?");
    out.println("  niche-segmentation  which customer groups do we serve?");
  }
}
