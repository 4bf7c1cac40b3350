package dev.niche.churn.internal;

/**
 * The endpoint terms of one evaluation of the Pareto/NBD likelihood at fixed {@code (r, α, s, β)}
 * over many {@code (x, t)} pairs: {@code E(t)}, {@code ln G(t)} and their gradients as
 * {@link ParetoNbdEndpoint} defines them, with the work that does not depend on {@code t} done
 * once. What depends only on the parameters ({@code ln α}, {@code ln β}, the branch) is computed
 * once per evaluation; the coefficients of the Gauss series {@code S(b, c, w) = Σ_n a_n wⁿ},
 * {@code a_n = Π_{k<n} (b+k)/(c+k)}, and of its three derivative sums
 * ({@code a_n Σ_{k<n} 1/(b+k)}, {@code a_n Σ_{k<n} 1/(c+k)}, {@code n a_n}) once per frequency
 * {@code x} (b and c depend on x alone), extended as the largest {@code w} of that frequency needs.
 * Each pair then costs two logarithms ({@code ln(α+t)} and {@code ln(β+t)}, from which
 * {@code log1p(t/α) = ln(α+t) - ln α}), two divisions, the logarithm of the sum and a
 * division-free polynomial evaluation of four series, stopped at the same term as
 * {@link ParetoNbdEndpoint} stops. Pairs where {@code α+t} or {@code β+t} overflows go to
 * {@link ParetoNbdEndpoint}. Not thread-safe: one per evaluation. Not part of the API.
 */
final class ParetoNbdPass {

  /** Same budget as {@link ParetoNbdEndpoint}: past it the series is NaN. */
  private static final int MAX_TERMS = 20_000;

  private final double r;
  private final double alpha;
  private final double s;
  private final double beta;
  private final double logAlpha;
  private final double logBeta;
  private final double rOverAlpha;
  private final double sOverBeta;
  private final double gap;
  private final boolean alphaBranch;
  private final Series[] series;
  private final EndpointRange range;
  /** Per frequency: the series re-expanded about points of its range, or null. */
  private final SeriesPieces[] pieces;
  /** Per frequency: whether {@link #pieces} was tried. */
  private final boolean[] piecesTried;
  /** {@code E(t)} of the last {@link #endpoint}. */
  double alive;
  /** The series {@code S} of the last {@link #parts} (1 where the prefix is all of {@code ln G}). */
  double seriesSum;

  ParetoNbdPass(double r, double alpha, double s, double beta, int maxFrequency) {
    this(r, alpha, s, beta, maxFrequency, null);
  }

  /**
   * A pass that knows the endpoints to come: for each frequency with enough of them, the series
   * are re-expanded once about points of the range of {@code w} those endpoints give
   * ({@link SeriesPieces}), so each endpoint evaluates short polynomials.
   */
  ParetoNbdPass(double r, double alpha, double s, double beta, int maxFrequency,
      EndpointRange range) {
    this.r = r;
    this.alpha = alpha;
    this.s = s;
    this.beta = beta;
    this.logAlpha = Math.log(alpha);
    this.logBeta = Math.log(beta);
    this.rOverAlpha = r / alpha;
    this.sOverBeta = s / beta;
    this.alphaBranch = alpha >= beta;
    this.gap = alphaBranch ? alpha - beta : beta - alpha;
    this.series = new Series[maxFrequency + 1];
    this.range = range;
    this.pieces = new SeriesPieces[maxFrequency + 1];
    this.piecesTried = new boolean[maxFrequency + 1];
  }

  /**
   * {@code ln G(t)} and its gradient, and {@code E(t)} (in {@link #alive}) with its gradient.
   *
   * @param x frequency
   * @param t endpoint
   * @param gradient receives the gradient of {@code ln G} at {@code offset}
   * @param offset where in {@code gradient}
   * @param aliveGradient receives the gradient of {@code E} at {@code aliveOffset}, or null
   * @param aliveOffset where in {@code aliveGradient}
   * @return {@code ln G(t)}, NaN if the series would be too long
   */
  double endpoint(int x, double t, double[] gradient, int offset, double[] aliveGradient,
      int aliveOffset) {
    return parts(x, t, gradient, offset, aliveGradient, aliveOffset) + Math.log(seriesSum);
  }

