package dev.niche.churn;

import dev.niche.core.Checks;

/**
 * Harrell's concordance index C of a Cox fit (Harrell et al. 1982; Harrell, Lee &amp; Mark 1996):
 * among comparable pairs (the customer with the shorter observed time had the event, and the
 * other was still at risk then, in the same stratum), the share in which the shorter-lived
 * customer had the higher predicted risk, counting ties in risk as one half:
 * {@code C = (concordant + tiedRisk / 2) / (concordant + discordant + tiedRisk)}. Pairs tied in
 * time (both events at the same time) are not comparable. Pair counts are weighted by
 * {@code w_i w_j} with case weights. 0.5 is a coin toss, 1 a perfect ranking.
 *
 * @param value C, in [0, 1]
 * @param standardError its standard error as R's {@code concordance()} reports it
 *     (infinitesimal jackknife), {@code >= 0}
 * @param concordant (weighted) concordant pairs
 * @param discordant (weighted) discordant pairs
 * @param tiedRisk comparable pairs with equal predicted risk
 * @param tiedTime pairs with events at the same time (not comparable)
 */
public record Concordance(double value, double standardError, double concordant,
    double discordant, double tiedRisk, double tiedTime) {

  /**
   * Validates the components.
   *
   * @param value C, in [0, 1]
   * @param standardError {@code >= 0}
   * @param concordant {@code >= 0}
   * @param discordant {@code >= 0}
   * @param tiedRisk {@code >= 0}
   * @param tiedTime {@code >= 0}
   * @throws IllegalArgumentException if a component is out of range
   */
  public Concordance {
    Checks.inRange(value, 0, 1, "value");
    Checks.nonNegative(standardError, "standardError");
    Checks.nonNegative(concordant, "concordant");
    Checks.nonNegative(discordant, "discordant");
    Checks.nonNegative(tiedRisk, "tiedRisk");
    Checks.nonNegative(tiedTime, "tiedTime");
  }
}
