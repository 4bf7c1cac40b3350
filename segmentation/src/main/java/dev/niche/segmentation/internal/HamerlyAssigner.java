package dev.niche.segmentation.internal;

/**
 * Hamerly's E-step (G. Hamerly, "Making k-means even faster", SDM 2010): the distance u(x) to
 * the assigned centre and one lower bound l(x) on the distance to every other centre. A row is
 * skipped when u(x) &lt;= max(s(a), l(x)) with s(a) half the distance from its centre to the
 * nearest other centre; otherwise all k distances are computed. After an M-step l shrinks by the
 * largest drift of any other centre. Hamerly's upper bound (grown by the drift of the own centre)
 * is not kept: u(x) is computed exactly at every E-step, below. Memory: 1 double per row.
 *
 * <p><b>Inertia in the E-step.</b> The fit's per-iteration history needs the inertia of every
 * assignment, and with skipped rows the M-step would take it in a pass of its own over the data.
 * Instead every row's canonical distance to its centre is computed here, {@link #BLOCK} rows at a
 * time as independent chains ({@link SquaredDistance#toAssigned}); it is u, exact, and, with the
 * distance to the new centre of a row
 * that is relabelled, sums the inertia per chunk in row order, as {@link Inertia} would, to the
 * same bits.
 */
public final class HamerlyAssigner implements Assigner {

  /** Rows whose distances to their centres are computed together (in L1 at d = 16). */
  static final int BLOCK = 128;

  /**
   * Fewest unsettled rows of a block for which {@link NearestTwo} takes them together; fewer go
   * one row at a time ({@link SquaredDistance#toAll}), which is faster for a handful.
   */
  static final int GATHER_MIN_ROWS = 16;

  private final Dataset data;
  private final int k;
  private CentroidUpdate update;
  private final double[] lower;
  private final long[] changes;
  private final double[] inertias;
  private double inertia = Double.NaN;

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
    this.changes = new long[ChunkPool.chunks(data.n())];
    this.inertias = new double[changes.length];
  }

  @Override
  public double inertia() {
    return inertia;
  }

  @Override
  public void moveRowsIn(CentroidUpdate update) {
    this.update = update;
  }

  @Override
  public void start(double[] centres, int[] labels, double[] seedD2, ChunkPool pool) {
    // The start's distances are canonical: its inertia needs no pass over the rows.
    inertia = seedD2 == null ? Double.NaN : Inertia.ofDistances(data, seedD2, pool);
    int n = data.n();
    int d = data.d();
    double[] x = data.x();
    pool.forEach(
        changes.length,
        c -> {
          double[] dist = new double[k];
          int end = ChunkPool.end(c, n);
          for (int i = ChunkPool.start(c); i < end; i++) {
            if (seedD2 != null) {
              lower[i] = 0;
            } else {
              labels[i] = full(x, i * d, centres, d, dist, i);
            }
          }
        });
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

  /** All k distances; sets bounds; returns the nearest (lowest index on ties). */
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
    }
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
          long changed = 0;
          double sum = 0;
          int end = ChunkPool.end(c, n);
          for (int first = ChunkPool.start(c); first < end; first += BLOCK) {
            int size = Math.min(BLOCK, end - first);
            SquaredDistance.toAssigned(x, first, size, d, centres, labels, own);
            int count = 0;
            for (int q = 0; q < size; q++) {
              int i = first + q;
              int a = labels[i];
              double u = Math.sqrt(own[q]);
              double l = lower[i] - (a == rr ? sd : maxDrift);
              lower[i] = l;
              if (u * (1 + SLACK) >= Math.max(s[a], l)) {
                pending[count++] = i;
              }
            }
            if (count >= GATHER_MIN_ROWS) {
              // The rows no bound settles: all k distances, SIMD over the gathered rows.
              if (nearest == null) {
                nearest = new NearestTwo(k, d);
              }
              nearest.compute(x, pending, count, centres);
              for (int t = 0; t < count; t++) {
                int i = pending[t];
                own[i - first] = nearest.best(t);
                lower[i] = Math.sqrt(nearest.second(t));
                changed += relabel(labels, i, nearest.label(t));
              }
            } else {
              for (int t = 0; t < count; t++) {
                int i = pending[t];
                int best = full(x, i * d, centres, d, dist, i);
                own[i - first] = dist[best];
                changed += relabel(labels, i, best);
              }
            }
            for (int q = 0; q < size; q++) {
              sum += (w == null ? 1.0 : w[first + q]) * own[q];
            }
          }
          changes[c] = changed;
          inertias[c] = sum;
        });
    double sum = 0;
    for (double v : inertias) {
      sum += v;
    }
    inertia = sum;
    long total = 0;
    for (long v : changes) {
      total += v;
    }
    return total;
  }
}