  /**
   * As {@link #endpoint}, with {@code ln G(t) = P + ln S} returned in two parts: the prefix
   * {@code P} (returned) and the series {@code S >= 1} (in {@link #seriesSum}), so that a caller
   * that combines two endpoints in the linear domain can skip the logarithm of {@code S}.
   *
   * @param x frequency
   * @param t endpoint
   * @param gradient receives the gradient of {@code ln G} at {@code offset}
   * @param offset where in {@code gradient}
   * @param aliveGradient receives the gradient of {@code E} at {@code aliveOffset}, or null
   * @param aliveOffset where in {@code aliveGradient}
   * @return the prefix {@code P}, NaN if the series would be too long
   */
  double parts(int x, double t, double[] gradient, int offset, double[] aliveGradient,
      int aliveOffset) {
    double at = alpha + t;
    double bt = beta + t;
    if (!(at < Double.POSITIVE_INFINITY && bt < Double.POSITIVE_INFINITY)) {
      return overflowing(x, t, gradient, offset, aliveGradient, aliveOffset);
    }
    double la = Math.log(at);
    double lb = Math.log(bt);
    double l1 = la - logAlpha;
    double l2 = lb - logBeta;
    double ia = 1 / at;
    double ib = 1 / bt;
    double e = -r * l1 - s * l2;
    if (x > 0) {
      e -= x * la;
    }
    double dAlpha = rOverAlpha * (t * ia) - x * ia;
    double dBeta = sOverBeta * (t * ib);
    alive = e;
    if (aliveGradient != null) {
      aliveGradient[aliveOffset] = -l1;
      aliveGradient[aliveOffset + 1] = dAlpha;
      aliveGradient[aliveOffset + 2] = -l2;
      aliveGradient[aliveOffset + 3] = dBeta;
    }
    Series c = series[x];
    if (c == null) {
      c = new Series(alphaBranch ? r + x : s + 1, r + s + x + 1);
      series[x] = c;
    }
    double w = gap * (alphaBranch ? ia : ib);
    SeriesPieces piece = pieces[x];
    if (piece == null && !piecesTried[x]) {
      piece = pieces(x, c);
    }
    if (piece == null || !piece.evaluate(w, c)) {
      if (!c.evaluate(w)) {
        return Double.NaN;
      }
    }
    seriesSum = c.sum;
    double inverse = 1 / c.sum;
    double gB = c.sumB * inverse;
    double gC = c.sumC * inverse;
    double gW = c.sumW * inverse;
    double dR = -l1;
    double dS = -l2;
    double prefix;
    if (alphaBranch) {
      prefix = e;
      dR += gB + gC;
      dS += gC;
      dAlpha += gW * (bt * ia) * ia;
      dBeta -= gW * ia;
    } else {
      prefix = e + (la - lb);
      dR += gC;
      dS += gB + gC;
      dAlpha += ia - gW * ib;
      dBeta += -ib + gW * (at * ib) * ib;
    }
    gradient[offset] = dR;
    gradient[offset + 1] = dAlpha;
    gradient[offset + 2] = dS;
    gradient[offset + 3] = dBeta;
    return prefix;
  }

  private SeriesPieces pieces(int x, Series c) {
    piecesTried[x] = true;
    if (range == null || gap == 0 || !range.worthPieces(x)) {
      return null;
    }
    double m = alphaBranch ? alpha : beta;
    double high = gap / (m + range.low(x));
    double low = gap / (m + range.high(x));
    if (!(low > 0 && high < 1 && low <= high) || !c.evaluate(high)
        || c.used >= SeriesPieces.MAX_TERMS) {
      return null;
    }
    pieces[x] = SeriesPieces.of(c.a, c.ab, c.ac, c.an, Math.min(c.used + 5, c.length), low, high,
        range.count(x));
    return pieces[x];
  }

