package dev.niche.benchmarks.valuechain;

import dev.niche.valuechain.InputOutputModel;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Leontief output x = (I - A)^-1 f for n activities with a random productive A (seeded; entries
 * uniform on [0, 1.8/n), so column sums are about 0.9).
 *
 * <ul>
 *   <li>{@code nicheModelAndOutput}: {@code InputOutputModel.fromCoefficients(a).output(f)}, i.e.
 *       validation and copy of A, EJML LU of I - A, the productivity solve and the output solve;
 *   <li>{@code commonsMathLuSolve}: the peer, Commons Math 3.6.1 {@code LUDecomposition} of the same
 *       I - A (built from the same array) and one solve;
 *   <li>{@code nicheOutputOnly} / {@code commonsMathSolveOnly}: one solve with a factorisation
 *       computed in setup.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InputOutputBenchmark {

  @Param({"500", "2000"})
  public int n;

  private double[][] a;
  private double[] f;
  private InputOutputModel model;
  private DecompositionSolver peerSolver;

  @Setup
  public void setUp() {
    SplittableRandom rnd = new SplittableRandom(20_261_122L);
    a = new double[n][n];
    f = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] = rnd.nextDouble() * 1.8 / n;
      }
      f[i] = 100 * rnd.nextDouble();
    }
    model = InputOutputModel.fromCoefficients(a);
    peerSolver = new LUDecomposition(identityMinus(a)).getSolver();
  }

  @Benchmark
  public double[] nicheModelAndOutput() {
    return InputOutputModel.fromCoefficients(a).output(f);
  }

  @Benchmark
  public RealVector commonsMathLuSolve() {
    return new LUDecomposition(identityMinus(a)).getSolver().solve(new ArrayRealVector(f, false));
  }

  @Benchmark
  public double[] nicheOutputOnly() {
    return model.output(f);
  }

  @Benchmark
  public RealVector commonsMathSolveOnly() {
    return peerSolver.solve(new ArrayRealVector(f, false));
  }

  private static Array2DRowRealMatrix identityMinus(double[][] a) {
    int n = a.length;
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[i][j] = (i == j ? 1 : 0) - a[i][j];
      }
    }
    return new Array2DRowRealMatrix(m, false);
  }
}
