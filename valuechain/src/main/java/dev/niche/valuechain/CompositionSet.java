package dev.niche.valuechain;

import dev.niche.core.Checks;
import java.util.List;

/**
 * A set of compositions with the same parts (for example one firm's cost shares over several
 * years, or many firms' shares in one year) and its descriptive statistics in the Aitchison
 * geometry (Aitchison 1986, ch. 4; Pawlowsky-Glahn, Egozcue &amp; Tolosana-Delgado 2015, §5.1-5.2).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CompositionSet {

  private final List<Composition> members;
  private final int parts;

  private CompositionSet(List<Composition> members, int parts) {
    this.members = members;
    this.parts = parts;
  }

  /**
   * Creates a set.
   *
   * @param compositions a non-empty list of compositions with equal numbers of parts (copied)
   * @return the set
   * @throws NullPointerException if the list or an element is null
   * @throws IllegalArgumentException if the list is empty or the sizes differ
   */
  public static CompositionSet of(List<Composition> compositions) {
    Checks.notNull(compositions, "compositions");
    Checks.argument(!compositions.isEmpty(), "compositions must not be empty");
    int d = Checks.notNull(compositions.get(0), "compositions[0]").size();
    for (int k = 1; k < compositions.size(); k++) {
      int dk = Checks.notNull(compositions.get(k), "compositions[" + k + "]").size();
      Checks.argument(dk == d, "compositions[" + k + "] has " + dk + " parts but compositions[0]"
          + " has " + d + "; they must match");
    }
    return new CompositionSet(List.copyOf(compositions), d);
  }

  /**
   * The members in the order given.
   *
   * @return an unmodifiable list
   */
  public List<Composition> compositions() {
    return members;
  }

  /**
   * The centre: the closed geometric mean of each part, which is the Fréchet mean (the point
   * minimising the sum of squared Aitchison distances).
   *
   * @return the centre
   */
  public Composition centre() {
    double[] logs = new double[parts];
    for (Composition c : members) {
      double[] p = c.parts();
      for (int i = 0; i < parts; i++) {
        logs[i] += Math.log(p[i]);
      }
    }
    for (int i = 0; i < parts; i++) {
      logs[i] /= members.size();
    }
    return Composition.clrInverse(logs);
  }

  /**
   * The variation matrix T with T<sub>ij</sub> = var(ln(x<sub>i</sub>/x<sub>j</sub>)) over the set,
   * using the sample variance with divisor n&minus;1 (as R {@code compositions::variation} and
   * {@code var}); Aitchison (1986, §4.4). The diagonal is zero and T is symmetric.
   *
   * @return the D&times;D variation matrix (a fresh array)
   * @throws IllegalStateException if the set has fewer than two members
   */
  public double[][] variationMatrix() {
    int n = members.size();
    if (n < 2) {
      throw new IllegalStateException("the variation needs at least 2 compositions, not " + n);
    }
    double[][] logs = new double[n][];
    for (int k = 0; k < n; k++) {
      logs[k] = members.get(k).parts();
      for (int i = 0; i < parts; i++) {
        logs[k][i] = Math.log(logs[k][i]);
      }
    }
    double[][] t = new double[parts][parts];
    for (int i = 0; i < parts; i++) {
      for (int j = i + 1; j < parts; j++) {
        double mean = 0;
        for (double[] l : logs) {
          mean += l[i] - l[j];
        }
        mean /= n;
        double ss = 0;
        for (double[] l : logs) {
          double e = l[i] - l[j] - mean;
          ss += e * e;
        }
        t[i][j] = ss / (n - 1);
        t[j][i] = t[i][j];
      }
    }
    return t;
  }

  /**
   * The total variance (1/(2D)) &Sigma;<sub>i,j</sub> T<sub>ij</sub>, equal to the mean squared
   * Aitchison distance to the centre scaled by n/(n&minus;1) (Pawlowsky-Glahn et al. 2015, §5.2).
   *
   * @return the total variance
   * @throws IllegalStateException if the set has fewer than two members
   */
  public double totalVariance() {
    double[][] t = variationMatrix();
    double s = 0;
    for (double[] row : t) {
      for (double v : row) {
        s += v;
      }
    }
    return s / (2 * parts);
  }
}
