package dev.niche.valuechain;

import dev.niche.core.Checks;
import dev.niche.valuechain.internal.LuFactors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Reciprocal (simultaneous-equation) allocation of service-department costs to production
 * departments (Horngren, Datar &amp; Rajan, <i>Cost Accounting: A Managerial Emphasis</i>, chapter
 * "Allocation of Support-Department Costs", reciprocal method; Kaplan &amp; Atkinson,
 * <i>Advanced Management Accounting</i>, ch. 3).
 *
 * <p>Service department i has direct cost c<sub>i</sub> and delivers fraction s<sub>ik</sub> of its
 * services to service department k and r<sub>ip</sub> to production department p, with
 * &Sigma;<sub>k</sub> s<sub>ik</sub> + &Sigma;<sub>p</sub> r<sub>ip</sub> = 1. Its <i>complete
 * (reciprocated) cost</i> T<sub>i</sub> includes the services it receives from the others:
 * T = c + S<sup>T</sup> T, i.e. (I &minus; S<sup>T</sup>) T = c, solved by LU. Production
 * department p then receives &Sigma;<sub>i</sub> r<sub>ip</sub> T<sub>i</sub>. Because every row of
 * shares sums to 1, all service costs end up in production departments:
 * &Sigma;<sub>p</sub> allocated<sub>p</sub> = &Sigma;<sub>i</sub> c<sub>i</sub>.
 *
 * <p>Instances are immutable and thread-safe; array accessors return copies.
 */
public final class ReciprocalAllocation {

  private final List<String> serviceDepartments;
  private final double[] reciprocatedCosts;
  private final List<String> productionDepartments;
  private final double[] allocatedCosts;
  private final double[] totalCosts;

  /**
   * Validates and copies the components.
   *
   * @param serviceDepartments the service departments' names
   * @param reciprocatedCosts the complete costs of the service departments
   * @param productionDepartments the production departments' names
   * @param allocatedCosts the allocation to each production department
   * @param totalCosts each production department's total cost
   * @throws NullPointerException if an argument or a name is null
   * @throws IllegalArgumentException if the lengths do not match the names or a cost is not
   *     finite
   */
  public ReciprocalAllocation(List<String> serviceDepartments, double[] reciprocatedCosts,
      List<String> productionDepartments, double[] allocatedCosts, double[] totalCosts) {
    this.serviceDepartments = names(serviceDepartments, "serviceDepartments");
    this.productionDepartments = names(productionDepartments, "productionDepartments");
    this.reciprocatedCosts = finite(reciprocatedCosts, "reciprocatedCosts");
    this.allocatedCosts = finite(allocatedCosts, "allocatedCosts");
    this.totalCosts = finite(totalCosts, "totalCosts");
    Checks.sameLength(reciprocatedCosts.length, "reciprocatedCosts", serviceDepartments.size(),
        "serviceDepartments");
    Checks.sameLength(allocatedCosts.length, "allocatedCosts", productionDepartments.size(),
        "productionDepartments");
    Checks.sameLength(totalCosts.length, "totalCosts", productionDepartments.size(),
        "productionDepartments");
  }

  private static List<String> names(List<String> names, String name) {
    Checks.notNull(names, name);
    for (int i = 0; i < names.size(); i++) {
      Checks.notNull(names.get(i), name + "[" + i + "]");
    }
    return List.copyOf(names);
  }

  private static double[] finite(double[] values, String name) {
    Checks.notNull(values, name);
    for (int i = 0; i < values.length; i++) {
      Checks.element(Double.isFinite(values[i]), name, i, values[i], "must be finite");
    }
    return values.clone();
  }

