package dev.niche.churn.internal;

/**
 * The four Gauss series of one frequency ({@link ParetoNbdPass}: {@code S(w) = Σ a_n wⁿ}, the
 * derivative sums {@code Σ a_n hb_n wⁿ} and {@code -Σ a_n hc_n wⁿ}, and {@code S'(w)}) re-expanded
 * about the centres of {@code M} equal pieces of an interval {@code [w_lo, w_hi]} of
 * {@code (0, 1)}: on piece {@code j} with centre {@code z_j} and half-width {@code δ}, each series
 * is {@code Σ_{k<K} d_{jk} (w - z_j)^k}. The coefficients {@code d_{jk}} come from the Maclaurin
 * polynomial that meets the series' stopping rule at {@code w_hi} (its tail is below
 * {@code 10⁻¹⁷} relative on the whole interval) by a Taylor shift to {@code z_j}, exact in the
 * polynomial and with positive (or, for {@code hc}, negative) terms only, so it adds no
 * cancellation; {@code K} is the least order whose omitted terms, bounded by
 * {@code Σ_{k≥K} |d_{jk}| δ^k}, are below {@code 10⁻¹⁷} of each series' value at the centre on
 * every piece. The pieces are chosen so that {@code δ} is about {@value #RATIO} of the distance
 * {@code 1 - w_hi} to the series' singularity at 1, where a dozen terms reach that bound (the
 * Maclaurin series needs 20-35 at {@code w} of 0.1-0.3). Building costs
 * {@code O(M N²)} for {@code N} Maclaurin terms, once per frequency per evaluation. Immutable.
 * Not part of the API.
 */
final class SeriesPieces {

  /**
   * The longest Maclaurin series re-expanded (the work is {@code O(M N²)}); longer ones, where
   * {@code w} comes close to 1, are summed directly.
   */
  static final int MAX_TERMS = 120;

  /** Target ratio of a piece's half-width to the distance from its far end to 1. */
  static final double RATIO = 0.02;
  private static final int MAX_PIECES = 64;
  private static final double TAIL = 1e-17;
  /** Tail bound of the second-derivative series, relative to {@code S}. */
  static final double SECOND_TAIL = 1e-15;

  private final double low;
  private final double lowest;
  private final double highest;
  private final double inverseWidth;
  private final int pieces;
  private final int order;
  private final double[] centre;
  /** {@code d[((j K) + k) 4 + s]} for piece j, order k, series s (sum, b, c, w). */
  private final double[] coefficients;

  private SeriesPieces(double low, double high, int pieces, int order, double[] centre,
      double[] coefficients) {
    this.low = low;
    this.lowest = low * (1 - 1e-12);
    this.highest = high * (1 + 1e-12);
    this.inverseWidth = pieces / (high - low);
    this.pieces = pieces;
    this.order = order;
    this.centre = centre;
    this.coefficients = coefficients;
  }

  /**
   * Re-expands the tabulated Maclaurin coefficients of {@link GaussSeries}.
   *
   * @param a coefficients of {@code S}
   * @param ab coefficients of the {@code b} sum
   * @param ac coefficients of the {@code c} sum (negated in the series)
   * @param an {@code n a_n}, the coefficients of {@code S'} shifted by one
   * @param terms how many Maclaurin terms ({@code a[0..terms-1]}) to use
   * @param low the smallest {@code w}, {@code > 0}
   * @param high the largest {@code w}, {@code < 1}
   * @param endpoints how many endpoints will be evaluated: the pieces cost at most about what
   *     summing the Maclaurin series at them would ({@code M N² <= endpoints N / 2})
   * @return the pieces, or null if they would need as many terms as the Maclaurin series or
   *     cost more than they save
   */
  static SeriesPieces of(double[] a, double[] ab, double[] ac, double[] an, int terms,
      double low, double high, int endpoints) {
    double[][] series = new double[4][];
    series[0] = java.util.Arrays.copyOf(a, terms);
    series[1] = java.util.Arrays.copyOf(ab, terms);
    series[2] = new double[terms];
    series[3] = new double[terms - 1];
    for (int n = 0; n < terms; n++) {
      series[2][n] = -ac[n];
      if (n > 0) {
        series[3][n - 1] = an[n];
      }
    }
    return build(series, terms, low, high, endpoints, null);
  }

  /**
   * Re-expands the six second-derivative series of {@link GaussSeries} (see
   * {@link GaussSeries#evaluateSecond}) likewise, with the tail of each bounded by
   * {@value #SECOND_TAIL} of {@code S} at the centre rather than of its own value (the Hessian
   * needs that accuracy relative to {@code S}, and a second derivative may be near zero).
   *
   * @param c the tabulated series, with its second-derivative coefficients
   * @param terms how many Maclaurin terms to use
   * @param low the smallest {@code w}, {@code > 0}
   * @param high the largest {@code w}, {@code < 1}
   * @param endpoints how many endpoints will be evaluated
   * @return the pieces, or null as for {@link #of}
   */
  static SeriesPieces second(GaussSeries c, int terms, double low, double high,
      int endpoints) {
    double[][] series = {
      java.util.Arrays.copyOf(c.abb, terms), java.util.Arrays.copyOf(c.abc, terms),
      java.util.Arrays.copyOf(c.acc, terms), new double[terms - 1], new double[terms - 1],
      new double[terms - 2]};
    for (int n = 1; n < terms; n++) {
      series[3][n - 1] = c.anb[n];
      series[4][n - 1] = c.anc[n];
      if (n > 1) {
        series[5][n - 2] = c.ann[n];
      }
    }
    return build(series, terms, low, high, endpoints, java.util.Arrays.copyOf(c.a, terms));
  }

