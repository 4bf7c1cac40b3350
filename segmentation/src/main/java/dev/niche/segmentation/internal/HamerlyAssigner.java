package dev.niche.segmentation.internal;

/**
 * Hamerly's E-step (G. Hamerly, "Making k-means even faster", SDM 2010): an upper bound u(x) on
 * the distance to the assigned centre a and one lower bound l(x) on the distance to every other
 * centre. After an M-step u grows by the drift of a, l shrinks by the largest drift of any other
 * centre. A row is skipped, unread, when u(x) &lt;= max(s(a), l(x)), with s(a) half the distance
 * from a to the nearest other centre; otherwise u is made exact (the row's canonical distance to
 * a), and if the test still fails all k distances are computed ({@link NearestTwo} over the
 * block's unsettled rows together). From {@link LloydAssigner#TILED_MIN_DIMENSION} coordinates
 * those rows are screened instead by {@link NearestCentres} (one multiply-add per coordinate and
 * centre): the confirmed label is the canonical nearest centre, u its canonical distance, and l
 * the second-lowest score plus |x|^2 less the screening tolerance
 * ({@link NearestCentres#secondLowerBound}), a valid bound slightly below the second distance;
 * rows the screen cannot decide get all k canonical distances. Memory: 2 doubles per row.
 *
 * <p><b>Inertia without reading every row.</b> The fit's history needs the inertia of every
 * assignment. Given the inertia of the old labels against the new centres
 * ({@link #carryInertia}: the M-step's inertia less its lowering sum_m W_m |c'_m - c_m|^2, exact
 * by Koenig-Huygens since each new centre is its cluster's mean), the new labels' inertia is that
 * plus sum w(x) (d^2(x, c'_new) - d^2(x, c'_old)) over the relabelled rows, whose two distances
 * are computed exactly here anyway; only relabelled rows change it, and each term is at most 0,
 * so a carried step never raises the inertia, in floating point too. It is summed per chunk in
 * row order, chunks in order, so it is the same bits for any number of threads; it differs from
 * the direct sum {@link Inertia#of} by rounding only. The relabelled rows' terms, which cancel
 * much of the carried value when many rows move, are summed with compensation
 * ({@link CompensatedSum}). A running bound on the difference from the direct sum grows by
 * {@code 8 eps (I + k lowering)} per step (I the M-step's inertia: the rounding of I - lowering,
 * of lowering's k terms and of the compensated sum, first order, with a factor of about two to
 * spare); when it would exceed {@link #CARRY_TOLERANCE} of the new inertia (one that collapsed
 * by orders of magnitude, or a very long fit), the step's inertia is summed directly instead
 * (one more pass over the rows). Without a carried value
 * (the first E-step after a start without distances, after an M-step that relocated rows into
 * empty clusters, or when the caller gives none) every row's own distance is computed
 * ({@link SquaredDistance#toAssigned}, {@link #BLOCK} rows at a time) and the inertia is the
 * direct sum, to the bit. So is the inertia of a step whose lowering exceeds half the M-step's
 * inertia ({@link KMeansRun#STEADY}): there the difference would lose digits, and the rounding of
 * the new centres (each the computed, not the exact, mean of its cluster) enters the identity as
 * {@code 2 W_m (mean_m - c'_m) . (c'_m - c_m)}, which only a small step keeps negligible.
 */
public final class HamerlyAssigner implements Assigner {

  /** Rows whose distances to their centres are computed together (in L1 at d = 16). */
  static final int BLOCK = 128;

  /**
   * Fewest unsettled rows of a block for which {@link NearestTwo} takes them together; fewer go
   * one row at a time ({@link SquaredDistance#toAll}), which is faster for a handful.
   */
  static final int GATHER_MIN_ROWS = 16;

  /** Largest relative bound on a carried inertia's rounding before it is summed directly. */
  static final double CARRY_TOLERANCE = 1e-12;

  private static final double EPSILON = Math.ulp(1.0) / 2;

  private final Dataset data;
  private final int k;
  private CentroidUpdate update;
  private final double[] lower;
  private final double[] upper;
  private final long[] changes;
  private final double[] inertias;
  private double inertia = Double.NaN;
  private double carriedInertia = Double.NaN;
  private double carriedLowering = Double.NaN;
  /** Bound on |inertia - the direct sum| (0 when the inertia is the direct sum). */
  private double error;

  /**
   * An assigner.
   *
   * @param data the data
   * @param k number of clusters
   */
  public HamerlyAssigner(Dataset data, int k) {
    this.data = data;
    this.k = k;
    this.lower = new double[data.n()];
    this.upper = new double[data.n()];
    this.changes = new long[ChunkPool.chunks(data.n())];
    this.inertias = new double[changes.length];
  }

