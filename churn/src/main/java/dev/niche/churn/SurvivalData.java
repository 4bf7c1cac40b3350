package dev.niche.churn;

import dev.niche.churn.internal.TreatmentContrasts;
import dev.niche.core.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Individual-level survival data: one row per customer (or per customer-interval), with a time
 * at which the row ends, whether it ends with the event (churn), optional entry times, named
 * covariates, strata, clusters and case weights.
 *
 * <p>Row {@code i} says that the customer was observed over the interval {@code (entry_i,
 * duration_i]} (entry 0 unless {@link Builder#entries(double[])} is given) and that the event
 * happened at {@code duration_i} when {@code events[i]} is true, otherwise she was censored
 * there. Entries give left truncation (a customer is only counted at risk once she enters the
 * study) and the counting-process form {@code (start, stop]} of Andersen &amp; Gill (1982), where
 * one customer may contribute several rows with different covariate values.
 *
 * <p>Categorical covariates become treatment-contrast (dummy) columns through
 * {@link Builder#categorical(String, String[])}: one 0/1 column per non-reference level, named
 * {@code name=level}, as R's default {@code contr.treatment} coding.
 *
 * <p>Instances are immutable and thread-safe; the builder copies every array it is given.
 */
public final class SurvivalData {

  private final double[] entries;
  private final double[] durations;
  private final boolean[] events;
  private final List<String> names;
  private final double[][] columns;
  private final int[] strata;
  private final int[] clusters;
  private final double[] weights;

  private SurvivalData(Builder b) {
    this.durations = b.durations;
    this.events = b.events;
    this.entries = b.entries;
    this.names = Collections.unmodifiableList(new ArrayList<>(b.covariates.keySet()));
    this.columns = b.covariates.values().toArray(new double[0][]);
    this.strata = b.strata;
    this.clusters = b.clusters;
    this.weights = b.weights;
  }

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The number of rows.
   *
   * @return {@code >= 1}
   */
  public int size() {
    return durations.length;
  }

  /**
   * The number of rows that end with the event.
   *
   * @return the event count, {@code >= 0}
   */
  public int eventCount() {
    int d = 0;
    for (boolean e : events) {
      d += e ? 1 : 0;
    }
    return d;
  }

  /**
   * The covariate (term) names in the order of the columns, categorical columns expanded.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<String> covariateNames() {
    return names;
  }

  /**
   * The end times of the rows.
   *
   * @return a copy
   */
  public double[] durations() {
    return durations.clone();
  }

  /**
   * The event indicators.
   *
   * @return a copy
   */
  public boolean[] events() {
    return events.clone();
  }

  /**
   * The entry times, when given.
   *
   * @return a copy, or null when every row enters at time 0 (with no truncation)
   */
  public double[] entries() {
    return entries == null ? null : entries.clone();
  }

  /**
   * One covariate column.
   *
   * @param name the column's name, as in {@link #covariateNames()}
   * @return a copy of the column
   * @throws IllegalArgumentException if there is no such column
   */
  public double[] covariate(String name) {
    return columns[indexOf(name)].clone();
  }

  /**
   * The stratum of every row, when given.
   *
   * @return a copy, or null when there is one stratum
   */
  public int[] strata() {
    return strata == null ? null : strata.clone();
  }

  /**
   * The cluster (e.g. customer or household) of every row, when given.
   *
   * @return a copy, or null
   */
  public int[] clusters() {
    return clusters == null ? null : clusters.clone();
  }

  /**
   * The case weights, when given.
   *
   * @return a copy, or null when every row has weight 1
   */
  public double[] weights() {
    return weights == null ? null : weights.clone();
  }

  int indexOf(String name) {
    Checks.notNull(name, "name");
    int k = names.indexOf(name);
    Checks.argument(k >= 0, "no covariate named '" + name + "'; the terms are " + names);
    return k;
  }

  // Package-private views without copies, for the fitting code in this package.
  double[] durationsView() {
    return durations;
  }

  boolean[] eventsView() {
    return events;
  }

  double[] entriesView() {
    return entries;
  }

  double[][] columnsView() {
    return columns;
  }

  int[] strataView() {
    return strata;
  }

  int[] clustersView() {
    return clusters;
  }

  double[] weightsView() {
    return weights;
  }

  /**
   * Builds {@link SurvivalData}, validating each argument as it is given (so that the error
   * names the column and the index) and the lengths at {@link #build()}.
   *
   * <p>Not thread-safe; every array is copied on entry.
   */
  public static final class Builder {

    private double[] durations;
    private boolean[] events;
    private double[] entries;
    private final Map<String, double[]> covariates = new LinkedHashMap<>();
    private int[] strata;
    private int[] clusters;
    private double[] weights;

    private Builder() {}

    /**
     * The time at which each row ends (event or censoring), for example tenure in months.
     *
     * @param durations finite and {@code >= 0}, at least one row
     * @return this builder
     * @throws NullPointerException if {@code durations} is null
     * @throws IllegalArgumentException if it is empty or an element is negative or not finite
     */
    public Builder durations(double[] durations) {
      Checks.notNull(durations, "durations");
      Checks.argument(durations.length > 0, "durations must not be empty");
      this.durations = SurvivalColumns.times(durations, "durations");
      return this;
    }

    /**
     * Whether each row ends with the event (true) or is censored (false).
     *
     * @param events the indicators
     * @return this builder
     * @throws NullPointerException if {@code events} is null
     */
    public Builder events(boolean[] events) {
      Checks.notNull(events, "events");
      this.events = events.clone();
      return this;
    }

    /**
     * Entry (start) times for left truncation or counting-process rows: row {@code i} is at risk
     * over {@code (entries[i], durations[i]]}.
     *
     * @param entries finite and {@code >= 0}; each must be below its duration (checked at
     *     {@link #build()})
     * @return this builder
     * @throws NullPointerException if {@code entries} is null
     * @throws IllegalArgumentException if an element is negative or not finite
     */
    public Builder entries(double[] entries) {
      Checks.notNull(entries, "entries");
      this.entries = SurvivalColumns.times(entries, "entries");
      return this;
    }

    /**
     * Adds a numeric covariate column.
     *
     * @param name the term's name, unique and not blank
     * @param values one finite value per row
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is blank or taken, or a value is NaN or
     *     infinite
     */
    public Builder covariate(String name, double[] values) {
      Checks.notNull(name, "name");
      Checks.notNull(values, name);
      Checks.argument(!name.isBlank(), "covariate name must not be blank");
      Checks.argument(!covariates.containsKey(name), "covariate '" + name + "' is given twice");
      SurvivalColumns.finite(values, name);
      covariates.put(name, values.clone());
      return this;
    }

    /**
     * Adds a categorical covariate as treatment contrasts with the first level in sorted order
     * as reference: one 0/1 column {@code name=level} per other level that occurs.
     *
     * @param name the factor's name
     * @param levels each row's level, not null
     * @return this builder
     * @throws NullPointerException if an argument or a level is null
     * @throws IllegalArgumentException if fewer than two levels occur
     */
    public Builder categorical(String name, String[] levels) {
      return categorical(name, levels, TreatmentContrasts.levels(name, levels).first());
    }

    /**
     * Adds a categorical covariate as treatment contrasts against the given reference level:
     * one 0/1 column {@code name=level} per other level, in sorted order of the levels.
     *
     * @param name the factor's name
     * @param levels each row's level, not null
     * @param reference the reference level, which must occur
     * @return this builder
     * @throws NullPointerException if an argument or a level is null
     * @throws IllegalArgumentException if the reference does not occur or fewer than two levels
     *     occur
     */
    public Builder categorical(String name, String[] levels, String reference) {
      TreatmentContrasts.columns(name, levels, reference).forEach(this::covariate);
      return this;
    }

    /**
     * Strata: rows in different strata have separate baseline hazards (risk sets never mix
     * strata).
     *
     * @param strata one label per row (any integers)
     * @return this builder
     * @throws NullPointerException if {@code strata} is null
     */
    public Builder strata(int[] strata) {
      this.strata = Checks.notNull(strata, "strata").clone();
      return this;
    }

    /**
     * Clusters of correlated rows (the same customer's intervals, a household): the Cox fit then
     * reports the robust sandwich variance of Lin &amp; Wei (1989).
     *
     * @param clusters one label per row (any integers)
     * @return this builder
     * @throws NullPointerException if {@code clusters} is null
     */
    public Builder clusters(int[] clusters) {
      this.clusters = Checks.notNull(clusters, "clusters").clone();
      return this;
    }

    /**
     * Case weights (a row of weight 2 counts as two identical customers).
     *
     * @param weights finite and {@code > 0}
     * @return this builder
     * @throws NullPointerException if {@code weights} is null
     * @throws IllegalArgumentException if an element is not finite or not positive
     */
    public Builder weights(double[] weights) {
      Checks.notNull(weights, "weights");
      SurvivalColumns.weights(weights);
      this.weights = weights.clone();
      return this;
    }

    /**
     * Checks the lengths and entry times and builds the data.
     *
     * @return the data
     * @throws IllegalStateException if durations or events were not given
     * @throws IllegalArgumentException if a column's length differs from the durations', or an
     *     entry is not below its duration
     */
    public SurvivalData build() {
      if (durations == null || events == null) {
        throw new IllegalStateException("durations and events are required");
      }
      SurvivalColumns.checkRows(durations, events, entries, covariates, strata, clusters, weights);
      return new SurvivalData(this);
    }
  }

  @Override
  public String toString() {
    return "SurvivalData[rows=" + durations.length + ", events=" + eventCount() + ", covariates="
        + names + (strata == null ? "" : ", strata") + (clusters == null ? "" : ", clusters")
        + (weights == null ? "" : ", weights") + (entries == null ? "" : ", entries") + "]";
  }
}