  /**
   * The pieces of several series given by their Maclaurin coefficients, each tail bounded
   * relative to its own value at the centre, or to the value of {@code reference} there.
   */
  private static SeriesPieces build(double[][] series, int terms, double low, double high,
      int endpoints, double[] reference) {
    int m = (int) Math.ceil((high - low) / (2 * RATIO * (1 - high)));
    m = Math.min(Math.min(MAX_PIECES, m), endpoints / (2 * terms));
    if (m < 1) {
      return null;
    }
    int count = series.length;
    double width = (high - low) / m;
    double half = width / 2;
    double[] centre = new double[m];
    double[][][] shifted = new double[m][count][];
    int order = 1;
    for (int j = 0; j < m; j++) {
      centre[j] = low + (j + 0.5) * width;
      double scale = 0;
      if (reference != null) {
        for (int n = reference.length - 1; n >= 0; n--) {
          scale = scale * centre[j] + reference[n];
        }
        scale *= SECOND_TAIL / TAIL;
      }
      for (int s = 0; s < count; s++) {
        double[] d = series[s].clone();
        shifted[j][s] = d;
        taylorShift(d, centre[j]);
        order = Math.max(order, order(d, half, reference == null ? Math.abs(d[0]) : scale));
      }
    }
    if (order >= terms - 1) {
      return null;
    }
    double[] coefficients = new double[m * order * count];
    for (int j = 0; j < m; j++) {
      for (int k = 0; k < order; k++) {
        for (int s = 0; s < count; s++) {
          double[] d = shifted[j][s];
          coefficients[(j * order + k) * count + s] = k < d.length ? d[k] : 0;
        }
      }
    }
    return new SeriesPieces(low, high, m, order, centre, coefficients);
  }

  /** Rewrites {@code Σ p_n zⁿ} as {@code Σ q_k (z - z0)^k} in place (repeated synthetic division). */
  private static void taylorShift(double[] p, double z0) {
    int n = p.length - 1;
    for (int i = 0; i < n; i++) {
      for (int j = n - 1; j >= i; j--) {
        p[j] += z0 * p[j + 1];
      }
    }
  }

  /** The least {@code K} with {@code Σ_{k≥K} |d_k| δ^k <= TAIL scale}. */
  private static int order(double[] d, double half, double scale) {
    double[] term = new double[d.length];
    double power = 1;
    for (int k = 0; k < d.length; k++) {
      term[k] = Math.abs(d[k]) * power;
      power *= half;
    }
    double bound = TAIL * scale;
    double tail = 0;
    for (int k = d.length - 1; k >= 1; k--) {
      tail += term[k];
      if (tail > bound) {
        return k + 1;
      }
    }
    return 1;
  }

  /**
   * Sums the four series at {@code w} into {@code out}'s {@code sum}, {@code sumB},
   * {@code sumC} and {@code sumW}.
   *
   * @return false if {@code w} is outside the interval (nothing written)
   */
  boolean evaluate(double w, GaussSeries out) {
    if (!(w >= lowest && w <= highest)) {
      return false;
    }
    int j = piece(w);
    double d = w - centre[j];
    int base = (j * order + order - 1) * 4;
    double s0 = coefficients[base];
    double s1 = coefficients[base + 1];
    double s2 = coefficients[base + 2];
    double s3 = coefficients[base + 3];
    for (int k = order - 2; k >= 0; k--) {
      base -= 4;
      s0 = s0 * d + coefficients[base];
      s1 = s1 * d + coefficients[base + 1];
      s2 = s2 * d + coefficients[base + 2];
      s3 = s3 * d + coefficients[base + 3];
    }
    out.sum = s0;
    out.sumB = s1;
    out.sumC = s2;
    out.sumW = s3;
    return true;
  }

  /** The piece whose interval holds {@code w}, the end pieces taking what rounding puts beyond. */
  private int piece(double w) {
    return Math.max(0, Math.min(pieces - 1, (int) ((w - low) * inverseWidth)));
  }

  /**
   * Sums the six second-derivative series of {@link #second} at {@code w} into {@code out}'s
   * {@code sumBB}, {@code sumBC}, {@code sumCC}, {@code sumBW}, {@code sumCW} and {@code sumWW}.
   *
   * @return false if {@code w} is outside the interval (nothing written)
   */
  boolean evaluateSecond(double w, GaussSeries out) {
    if (!(w >= lowest && w <= highest)) {
      return false;
    }
    int j = piece(w);
    double d = w - centre[j];
    int base = (j * order + order - 1) * 6;
    double s0 = coefficients[base];
    double s1 = coefficients[base + 1];
    double s2 = coefficients[base + 2];
    double s3 = coefficients[base + 3];
    double s4 = coefficients[base + 4];
    double s5 = coefficients[base + 5];
    for (int k = order - 2; k >= 0; k--) {
      base -= 6;
      s0 = s0 * d + coefficients[base];
      s1 = s1 * d + coefficients[base + 1];
      s2 = s2 * d + coefficients[base + 2];
      s3 = s3 * d + coefficients[base + 3];
      s4 = s4 * d + coefficients[base + 4];
      s5 = s5 * d + coefficients[base + 5];
    }
    out.sumBB = s0;
    out.sumBC = s1;
    out.sumCC = s2;
    out.sumBW = s3;
    out.sumCW = s4;
    out.sumWW = s5;
    return true;
  }
}
