package dev.niche.valuechain;

import dev.niche.core.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * An ordered list of named activities (purchase, R&amp;D, production, ...) with non-negative costs,
 * and optionally the revenue they earn, from which a margin follows.
 *
 * <p>Shares are costs divided by the total cost. A chain whose costs are all positive is a
 * {@link Composition}; see {@link #composition()}.
 *
 * <p>Instances are immutable and thread-safe; array accessors return copies.
 */
public final class ValueChain {

  private final List<String> names;
  private final Map<String, Integer> index;
  private final double[] costs;
  private final double total;
  private final double revenue; // NaN when unknown

  private ValueChain(List<String> names, Map<String, Integer> index, double[] costs,
      double revenue) {
    this.names = names;
    this.index = index;
    this.costs = costs;
    double t = 0;
    for (double c : costs) {
      t += c;
    }
    this.total = t;
    this.revenue = revenue;
  }

  /**
   * Creates a chain from activity names and their costs.
   *
   * @param names distinct, non-blank activity names in chain order (copied)
   * @param costs one finite, non-negative cost per activity, not all zero (copied)
   * @return the chain
   * @throws NullPointerException if {@code names}, a name or {@code costs} is null
   * @throws IllegalArgumentException if the lengths differ, a name is blank or repeated, a cost is
   *     negative, NaN or infinite, or all costs are zero
   */
  public static ValueChain of(List<String> names, double... costs) {
    Checks.notNull(names, "names");
    Checks.nonNegative(costs, "costs");
    Checks.sameLength(names.size(), "names", costs.length, "costs");
    List<String> copy = new ArrayList<>(names.size());
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = Checks.notNull(names.get(i), "names[" + i + "]");
      Checks.argument(!name.isBlank(), "names[" + i + "] is blank");
      Integer previous = index.put(name, i);
      Checks.argument(previous == null,
          "names[" + i + "] = \"" + name + "\" repeats names[" + previous + "]");
      copy.add(name);
    }
    double sum = 0;
    for (double c : costs) {
      sum += c;
    }
    Checks.argument(sum > 0, "costs are all zero; a value chain needs a positive total cost");
    Checks.finite(sum, "total cost");
    return new ValueChain(Collections.unmodifiableList(copy), Collections.unmodifiableMap(index),
        costs.clone(), Double.NaN);
  }

  /**
   * This chain with a known revenue, so that {@link #margin()} is defined.
   *
   * @param revenue the revenue earned by the chain, finite and non-negative
   * @return a new chain with the same activities and costs
   * @throws IllegalArgumentException if {@code revenue} is negative, NaN or infinite
   */
  public ValueChain withRevenue(double revenue) {
    Checks.nonNegative(revenue, "revenue");
    return new ValueChain(names, index, costs, revenue);
  }

  /**
   * The activity names in chain order.
   *
   * @return an unmodifiable list
   */
  public List<String> names() {
    return names;
  }

  /**
   * The costs in chain order.
   *
   * @return a copy of the costs
   */
  public double[] costs() {
    return costs.clone();
  }

  /**
   * The shares of the total cost, summing to 1.
   *
   * @return a fresh array of cost / total
   */
  public double[] shares() {
    double[] s = new double[costs.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = costs[i] / total;
    }
    return s;
  }

  /**
   * The number of activities.
   *
   * @return the number of activities
   */
  public int size() {
    return costs.length;
  }

  /**
   * The total cost.
   *
   * @return the sum of the costs
   */
  public double total() {
    return total;
  }

  /**
   * The position of an activity.
   *
   * @param name the activity's name
   * @return its index in chain order
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if there is no such activity
   */
  public int indexOf(String name) {
    Checks.notNull(name, "name");
    Integer i = index.get(name);
    Checks.argument(i != null, "unknown activity \"" + name + "\"; the activities are " + names);
    return i;
  }

  /**
   * The cost of one activity.
   *
   * @param name the activity's name
   * @return its cost
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if there is no such activity
   */
  public double cost(String name) {
    return costs[indexOf(name)];
  }

  /**
   * The share of one activity in the total cost.
   *
   * @param name the activity's name
   * @return cost / total
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if there is no such activity
   */
  public double share(String name) {
    return costs[indexOf(name)] / total;
  }

  /**
   * The same structure rescaled to a new total cost (every share unchanged).
   *
   * @param newTotal the new total, finite and positive
   * @return the rescaled chain (revenue, if known, is kept as it is)
   * @throws IllegalArgumentException if {@code newTotal} is not finite and positive
   */
  public ValueChain scaledTo(double newTotal) {
    Checks.positive(newTotal, "newTotal");
    return scaledBy(newTotal / total);
  }

  /**
   * Every cost multiplied by the same factor (shares unchanged).
   *
   * @param factor the factor, finite and positive
   * @return the scaled chain (revenue, if known, is kept as it is)
   * @throws IllegalArgumentException if {@code factor} is not finite and positive
   */
  public ValueChain scaledBy(double factor) {
    Checks.positive(factor, "factor");
    double[] c = new double[costs.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = costs[i] * factor;
    }
    Checks.finite(sumOf(c), "scaled total");
    return new ValueChain(names, index, c, revenue);
  }

  /**
   * The chain with the same activities and new costs (e.g. a plan).
   *
   * @param newCosts one finite, non-negative cost per activity, not all zero (copied)
   * @return the new chain (revenue, if known, is kept)
   * @throws NullPointerException if {@code newCosts} is null
   * @throws IllegalArgumentException if the length differs or a cost is invalid
   */
  public ValueChain withCosts(double... newCosts) {
    ValueChain c = of(names, newCosts);
    return Double.isNaN(revenue) ? c : c.withRevenue(revenue);
  }

  /**
   * The revenue, if known.
   *
   * @return the revenue or empty
   */
  public OptionalDouble revenue() {
    return Double.isNaN(revenue) ? OptionalDouble.empty() : OptionalDouble.of(revenue);
  }

  /**
   * The margin revenue &minus; total cost, if the revenue is known.
   *
   * @return the margin or empty
   */
  public OptionalDouble margin() {
    return Double.isNaN(revenue) ? OptionalDouble.empty() : OptionalDouble.of(revenue - total);
  }

  /**
   * The margin as a fraction of revenue, (revenue &minus; cost) / revenue, if the revenue is known
   * and positive.
   *
   * @return the margin rate or empty; {@code -∞} when the revenue is so small next to the cost
   *     that the rate overflows
   */
  public OptionalDouble marginRate() {
    return Double.isNaN(revenue) || revenue == 0 ? OptionalDouble.empty()
        : OptionalDouble.of((revenue - total) / revenue);
  }

  /**
   * The cost shares as a composition.
   *
   * @return the closed shares
   * @throws IllegalArgumentException if an activity has zero cost; the message names it and
   *     points to {@link Composition#replaceZeros(double, double...)}
   */
  public Composition composition() {
    for (int i = 0; i < costs.length; i++) {
      if (costs[i] == 0) {
        Checks.argument(false, "activity \"" + names.get(i) + "\" has zero cost, so"
            + " the shares are not a composition; replace zeros explicitly with"
            + " Composition.replaceZeros(delta, chain.costs())");
      }
    }
    return Composition.of(costs);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ValueChain)) {
      return false;
    }
    ValueChain v = (ValueChain) o;
    return names.equals(v.names) && Arrays.equals(costs, v.costs)
        && Double.compare(revenue, v.revenue) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(names, Arrays.hashCode(costs), revenue);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ValueChain[");
    for (int i = 0; i < costs.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(names.get(i)).append('=')
          .append(String.format(Locale.ROOT, "%.6g", costs[i]));
    }
    if (!Double.isNaN(revenue)) {
      sb.append("; revenue=").append(String.format(Locale.ROOT, "%.6g", revenue));
    }
    return sb.append(']').toString();
  }

  private static double sumOf(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }
}