  /**
   * Allocates service-department costs by the reciprocal method.
   *
   * @param serviceDepartments names of the s service departments (distinct)
   * @param serviceCosts their s direct costs, finite and non-negative
   * @param productionDepartments names of the p production departments (distinct from all)
   * @param productionCosts their p direct costs, finite and non-negative
   * @param shares s rows of s + p fractions: row i gives the fraction of service department i's
   *     output used by each service department (first s columns, its own column must be 0) and
   *     then by each production department; each row is non-negative and sums to 1 (within 1e-9)
   * @return the allocation
   * @throws NullPointerException if an argument or a row is null
   * @throws IllegalArgumentException if a name repeats, a length does not match, a cost or share is
   *     negative or not finite, a department uses its own services, a row does not sum to 1, or
   *     the services circulate among themselves without ever reaching production (singular system)
   */
  public static ReciprocalAllocation allocate(List<String> serviceDepartments,
      double[] serviceCosts, List<String> productionDepartments, double[] productionCosts,
      double[][] shares) {
    Checks.notNull(serviceDepartments, "serviceDepartments");
    Checks.notNull(productionDepartments, "productionDepartments");
    Checks.nonNegative(serviceCosts, "serviceCosts");
    Checks.nonNegative(productionCosts, "productionCosts");
    int s = serviceDepartments.size();
    int p = productionDepartments.size();
    Checks.sameLength(serviceCosts.length, "serviceCosts", s, "serviceDepartments");
    Checks.sameLength(productionCosts.length, "productionCosts", p, "productionDepartments");
    Set<String> seen = new HashSet<>();
    List<String> all = new ArrayList<>(serviceDepartments);
    all.addAll(productionDepartments);
    for (int i = 0; i < all.size(); i++) {
      String name = Checks.notNull(all.get(i), "department name " + i);
      Checks.argument(seen.add(name), "department \"" + name + "\" is named twice");
    }
    int cols = Checks.rectangular(shares, "shares");
    Checks.sameLength(shares.length, "shares", s, "serviceDepartments");
    Checks.argument(cols == s + p, "shares has " + cols + " columns but must have " + (s + p)
        + " (service then production departments)");
    for (int i = 0; i < s; i++) {
      double sum = 0;
      for (int j = 0; j < cols; j++) {
        Checks.element(shares[i][j] >= 0, "shares", i, j, shares[i][j], "must be >= 0");
        sum += shares[i][j];
      }
      Checks.argument(shares[i][i] == 0, "shares[" + i + "][" + i + "] = " + shares[i][i]
          + ": service department \"" + serviceDepartments.get(i)
          + "\" must not be allocated to itself");
      Checks.argument(Math.abs(sum - 1) <= 1e-9, String.format(Locale.ROOT,
          "shares[%d] sums to %s but must sum to 1", i, sum));
    }
    // (I - S^T) T = c, with m[k][i] = delta_ki - s_ik
    double[] m = new double[s * s];
    for (int k = 0; k < s; k++) {
      for (int i = 0; i < s; i++) {
        m[k * s + i] = (k == i ? 1 : 0) - shares[i][k];
      }
    }
    LuFactors lu = s == 0 ? null : LuFactors.of(m, s);
    Checks.argument(s == 0 || lu != null, "the service departments pass their services among"
        + " themselves without reaching production: I - S^T is singular");
    double[] t = s == 0 ? new double[0] : lu.solve(serviceCosts);
    double scale = 1;
    for (double c : serviceCosts) {
      scale += c;
    }
    for (int i = 0; i < s; i++) {
      Checks.argument(Double.isFinite(t[i]) && t[i] >= -1e-9 * scale && t[i] < 1e12 * scale,
          "the service departments pass their services among themselves without reaching"
              + " production: I - S^T is (numerically) singular");
    }
    double[] allocated = new double[p];
    double[] total = new double[p];
    for (int q = 0; q < p; q++) {
      for (int i = 0; i < s; i++) {
        allocated[q] += shares[i][s + q] * t[i];
      }
      total[q] = productionCosts[q] + allocated[q];
    }
    return new ReciprocalAllocation(Collections.unmodifiableList(serviceDepartments), t,
        productionDepartments, allocated, total);
  }

  /**
   * The service departments' names.
   *
   * @return an unmodifiable list
   */
  public List<String> serviceDepartments() {
    return serviceDepartments;
  }

  /**
   * The production departments' names.
   *
   * @return an unmodifiable list
   */
  public List<String> productionDepartments() {
    return productionDepartments;
  }

  /**
   * The complete (reciprocated) costs of the service departments.
   *
   * @return a copy
   */
  public double[] reciprocatedCosts() {
    return reciprocatedCosts.clone();
  }

  /**
   * The service cost allocated to each production department.
   *
   * @return a copy
   */
  public double[] allocatedCosts() {
    return allocatedCosts.clone();
  }

  /**
   * Each production department's direct cost plus its allocation.
   *
   * @return a copy
   */
  public double[] totalCosts() {
    return totalCosts.clone();
  }

  /**
   * Two allocations are equal when their names and costs are.
   *
   * @param o the other object
   * @return true if {@code o} is an allocation with the same names and costs
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ReciprocalAllocation)) {
      return false;
    }
    ReciprocalAllocation other = (ReciprocalAllocation) o;
    return serviceDepartments.equals(other.serviceDepartments)
        && productionDepartments.equals(other.productionDepartments)
        && Arrays.equals(reciprocatedCosts, other.reciprocatedCosts)
        && Arrays.equals(allocatedCosts, other.allocatedCosts)
        && Arrays.equals(totalCosts, other.totalCosts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(serviceDepartments, productionDepartments,
        Arrays.hashCode(reciprocatedCosts), Arrays.hashCode(allocatedCosts),
        Arrays.hashCode(totalCosts));
  }

  @Override
  public String toString() {
    return "ReciprocalAllocation[serviceDepartments=" + serviceDepartments
        + ", reciprocatedCosts=" + Arrays.toString(reciprocatedCosts)
        + ", productionDepartments=" + productionDepartments
        + ", allocatedCosts=" + Arrays.toString(allocatedCosts)
        + ", totalCosts=" + Arrays.toString(totalCosts) + "]";
  }
}
