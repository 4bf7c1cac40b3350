package dev.niche.examples;

import dev.niche.core.Seeds;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, generated subscriber base with known drivers of churn, for the walkthrough's
 * "what drives churn" step. Customers sign up uniformly over a 36-month window and are observed
 * until its end (right-censored), with plan, acquisition channel and the number of support
 * contacts in their first month. Tenure (whole months subscribed) follows a proportional-hazards
 * Weibull model,
 *
 * <pre>
 *   h(t | x) = h0(t) exp(β'x),   H0(t) = (t / 20)^0.8   (churn propensity falls with tenure)
 * </pre>
 *
 * drawn exactly by inversion, {@code T = 20 (E / exp(β'x))^(1/0.8)} with {@code E ~ Exp(1)}, and
 * rounded up to whole months (billing periods, hence many ties). The true hazard ratios are in
 * {@link #TRUE_HAZARD_RATIOS}; a Cox fit should recover them within its intervals.
 */
final class SyntheticSubscribers {

  static final List<String> PLANS = List.of("basic", "standard", "premium");
  static final List<String> CHANNELS = List.of("online", "partner", "store");

  /** Term name and its true hazard ratio (against basic plan, online channel, 0 contacts). */
  record Driver(String term, double hazardRatio) {}

  static final List<Driver> TRUE_HAZARD_RATIOS = List.of(
      new Driver("plan=standard", 0.70),
      new Driver("plan=premium", 0.45),
      new Driver("channel=partner", 1.50),
      new Driver("channel=store", 0.85),
      new Driver("support contacts", 1.25));

  static final double WINDOW_MONTHS = 36;
  private static final double WEIBULL_SCALE = 20;
  private static final double WEIBULL_SHAPE = 0.8;

  /** The generated customers; arrays are aligned by customer. */
  record Subscribers(double[] tenure, boolean[] churned, int[] plan, int[] channel,
      double[] supportContacts) {

    int size() {
      return tenure.length;
    }
  }

  private SyntheticSubscribers() {}

  static Subscribers generate(int customers, long seed) {
    SplittableRandom random = Seeds.random(seed);
    double[] tenure = new double[customers];
    boolean[] churned = new boolean[customers];
    int[] plan = new int[customers];
    int[] channel = new int[customers];
    double[] contacts = new double[customers];
    for (int c = 0; c < customers; c++) {
      plan[c] = pick(random.nextDouble(), 0.5, 0.3);
      channel[c] = pick(random.nextDouble(), 0.55, 0.25);
      contacts[c] = poisson(random, 0.8);
      double linear = 0;
      if (plan[c] > 0) {
        linear += Math.log(TRUE_HAZARD_RATIOS.get(plan[c] - 1).hazardRatio());
      }
      if (channel[c] > 0) {
        linear += Math.log(TRUE_HAZARD_RATIOS.get(channel[c] + 1).hazardRatio());
      }
      linear += contacts[c] * Math.log(TRUE_HAZARD_RATIOS.get(4).hazardRatio());
      double exponential = -Math.log(1 - random.nextDouble());
      double lifetime = WEIBULL_SCALE
          * Math.pow(exponential / Math.exp(linear), 1 / WEIBULL_SHAPE);
      double followUp = WINDOW_MONTHS * (1 - random.nextDouble());
      churned[c] = lifetime <= followUp;
      tenure[c] = Math.max(1, Math.ceil(Math.min(lifetime, followUp)));
    }
    return new Subscribers(tenure, churned, plan, channel, contacts);
  }

  /** Level 0, 1 or 2 with probabilities first, second and the rest. */
  private static int pick(double u, double first, double second) {
    return u < first ? 0 : u < first + second ? 1 : 2;
  }

  private static double poisson(SplittableRandom random, double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int k = 0;
    while (product > limit) {
      product *= random.nextDouble();
      k++;
    }
    return k;
  }
}