  @Override
  public double inertia() {
    return inertia;
  }

  /**
   * {@inheritDoc} The next {@link #assign} then reads only the rows its bounds cannot settle.
   */
  @Override
  public void carryInertia(double inertia, double lowering) {
    carriedInertia = inertia;
    carriedLowering = lowering;
  }

  @Override
  public void moveRowsIn(CentroidUpdate update) {
    this.update = update;
  }

  @Override
  public void start(double[] centres, int[] labels, double[] seedD2, ChunkPool pool) {
    // The start's distances are canonical: its inertia needs no pass over the rows.
    inertia = seedD2 == null ? Double.NaN : Inertia.ofDistances(data, seedD2, pool);
    error = 0;
    int n = data.n();
    int d = data.d();
    double[] x = data.x();
    pool.forEach(
        changes.length,
        c -> {
          int end = ChunkPool.end(c, n);
          if (seedD2 != null) {
            for (int i = ChunkPool.start(c); i < end; i++) {
              lower[i] = 0;
              upper[i] = Math.sqrt(seedD2[i]);
            }
            return;
          }
          // No distances from the start: every row's nearest two, SIMD over blocks of rows.
          NearestTwo nearest = new NearestTwo(k, d);
          int[] rows = new int[BLOCK];
          for (int first = ChunkPool.start(c); first < end; first += BLOCK) {
            int size = Math.min(BLOCK, end - first);
            for (int t = 0; t < size; t++) {
              rows[t] = first + t;
            }
            nearest.compute(x, rows, size, centres);
            for (int t = 0; t < size; t++) {
              labels[first + t] = nearest.label(t);
              lower[first + t] = Math.sqrt(nearest.second(t));
              upper[first + t] = Math.sqrt(nearest.best(t));
            }
          }
        });
  }

  private static double weight(double[] w, int i) {
    return w == null ? 1.0 : w[i];
  }

  /** Relabels row i if its nearest centre changed; returns 1 if so. */
  private int relabel(int[] labels, int i, int best) {
    int from = labels[i];
    if (best == from) {
      return 0;
    }
    labels[i] = best;
    if (update != null) {
      update.moveNow(i, from, best);
    }
    return 1;
  }

  /** All k distances; sets both bounds; returns the nearest (lowest index on ties). */
  private int full(double[] x, int xo, double[] centres, int d, double[] dist, int i) {
    SquaredDistance.toAll(x, xo, centres, k, d, dist);
    int best = 0;
    double bd = dist[0];
    double second = Double.POSITIVE_INFINITY;
    for (int m = 1; m < k; m++) {
      double v = dist[m];
      if (v < bd) {
        second = bd;
        bd = v;
        best = m;
      } else if (v < second) {
        second = v;
      }
    }
    lower[i] = Math.sqrt(second);
    upper[i] = Math.sqrt(bd);
    return best;
  }

