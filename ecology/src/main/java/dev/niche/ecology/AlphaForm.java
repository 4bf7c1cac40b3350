package dev.niche.ecology;

import dev.niche.core.Checks;

/**
 * The textbook parametrisation of two-species Lotka–Volterra competition,
 * {@code dN1/dt = r1 N1 (K1 − N1 − α12 N2) / K1}, {@code dN2/dt = r2 N2 (K2 − N2 − α21 N1) / K2}
 * (Gotelli, <i>A Primer of Ecology</i>, 4th ed., 2008, ch. 5). It relates to
 * {@link CompetitionModel}'s coefficients by {@code α12 = a K1 / K2} and {@code α21 = b K2 / K1}.
 *
 * @param r1 growth rate of species 1, {@code > 0}
 * @param r2 growth rate of species 2, {@code > 0}
 * @param k1 capacity of species 1, {@code > 0}
 * @param k2 capacity of species 2, {@code > 0}
 * @param alpha12 per-individual effect of species 2 on species 1, in units of species 1
 * @param alpha21 per-individual effect of species 1 on species 2, in units of species 2
 */
public record AlphaForm(double r1, double r2, double k1, double k2, double alpha12,
    double alpha21) {

  /**
   * Creates the alpha-form.
   *
   * @param r1 growth rate of species 1
   * @param r2 growth rate of species 2
   * @param k1 capacity of species 1
   * @param k2 capacity of species 2
   * @param alpha12 effect of species 2 on species 1
   * @param alpha21 effect of species 1 on species 2
   * @throws IllegalArgumentException if a rate or capacity is not positive, or a value is not
   *     finite
   */
  public AlphaForm {
    Checks.positive(r1, "r1");
    Checks.positive(r2, "r2");
    Checks.positive(k1, "k1");
    Checks.positive(k2, "k2");
    Checks.finite(alpha12, "alpha12");
    Checks.finite(alpha21, "alpha21");
  }

  /**
   * The same model in the normalised form, {@code a = α12 K2 / K1}, {@code b = α21 K1 / K2}.
   *
   * @return the competition model
   */
  public CompetitionModel toModel() {
    return CompetitionModel.of(r1, r2, k1, k2, alpha12 * k2 / k1, alpha21 * k1 / k2);
  }
}
