package dev.niche.valuechain;

import dev.niche.core.Checks;
import dev.niche.valuechain.internal.LuFactors;
import dev.niche.valuechain.internal.SpectralRadius;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Leontief input-output model of n interdependent activities (Miller &amp; Blair 2009,
 * <i>Input-Output Analysis: Foundations and Extensions</i>, 2nd ed., ch. 2, 5, 12).
 *
 * <p>From inter-activity flows Z (z<sub>ij</sub> = what activity j buys from activity i) and total
 * outputs x, the technical coefficients are a<sub>ij</sub> = z<sub>ij</sub> / x<sub>j</sub>
 * (A = Z x&#770;<sup>&minus;1</sup>). Output meeting a final demand f solves (I &minus; A) x = f, so
 * x = L f with the Leontief inverse (total requirements) L = (I &minus; A)<sup>&minus;1</sup>.
 *
 * <p><b>Productivity.</b> A non-negative A is productive (every non-negative demand can be met)
 * iff its spectral radius &rho;(A) &lt; 1. The factory methods check this exactly and cheaply: they
 * factorise I &minus; A once (LU with partial pivoting, EJML) and solve (I &minus; A) y = 1. If
 * &rho;(A) &lt; 1 then y = &Sigma; A<sup>k</sup> 1 &ge; 1; conversely any y &gt; 0 with
 * A y = y &minus; 1 gives &rho;(A) &le; max<sub>i</sub> (Ay)<sub>i</sub>/y<sub>i</sub> &lt; 1
 * (Collatz-Wielandt). A model is rejected when some y<sub>i</sub> &lt; 1/2 or the factorisation is
 * singular; only then are the eigenvalues computed, to report &rho;(A) in the message.
 *
 * <p>Every solve reuses that factorisation ({@link #output(double[])}, {@link #prices(double[])});
 * L itself is formed once, on first request, from n solves. Instances are immutable and
 * thread-safe; array results are fresh copies.
 */
public final class InputOutputModel {

  private static final Logger LOG = LoggerFactory.getLogger(InputOutputModel.class);

  private final int n;
  private final double[] a; // row-major A
  private final double[] x; // total outputs, or null when built from coefficients
  private final LuFactors lu;
  private volatile double[] leontief; // row-major L, lazily
  private volatile double[] ghosh; // row-major G, lazily
  private volatile double radius = Double.NaN;

  private InputOutputModel(int n, double[] a, double[] x) {
    this.n = n;
    this.a = a;
    this.x = x;
    double[] m = new double[n * n];
    for (int i = 0; i < n * n; i++) {
      m[i] = -a[i];
    }
    for (int i = 0; i < n; i++) {
      m[i * n + i] += 1;
    }
    LuFactors f = LuFactors.of(m, n);
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1);
    double[] y = f == null ? null : f.solve(ones);
    if (y != null) {
      for (int i = 0; i < n; i++) {
        if (!(y[i] >= 0.5) || !Double.isFinite(y[i])) {
          y = null;
          break;
        }
      }
    }
    if (y == null) {
      double rho = SpectralRadius.of(a, n);
      Checks.argument(false, String.format(Locale.ROOT,
          "the coefficient matrix is not productive: its spectral radius is %.6g but must be < 1"
              + " (I - A is %s)", rho, f == null ? "singular" : "not an M-matrix"));
    }
    this.lu = f;
    LOG.debug("input-output model of {} activities is productive", n);
  }

  /**
   * Builds the model from inter-activity flows and total outputs: a<sub>ij</sub> =
   * z<sub>ij</sub> / x<sub>j</sub>.
   *
   * @param z the n &times; n flows, z[i][j] sold by activity i to activity j, finite and
   *     non-negative (copied)
   * @param x the n total outputs, finite and positive (copied)
   * @return the model
   * @throws NullPointerException if an argument or a row is null
   * @throws IllegalArgumentException if z is not square, ragged, has a negative or non-finite
   *     entry, x has the wrong length or a zero, negative or non-finite entry, or A is not
   *     productive (the message gives the spectral radius)
   */
  public static InputOutputModel fromFlows(double[][] z, double[] x) {
    int n = Checks.square(z, "z");
    Checks.finite(x, "x");
    Checks.sameLength(z.length, "z", x.length, "x");
    for (int j = 0; j < n; j++) {
      Checks.element(x[j] > 0, "x", j, x[j],
          "must be > 0 (an activity with zero output has no coefficients)");
    }
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        Checks.element(z[i][j] >= 0, "z", i, j, z[i][j], "must be >= 0");
        a[i * n + j] = z[i][j] / x[j];
      }
    }
    return new InputOutputModel(n, a, x.clone());
  }

  /**
   * Builds the model from technical coefficients. The Ghosh inverse then needs outputs and is not
   * available.
   *
   * @param a the n &times; n coefficients, finite and non-negative (copied)
   * @return the model
   * @throws NullPointerException if {@code a} or a row is null
   * @throws IllegalArgumentException if {@code a} is not square, ragged, negative or not finite, or
   *     not productive (the message gives the spectral radius)
   */
  public static InputOutputModel fromCoefficients(double[][] a) {
    int n = Checks.square(a, "a");
    double[] flat = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        Checks.element(a[i][j] >= 0, "a", i, j, a[i][j], "must be >= 0");
        flat[i * n + j] = a[i][j];
      }
    }
    return new InputOutputModel(n, flat, null);
  }

  /**
   * The number of activities.
   *
   * @return n
   */
  public int size() {
    return n;
  }

  /**
   * The technical coefficients A.
   *
   * @return a fresh n &times; n array
   */
  public double[][] coefficients() {
    return square(a);
  }

  /**
   * The total requirements matrix L = (I &minus; A)<sup>&minus;1</sup>: l<sub>ij</sub> is the output
   * of activity i needed, directly and indirectly, per unit of final demand for activity j.
   *
   * @return a fresh n &times; n array
   */
  public double[][] leontiefInverse() {
    return square(leontief());
  }

  /**
   * The output that meets a final demand: the solution of (I &minus; A) x = f (one LU solve).
   *
   * @param finalDemand the n final demands, finite (copied)
   * @return the n outputs
   * @throws NullPointerException if {@code finalDemand} is null
   * @throws IllegalArgumentException if its length is not n or an entry is not finite
   */
  public double[] output(double[] finalDemand) {
    checkVector(finalDemand, "finalDemand");
    return lu.solve(finalDemand);
  }

  /**
   * The cost-push prices p' = v'L (Miller &amp; Blair 2009, §2.6): the unit price of each activity's
   * output when each activity j must cover value added v<sub>j</sub> per unit of output. Solved as
   * (I &minus; A)<sup>T</sup> p = v with the same LU factors. With v<sub>j</sub> = 1 &minus;
   * &Sigma;<sub>i</sub> a<sub>ij</sub> every price is 1.
   *
   * @param valueAddedCoefficients the n value-added coefficients, finite (copied)
   * @return the n prices
   * @throws NullPointerException if the argument is null
   * @throws IllegalArgumentException if its length is not n or an entry is not finite
   */
  public double[] prices(double[] valueAddedCoefficients) {
    checkVector(valueAddedCoefficients, "valueAddedCoefficients");
    return lu.solveTransposed(valueAddedCoefficients);
  }

  /**
   * The price change caused by raising one activity's value added per unit of output (a wage or
   * margin increase) by {@code increase}: &Delta;p<sub>j</sub> = increase &times;
   * l<sub>kj</sub>, row k of L, which includes k's own price (&Delta;p<sub>k</sub> = increase
   * &times; l<sub>kk</sub> &ge; increase).
   *
   * @param activity the index k of the activity whose value added rises
   * @param increase the rise in value added per unit of output, finite (may be negative)
   * @return the n price changes
   * @throws IllegalArgumentException if the index is out of range or the increase not finite
   */
  public double[] priceIncrease(int activity, double increase) {
    checkIndex(activity);
    Checks.finite(increase, "increase");
    double[] v = new double[n];
    v[activity] = increase;
    return lu.solveTransposed(v);
  }

  /**
   * The Ghosh inverse G = (I &minus; B)<sup>&minus;1</sup> with allocation coefficients
   * B = x&#770;<sup>&minus;1</sup> Z, b<sub>ij</sub> = z<sub>ij</sub> / x<sub>i</sub> (Ghosh 1958;
   * Miller &amp; Blair 2009, §12.1). It relates to L by G = x&#770;<sup>&minus;1</sup> L x&#770;.
   * Computed by its own LU factorisation.
   *
   * @return a fresh n &times; n array
   * @throws IllegalStateException if the model was built from coefficients, without outputs
   */
  public double[][] ghoshInverse() {
    return square(ghosh());
  }

  /**
   * The simple output multipliers: column sums of L, the total output of all activities needed per
   * unit of final demand for activity j (Miller &amp; Blair 2009, §6.2).
   *
   * @return the n multipliers
   */
  public double[] outputMultipliers() {
    double[] l = leontief();
    double[] m = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[j] += l[i * n + j];
      }
    }
    return m;
  }

  /**
   * Rasmussen's (1956) normalised backward linkages: column sum of L divided by the average column
   * sum, n &middot; &Sigma;<sub>i</sub> l<sub>ij</sub> / &Sigma;<sub>ij</sub> l<sub>ij</sub>. Above 1
   * means activity j pulls more than average on its suppliers.
   *
   * @return the n backward linkages (they average 1)
   */
  public double[] backwardLinkages() {
    double[] m = outputMultipliers();
    return normalised(m);
  }

  /**
   * Rasmussen's (1956) normalised forward linkages from the rows of L: n &middot;
   * &Sigma;<sub>j</sub> l<sub>ij</sub> / &Sigma;<sub>ij</sub> l<sub>ij</sub>. Above 1 means activity i
   * is pushed more than average by demand for everything. (Miller &amp; Blair 2009, §12.2, prefer
   * rows of the Ghosh inverse; see {@link #ghoshForwardLinkages()}.)
   *
   * @return the n forward linkages (they average 1)
   */
  public double[] forwardLinkages() {
    return normalised(rowSums(leontief()));
  }

  /**
   * Normalised forward linkages from the rows of the Ghosh inverse G (Miller &amp; Blair 2009,
   * §12.2): n &middot; &Sigma;<sub>j</sub> g<sub>ij</sub> / &Sigma;<sub>ij</sub> g<sub>ij</sub>.
   *
   * @return the n forward linkages (they average 1)
   * @throws IllegalStateException if the model was built from coefficients, without outputs
   */
  public double[] ghoshForwardLinkages() {
    return normalised(rowSums(ghosh()));
  }

  /**
   * The spectral radius &rho;(A), the largest eigenvalue modulus (below 1 for every model that
   * exists). Computed on first call from all eigenvalues (EJML, O(n&sup3;)), then cached.
   *
   * @return &rho;(A)
   */
  public double spectralRadius() {
    double r = radius;
    if (Double.isNaN(r)) {
      r = SpectralRadius.of(a, n);
      radius = r;
    }
    return r;
  }

  private double[] leontief() {
    double[] l = leontief;
    if (l == null) {
      synchronized (this) {
        l = leontief;
        if (l == null) {
          l = lu.inverse();
          leontief = l;
        }
      }
    }
    return l;
  }

  private double[] ghosh() {
    if (x == null) {
      throw new IllegalStateException("the Ghosh inverse needs total outputs; build the model"
          + " with InputOutputModel.fromFlows(z, x)");
    }
    double[] g = ghosh;
    if (g == null) {
      synchronized (this) {
        g = ghosh;
        if (g == null) {
          double[] m = new double[n * n];
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
              m[i * n + j] = (i == j ? 1 : 0) - a[i * n + j] * x[j] / x[i];
            }
          }
          LuFactors f = LuFactors.of(m, n);
          if (f == null) {
            throw new IllegalStateException("I - B is numerically singular");
          }
          g = f.inverse();
          ghosh = g;
        }
      }
    }
    return g;
  }

  private double[] rowSums(double[] m) {
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        s[i] += m[i * n + j];
      }
    }
    return s;
  }

  private double[] normalised(double[] sums) {
    double total = 0;
    for (double v : sums) {
      total += v;
    }
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = n * sums[i] / total;
    }
    return r;
  }

  private double[][] square(double[] flat) {
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(flat, i * n, m[i], 0, n);
    }
    return m;
  }

  private void checkVector(double[] v, String name) {
    Checks.finite(v, name);
    Checks.sameLength(v.length, name, n, "the model's activities");
  }

  private void checkIndex(int i) {
    Checks.argument(i >= 0 && i < n, "activity = " + i + " must be in [0, " + (n - 1) + "]");
  }
}