  private double overflowing(int x, double t, double[] gradient, int offset,
      double[] aliveGradient, int aliveOffset) {
    double l1 = Math.log1p(t / alpha);
    double l2 = Math.log1p(t / beta);
    double e = -r * l1 - s * l2;
    alive = x == 0 ? e : e - x * Math.log(alpha + t);
    if (aliveGradient != null) {
      aliveGradient[aliveOffset] = -l1;
      aliveGradient[aliveOffset + 1] = (r * (t / (alpha + t))) / alpha - x / (alpha + t);
      aliveGradient[aliveOffset + 2] = -l2;
      aliveGradient[aliveOffset + 3] = s * (t / (beta + t)) / beta;
    }
    seriesSum = 1;
    return ParetoNbdEndpoint.logG(r, alpha, s, beta, x, t, gradient, offset);
  }

  /**
   * The tabulated series of one frequency: {@code a[n]}, {@code a[n] hb_n}, {@code a[n] hc_n}
   * ({@code hb_n = Σ_{k<n} 1/(b+k)}, likewise {@code hc_n}), {@code n a[n]}, and the stopping
   * weight {@code a[n] (n+1) (1 + hb_n + hc_n)} of {@link ParetoNbdEndpoint}'s criterion.
   */
  static final class Series {
    private final double b;
    private final double c;
    double[] a = new double[64];
    double[] ab = new double[64];
    double[] ac = new double[64];
    double[] an = new double[64];
    private double[] stop = new double[64];
    private double hb;
    private double hc;
    private int length = 1;
    /** The last term index the last {@link #evaluate} summed. */
    int used;
    double sum;
    double sumB;
    double sumC;
    double sumW;

    Series(double b, double c) {
      this.b = b;
      this.c = c;
      a[0] = 1;
      stop[0] = 1;
    }

    /** Sums the four series at {@code w}; false if more than the budget of terms is needed. */
    boolean evaluate(double w) {
      if (w == 0) {
        sum = 1;
        sumB = 0;
        sumC = 0;
        sumW = b / c;
        used = 1;
        return true;
      }
      double tail = w / (1 - w);
      double threshold = 1e-17 / tail;
      double sm = 1;
      double sb = 0;
      double sc = 0;
      double sw = 0;
      double power = 1;
      for (int n = 1; ; n++) {
        if (n == length && !extend()) {
          return false;
        }
        sw += an[n] * power;
        power *= w;
        sm += a[n] * power;
        sb += ab[n] * power;
        sc -= ac[n] * power;
        if (stop[n] * power <= threshold * sm) {
          used = n;
          break;
        }
      }
      sum = sm;
      sumB = sb;
      sumC = sc;
      sumW = sw;
      return true;
    }

    private boolean extend() {
      if (length >= MAX_TERMS) {
        return false;
      }
      int to = Math.min(MAX_TERMS, 2 * length);
      if (to > a.length) {
        a = java.util.Arrays.copyOf(a, to);
        ab = java.util.Arrays.copyOf(ab, to);
        ac = java.util.Arrays.copyOf(ac, to);
        an = java.util.Arrays.copyOf(an, to);
        stop = java.util.Arrays.copyOf(stop, to);
      }
      for (int n = length; n < to; n++) {
        int k = n - 1;
        a[n] = a[k] * ((b + k) / (c + k));
        hb += 1 / (b + k);
        hc += 1 / (c + k);
        ab[n] = a[n] * hb;
        ac[n] = a[n] * hc;
        an[n] = n * a[n];
        stop[n] = a[n] * (n + 1) * (1 + hb + hc);
      }
      length = to;
      return true;
    }
  }
}
