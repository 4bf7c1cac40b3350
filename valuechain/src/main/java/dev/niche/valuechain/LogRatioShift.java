package dev.niche.valuechain;

/**
 * The change of one pairwise log-ratio ln(x<sub>numerator</sub> / x<sub>denominator</sub>) between
 * two value chains (see {@link Restructuring#largestLogRatioShift()}).
 *
 * @param numerator the activity in the numerator
 * @param denominator the activity in the denominator
 * @param before ln(share<sub>numerator</sub> / share<sub>denominator</sub>) before
 * @param after the same log-ratio after
 * @param change after &minus; before; exp(change) is the factor by which the ratio of the two
 *     activities' costs changed
 */
public record LogRatioShift(String numerator, String denominator, double before, double after,
    double change) {}
