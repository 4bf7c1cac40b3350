package dev.niche.core.internal;

/** A function under watch in tests: counts its evaluations and records the widest coordinate. */
final class WatchedFunction implements QuasiNewton.Smooth {
  private final QuasiNewton.Smooth f;
  int calls;
  double widest;

  WatchedFunction(QuasiNewton.Smooth f) {
    this.f = f;
  }

  @Override
  public double valueAndGradient(double[] z, double[] gradient) {
    calls++;
    for (double v : z) {
      widest = Math.max(widest, Math.abs(v));
    }
    return f.valueAndGradient(z, gradient);
  }
}
