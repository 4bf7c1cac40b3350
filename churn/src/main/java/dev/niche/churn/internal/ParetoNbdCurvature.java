package dev.niche.churn.internal;

/**
 * The Hessian of the Pareto/NBD log-likelihood over {@code (r, α, s, β)}, accumulated row by row
 * in the pass that gives the value and gradient ({@link ParetoNbdScore}). Not part of the API.
 *
 * <p>Per row, {@code ℓ = Σ_{k<x} ln(r+k) + ln(e^E + e^D)} with
 * {@code D = ln(s/m) + ln G₁ + ln(1 - e^d)}, {@code d = ln G₂ - ln G₁}, {@code G₁ = G(t_x)},
 * {@code G₂ = G(T)}, {@code E = E(T)}, {@code m = r+s+x}. With {@code σ = e^E/(e^E + e^D)},
 * {@code q = e^d/(1-e^d)} (so {@code d ln(1-e^d)/dd = -q} and {@code dq/dd = q(1+q)}),
 * {@code Δ = ∇ln G₂ - ∇ln G₁} and {@code Γ = ∇E - ∇D}:
 *
 * <pre>
 * ∇D  = ∇ln(s/m) + (1+q) ∇ln G₁ - q ∇ln G₂
 * ∇²D = ∇²ln(s/m) + (1+q) ∇²ln G₁ - q ∇²ln G₂ - q(1+q) ΔΔᵀ
 * ∇²ℓ = -Σ_{k<x} e_r e_rᵀ/(r+k)² + σ ∇²E + (1-σ) ∇²D + σ(1-σ) ΓΓᵀ
 * ∇²ln(s/m): rr = rs = 1/m², ss = 1/m² - 1/s².
 * </pre>
 *
 * The terms linear in the endpoints' Hessians are accumulated here by weight; the sums over
 * {@code k} and the terms of {@code ln(s/m)} once per frequency at the end. The symmetric 4 × 4
 * matrices are packed in the order {@code rr, rα, rs, rβ, αα, αs, αβ, ss, sβ, ββ}. Not
 * thread-safe: one per evaluation.
 */
final class ParetoNbdCurvature {

  static final int RR = 0;
  static final int RA = 1;
  static final int RS = 2;
  static final int RB = 3;
  static final int AA = 4;
  static final int AS = 5;
  static final int AB = 6;
  static final int SS = 7;
  static final int SB = 8;
  static final int BB = 9;

  private final double r;
  private final double s;
  private final double inverseS;
  /** {@code 1/(r+s+x)} per frequency. */
  private final double[] inverseM;
  /** The packed Hessian so far. */
  final double[] h = new double[10];

  ParetoNbdCurvature(double r, double s, int frequencies) {
    this.r = r;
    this.s = s;
    this.inverseS = 1 / s;
    this.inverseM = new double[frequencies];
    for (int k = 0; k < frequencies; k++) {
      inverseM[k] = 1 / (r + s + k);
    }
  }

  /**
   * Adds the outer-product terms of one row (or of rows sharing all their terms).
   *
   * @param w the row's weight
   * @param sigma its {@code σ}
   * @param q its {@code q}
   * @param x its frequency
   * @param alive {@code ∇E(T)} at {@code ao}
   * @param ao offset
   * @param end {@code ∇ln G(T)} at {@code eo}
   * @param eo offset
   * @param start {@code ∇ln G(t_x)} at {@code so}
   * @param so offset
   */
  void row(double w, double sigma, double q, int x, double[] alive, int ao, double[] end, int eo,
      double[] start, int so) {
    double died = w * (1 - sigma);
    double onDelta = -died * q * (1 + q);
    double onGamma = w * sigma * (1 - sigma);
    if (onDelta == 0 && onGamma == 0) {
      return;
    }
    double im = inverseM[x];
    double p = 1 + q;
    double d0 = end[eo] - start[so];
    double d1 = end[eo + 1] - start[so + 1];
    double d2 = end[eo + 2] - start[so + 2];
    double d3 = end[eo + 3] - start[so + 3];
    double g0 = alive[ao] - (-im + p * start[so] - q * end[eo]);
    double g1 = alive[ao + 1] - (p * start[so + 1] - q * end[eo + 1]);
    double g2 = alive[ao + 2] - (inverseS - im + p * start[so + 2] - q * end[eo + 2]);
    double g3 = alive[ao + 3] - (p * start[so + 3] - q * end[eo + 3]);
    outer(onDelta, d0, d1, d2, d3);
    outer(onGamma, g0, g1, g2, g3);
  }

  private void outer(double c, double v0, double v1, double v2, double v3) {
    double c0 = c * v0;
    double c1 = c * v1;
    double c2 = c * v2;
    h[RR] += c0 * v0;
    h[RA] += c0 * v1;
    h[RS] += c0 * v2;
    h[RB] += c0 * v3;
    h[AA] += c1 * v1;
    h[AS] += c1 * v2;
    h[AB] += c1 * v3;
    h[SS] += c2 * v2;
    h[SB] += c2 * v3;
    h[BB] += c * v3 * v3;
  }

  /**
   * Adds {@code weight} times a packed Hessian.
   *
   * @param weight the weight
   * @param hessian packed, ten entries at {@code offset}
   * @param offset where
   */
  void add(double weight, double[] hessian, int offset) {
    for (int k = 0; k < 10; k++) {
      h[k] += weight * hessian[offset + k];
    }
  }

  /**
   * Adds {@code weight} times the Hessian of {@code E} given by its four non-zero entries
   * ({@code rα, αα, sβ, ββ}).
   *
   * @param weight the weight
   * @param alive four entries at {@code offset}
   * @param offset where
   */
  void addAlive(double weight, double[] alive, int offset) {
    h[RA] += weight * alive[offset];
    h[AA] += weight * alive[offset + 1];
    h[SB] += weight * alive[offset + 2];
    h[BB] += weight * alive[offset + 3];
  }

  /**
   * Adds the terms of the sums over {@code k} and of {@code ln(s/m)} and unpacks.
   *
   * @param byFrequency the total weight per frequency
   * @param died the weight {@code Σ w(1-σ)} per frequency
   * @param hessian receives the 4 × 4 Hessian
   */
  void finish(double[] byFrequency, double[] died, double[][] hessian) {
    double inverseSquares = 0;
    for (int k = 0; k < byFrequency.length; k++) {
      h[RR] -= byFrequency[k] * inverseSquares;
      inverseSquares += 1 / ((r + k) * (r + k));
      if (died[k] != 0) {
        double m2 = 1 / ((r + s + k) * (r + s + k));
        h[RR] += died[k] * m2;
        h[RS] += died[k] * m2;
        h[SS] += died[k] * (m2 - 1 / (s * s));
      }
    }
    int[][] index = {{RR, RA, RS, RB}, {RA, AA, AS, AB}, {RS, AS, SS, SB}, {RB, AB, SB, BB}};
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        hessian[i][j] = h[index[i][j]];
      }
    }
  }
}
