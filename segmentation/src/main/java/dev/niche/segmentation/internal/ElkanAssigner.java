package dev.niche.segmentation.internal;

/**
 * Elkan's E-step (C. Elkan, "Using the triangle inequality to accelerate k-means", ICML 2003):
 * the distance u(x) to the assigned centre and k lower bounds l(x, c). Centre c is skipped for
 * row x when u(x) &lt;= l(x, c) or u(x) &lt;= d(c(x), c) / 2, and the whole row when
 * u(x) &lt;= s(c(x)). After an M-step l(x, c) shrinks by the drift of c. Elkan's upper bound
 * (grown by the drift of c(x)) is not kept: u(x) is computed exactly at every E-step, below.
 * Memory: k doubles per row (the lower bounds; u is recomputed, below), so it suits small k and
 * large d.
 *
 * <p><b>Lower bounds without the per-step pass.</b> Shrinking all n k lower bounds after every
 * M-step reads and writes them all (80 MB at n = 2 10^5, k = 50), although most rows are then
 * skipped whole by u(x) &lt;= s(c(x)). Instead each bound is stored with the distance its centre
 * had travelled when it was set, {@code stored = l + T_c}, and read as {@code stored - T_c(now)}
 * less {@link #MARGIN} times {@code stored + T_c(now)}: that margin covers the rounding of the
 * stored sum, the running sum T_c (up to {@code KMeans.MAX_ITERATIONS} additions) and the
 * difference, so the bound read is never above the one the per-step pass would give, up to the
 * slack the bound tests already apply; only rows that are not skipped whole touch their bounds.
 *
 * <p><b>Inertia in the E-step</b>, as in {@link HamerlyAssigner}: every row's canonical distance
 * to its centre is computed {@link HamerlyAssigner#BLOCK} rows at a time
 * ({@link SquaredDistance#toAssigned}), which tightens u before any test, and the distances to
 * the final centres are summed per chunk in row order, so the M-step needs no inertia pass.
 */
public final class ElkanAssigner implements Assigner {

  /**
   * Relative margin taken off a stored lower bound when it is read: at least (N + 3) 2^-53 for
   * N = 10^6 additions to the running drift sums.
   */
  static final double MARGIN = 1e-9;

  private final Dataset data;
  private final int k;
  private CentroidUpdate update;
  private final double[] lower;
  private final long[] changes;
  /** Per centre: the sum of its drifts since the start. */
  private final double[] travelled;
  private final double[] inertias;
  private double inertia = Double.NaN;

  /**
   * An assigner.
   *
   * @param data the data
   * @param k number of clusters
   */
  public ElkanAssigner(Dataset data, int k) {
    this.data = data;
    this.k = k;
    this.lower = new double[Math.multiplyExact(data.n(), k)];
    this.changes = new long[ChunkPool.chunks(data.n())];
    this.travelled = new double[k];
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
    java.util.Arrays.fill(travelled, 0.0);
    if (seedD2 != null) {
      // The labels are the start's; every lower bound is 0 until computed.
      java.util.Arrays.fill(lower, 0.0);
      return;
    }
    int n = data.n();
    int d = data.d();
    double[] x = data.x();
    pool.forEach(
        changes.length,
        c -> {
          double[] dist = new double[k];
          int end = ChunkPool.end(c, n);
          for (int i = ChunkPool.start(c); i < end; i++) {
            SquaredDistance.toAll(x, i * d, centres, k, d, dist);
            int best = 0;
            for (int m = 0; m < k; m++) {
              lower[i * k + m] = Math.sqrt(dist[m]);
              if (dist[m] < dist[best]) {
                best = m;
              }
            }
            labels[i] = best;
          }
        });
  }

  @Override
  public long assign(
      double[] oldCentres, double[] centres, int[] labels, int[] relocated, ChunkPool pool) {
    int n = data.n();
    int d = data.d();
    double[] x = data.x();
    double[] drift = CentreGeometry.drift(oldCentres, centres, k, d);
    double[] cc = CentreGeometry.pairwise(centres, k, d);
    double[] s = CentreGeometry.halfGap(cc, k);
    for (int m = 0; m < k; m++) {
      travelled[m] += drift[m];
    }
    double[] tr = travelled;
    for (int p : relocated) {
      java.util.Arrays.fill(lower, p * k, p * k + k, 0.0);
    }
    double[] w = data.w();
    pool.forEach(
        changes.length,
        c -> {
          double[] own = new double[HamerlyAssigner.BLOCK];
          int[] listed = new int[k];
          double[] dist = new double[k];
          long changed = 0;
          double sum = 0;
          int end = ChunkPool.end(c, n);
          for (int first = ChunkPool.start(c); first < end; first += HamerlyAssigner.BLOCK) {
            int size = Math.min(HamerlyAssigner.BLOCK, end - first);
            SquaredDistance.toAssigned(x, first, size, d, centres, labels, own);
            for (int q = 0; q < size; q++) {
              int i = first + q;
              int lo = i * k;
              int a = labels[i];
              double da2 = own[q];
              double u = Math.sqrt(da2);
              double us = u * (1 + SLACK);
              if (us >= s[a]) {
                lower[lo + a] = u + tr[a];
                // The centres no bound rules out, their distances four at a time.
                int count = 0;
                for (int m = 0; m < k; m++) {
                  double stored = lower[lo + m];
                  double l = (stored - tr[m]) - MARGIN * (stored + tr[m]);
                  if (m != a && us >= l && us >= 0.5 * cc[a * k + m]) {
                    listed[count++] = m;
                  }
                }
                SquaredDistance.toListed(x, i * d, centres, d, listed, count, dist);
                int start = a;
                for (int t = 0; t < count; t++) {
                  int m = listed[t];
                  double d2 = dist[t];
                  lower[lo + m] = Math.sqrt(d2) + tr[m];
                  if (d2 < da2 || (d2 == da2 && m < a)) {
                    a = m;
                    da2 = d2;
                  }
                }
                if (a != start) {
                  labels[i] = a;
                  changed++;
                  if (update != null) {
                    update.moveNow(i, start, a);
                  }
                }
              }
              sum += (w == null ? 1.0 : w[i]) * da2;
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
