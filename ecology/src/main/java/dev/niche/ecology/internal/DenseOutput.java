package dev.niche.ecology.internal;

import java.util.Arrays;

/**
 * Piecewise-polynomial dense output of a simulation in log space.
 *
 * <p>On each accepted step {@code [t0, t0 + h]} the Dormand–Prince 8(5,3) continuous extension
 * (Hairer, Nørsett &amp; Wanner, <i>Solving ODEs I</i>, 2nd ed., 1993, §II.6 "contd8") is a
 * polynomial of degree 7 in {@code θ = (t − t0) / h}. We store its values at the eight Chebyshev
 * points of the second kind {@code θ_k = (1 − cos(kπ/7)) / 2} and evaluate it by the barycentric
 * formula (Berrut &amp; Trefethen, SIAM Review 46(3), 2004), which reproduces the degree-7
 * interpolant exactly up to round-off. Only the species present at the start (the support) are
 * integrated; absent species stay exactly zero. Immutable and thread-safe once built.
 */
public final class DenseOutput {

  /** Number of interpolation nodes per step (degree 7 polynomial). */
  public static final int NODES = 8;
  private static final double[] THETA = new double[NODES];
  private static final double[] WEIGHT = new double[NODES];

  static {
    for (int k = 0; k < NODES; k++) {
      THETA[k] = 0.5 * (1 - Math.cos(k * Math.PI / (NODES - 1)));
      WEIGHT[k] = ((k & 1) == 0 ? 1.0 : -1.0) * (k == 0 || k == NODES - 1 ? 0.5 : 1.0);
    }
    THETA[0] = 0;
    THETA[NODES - 1] = 1;
  }

  private final int species;
  private final int[] support;
  private final double[] start;
  private final double[] width;
  private final double[] nodes;
  private final double[] initialLog;
  private final double t0;
  private final double end;

  private DenseOutput(int species, int[] support, double[] start, double[] width, double[] nodes,
      double[] initialLog, double t0, double end) {
    this.species = species;
    this.support = support;
    this.start = start;
    this.width = width;
    this.nodes = nodes;
    this.initialLog = initialLog;
    this.t0 = t0;
    this.end = end;
  }

  /**
   * The interpolation node {@code θ_k}.
   *
   * @param k the node index, 0..7
   * @return {@code θ_k} in [0, 1]
   */
  public static double theta(int k) {
    return THETA[k];
  }

  /**
   * Evaluates the degree-7 interpolant through {@code values[offset + k·stride]} at {@code θ}.
   *
   * @param values node values
   * @param offset index of node 0
   * @param stride distance between nodes
   * @param theta the point in [0, 1]
   * @return the interpolated value
   */
  public static double interpolate(double[] values, int offset, int stride, double theta) {
    double num = 0;
    double den = 0;
    for (int k = 0; k < NODES; k++) {
      double d = theta - THETA[k];
      // At (or within 1e-100 of) a node the barycentric weight 1/d overflows; the interpolant
      // there is the node value to far below round-off.
      if (Math.abs(d) < 1e-100) {
        return values[offset + k * stride];
      }
      double w = WEIGHT[k] / d;
      num += w * values[offset + k * stride];
      den += w;
    }
    return num / den;
  }

  /**
   * The start time.
   *
   * @return the time of the initial state
   */
  public double startTime() {
    return t0;
  }

  /**
   * The end time (the stop time when the run stopped early).
   *
   * @return the last time covered
   */
  public double endTime() {
    return end;
  }

  /**
   * Number of accepted steps stored.
   *
   * @return the number of segments
   */
  public int segments() {
    return start.length;
  }

  /**
   * Start of segment {@code s}.
   *
   * @param s the segment index
   * @return its start time
   */
  public double segmentStart(int s) {
    return start[s];
  }

  /**
   * End of segment {@code s}, clipped to the end time.
   *
   * @param s the segment index
   * @return its end time
   */
  public double segmentEnd(int s) {
    return Math.min(start[s] + width[s], end);
  }

  /**
   * The state (not its logarithm) at time {@code t} in {@code [startTime, endTime]}.
   *
   * @param t the time
   * @param out receives the {@code species} states
   */
  public void state(double t, double[] out) {
    Arrays.fill(out, 0.0);
    int m = support.length;
    if (start.length == 0) {
      for (int k = 0; k < m; k++) {
        out[support[k]] = Math.exp(initialLog[k]);
      }
      return;
    }
    int s = Arrays.binarySearch(start, t);
    if (s < 0) {
      s = Math.max(0, -s - 2);
    }
    double theta = (t - start[s]) / width[s];
    int base = s * NODES * m;
    for (int k = 0; k < m; k++) {
      out[support[k]] = Math.exp(interpolate(nodes, base + k, m, theta));
    }
  }

  /**
   * Number of species (length of a full state).
   *
   * @return the species count
   */
  public int species() {
    return species;
  }

  /** Accumulates accepted steps during integration. */
  public static final class Recorder {
    private final int species;
    private final int[] support;
    private final double[] initialLog;
    private final double t0;
    private double[] start = new double[64];
    private double[] width = new double[64];
    private double[] nodes;
    private int count;

    /**
     * Creates a recorder.
     *
     * @param species number of species
     * @param support indices of the integrated species
     * @param initialLog logarithms of their initial states
     * @param t0 the start time
     */
    public Recorder(int species, int[] support, double[] initialLog, double t0) {
      this.species = species;
      this.support = support.clone();
      this.initialLog = initialLog.clone();
      this.t0 = t0;
      this.nodes = new double[64 * NODES * Math.max(1, support.length)];
    }

    /**
     * Appends one step.
     *
     * @param stepStart start time
     * @param stepWidth step size, {@code > 0}
     * @param stepNodes {@code NODES × support} log-states, node-major
     */
    public void add(double stepStart, double stepWidth, double[] stepNodes) {
      int m = support.length;
      if (count == start.length) {
        start = Arrays.copyOf(start, 2 * count);
        width = Arrays.copyOf(width, 2 * count);
        nodes = Arrays.copyOf(nodes, 2 * count * NODES * m);
      }
      start[count] = stepStart;
      width[count] = stepWidth;
      System.arraycopy(stepNodes, 0, nodes, count * NODES * m, NODES * m);
      count++;
    }

    /**
     * Freezes the recorded steps.
     *
     * @param endTime the last time covered
     * @return the dense output
     */
    public DenseOutput build(double endTime) {
      int m = support.length;
      return new DenseOutput(species, support, Arrays.copyOf(start, count),
          Arrays.copyOf(width, count), Arrays.copyOf(nodes, count * NODES * m), initialLog, t0,
          endTime);
    }
  }
}
