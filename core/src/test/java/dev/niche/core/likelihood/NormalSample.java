package dev.niche.core.likelihood;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The normal sample of the maximum-likelihood tests: its log-likelihood in {@code (mu, sigma)},
 * {@code ℓ = Σ [-½ ((x - mu) / sigma)² - ln sigma - ½ ln 2π]}, with its analytic gradient and
 * Hessian, and the closed-form maximum the tests check fits against: {@code mu} the sample mean,
 * {@code sigma} the root mean squared deviation (divisor {@code n}), with standard errors
 * {@code sigma / √n} and {@code sigma / √(2n)}.
 */
final class NormalSample {

  private final double[] values;
  /** The sample mean, the maximum-likelihood {@code mu}. */
  final double mean;
  /** The root mean squared deviation from the mean, the maximum-likelihood {@code sigma}. */
  final double sd;

  private NormalSample(double[] values) {
    this.values = values;
    double sum = 0;
    for (double x : values) {
      sum += x;
    }
    double m = sum / values.length;
    double squares = 0;
    for (double x : values) {
      squares += (x - m) * (x - m);
    }
    this.mean = m;
    this.sd = Math.sqrt(squares / values.length);
  }

  /** A sample of the given values (not copied). */
  static NormalSample of(double... values) {
    return new NormalSample(values);
  }

  /** {@code n} draws of {@code mu + sigma Z}, {@code Z} standard normal from the seed. */
  static NormalSample draw(long seed, double mu, double sigma, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = mu + sigma * random.nextGaussian();
    }
    return new NormalSample(x);
  }

  /** The sample of the first {@code n} values. */
  NormalSample head(int n) {
    return new NormalSample(Arrays.copyOf(values, n));
  }

  /** The number of values. */
  int size() {
    return values.length;
  }

  /** A maximum-likelihood builder for {@code f} over {@code mu} (free) and {@code sigma > 0}. */
  static MaximumLikelihood.Builder builder(LogLikelihood f) {
    return MaximumLikelihood.builder(f, Parameter.free("mu"), Parameter.positive("sigma"));
  }

  /** A copy of a covariance matrix times {@code factor}: a warm start's tightened proposal. */
  static double[][] times(double[][] covariance, double factor) {
    double[][] c = new double[covariance.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = covariance[i].clone();
      for (int j = 0; j < c[i].length; j++) {
        c[i][j] *= factor;
      }
    }
    return c;
  }

  /** The log-likelihood with its analytic gradient in {@code (mu, sigma)}. */
  DifferentiableLogLikelihood logLikelihood() {
    return new Gradient();
  }

  /**
   * The log-likelihood with its analytic gradient and Hessian in {@code (mu, sigma)}.
   *
   * @param hessianKnown false to report {@code ∂²ℓ/∂sigma²} as NaN, as a model that cannot
   *     compute every entry does
   */
  TwiceDifferentiableLogLikelihood logLikelihoodWithHessian(boolean hessianKnown) {
    return new Hessian(hessianKnown);
  }

  /** {@code ℓ} and {@code (∂ℓ/∂mu, ∂ℓ/∂sigma)}. */
  private class Gradient implements DifferentiableLogLikelihood {
    @Override
    public double value(double[] p) {
      return valueAndGradient(p, new double[2]);
    }

    @Override
    public double valueAndGradient(double[] p, double[] g) {
      double s = 0;
      double dm = 0;
      double ds = 0;
      for (double x : values) {
        double u = (x - p[0]) / p[1];
        s += -0.5 * u * u - Math.log(p[1]) - 0.5 * Math.log(2 * Math.PI);
        dm += u / p[1];
        ds += (u * u - 1) / p[1];
      }
      g[0] = dm;
      g[1] = ds;
      return s;
    }
  }

  /** {@link Gradient} with the Hessian {@code ∂²ℓ/∂(mu, sigma)²}. */
  private final class Hessian extends Gradient implements TwiceDifferentiableLogLikelihood {
    private final boolean known;

    Hessian(boolean known) {
      this.known = known;
    }

    @Override
    public double valueGradientAndHessian(double[] p, double[] g, double[][] h) {
      double v = valueAndGradient(p, g);
      double sum = 0;
      double squares = 0;
      for (double x : values) {
        sum += x - p[0];
        squares += (x - p[0]) * (x - p[0]);
      }
      double s2 = p[1] * p[1];
      h[0][0] = -values.length / s2;
      h[0][1] = -2 * sum / (s2 * p[1]);
      h[1][0] = h[0][1];
      h[1][1] = known ? values.length / s2 - 3 * squares / (s2 * s2) : Double.NaN;
      return v;
    }
  }
}
