package dev.niche.churn.internal;

import dev.niche.core.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Treatment contrasts of a categorical covariate (R's {@code contr.treatment}): one 0/1 column
 * {@code name=level} per level other than the reference, in sorted order of the levels. Not part
 * of the API.
 */
public final class TreatmentContrasts {

  private TreatmentContrasts() {}

  /**
   * The distinct levels that occur, in sorted order.
   *
   * @param name the factor's name, for messages
   * @param levels each row's level
   * @return the sorted distinct levels, not empty
   * @throws NullPointerException if an argument or a level is null
   * @throws IllegalArgumentException if {@code levels} is empty
   */
  public static SortedSet<String> levels(String name, String[] levels) {
    Checks.notNull(name, "name");
    Checks.notNull(levels, name);
    TreeSet<String> distinct = new TreeSet<>();
    for (int i = 0; i < levels.length; i++) {
      distinct.add(Checks.elementNotNull(levels[i], name, i));
    }
    Checks.argument(!distinct.isEmpty(), name + " must not be empty");
    return distinct;
  }

  /**
   * The 0/1 columns against a reference level.
   *
   * @param name the factor's name
   * @param levels each row's level
   * @param reference the reference level, which must occur
   * @return the columns by name {@code name=level}, in sorted order of the levels
   * @throws NullPointerException if an argument or a level is null
   * @throws IllegalArgumentException if the reference does not occur or fewer than two levels
   *     occur
   */
  public static Map<String, double[]> columns(String name, String[] levels, String reference) {
    Checks.notNull(name, "name");
    Checks.notNull(levels, name);
    Checks.notNull(reference, "reference");
    SortedSet<String> distinct = levels(name, levels);
    Checks.argument(distinct.contains(reference),
        "reference level '" + reference + "' does not occur in " + name);
    Checks.argument(distinct.size() >= 2,
        name + " has only the level '" + reference + "': a constant covariate");
    Map<String, double[]> columns = new LinkedHashMap<>();
    for (String level : distinct) {
      if (level.equals(reference)) {
        continue;
      }
      double[] dummy = new double[levels.length];
      for (int i = 0; i < levels.length; i++) {
        dummy[i] = levels[i].equals(level) ? 1.0 : 0.0;
      }
      columns.put(name + "=" + level, dummy);
    }
    return columns;
  }
}
