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

  private final double r;
  private final double alpha;
  private final double s;
  private final double beta;
  private final double logAlpha;
  private final double logBeta;
  private final double rOverAlpha;
  private final double inverseAlpha;
  private final double inverseBeta;
  private final double sOverBeta;
  private final double gap;
  private final boolean alphaBranch;
  private final GaussSeries[] series;
  private final EndpointRange range;
  /** Per frequency: the series re-expanded about points of its range, or null. */
  private final SeriesPieces[] pieces;
  /** Per frequency: whether {@link #pieces} was tried. */
  private final boolean[] piecesTried;
  /** Whether endpoints also give their Hessians ({@link #hessianTo}). */
  private final boolean curved;
  /** Per frequency: the second-derivative series re-expanded likewise, or null. */
  private final SeriesPieces[] secondPieces;
  private final boolean[] secondTried;
  /** Receives the Hessian of {@code ln G} of the next endpoints (packed, {@link ParetoNbdCurvature}). */
  private double[] hessian;
  /** Receives the four non-zero second derivatives of {@code E} of the next endpoints, or null. */
  private double[] aliveHessian;
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
    this(r, alpha, s, beta, maxFrequency, range, false);
  }

  /**
   * A pass as above that, if {@code curved}, also gives each endpoint's Hessians into the arrays
   * last set by {@link #hessianTo}.
   */
  ParetoNbdPass(double r, double alpha, double s, double beta, int maxFrequency,
      EndpointRange range, boolean curved) {
    this.r = r;
    this.alpha = alpha;
    this.s = s;
    this.beta = beta;
    this.logAlpha = Math.log(alpha);
    this.logBeta = Math.log(beta);
    this.rOverAlpha = r / alpha;
    this.inverseAlpha = 1 / alpha;
    this.inverseBeta = 1 / beta;
    this.sOverBeta = s / beta;
    this.alphaBranch = alpha >= beta;
    this.gap = alphaBranch ? alpha - beta : beta - alpha;
    this.series = new GaussSeries[maxFrequency + 1];
    this.range = range;
    this.pieces = new SeriesPieces[maxFrequency + 1];
    this.piecesTried = new boolean[maxFrequency + 1];
    this.curved = curved;
    this.secondPieces = curved ? new SeriesPieces[maxFrequency + 1] : null;
    this.secondTried = curved ? new boolean[maxFrequency + 1] : null;
  }

  /**
   * Where the next endpoints' Hessians go (a curved pass only): the ten second derivatives of
   * {@code ln G} over {@code (r, α, s, β)}, packed as {@link ParetoNbdCurvature} packs them, and
   * the four non-zero ones of {@code E}: {@code ∂²E/∂r∂α = t/(α(α+t))},
   * {@code ∂²E/∂α² = -r t/(α(α+t)) (1/α + 1/(α+t)) + x/(α+t)²}, and likewise
   * {@code ∂²E/∂s∂β}, {@code ∂²E/∂β²} without the {@code x} term.
   *
   * @param logG receives the Hessian of {@code ln G}, ten entries
   * @param alive receives the Hessian of {@code E}, four entries, or null
   */
  void hessianTo(double[] logG, double[] alive) {
    this.hessian = logG;
    this.aliveHessian = alive;
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
    GaussSeries c = series[x];
    if (c == null) {
      c = new GaussSeries(alphaBranch ? r + x : s + 1, r + s + x + 1, curved);
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
    if (curved) {
      curvature(x, t, c, w, ia, ib, at, bt, gB, gC, gW, inverse);
    }
    return prefix;
  }

  /**
   * The Hessians of {@code E} and {@code ln G} at one endpoint. With {@code L = ln S(b, c, w)},
   * {@code L_ij = S_ij/S - L_i L_j}, {@code b} and {@code c} linear in {@code r, s} and {@code w} a
   * function of {@code α, β}: {@code ∇²L = Σ L_ij ∇i ∇jᵀ + L_w ∇²w}, where on the first branch
   * ({@code w = (α-β)/(α+t)}) {@code w_α = (β+t)/(α+t)²}, {@code w_β = -1/(α+t)},
   * {@code w_αα = -2(β+t)/(α+t)³}, {@code w_αβ = 1/(α+t)²}, {@code w_ββ = 0}, and on the second
   * ({@code w = (β-α)/(β+t)}) the same with the roles of α and β exchanged; the second branch adds
   * {@code ∇² ln((α+t)/(β+t))}: {@code -1/(α+t)²} on αα, {@code 1/(β+t)²} on ββ.
   */
  private void curvature(int x, double t, GaussSeries c, double w, double ia, double ib, double at,
      double bt, double gB, double gC, double gW, double inverse) {
    double eRA = t * ia * inverseAlpha;
    double eAA = -r * eRA * (inverseAlpha + ia) + x * ia * ia;
    double eSB = t * ib * inverseBeta;
    double eBB = -s * eSB * (inverseBeta + ib);
    if (aliveHessian != null) {
      aliveHessian[0] = eRA;
      aliveHessian[1] = eAA;
      aliveHessian[2] = eSB;
      aliveHessian[3] = eBB;
    }
    double[] h = hessian;
    SeriesPieces piece = secondPieces[x];
    if (piece == null && !secondTried[x]) {
      piece = secondPieces(x, c);
    }
    if ((piece == null || !piece.evaluateSecond(w, c)) && !c.evaluateSecond(w)) {
      java.util.Arrays.fill(h, Double.NaN);
      return;
    }
    double lbb = c.sumBB * inverse - gB * gB;
    double lbc = c.sumBC * inverse - gB * gC;
    double lcc = c.sumCC * inverse - gC * gC;
    double lbw = c.sumBW * inverse - gB * gW;
    double lcw = c.sumCW * inverse - gC * gW;
    double lww = c.sumWW * inverse - gW * gW;
    double wA;
    double wB;
    double shared = lbw + lcw;
    if (alphaBranch) {
      wA = bt * ia * ia;
      wB = -ia;
      h[ParetoNbdCurvature.RR] = lbb + 2 * lbc + lcc;
      h[ParetoNbdCurvature.SS] = lcc;
      h[ParetoNbdCurvature.RA] = eRA + shared * wA;
      h[ParetoNbdCurvature.RB] = shared * wB;
      h[ParetoNbdCurvature.AS] = lcw * wA;
      h[ParetoNbdCurvature.SB] = eSB + lcw * wB;
      h[ParetoNbdCurvature.AA] = eAA + lww * wA * wA - 2 * gW * wA * ia;
      h[ParetoNbdCurvature.BB] = eBB + lww * wB * wB;
    } else {
      wA = -ib;
      wB = at * ib * ib;
      h[ParetoNbdCurvature.RR] = lcc;
      h[ParetoNbdCurvature.SS] = lbb + 2 * lbc + lcc;
      h[ParetoNbdCurvature.RA] = eRA + lcw * wA;
      h[ParetoNbdCurvature.RB] = lcw * wB;
      h[ParetoNbdCurvature.AS] = shared * wA;
      h[ParetoNbdCurvature.SB] = eSB + shared * wB;
      h[ParetoNbdCurvature.AA] = eAA + lww * wA * wA - ia * ia;
      h[ParetoNbdCurvature.BB] = eBB + lww * wB * wB - 2 * gW * wB * ib + ib * ib;
    }
    h[ParetoNbdCurvature.RS] = lbc + lcc;
    double cross = alphaBranch ? ia * ia : ib * ib;
    h[ParetoNbdCurvature.AB] = lww * wA * wB + gW * cross;
  }

  private SeriesPieces secondPieces(int x, GaussSeries c) {
    secondTried[x] = true;
    if (pieces[x] == null) {
      return null;
    }
    double m = alphaBranch ? alpha : beta;
    double high = gap / (m + range.low(x));
    double low = gap / (m + range.high(x));
    if (!c.evaluate(high) || !c.evaluateSecond(high) || c.used >= SeriesPieces.MAX_TERMS) {
      return null;
    }
    secondPieces[x] = SeriesPieces.second(c, Math.min(c.used + 5, c.length), low, high,
        range.count(x));
    return secondPieces[x];
  }

  private SeriesPieces pieces(int x, GaussSeries c) {
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

  /**
   * An endpoint where {@code α+t} or {@code β+t} exceeds the double range: {@code E},
   * {@code ln G} and their gradients from {@link ParetoNbdEndpoint}, which takes every such sum
   * through its logarithm or a quotient by it (finite and accurate there); no Hessian.
   */
  private double overflowing(int x, double t, double[] gradient, int offset,
      double[] aliveGradient, int aliveOffset) {
    alive = aliveGradient == null
        ? ParetoNbdEndpoint.logAlive(r, alpha, s, beta, x, t, new double[4], 0)
        : ParetoNbdEndpoint.logAlive(r, alpha, s, beta, x, t, aliveGradient, aliveOffset);
    if (curved) {
      // No Hessian here (its α and β entries, of order 1/α², underflow): on NaN entries the
      // maximiser differentiates the gradient instead (TwiceDifferentiableLogLikelihood).
      java.util.Arrays.fill(hessian, Double.NaN);
      if (aliveHessian != null) {
        java.util.Arrays.fill(aliveHessian, Double.NaN);
      }
    }
    seriesSum = 1;
    return ParetoNbdEndpoint.logG(r, alpha, s, beta, x, t, gradient, offset);
  }
}
