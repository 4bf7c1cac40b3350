package dev.niche.segmentation;

import java.util.Arrays;
import java.util.Objects;

/**
 * The profile of one segment, from {@link SegmentProfile}. Immutable and thread-safe: the array
 * accessors return fresh copies, so changing them does not change the segment. Equal when every
 * field is equal (arrays by content).
 */
public final class Segment {

  private final int label;
  private final int size;
  private final double share;
  private final double[] means;
  private final double[] lift;

  /** A segment over arrays it owns (made by {@link SegmentProfile}, not copied). */
  Segment(int label, int size, double share, double[] means, double[] lift) {
    this.label = label;
    this.size = size;
    this.share = share;
    this.means = means;
    this.lift = lift;
  }

  /**
   * The segment's label.
   *
   * @return the label (&gt;= 0)
   */
  public int label() {
    return label;
  }

  /**
   * Number of rows in the segment.
   *
   * @return the size (&gt;= 1)
   */
  public int size() {
    return size;
  }

  /**
   * The segment's share of the population.
   *
   * @return size / n, in (0, 1]
   */
  public double share() {
    return share;
  }

  /**
   * The feature means of the segment's rows.
   *
   * @return a copy, one value per feature
   */
  public double[] means() {
    return means.clone();
  }

  /**
   * The lift per feature: segment mean / population mean (1 = like the whole population); NaN
   * where the population mean is 0, since the ratio is then undefined, and infinite only where
   * the ratio exceeds Double.MAX_VALUE (a population mean extremely close to 0).
   *
   * @return a copy, one value per feature
   */
  public double[] lift() {
    return lift.clone();
  }

  /**
   * Whether another object is a segment with the same label, size, share, means and lift.
   *
   * @param o the other object
   * @return true if equal
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Segment)) {
      return false;
    }
    Segment s = (Segment) o;
    return label == s.label
        && size == s.size
        && Double.compare(share, s.share) == 0
        && Arrays.equals(means, s.means)
        && Arrays.equals(lift, s.lift);
  }

  /**
   * A hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(label, size, share, Arrays.hashCode(means), Arrays.hashCode(lift));
  }

  /**
   * The fields, as a record would print them.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "Segment[label=" + label + ", size=" + size + ", share=" + share + ", means="
        + Arrays.toString(means) + ", lift=" + Arrays.toString(lift) + "]";
  }
}
