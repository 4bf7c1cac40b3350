package dev.niche.churn;

import dev.niche.core.Checks;
import dev.niche.core.activity.CustomerSummaries;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * How good are the predictions? The calibration/holdout validation of a repeat-purchase model
 * (BG/NBD, Pareto/NBD) in the manner of Fader, Hardie &amp; Lee (2005, "Counting Your Customers
 * the Easy Way", Marketing Science 24(2), section 4): fit on the calibration period of
 * {@link CustomerSummaries} built with a holdout end, then compare with what happened in the
 * holdout of length {@code T*}.
 *
 * <ul>
 *   <li>{@link #customers()}: per customer, {@code x, t_x, T}, {@code P(alive | x, t_x, T)}, the
 *       conditional expectation {@code E[Y(T*) | x, t_x, T]} against the actual holdout
 *       purchases {@code x*}, and (with a Gamma-Gamma spend model) the expected holdout revenue
 *       {@code E[Y(T*) | x, t_x, T] · E[M | x, m]};
 *   <li>{@link #conditionalExpectations()}: mean actual and expected holdout purchases of the
 *       customers grouped by calibration frequency {@code 0, 1, ..., c−1, c+} (c = 7 by default);
 *   <li>{@link #calibrationHistogram()}: customers with {@code x = n} repeat purchases in the
 *       calibration period against {@code Σ_i P(X(T_i) = n)}, the last bin by difference
 *       (Fader, Hardie &amp; Lee 2007, "Creating a Fit Histogram for the BG/NBD Model");
 *   <li>{@link #tracking()}: period-by-period cumulative and incremental repeat purchases,
 *       actual against {@code Σ_i E[X(t − s_i)]} (see {@link RepeatPurchaseTracking}), when the
 *       summaries keep their purchase days;
 *   <li>{@link #errors()}: MAE, RMSE and total error of the per-customer holdout forecasts.
 * </ul>
 *
 * <p>Expectations are computed once per distinct {@code (x, t_x, T)}, histogram terms once per
 * distinct {@code T} and tracking terms once per distinct first purchase day. Immutable and
 * thread-safe.
 */
public final class HoldoutValidation {

  /** The default last frequency bin, "7+", as in the published CDNOW analyses. */
  public static final int DEFAULT_CENSOR = 7;

  private final double holdoutLength;
  private final List<HoldoutPrediction> customers;
  private final List<FrequencyBin> conditionalExpectations;
  private final List<HistogramBin> histogram;
  private final RepeatPurchaseTracking tracking;
  private final ForecastErrors errors;

  private HoldoutValidation(Builder b) {
    ValidationComputation c = new ValidationComputation(b.model, b.spend, b.summaries, b.censor);
    this.holdoutLength = c.holdoutLength;
    this.customers = Collections.unmodifiableList(c.predictions());
    this.conditionalExpectations = Collections.unmodifiableList(c.conditionalExpectations());
    this.histogram = Collections.unmodifiableList(c.histogram());
    this.tracking = b.summaries.keepsPurchases() ? c.tracking() : null;
    this.errors = c.errors();
  }

  /**
   * Validates a model on holdout summaries, without a spend model, with bins up to "7+".
   *
   * @param model the model fitted on the calibration period of {@code summaries}, in their unit
   * @param summaries summaries built with a holdout end
   * @return the validation
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the summaries are empty or have no holdout period
   */
  public static HoldoutValidation of(RepeatPurchaseModel model, CustomerSummaries summaries) {
    return builder(model, summaries).build();
  }

  /**
   * Starts configuring a validation.
   *
   * @param model the model fitted on the calibration period of {@code summaries}, in their unit
   * @param summaries summaries built with a holdout end
   * @return a builder
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the summaries are empty or have no holdout period
   */
  public static Builder builder(RepeatPurchaseModel model, CustomerSummaries summaries) {
    Checks.notNull(model, "model");
    Checks.notNull(summaries, "summaries");
    Checks.argument(summaries.size() > 0, "summaries must not be empty");
    Checks.argument(summaries.holdoutEnd().isPresent(), "summaries have no holdout period: "
        + "build them with CustomerSummaries.builder(calibrationEnd, unit).holdoutEnd(day)");
    return new Builder(model, summaries);
  }

  /**
   * The holdout length T*, in the summaries' unit.
   *
   * @return T*
   */
  public double holdoutLength() {
    return holdoutLength;
  }

  /**
   * Per-customer predictions and outcomes, in the summaries' order.
   *
   * @return an unmodifiable list
   */
  public List<HoldoutPrediction> customers() {
    return customers;
  }

  /**
   * Mean actual and expected holdout purchases by calibration frequency {@code 0..c−1, c+}.
   *
   * @return an unmodifiable list of {@code c + 1} bins
   */
  public List<FrequencyBin> conditionalExpectations() {
    return conditionalExpectations;
  }

  /**
   * Actual and expected numbers of customers by calibration frequency {@code 0..c−1, c+}.
   *
   * @return an unmodifiable list of {@code c + 1} bins
   */
  public List<HistogramBin> calibrationHistogram() {
    return histogram;
  }

  /**
   * Period-by-period tracking of repeat purchases over calibration and holdout.
   *
   * @return the tracking, or empty when the summaries were built from columns (no purchase days)
   */
  public Optional<RepeatPurchaseTracking> tracking() {
    return Optional.ofNullable(tracking);
  }

  /**
   * Error measures of the per-customer holdout forecasts.
   *
   * @return MAE, RMSE and totals
   */
  public ForecastErrors errors() {
    return errors;
  }

  /** Configures a {@link HoldoutValidation}. Not thread-safe. */
  public static final class Builder {
    private final RepeatPurchaseModel model;
    private final CustomerSummaries summaries;
    private GammaGamma spend;
    private int censor = DEFAULT_CENSOR;

    private Builder(RepeatPurchaseModel model, CustomerSummaries summaries) {
      this.model = model;
      this.summaries = summaries;
    }

    /**
     * Adds a spend model, so that each customer's expected holdout revenue is reported.
     *
     * @param gammaGamma the Gamma-Gamma model fitted on the same calibration summaries
     * @return this builder
     * @throws NullPointerException if {@code gammaGamma} is null
     */
    public Builder spend(GammaGamma gammaGamma) {
      this.spend = Checks.notNull(gammaGamma, "gammaGamma");
      return this;
    }

    /**
     * The last frequency bin {@code c}, holding every {@code x >= c} (default 7).
     *
     * @param c the censoring frequency, in {@code [1, 1000]}
     * @return this builder
     * @throws IllegalArgumentException if {@code c} is out of range
     */
    public Builder censor(int c) {
      Checks.argument(c >= 1 && c <= 1000, "censor = " + c + " must be in [1, 1000]");
      this.censor = c;
      return this;
    }

    /**
     * Computes the validation.
     *
     * @return the validation
     */
    public HoldoutValidation build() {
      return new HoldoutValidation(this);
    }
  }
}
