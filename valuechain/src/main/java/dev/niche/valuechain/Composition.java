package dev.niche.valuechain;

import dev.niche.core.Checks;
import dev.niche.valuechain.internal.LogRatios;
import java.util.Arrays;
import java.util.Locale;

/**
 * A composition: D strictly positive parts that carry only relative information, such as the
 * shares of a cost structure. Compositions live in the simplex with the Aitchison geometry
 * (Aitchison 1986, <i>The Statistical Analysis of Compositional Data</i>; Pawlowsky-Glahn,
 * Egozcue &amp; Tolosana-Delgado 2015, <i>Modeling and Analysis of Compositional Data</i>, ch. 2-4):
 *
 * <ul>
 *   <li>closure C(x) = x / &Sigma; x (the stored parts always sum to 1);
 *   <li>perturbation x &oplus; y = C(x<sub>1</sub>y<sub>1</sub>, ..., x<sub>D</sub>y<sub>D</sub>),
 *       the "addition" of the simplex, with neutral element C(1, ..., 1);
 *   <li>powering &alpha; &odot; x = C(x<sub>1</sub><sup>&alpha;</sup>, ..., x<sub>D</sub><sup>&alpha;
 *       </sup>), the scalar multiplication;
 *   <li>difference x &ominus; y = x &oplus; ((&minus;1) &odot; y) = C(x<sub>1</sub>/y<sub>1</sub>, ...);
 *   <li>centred log-ratio clr(x)<sub>i</sub> = ln(x<sub>i</sub> / g(x)) with g the geometric mean;
 *       clr is an isometry onto the zero-sum hyperplane of R<sup>D</sup>, so
 *       &lang;x, y&rang;<sub>a</sub> = clr(x)&middot;clr(y), ||x||<sub>a</sub> = ||clr(x)|| and
 *       d<sub>a</sub>(x, y) = ||clr(x) &minus; clr(y)||, equivalently
 *       d<sub>a</sub>&sup2; = (1/D) &Sigma;<sub>i&lt;j</sub> (ln(x<sub>i</sub>/x<sub>j</sub>) &minus;
 *       ln(y<sub>i</sub>/y<sub>j</sub>))&sup2;;
 *   <li>additive log-ratio alr(x)<sub>j</sub> = ln(x<sub>j</sub> / x<sub>r</sub>) for j &ne; r with
 *       the reference part r explicit (not an isometry);
 *   <li>isometric log-ratio {@link #ilr()} in the pivot basis documented there.
 * </ul>
 *
 * <p>The centre and variation matrix of a set of compositions are in {@link CompositionSet}.
 *
 * <p>Zeros have no logarithm, so {@link #of(double...)} rejects them; replace them explicitly with
 * {@link #replaceZeros(double, double...)} (multiplicative replacement, Martín-Fernández,
 * Barceló-Vidal &amp; Pawlowsky-Glahn 2003).
 *
 * <p>Instances are immutable and thread-safe; array accessors return copies.
 */
public final class Composition {

  /** The most parts {@link #neutral(int)} makes (a composition of 2^24 parts takes 128 MB). */
  public static final int MAX_PARTS = 1 << 24;

  private final double[] parts;

  private Composition(double[] closedParts) {
    this.parts = closedParts;
  }

  /**
   * Closes positive values into a composition: C(x) = x / &Sigma; x.
   *
   * @param values at least two strictly positive, finite values (copied)
   * @return the closed composition
   * @throws NullPointerException if {@code values} is null
   * @throws IllegalArgumentException if fewer than two values are given, or a value is NaN,
   *     infinite, negative or zero (the message points to {@link #replaceZeros(double, double...)}),
   *     or so small next to the others that its share underflows to 0
   */
  public static Composition of(double... values) {
    Checks.nonNegative(values, "values");
    Checks.argument(values.length >= 2,
        "values has length " + values.length + " but a composition needs at least 2 parts");
    for (int i = 0; i < values.length; i++) {
      Checks.element(values[i] != 0, "values", i, values[i], "but compositional parts must be"
          + " > 0 (log-ratios of zero are undefined); replace zeros explicitly with"
          + " Composition.replaceZeros(delta, values)");
    }
    return new Composition(LogRatios.closePositive(values, "values"));
  }

  /**
   * Multiplicative replacement of zeros (Martín-Fernández, Barceló-Vidal &amp; Pawlowsky-Glahn 2003,
   * "Dealing with zeros and missing values in compositional data sets using nonparametric
   * imputation", <i>Mathematical Geology</i> 35, 253-278): with the values closed to 1, each zero
   * becomes {@code delta} and each non-zero part x<sub>j</sub> becomes
   * x<sub>j</sub>(1 &minus; k&delta;), where k is the number of zeros. Ratios among the non-zero
   * parts are preserved exactly. This is R {@code zCompositions::multRepl} with a common delta.
   *
   * @param delta the imputed share of each zero, in (0, 1), typically below the smallest share that
   *     could have been observed (e.g. 65% of the detection limit)
   * @param values non-negative values with at least two entries, not all zero (copied)
   * @return the composition with zeros replaced
   * @throws NullPointerException if {@code values} is null
   * @throws IllegalArgumentException if {@code delta} is not in (0, 1), if k&delta; &ge; 1, or if
   *     the values are negative, NaN, infinite, too few or all zero
   */
  public static Composition replaceZeros(double delta, double... values) {
    return new Composition(LogRatios.multiplicativeReplacement(delta, values));
  }

