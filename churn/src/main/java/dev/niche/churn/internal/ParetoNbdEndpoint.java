package dev.niche.churn.internal;

/**
 * The endpoint term {@code ln G(t)} of the Pareto/NBD likelihood (see {@link ParetoNbdTerms}) with
 * its gradient over {@code (r, α, s, β)}. Not part of the API.
 *
 * <p>With {@code m = r+s+x}, {@code E(t) = -r log1p(t/α) - s log1p(t/β) - x ln(α+t)} and
 * {@code S(b, c, w) = ₂F₁(1, b; c; w) = Σ_n Π_{k&lt;n} (b+k)/(c+k) wⁿ} (the Gauss series after
 * Euler's transformation, on the branch of {@code max(α, β)} so that {@code 0 <= w < 1}; Fader,
 * Hardie &amp; Lee 2005, "A note on implementing the Pareto/NBD model in MATLAB"):
 *
 * <pre>
 * α ≥ β:  ln G = E(t) + ln S(r+x, m+1, (α-β)/(α+t))
 * α &lt; β:  ln G = E(t) + ln((α+t)/(β+t)) + ln S(s+1, m+1, (β-α)/(β+t))
 * ∂E/∂r = -log1p(t/α),  ∂E/∂α = (r t/α - x)/(α+t),  ∂E/∂s = -log1p(t/β),  ∂E/∂β = s t/(β(β+t))
 * ∂S/∂b = Σ_n T_n Σ_{k&lt;n} 1/(b+k),  ∂S/∂c = -Σ_n T_n Σ_{k&lt;n} 1/(c+k),  ∂S/∂w = Σ_n n T_n / w
 * </pre>
 *
 * where {@code T_n} are the series' terms; the chain rule through {@code b}, {@code c = m+1} and
 * {@code w} gives the rest ({@code ∂w/∂α = (β+t)/(α+t)²}, {@code ∂w/∂β = -1/(α+t)} on the first
 * branch; {@code ∂w/∂β = (α+t)/(β+t)²}, {@code ∂w/∂α = -1/(β+t)} on the second). The series and its
 * three derivative sums are accumulated in one pass of positive terms.
 */
final class ParetoNbdEndpoint {

  /**
   * Series budget: enough for {@code 1 - w} down to about {@code 2e-3} (a ratio of α and β up to
   * about 500 where {@code t = 0}); each term costs a few flops.
   */
  private static final int MAX_TERMS = 20_000;

  private ParetoNbdEndpoint() {}

  /**
   * {@code E(t)} and its gradient. Every sum {@code α+t}, {@code β+t} enters through its logarithm
   * or a quotient by it ({@link LogSpace#logOfSum}, {@link LogSpace#overSum}), so that both stay
   * finite and accurate where the sum itself exceeds the double range: there {@code t/(α+t)} is
   * about {@code 1 - α/t}, not 0, and {@code ∂E/∂α} about {@code r/α}.
   *
   * @param r purchase-rate shape
   * @param alpha purchase-rate rate
   * @param s dropout-rate shape
   * @param beta dropout-rate rate
   * @param x frequency
   * @param t the endpoint
   * @param gradient receives the four partial derivatives at {@code offset}
   * @param offset where in {@code gradient} to write
   * @return {@code E(t)}, finite for finite positive parameters and finite {@code t >= 0}
   */
  static double logAlive(double r, double alpha, double s, double beta, int x, double t,
      double[] gradient, int offset) {
    double l1 = LogSpace.log1pRatio(t, alpha);
    double l2 = LogSpace.log1pRatio(t, beta);
    double e = -r * l1 - s * l2;
    if (x > 0) {
      e -= x * LogSpace.logOfSum(alpha, t);
    }
    gradient[offset] = -l1;
    gradient[offset + 1] = (r * LogSpace.overSum(t, alpha, t)) / alpha
        - LogSpace.overSum(x, alpha, t);
    gradient[offset + 2] = -l2;
    gradient[offset + 3] = s * LogSpace.overSum(t, beta, t) / beta;
    return e;
  }

  /**
   * {@code ln G(t)} and its gradient, finite where {@code α+t} or {@code β+t} exceeds the double
   * range (see {@link #logAlive}; {@code w} and {@code (β+t)/(α+t)} are quotients of sums,
   * {@link LogSpace#ratioOfSums}).
   *
   * @param r purchase-rate shape
   * @param alpha purchase-rate rate
   * @param s dropout-rate shape
   * @param beta dropout-rate rate
   * @param x frequency
   * @param t the endpoint
   * @param gradient receives the four partial derivatives at {@code offset}
   * @param offset where in {@code gradient} to write
   * @return {@code ln G(t)}, or NaN if the series would need more than {@value #MAX_TERMS} terms
   */
  static double logG(double r, double alpha, double s, double beta, int x, double t,
      double[] gradient, int offset) {
    double m = r + s + x;
    double e = logAlive(r, alpha, s, beta, x, t, gradient, offset);
    double dR = gradient[offset];
    double dAlpha = gradient[offset + 1];
    double dS = gradient[offset + 2];
    double dBeta = gradient[offset + 3];
    boolean alphaBranch = alpha >= beta;
    double b = alphaBranch ? r + x : s + 1;
    double c = m + 1;
    double w = alphaBranch
        ? LogSpace.overSum(alpha - beta, alpha, t) : LogSpace.overSum(beta - alpha, beta, t);
    double sum = 1.0;
    double sumB = 0;
    double sumC = 0;
    double sumW = 0;
    if (w > 0) {
      double tail = w / (1 - w);
      double term = 1.0;
      double hb = 0;
      double hc = 0;
      int k = 0;
      while (true) {
        if (k == MAX_TERMS) {
          return Double.NaN;
        }
        double ratio = (b + k) / (c + k);
        hb += 1 / (b + k);
        hc += 1 / (c + k);
        // d/dw of the term (n = k+1): n T_n / w = (k+1) ratio T_k w^(k) ... as T_{k+1}/w.
        sumW += (k + 1) * term * ratio;
        term *= ratio * w;
        k++;
        sum += term;
        sumB += term * hb;
        sumC -= term * hc;
        if (term * tail * (k + 1) * (1 + hb + hc) <= 1e-17 * sum) {
          break;
        }
      }
    } else {
      sumW = b / c;
    }
    double lnS = Math.log(sum);
    double gB = sumB / sum;
    double gC = sumC / sum;
    double gW = sumW / sum;
    double logG;
    if (alphaBranch) {
      logG = e + lnS;
      dR += gB + gC;
      dS += gC;
      dAlpha += LogSpace.overSum(gW * LogSpace.ratioOfSums(beta, alpha, t), alpha, t);
      dBeta -= LogSpace.overSum(gW, alpha, t);
    } else {
      double ratio = LogSpace.ratioOfSums(alpha, beta, t);
      logG = e + Math.log(ratio) + lnS;
      dR += gC;
      dS += gB + gC;
      dAlpha += LogSpace.overSum(1, alpha, t) - LogSpace.overSum(gW, beta, t);
      dBeta += -LogSpace.overSum(1, beta, t) + LogSpace.overSum(gW * ratio, beta, t);
    }
    gradient[offset] = dR;
    gradient[offset + 1] = dAlpha;
    gradient[offset + 2] = dS;
    gradient[offset + 3] = dBeta;
    return logG;
  }
}
