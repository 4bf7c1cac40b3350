package dev.niche.benchmarks.ecology;

import dev.niche.ecology.CompetitionModel;
import dev.niche.ecology.LotkaVolterra;
import dev.niche.ecology.LotkaVolterraFit;
import dev.niche.ecology.LotkaVolterraFitter;
import dev.niche.ecology.ObservedSeries;
import dev.niche.ecology.Trajectory;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.ode.ContinuousOutputModel;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Simulation and fitting costs. Baseline: the same system integrated by a plain Commons Math
 * {@link DormandPrince853Integrator} on the linear state with a {@link ContinuousOutputModel}
 * (dense output kept, as ours does), relative tolerance 1e-11 and absolute tolerance
 * 1e-11 × typical state; Niche integrates {@code ln N} with tolerances 1e-11 (default options).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EcologyBenchmark {

  private CompetitionModel two;
  private double[] twoInitial;
  private LotkaVolterra fifty;
  private double[] fiftyInitial;
  private List<ObservedSeries> data;

  /** Builds the systems and the data to fit. */
  @Setup
  public void setUp() {
    two = CompetitionModel.of(1.0, 0.7, 1000, 800, 0.6, 0.5);
    twoInitial = new double[] {50, 20};
    SplittableRandom rnd = new SplittableRandom(42);
    int n = 50;
    double[] r = new double[n];
    double[][] a = new double[n][n];
    fiftyInitial = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = rnd.nextDouble(0.5, 1.5);
      fiftyInitial[i] = rnd.nextDouble(0.01, 0.5);
      for (int j = 0; j < n; j++) {
        a[i][j] = i == j ? -1 : rnd.nextDouble(-0.03, 0.01);
      }
    }
    fifty = LotkaVolterra.of(r, a);
    LotkaVolterra truth = LotkaVolterra.of(new double[] {0.8, 0.6},
        new double[][] {{-0.01, 0.003}, {-0.004, -0.008}});
    double[] times = new double[11];
    for (int k = 0; k < times.length; k++) {
      times[k] = 3.0 * k;
    }
    data = List.of(noisy(truth, new double[] {2, 3}, times, rnd),
        noisy(truth, new double[] {6, 1}, times, rnd));
  }

  private static ObservedSeries noisy(LotkaVolterra lv, double[] init, double[] times,
      SplittableRandom rnd) {
    double[][] s = lv.simulate(init, times).states();
    for (double[] row : s) {
      for (int i = 0; i < row.length; i++) {
        row[i] *= Math.exp(0.04 * rnd.nextGaussian());
      }
    }
    return new ObservedSeries(times, s);
  }

  /**
   * Two platforms, t = 0..50, Niche.
   *
   * @return the trajectory
   */
  @Benchmark
  public Trajectory twoSpeciesNiche() {
    return two.simulate(twoInitial, 50.0);
  }

  /**
   * Two platforms, t = 0..50, plain Commons Math baseline.
   *
   * @return the dense output model
   */
  @Benchmark
  public ContinuousOutputModel twoSpeciesCommonsMath() {
    return plain(two.toLotkaVolterra(), twoInitial, 50.0, 1000);
  }

  /**
   * Fifty species, t = 0..50, Niche.
   *
   * @return the trajectory
   */
  @Benchmark
  public Trajectory fiftySpeciesNiche() {
    return fifty.simulate(fiftyInitial, 50.0);
  }

  /**
   * Fifty species, t = 0..50, plain Commons Math baseline.
   *
   * @return the dense output model
   */
  @Benchmark
  public ContinuousOutputModel fiftySpeciesCommonsMath() {
    return plain(fifty, fiftyInitial, 50.0, 1);
  }

  /**
   * Fit of two species to two replicate series of 11 points (10 parameters).
   *
   * @return the fit
   */
  @Benchmark
  public LotkaVolterraFit fitTwoSpecies() {
    return LotkaVolterraFitter.builder().build().fit(data);
  }

  private static ContinuousOutputModel plain(LotkaVolterra lv, double[] initial, double tEnd,
      double typical) {
    int n = lv.species();
    double[] r = lv.growthRates();
    double[][] a = lv.interactions();
    FirstOrderDifferentialEquations eq = new FirstOrderDifferentialEquations() {
      @Override
      public int getDimension() {
        return n;
      }

      @Override
      public void computeDerivatives(double t, double[] y, double[] yDot) {
        for (int i = 0; i < n; i++) {
          double s = r[i];
          double[] row = a[i];
          for (int j = 0; j < n; j++) {
            s += row[j] * y[j];
          }
          yDot[i] = y[i] * s;
        }
      }
    };
    DormandPrince853Integrator integrator =
        new DormandPrince853Integrator(1e-12, tEnd, 1e-11 * typical, 1e-11);
    ContinuousOutputModel model = new ContinuousOutputModel();
    integrator.addStepHandler(model);
    double[] y = initial.clone();
    integrator.integrate(eq, 0, y, tEnd, y);
    return model;
  }
}
