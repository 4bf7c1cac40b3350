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
   * {@code ln G(t)} and its gradient.
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
    double l1 = Math.log1p(t / alpha);
    double l2 = Math.log1p(t / beta);
    double e = -r * l1 - s * l2;
    // Written so that nothing overflows for t up to the largest double.
    double dAlpha = (r * (t / (alpha + t))) / alpha - x / (alpha + t);
    double dBeta = s * (t / (beta + t)) / beta;
    if (x > 0) {
      e -= x * Math.log(alpha + t);
    }
    double dR = -l1;
    double dS = -l2;
    boolean alphaBranch = alpha >= beta;
    double b = alphaBranch ? r + x : s + 1;
    double c = m + 1;
    double w = alphaBranch ? (alpha - beta) / (alpha + t) : (beta - alpha) / (beta + t);
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
      dAlpha += gW * ((beta + t) / (alpha + t)) / (alpha + t);
      dBeta -= gW / (alpha + t);
    } else {
      logG = e + Math.log((alpha + t) / (beta + t)) + lnS;
      dR += gC;
      dS += gB + gC;
      dAlpha += 1 / (alpha + t) - gW / (beta + t);
      dBeta += -1 / (beta + t) + gW * ((alpha + t) / (beta + t)) / (beta + t);
    }
    gradient[offset] = dR;
    gradient[offset + 1] = dAlpha;
    gradient[offset + 2] = dS;
    gradient[offset + 3] = dBeta;
    return logG;
  }
}
