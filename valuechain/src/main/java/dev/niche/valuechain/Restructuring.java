package dev.niche.valuechain;

import dev.niche.core.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How far, and in which direction, a cost structure moved from one value chain to another with
 * the same activities.
 *
 * <p>Shares are compositions, so the natural measure of change is the Aitchison distance
 * d<sub>a</sub> = ||clr(after) &minus; clr(before)|| and the direction is the perturbation
 * after &ominus; before (Pawlowsky-Glahn, Egozcue &amp; Tolosana-Delgado 2015, ch. 3). For
 * comparison the result also gives the Euclidean distance between the share vectors and the
 * total-variation distance &frac12; &Sigma; |&Delta;share| (the fraction of the budget that changed
 * hands). Every activity must have a positive cost in both chains; replace zeros first with
 * {@link Composition#replaceZeros(double, double...)}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Restructuring {

  private final List<ActivityChange> changes;
  private final Composition perturbation;
  private final double aitchison;
  private final double euclidean;
  private final double totalVariation;
  private final LogRatioShift largest;

  private Restructuring(List<ActivityChange> changes, Composition perturbation, double aitchison,
      double euclidean, double totalVariation, LogRatioShift largest) {
    this.changes = changes;
    this.perturbation = perturbation;
    this.aitchison = aitchison;
    this.euclidean = euclidean;
    this.totalVariation = totalVariation;
    this.largest = largest;
  }

  /**
   * Compares two value chains with the same activities in the same order.
   *
   * @param before the chain before the restructuring
   * @param after the chain after it
   * @return the comparison
   * @throws NullPointerException if either chain is null
   * @throws IllegalArgumentException if the activity names differ, or an activity has zero cost in
   *     either chain (the message names it)
   */
  public static Restructuring compare(ValueChain before, ValueChain after) {
    Checks.notNull(before, "before");
    Checks.notNull(after, "after");
    Checks.argument(before.names().equals(after.names()), "before has activities "
        + before.names() + " but after has " + after.names() + "; they must match in order");
    Composition x = before.composition();
    Composition y = after.composition();
    List<String> names = before.names();
    int d = names.size();
    double[] px = x.parts();
    double[] py = y.parts();
    double[] cx = x.clr();
    double[] cy = y.clr();
    List<ActivityChange> list = new ArrayList<>(d);
    double e2 = 0;
    double tv = 0;
    for (int i = 0; i < d; i++) {
      double delta = py[i] - px[i];
      e2 += delta * delta;
      tv += Math.abs(delta);
      list.add(new ActivityChange(names.get(i), px[i], py[i], 100 * delta, cy[i] - cx[i],
          py[i] / px[i]));
    }
    // The pair (i, j) maximising |Δ ln(x_i/x_j)| = |a_i - a_j| with a = ln(y/x): the largest and
    // smallest log growth; oriented so that the change is positive.
    int up = 0;
    int down = 0;
    double[] a = new double[d];
    for (int i = 0; i < d; i++) {
      a[i] = Math.log(py[i]) - Math.log(px[i]);
      if (a[i] > a[up]) {
        up = i;
      }
      if (a[i] < a[down]) {
        down = i;
      }
    }
    if (up == down) {
      down = up == 0 ? 1 : 0;
    }
    LogRatioShift shift = new LogRatioShift(names.get(up), names.get(down),
        Math.log(px[up] / px[down]), Math.log(py[up] / py[down]), a[up] - a[down]);
    return new Restructuring(Collections.unmodifiableList(list), y.difference(x), x.distance(y),
        Math.sqrt(e2), tv / 2, shift);
  }

  /**
   * The per-activity changes in chain order.
   *
   * @return an unmodifiable list, one entry per activity
   */
  public List<ActivityChange> changes() {
    return changes;
  }

  /**
   * The per-activity changes ranked by the size of their log-ratio (clr) change, largest first:
   * the order in which to explain the restructuring.
   *
   * @return an unmodifiable list
   */
  public List<ActivityChange> ranked() {
    List<ActivityChange> r = new ArrayList<>(changes);
    r.sort(Comparator.comparingDouble((ActivityChange c) -> -Math.abs(c.clrChange()))
        .thenComparing(ActivityChange::activity));
    return Collections.unmodifiableList(r);
  }

  /**
   * The perturbation after &ominus; before = C(after<sub>i</sub> / before<sub>i</sub>), the
   * composition that maps the old structure onto the new one.
   *
   * @return the perturbation
   */
  public Composition perturbation() {
    return perturbation;
  }

  /**
   * The Aitchison distance between the two cost structures.
   *
   * @return ||clr(after) &minus; clr(before)||
   */
  public double aitchisonDistance() {
    return aitchison;
  }

  /**
   * The Euclidean distance between the share vectors (shares as fractions).
   *
   * @return sqrt(&Sigma; (after<sub>i</sub> &minus; before<sub>i</sub>)&sup2;)
   */
  public double euclideanDistance() {
    return euclidean;
  }

  /**
   * The total-variation distance: the fraction of the total cost that moved between activities.
   *
   * @return &frac12; &Sigma; |after<sub>i</sub> &minus; before<sub>i</sub>|, in [0, 1]
   */
  public double totalVariationDistance() {
    return totalVariation;
  }

  /**
   * The pairwise log-ratio that changed most: the activity whose share grew most (in relative
   * terms) against the one that shrank most. Its change equals max<sub>i,j</sub>
   * |&Delta; ln(x<sub>i</sub>/x<sub>j</sub>)|.
   *
   * @return the largest shift, oriented so that its change is non-negative
   */
  public LogRatioShift largestLogRatioShift() {
    return largest;
  }

  /**
   * A plain-language explanation fit for a report: distances, the largest pairwise shift and the
   * activities ranked by log-ratio change.
   *
   * @return a multi-line description
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "The cost structure moved an Aitchison distance of %.4f; %.1f%% of the total cost changed"
            + " hands (total variation), Euclidean distance of shares %.4f.%n",
        aitchison, 100 * totalVariation, euclidean));
    sb.append(String.format(Locale.ROOT,
        "Largest relative shift: %s against %s, whose cost ratio changed by a factor of %.3f"
            + " (log-ratio %+.4f -> %+.4f).%n",
        largest.numerator(), largest.denominator(), Math.exp(largest.change()),
        largest.before(), largest.after()));
    sb.append("Activities, largest log-ratio change first:").append(System.lineSeparator());
    for (ActivityChange c : ranked()) {
      sb.append(String.format(Locale.ROOT,
          "  %-16s %6.2f%% -> %6.2f%% (%+7.2f points), share x %.3f, clr change %+.4f%n",
          c.activity(), 100 * c.shareBefore(), 100 * c.shareAfter(), c.changeInPoints(),
          c.factor(), c.clrChange()));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