  /**
   * The neutral element C(1, ..., 1): perturbing by it changes nothing.
   *
   * @param size the number of parts D, at least 2
   * @return the uniform composition of {@code size} parts
   * @throws IllegalArgumentException if {@code size} is not in {@code [2, MAX_PARTS]}
   */
  public static Composition neutral(int size) {
    Checks.argument(size >= 2 && size <= MAX_PARTS,
        "size = " + size + " must be in [2, " + MAX_PARTS + "]");
    double[] p = new double[size];
    Arrays.fill(p, 1.0 / size);
    return new Composition(p);
  }

  /**
   * The inverse of {@link #clr()}: C(exp(z)). Any real vector is accepted; only its deviations
   * from its mean matter.
   *
   * @param clr a finite vector of at least two coordinates (copied)
   * @return the composition whose clr is the centred {@code clr}
   * @throws NullPointerException if {@code clr} is null
   * @throws IllegalArgumentException if it is too short or not finite
   */
  public static Composition clrInverse(double... clr) {
    Checks.finite(clr, "clr");
    Checks.argument(clr.length >= 2, "clr has length " + clr.length + " but must be >= 2");
    return fromLogs(clr);
  }

  /**
   * The inverse of {@link #alr(int)}: parts proportional to exp(y<sub>j</sub>) with the reference
   * part set to exp(0) = 1, inserted at index {@code reference}.
   *
   * @param alr the D&minus;1 alr coordinates (copied)
   * @param reference the index of the reference part in the resulting composition, in [0, D&minus;1]
   * @return the composition
   * @throws NullPointerException if {@code alr} is null
   * @throws IllegalArgumentException if {@code alr} is empty or not finite, or the reference is out
   *     of range
   */
  public static Composition alrInverse(double[] alr, int reference) {
    Checks.finite(alr, "alr");
    int d = alr.length + 1;
    Checks.argument(reference >= 0 && reference < d,
        "reference = " + reference + " must be in [0, " + (d - 1) + "]");
    double[] logs = new double[d];
    for (int i = 0, j = 0; i < d; i++) {
      logs[i] = i == reference ? 0 : alr[j++];
    }
    return fromLogs(logs);
  }

  /**
   * The inverse of {@link #ilr()}: clr = V z with the pivot basis V described there, then
   * C(exp(clr)).
   *
   * @param ilr the D&minus;1 pivot coordinates (copied)
   * @return the composition with those coordinates
   * @throws NullPointerException if {@code ilr} is null
   * @throws IllegalArgumentException if {@code ilr} is empty or not finite
   */
  public static Composition ilrInverse(double... ilr) {
    Checks.finite(ilr, "ilr");
    return fromLogs(LogRatios.pivotToClr(ilr));
  }

  /**
   * The closed parts, summing to 1.
   *
   * @return a copy of the parts
   */
  public double[] parts() {
    return parts.clone();
  }

  /**
   * One closed part.
   *
   * @param index the part's index
   * @return the part's share of the whole
   * @throws IllegalArgumentException if the index is out of range
   */
  public double part(int index) {
    checkIndex(index, "index");
    return parts[index];
  }

  /**
   * The number of parts D.
   *
   * @return D
   */
  public int size() {
    return parts.length;
  }

