package dev.niche.valuechain;

import dev.niche.core.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Time-driven activity-based costing (Kaplan &amp; Anderson 2004, "Time-Driven Activity-Based
 * Costing", <i>Harvard Business Review</i> 82(11), 131-138; Kaplan &amp; Anderson 2007, the book of
 * the same name, ch. 1 and 3).
 *
 * <p>A department supplies capacity (e.g. minutes of staff time) at a known cost. The <i>capacity
 * cost rate</i> is the cost of capacity supplied divided by the <i>practical</i> capacity (typically
 * 80-85% of theoretical). Each activity consumes a unit time; its cost-driver rate is unit time
 * &times; capacity cost rate, and the cost assigned to it is that rate &times; quantity. What the
 * activities do not use is <i>unused capacity</i>, reported rather than spread over the products:
 * unused = practical capacity &minus; &Sigma; unit time &times; quantity, costing unused &times;
 * rate. When demand exceeds practical capacity the unused capacity is negative and
 * {@link #exceedsCapacity()} is true.
 *
 * <pre>{@code
 * TimeDrivenCosting m = TimeDrivenCosting.builder(560_000, 700_000)
 *     .activity("process customer orders", 8, 49_000).build();
 * m.capacityCostRate(); // 0.80 per minute
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TimeDrivenCosting {

  private final double capacityCost;
  private final double practicalCapacity;
  private final List<ActivityCost> activities;
  private final double used;

  private TimeDrivenCosting(double capacityCost, double practicalCapacity,
      List<ActivityCost> activities, double used) {
    this.capacityCost = capacityCost;
    this.practicalCapacity = practicalCapacity;
    this.activities = activities;
    this.used = used;
  }

  /**
   * Starts a model.
   *
   * @param capacityCost the cost of the capacity supplied in the period, finite and non-negative
   * @param practicalCapacity the practical capacity in the period (e.g. minutes), finite, positive
   * @return a builder
   * @throws IllegalArgumentException if an argument is invalid
   */
  public static Builder builder(double capacityCost, double practicalCapacity) {
    return new Builder(Checks.nonNegative(capacityCost, "capacityCost"),
        Checks.positive(practicalCapacity, "practicalCapacity"));
  }

  /**
   * The cost of capacity supplied.
   *
   * @return the capacity cost
   */
  public double capacityCost() {
    return capacityCost;
  }

  /**
   * The practical capacity supplied.
   *
   * @return the practical capacity
   */
  public double practicalCapacity() {
    return practicalCapacity;
  }

  /**
   * The capacity cost rate: capacity cost / practical capacity.
   *
   * @return the cost per unit of capacity (e.g. per minute)
   */
  public double capacityCostRate() {
    return capacityCost / practicalCapacity;
  }

  /**
   * The activities in the order they were added, with their rates and assigned costs.
   *
   * @return an unmodifiable list
   */
  public List<ActivityCost> activities() {
    return activities;
  }

  /**
   * The capacity used by all activities.
   *
   * @return &Sigma; unit time &times; quantity
   */
  public double usedCapacity() {
    return used;
  }

  /**
   * The unused capacity, practical capacity &minus; used capacity (negative if demand exceeds it).
   *
   * @return the unused capacity
   */
  public double unusedCapacity() {
    return practicalCapacity - used;
  }

  /**
   * The cost of the unused capacity (negative if demand exceeds practical capacity).
   *
   * @return unused capacity &times; capacity cost rate
   */
  public double unusedCapacityCost() {
    return unusedCapacity() * capacityCostRate();
  }

  /**
   * The cost assigned to activities.
   *
   * @return used capacity &times; capacity cost rate
   */
  public double assignedCost() {
    return used * capacityCostRate();
  }

  /**
   * The fraction of practical capacity used.
   *
   * @return used / practical capacity
   */
  public double utilisation() {
    return used / practicalCapacity;
  }

  /**
   * Whether the activities need more than the practical capacity (more resources are needed, or
   * the unit times are wrong).
   *
   * @return true when used capacity exceeds practical capacity
   */
  public boolean exceedsCapacity() {
    return used > practicalCapacity;
  }

  /** Collects activities for a {@link TimeDrivenCosting}; not thread-safe. */
  public static final class Builder {
    private final double cost;
    private final double capacity;
    private final List<String> names = new ArrayList<>();
    private final List<double[]> data = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    private Builder(double cost, double capacity) {
      this.cost = cost;
      this.capacity = capacity;
    }

    /**
     * Adds an activity.
     *
     * @param name the activity's name, distinct and not blank
     * @param unitTime the capacity one unit consumes, finite and non-negative
     * @param quantity the number of units in the period, finite and non-negative
     * @return this builder
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if the name is blank or repeated, or a number is invalid
     */
    public Builder activity(String name, double unitTime, double quantity) {
      Checks.notNull(name, "name");
      Checks.argument(!name.isBlank(), "name is blank");
      Checks.argument(seen.add(name), "activity \"" + name + "\" is added twice");
      data.add(new double[] {Checks.nonNegative(unitTime, "unitTime of " + name),
          Checks.nonNegative(quantity, "quantity of " + name)});
      names.add(name);
      return this;
    }

    /**
     * Builds the model.
     *
     * @return the model
     * @throws IllegalArgumentException if no activity was added
     */
    public TimeDrivenCosting build() {
      Checks.argument(!names.isEmpty(), "no activity was added");
      double rate = cost / capacity;
      List<ActivityCost> list = new ArrayList<>(names.size());
      double used = 0;
      for (int i = 0; i < names.size(); i++) {
        double t = data.get(i)[0];
        double q = data.get(i)[1];
        list.add(new ActivityCost(names.get(i), t, q, t * rate, t * q, t * rate * q));
        used += t * q;
      }
      return new TimeDrivenCosting(cost, capacity, Collections.unmodifiableList(list), used);
    }
  }
}
