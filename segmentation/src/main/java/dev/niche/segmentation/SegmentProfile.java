package dev.niche.segmentation;

import dev.niche.core.Checks;
import dev.niche.segmentation.internal.Rows;
import java.util.ArrayList;
import java.util.List;

/**
 * Segment profiles: for every label that occurs, its size, share of the population, feature means
 * and lift (segment mean / population mean) per feature, usually computed on the unscaled features
 * so that they read in business units. Immutable and thread-safe.
 */
public final class SegmentProfile {

  private final List<Segment> segments;
  private final double[] populationMeans;

  private SegmentProfile(List<Segment> segments, double[] populationMeans) {
    this.segments = segments;
    this.populationMeans = populationMeans;
  }

  /**
   * Profiles the segments.
   *
   * @param features the rows to describe (e.g. raw RFM values)
   * @param labels one segment label per row, in [0, n) (so memory is bounded by the data), e.g.
   *     {@link KMeansModel#labels()}
   * @return the profiles, in increasing label
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the rows are empty, ragged, not finite or beyond
   *     &plusmn;{@link KMeans#MAX_MAGNITUDE}, the lengths differ or a label is outside [0, n)
   */
  public static SegmentProfile of(double[][] features, int[] labels) {
    int d = Rows.checkRows(features, "features");
    Checks.notNull(labels, "labels");
    Checks.sameLength(labels.length, "labels", features.length, "features");
    int n = features.length;
    int k = 0;
    for (int i = 0; i < labels.length; i++) {
      Checks.element(labels[i] >= 0 && labels[i] < n, "labels", i, labels[i],
          "must be in [0, n) = [0, " + n + "): labels are segment indices");
      k = Math.max(k, labels[i] + 1);
    }
    double[][] sums = new double[k][d];
    int[] size = new int[k];
    double[] pop = new double[d];
    for (int i = 0; i < n; i++) {
      size[labels[i]]++;
      for (int j = 0; j < d; j++) {
        sums[labels[i]][j] += features[i][j];
        pop[j] += features[i][j];
      }
    }
    for (int j = 0; j < d; j++) {
      pop[j] /= n;
    }
    List<Segment> out = new ArrayList<>();
    for (int m = 0; m < k; m++) {
      if (size[m] == 0) {
        continue;
      }
      double[] mean = new double[d];
      double[] lift = new double[d];
      for (int j = 0; j < d; j++) {
        mean[j] = sums[m][j] / size[m];
        lift[j] = pop[j] != 0 ? mean[j] / pop[j] : Double.NaN;
      }
      out.add(new Segment(m, size[m], (double) size[m] / n, mean, lift));
    }
    return new SegmentProfile(List.copyOf(out), pop);
  }

  /**
   * The segments that occur, in increasing label.
   *
   * @return an unmodifiable list of immutable segments
   */
  public List<Segment> segments() {
    return segments;
  }

  /**
   * The feature means of the whole population.
   *
   * @return a copy
   */
  public double[] populationMeans() {
    return populationMeans.clone();
  }
}