  /**
   * Perturbation x &oplus; y = C(x<sub>i</sub> y<sub>i</sub>).
   *
   * @param other the perturbing composition, of the same size
   * @return the perturbed composition
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the sizes differ
   */
  public Composition perturb(Composition other) {
    checkSize(other);
    double[] logs = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      logs[i] = Math.log(parts[i]) + Math.log(other.parts[i]);
    }
    return fromLogs(logs);
  }

  /**
   * Powering &alpha; &odot; x = C(x<sub>i</sub><sup>&alpha;</sup>).
   *
   * @param alpha a finite real scalar
   * @return the powered composition
   * @throws IllegalArgumentException if {@code alpha} is not finite
   */
  public Composition power(double alpha) {
    Checks.finite(alpha, "alpha");
    double[] logs = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      logs[i] = alpha * Math.log(parts[i]);
    }
    return fromLogs(logs);
  }

  /**
   * The difference this &ominus; other = C(x<sub>i</sub> / y<sub>i</sub>): the perturbation that
   * maps {@code other} onto this composition.
   *
   * @param other the composition subtracted, of the same size
   * @return this &ominus; other
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the sizes differ
   */
  public Composition difference(Composition other) {
    checkSize(other);
    double[] logs = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      logs[i] = Math.log(parts[i]) - Math.log(other.parts[i]);
    }
    return fromLogs(logs);
  }

  /**
   * The centred log-ratio transform clr(x)<sub>i</sub> = ln x<sub>i</sub> &minus; (1/D) &Sigma;
   * ln x<sub>j</sub>. The coordinates sum to zero.
   *
   * @return the D clr coordinates (a fresh array)
   */
  public double[] clr() {
    return LogRatios.clr(parts);
  }

  /**
   * The additive log-ratio transform ln(x<sub>j</sub> / x<sub>reference</sub>) for every
   * j &ne; reference, in the original order of the parts.
   *
   * @param reference the index of the denominator part
   * @return the D&minus;1 alr coordinates (a fresh array)
   * @throws IllegalArgumentException if {@code reference} is out of range
   */
  public double[] alr(int reference) {
    checkIndex(reference, "reference");
    return LogRatios.alr(parts, reference);
  }

  /**
   * The isometric log-ratio transform in the <b>pivot (Helmert-type) basis</b>:
   *
   * <p>z<sub>i</sub> = sqrt((D&minus;i)/(D&minus;i+1)) ln(x<sub>i</sub> / g(x<sub>i+1</sub>, ...,
   * x<sub>D</sub>)), i = 1, ..., D&minus;1 (1-based), with g the geometric mean.
   *
   * <p>These are the pivot coordinates of Hron, Filzmoser &amp; Thompson (2012, "Linear regression
   * with compositional explanatory variables", <i>J. Appl. Statistics</i> 39, 1115-1128) and
   * Fišerová &amp; Hron (2011, <i>Math. Geosciences</i> 43, 455-468), identical to R
   * {@code robCompositions::pivotCoord(x)} (Templ, Hron &amp; Filzmoser) with its default
   * {@code pivotvar = 1}. Sign convention:
   * z<sub>i</sub> is <b>positive when part i exceeds the geometric mean of the parts after it</b>;
   * z<sub>1</sub> summarises everything about part 1 relative to all others. (R
   * {@code compositions::ilr} uses a different default basis, so its coordinates differ from these
   * by an orthogonal rotation.) The basis vectors in clr space are
   * v<sub>i</sub> = (0, ..., 0, sqrt((D&minus;i)/(D&minus;i+1)), &minus;1/sqrt((D&minus;i)(D&minus;i+1)),
   * ..., &minus;1/sqrt((D&minus;i)(D&minus;i+1))), orthonormal, so ilr is an isometry:
   * ||ilr(x) &minus; ilr(y)|| = d<sub>a</sub>(x, y).
   *
   * @return the D&minus;1 pivot coordinates (a fresh array)
   */
  public double[] ilr() {
    return LogRatios.pivot(parts);
  }

  /**
   * The Aitchison inner product &lang;x, y&rang;<sub>a</sub> = &Sigma; clr(x)<sub>i</sub>
   * clr(y)<sub>i</sub>.
   *
   * @param other a composition of the same size
   * @return the inner product
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the sizes differ
   */
  public double inner(Composition other) {
    checkSize(other);
    double[] a = clr();
    double[] b = other.clr();
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /**
   * The Aitchison norm ||x||<sub>a</sub> = ||clr(x)||, the distance from the neutral element.
   *
   * @return the norm
   */
  public double norm() {
    return Math.sqrt(inner(this));
  }

  /**
   * The Aitchison distance d<sub>a</sub>(x, y) = ||clr(x) &minus; clr(y)|| = ||x &ominus; y||<sub>a
   * </sub>.
   *
   * @param other a composition of the same size
   * @return the distance
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the sizes differ
   */
  public double distance(Composition other) {
    checkSize(other);
    double[] a = clr();
    double[] b = other.clr();
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double e = a[i] - b[i];
      s += e * e;
    }
    return Math.sqrt(s);
  }

  /**
   * The point at fraction t along the Aitchison geodesic (a straight line in clr coordinates):
   * x &oplus; (t &odot; (y &ominus; x)). t = 0 gives this composition, t = 1 gives {@code other};
   * values outside [0, 1] extrapolate.
   *
   * @param other the end point, of the same size
   * @param t the fraction of the way, finite
   * @return the interpolated composition
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the sizes differ or {@code t} is not finite
   */
  public Composition interpolate(Composition other, double t) {
    checkSize(other);
    Checks.finite(t, "t");
    double[] logs = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      double a = Math.log(parts[i]);
      logs[i] = a + t * (Math.log(other.parts[i]) - a);
    }
    return fromLogs(logs);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Composition && Arrays.equals(parts, ((Composition) o).parts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(parts);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Composition[");
    for (int i = 0; i < parts.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6g", parts[i]));
    }
    return sb.append(']').toString();
  }

  static Composition fromLogs(double[] logs) {
    return new Composition(LogRatios.closeExp(logs));
  }

  private void checkSize(Composition other) {
    Checks.notNull(other, "other");
    Checks.argument(other.parts.length == parts.length, "other has " + other.parts.length
        + " parts but this composition has " + parts.length + "; they must match");
  }

  private void checkIndex(int index, String name) {
    Checks.argument(index >= 0 && index < parts.length,
        name + " = " + index + " must be in [0, " + (parts.length - 1) + "]");
  }
}
