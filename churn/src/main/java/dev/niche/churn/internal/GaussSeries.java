package dev.niche.churn.internal;

/**
 * The Gauss series {@code S(b, c, w) = Σ_n a_n wⁿ}, {@code a_n = Π_{k<n} (b+k)/(c+k)}, of one
 * frequency of a {@link ParetoNbdPass}, tabulated: {@code a[n]}, {@code a[n] hb_n}, {@code a[n] hc_n}
 * ({@code hb_n = Σ_{k<n} 1/(b+k)}, likewise {@code hc_n}), {@code n a[n]}, and the stopping
 * weight {@code a[n] (n+1) (1 + hb_n + hc_n)} of {@link ParetoNbdEndpoint}'s criterion; for a
 * curved pass also the coefficients of the six second derivatives ({@link #evaluateSecond}).
 * Not thread-safe: one per pass. Not part of the API.
 */
final class GaussSeries {

  /** Same budget as {@link ParetoNbdEndpoint}: past it the series is NaN. */
  private static final int MAX_TERMS = 20_000;

  private final double b;
  private final double c;
  double[] a = new double[64];
  double[] ab = new double[64];
  double[] ac = new double[64];
  double[] an = new double[64];
  private double[] stop = new double[64];
  private double hb;
  private double hc;
  private double hb2;
  private double hc2;
  private final boolean second;
  /** {@code a_n (hb_n² - Σ 1/(b+k)²)}: {@code ∂²S/∂b²} is {@code Σ abb[n] wⁿ}. */
  double[] abb;
  /** {@code -a_n hb_n hc_n}: {@code ∂²S/∂b∂c}. */
  double[] abc;
  /** {@code a_n (hc_n² + Σ 1/(c+k)²)}: {@code ∂²S/∂c²}. */
  double[] acc;
  /** {@code n a_n hb_n}: {@code ∂²S/∂b∂w} is {@code Σ anb[n] wⁿ⁻¹}. */
  double[] anb;
  /** {@code -n a_n hc_n}: {@code ∂²S/∂c∂w}. */
  double[] anc;
  /** {@code n (n-1) a_n}: {@code ∂²S/∂w²} is {@code Σ ann[n] wⁿ⁻²}. */
  double[] ann;
  /** {@code a_n (n+1)² (1 + hb_n + hc_n)²}, bounding the next term of every second sum. */
  private double[] stop2;
  int length = 1;
  /** The last term index the last {@link #evaluate} summed. */
  int used;
  double sum;
  double sumB;
  double sumC;
  double sumW;
  double sumBB;
  double sumBC;
  double sumCC;
  double sumBW;
  double sumCW;
  double sumWW;

  GaussSeries(double b, double c, boolean second) {
    this.b = b;
    this.c = c;
    this.second = second;
    a[0] = 1;
    stop[0] = 1;
    if (second) {
      abb = new double[64];
      abc = new double[64];
      acc = new double[64];
      anb = new double[64];
      anc = new double[64];
      ann = new double[64];
      stop2 = new double[64];
    }
  }

  /**
   * Sums the six second derivatives of {@code S} at {@code w} (after {@link #evaluate} at any
   * {@code w}, whose sum sets the scale of the stopping rule: the omitted terms are below
   * {@code 10⁻¹⁵ S}); false if more than the budget of terms is needed.
   */
  boolean evaluateSecond(double w) {
    while (length < 3) {
      if (!extend()) {
        return false;
      }
    }
    if (w == 0) {
      sumBB = 0;
      sumBC = 0;
      sumCC = 0;
      sumBW = anb[1];
      sumCW = anc[1];
      sumWW = ann[2];
      used = 2;
      return true;
    }
    double threshold = 1e-15 * (1 - w) * sum;
    double sbb = 0;
    double sbc = 0;
    double scc = 0;
    double sbw = 0;
    double scw = 0;
    double sww = 0;
    double before = 0;
    double power = 1;
    for (int n = 1; ; n++) {
      if (n == length && !extend()) {
        return false;
      }
      sww += ann[n] * before;
      sbw += anb[n] * power;
      scw += anc[n] * power;
      before = power;
      power *= w;
      sbb += abb[n] * power;
      sbc += abc[n] * power;
      scc += acc[n] * power;
      if (n >= 2 && stop2[n] * before <= threshold) {
        used = n;
        break;
      }
    }
    sumBB = sbb;
    sumBC = sbc;
    sumCC = scc;
    sumBW = sbw;
    sumCW = scw;
    sumWW = sww;
    return true;
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
      if (second) {
        abb = java.util.Arrays.copyOf(abb, to);
        abc = java.util.Arrays.copyOf(abc, to);
        acc = java.util.Arrays.copyOf(acc, to);
        anb = java.util.Arrays.copyOf(anb, to);
        anc = java.util.Arrays.copyOf(anc, to);
        ann = java.util.Arrays.copyOf(ann, to);
        stop2 = java.util.Arrays.copyOf(stop2, to);
      }
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
      if (second) {
        hb2 += 1 / ((b + k) * (b + k));
        hc2 += 1 / ((c + k) * (c + k));
        abb[n] = a[n] * (hb * hb - hb2);
        abc[n] = -a[n] * hb * hc;
        acc[n] = a[n] * (hc * hc + hc2);
        anb[n] = n * a[n] * hb;
        anc[n] = -n * a[n] * hc;
        ann[n] = n * (n - 1.0) * a[n];
        double grow = 1 + hb + hc;
        stop2[n] = a[n] * (n + 1.0) * (n + 1.0) * grow * grow;
      }
    }
    length = to;
    return true;
  }
}