  @Override
  public long assign(
      double[] oldCentres, double[] centres, int[] labels, int[] relocated, ChunkPool pool) {
    int n = data.n();
    int d = data.d();
    double[] x = data.x();
    double[] drift = CentreGeometry.drift(oldCentres, centres, k, d);
    double[] s = CentreGeometry.halfGap(CentreGeometry.pairwise(centres, k, d), k);
    int r = 0;
    for (int m = 1; m < k; m++) {
      if (drift[m] > drift[r]) {
        r = m;
      }
    }
    double maxDrift = drift[r];
    double secondDrift = 0;
    for (int m = 0; m < k; m++) {
      if (m != r && drift[m] > secondDrift) {
        secondDrift = drift[m];
      }
    }
    for (int p : relocated) {
      lower[p] = 0;
      upper[p] = Double.POSITIVE_INFINITY;
    }
    double before = carriedInertia;
    double lowering = carriedLowering;
    // Carried only where KMeansRun would trust the same difference for a final inertia.
    double base = relocated.length == 0 && lowering <= KMeansRun.STEADY * before
        ? before - lowering
        : Double.NaN;
    // The M-step's inertia is this assigner's own (with its bound) or the M-step's direct sum.
    double baseError = before == inertia ? error : 0;
    carriedInertia = Double.NaN;
    carriedLowering = Double.NaN;
    boolean exact = !(base >= 0);
    final double sd = secondDrift;
    final int rr = r;
    double[] w = data.w();
    pool.forEach(
        changes.length,
        c -> {
          double[] dist = new double[k];
          double[] own = new double[BLOCK];
          int[] pending = new int[BLOCK];
          NearestTwo nearest = null;
          NearestCentres screen = null;
          TransposedRows gathered = null;
          long changed = 0;
          // The relabelled rows' changes (used when carrying) and the direct sum (when exact).
          CompensatedSum carriedSum = new CompensatedSum(0);
          double exactSum = 0;
          int end = ChunkPool.end(c, n);
          for (int first = ChunkPool.start(c); first < end; first += BLOCK) {
            int size = Math.min(BLOCK, end - first);
            if (exact) {
              SquaredDistance.toAssigned(x, first, size, d, centres, labels, own);
            }
            int count = 0;
            for (int q = 0; q < size; q++) {
              int i = first + q;
              int a = labels[i];
              double l = lower[i] - (a == rr ? sd : maxDrift);
              lower[i] = l;
              double bound = Math.max(s[a], l);
              double u = exact ? Math.sqrt(own[q]) : upper[i] + drift[a];
              if (!exact && u * (1 + SLACK) >= bound) {
                own[q] = SquaredDistance.between(x, i * d, centres, a * d, d);
                u = Math.sqrt(own[q]);
              }
              upper[i] = u;
              if (u * (1 + SLACK) >= bound) {
                pending[count++] = i;
              }
            }
            if (count >= GATHER_MIN_ROWS && d >= LloydAssigner.TILED_MIN_DIMENSION) {
              // Wide rows no bound settles: screened by the expansion kernel (one multiply-add
              // per coordinate and centre), the label confirmed canonical; its canonical
              // distance, and the second score less the screening tolerance as the lower bound.
              if (screen == null) {
                screen = new NearestCentres(k, d);
                screen.setCentres(centres);
                gathered = new TransposedRows(d);
              }
              gathered.load(x, pending, 0, count);
              screen.score(gathered);
              for (int t = 0; t < count; t++) {
                int i = pending[t];
                int m = screen.nearest(t);
                double best;
                if (m >= 0) {
                  // A pending row's own distance is already exact (above): only a new label
                  // needs its canonical distance.
                  best = m == labels[i]
                      ? own[i - first]
                      : SquaredDistance.between(x, i * d, centres, m * d, d);
                  lower[i] = screen.secondLowerBound(t);
                  upper[i] = Math.sqrt(best);
                } else {
                  m = full(x, i * d, centres, d, dist, i);
                  best = dist[m];
                }
                if (relabel(labels, i, m) != 0) {
                  changed++;
                  carriedSum.add(weight(w, i) * (best - own[i - first]));
                }
                own[i - first] = best;
              }
            } else if (count >= GATHER_MIN_ROWS) {
              // The rows no bound settles: all k distances, SIMD over the gathered rows.
              if (nearest == null) {
                nearest = new NearestTwo(k, d);
              }
              nearest.compute(x, pending, count, centres);
              for (int t = 0; t < count; t++) {
                int i = pending[t];
                double best = nearest.best(t);
                lower[i] = Math.sqrt(nearest.second(t));
                upper[i] = Math.sqrt(best);
                if (relabel(labels, i, nearest.label(t)) != 0) {
                  changed++;
                  carriedSum.add(weight(w, i) * (best - own[i - first]));
                }
                own[i - first] = best;
              }
            } else {
              for (int t = 0; t < count; t++) {
                int i = pending[t];
                int best = full(x, i * d, centres, d, dist, i);
                if (relabel(labels, i, best) != 0) {
                  changed++;
                  carriedSum.add(weight(w, i) * (dist[best] - own[i - first]));
                }
                own[i - first] = dist[best];
              }
            }
            if (exact) {
              for (int q = 0; q < size; q++) {
                exactSum += weight(w, first + q) * own[q];
              }
            }
          }
          inertias[c] = exact ? exactSum : carriedSum.value();
          changes[c] = changed;
        });
    error = 0;
    if (exact) {
      double sum = 0;
      for (double v : inertias) {
        sum += v;
      }
      inertia = sum;
    } else {
      CompensatedSum sum = new CompensatedSum(base);
      for (double v : inertias) {
        sum.add(v);
      }
      inertia = sum.value();
      double bound = baseError + 8 * EPSILON * (before + k * lowering);
      if (bound <= CARRY_TOLERANCE * inertia) {
        error = bound;
      } else {
        inertia = Inertia.of(data, centres, labels, pool);
      }
    }
    long total = 0;
    for (long v : changes) {
      total += v;
    }
    return total;
  }
}
