package dev.niche.segmentation;

import dev.niche.core.Checks;
import dev.niche.core.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs {@link KMeans} for every k in a range and reports inertia, silhouette, Calinski–Harabasz,
 * Davies–Bouldin, the gap statistic and the elbow, with each criterion's choice.
 *
 * <p>Gap statistic (Tibshirani, Walther and Hastie, "Estimating the number of clusters in a data
 * set via the gap statistic", JRSS B 63, 2001): W_k is the within-cluster sum of squares; B
 * reference datasets of the same size are drawn uniformly over the bounding box of each feature
 * (their option (a)) with seed {@code Seeds.derive(seed, 1000 + b)} and clustered the same way;
 * Gap(k) = mean_b log W*_kb - log W_k, sd_k the population standard deviation of log W*_kb, and
 * s_k = sd_k sqrt(1 + 1/B). The choice is the smallest k with Gap(k) &gt;= Gap(k+1) - s_{k+1}.
 *
 * <p>The silhouette is exact up to {@code silhouetteSample} rows and sampled (seeded, exact s(i)
 * of the sampled rows) above. Immutable and thread-safe.
 */
public final class KSelection {

  /** The largest number of gap-statistic reference datasets accepted: 1000. */
  public static final int MAX_REFERENCES = 1000;

  private final int kMin;
  private final int kMax;
  private final long seed;
  private final int restarts;
  private final int threads;
  private final int references;
  private final int silhouetteSample;

  private KSelection(Builder b) {
    this.kMin = b.kMin;
    this.kMax = b.kMax;
    this.seed = b.seed;
    this.restarts = b.restarts;
    this.threads = b.threads;
    this.references = b.references;
    this.silhouetteSample = b.silhouetteSample;
  }

  /**
   * A builder: k from 1 to 10, seed 0, 3 restarts, 1 thread, 10 gap references, exact silhouette
   * up to 5000 rows.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Scores every k of the range on the data.
   *
   * @param data the rows (already scaled as wanted)
   * @return the scores and choices
   * @throws NullPointerException if {@code data} is null
   * @throws IllegalArgumentException if the data are invalid or kMax exceeds the number of
   *     distinct rows
   */
  public KSelectionResult run(double[][] data) {
    int d = Checks.rectangular(data, "data");
    int n = data.length;
    Checks.argument(kMax <= n, "kMax = " + kMax + " exceeds the number of rows (" + n + ")");
    double[] lo = new double[d];
    double[] hi = new double[d];
    for (int j = 0; j < d; j++) {
      lo[j] = Double.POSITIVE_INFINITY;
      hi[j] = Double.NEGATIVE_INFINITY;
      for (double[] row : data) {
        lo[j] = Math.min(lo[j], row[j]);
        hi[j] = Math.max(hi[j], row[j]);
      }
    }
    List<KScore> scores = new ArrayList<>();
    for (int k = kMin; k <= kMax; k++) {
      KMeansModel m = fit(data, k, Seeds.derive(seed, k));
      double sil = Double.NaN;
      double ch = Double.NaN;
      double db = Double.NaN;
      if (k >= 2) {
        int[] labels = m.labels();
        if (k <= n - 1) {
          sil = n <= silhouetteSample
              ? ClusterQuality.silhouette(data, labels)
              : ClusterQuality.silhouette(data, labels, silhouetteSample, Seeds.derive(seed, -k));
          ch = ClusterQuality.calinskiHarabasz(data, labels);
        }
        db = ClusterQuality.daviesBouldin(data, labels);
      }
      double gap = Double.NaN;
      double sk = Double.NaN;
      if (references > 0) {
        double logW = Math.log(m.inertia());
        double[] logRef = new double[references];
        double mean = 0;
        for (int b = 0; b < references; b++) {
          double[][] ref = reference(n, lo, hi, b);
          logRef[b] = Math.log(fit(ref, k, Seeds.derive(seed, 100_000L * (b + 1) + k))
              .inertia());
          mean += logRef[b];
        }
        mean /= references;
        double var = 0;
        for (double v : logRef) {
          var += (v - mean) * (v - mean);
        }
        gap = mean - logW;
        sk = Math.sqrt(var / references) * Math.sqrt(1 + 1.0 / references);
      }
      scores.add(new KScore(k, m.inertia(), sil, ch, db, gap, sk));
    }
    return new KSelectionResult(scores, argBest(scores, 0), argBest(scores, 1),
        argBest(scores, 2), gapChoice(scores), elbow(scores));
  }

  /**
   * Reference data set b, uniform over the bounding box; the same for every k (seeded), made
   * when needed so that only one is held at a time.
   */
  private double[][] reference(int n, double[] lo, double[] hi, int b) {
    SplittableRandom r = Seeds.random(seed, 1000L + b);
    double[][] ref = new double[n][lo.length];
    for (double[] row : ref) {
      for (int j = 0; j < lo.length; j++) {
        row[j] = lo[j] + (hi[j] - lo[j]) * r.nextDouble();
      }
    }
    return ref;
  }

  private KMeansModel fit(double[][] data, int k, long s) {
    return KMeans.builder().k(k).seed(s).restarts(restarts).threads(threads).build().fit(data);
  }

  private static int argBest(List<KScore> scores, int which) {
    int best = -1;
    double bestValue = Double.NaN;
    for (KScore s : scores) {
      double v = which == 0 ? s.silhouette() : which == 1 ? s.calinskiHarabasz() : -s.daviesBouldin();
      if (!Double.isNaN(v) && (best < 0 || v > bestValue)) {
        best = s.k();
        bestValue = v;
      }
    }
    return best;
  }

  private static int gapChoice(List<KScore> scores) {
    if (Double.isNaN(scores.get(0).gap())) {
      return -1;
    }
    for (int t = 0; t + 1 < scores.size(); t++) {
      KScore a = scores.get(t);
      KScore b = scores.get(t + 1);
      if (a.gap() >= b.gap() - b.gapStandardError()) {
        return a.k();
      }
    }
    return scores.get(scores.size() - 1).k();
  }

  private static int elbow(List<KScore> scores) {
    if (scores.size() < 3) {
      return scores.get(0).k();
    }
    int[] ks = new int[scores.size()];
    double[] w = new double[scores.size()];
    for (int t = 0; t < ks.length; t++) {
      ks[t] = scores.get(t).k();
      w[t] = scores.get(t).inertia();
    }
    return Elbow.knee(ks, w);
  }

  /** Validating builder for {@link KSelection}. Not thread-safe. */
  public static final class Builder {
    private int kMin = 1;
    private int kMax = 10;
    private long seed;
    private int restarts = 3;
    private int threads = 1;
    private int references = 10;
    private int silhouetteSample = 5000;

    private Builder() {}

    /**
     * The range of k.
     *
     * @param kMin smallest k (&gt;= 1)
     * @param kMax largest k (&gt;= kMin)
     * @return this builder
     * @throws IllegalArgumentException if {@code kMin < 1} or {@code kMax < kMin}
     */
    public Builder range(int kMin, int kMax) {
      Checks.positive(kMin, "kMin");
      Checks.argument(kMax >= kMin, "kMax = " + kMax + " must be >= kMin = " + kMin);
      this.kMin = kMin;
      this.kMax = kMax;
      return this;
    }

    /**
     * The master seed (fits, gap references and silhouette samples derive from it).
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * k-means restarts per fit.
     *
     * @param restarts in [1, {@link KMeans#MAX_RESTARTS}]
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder restarts(int restarts) {
      Checks.positive(restarts, "restarts");
      Checks.argument(restarts <= KMeans.MAX_RESTARTS,
          "restarts = " + restarts + " must be <= " + KMeans.MAX_RESTARTS);
      this.restarts = restarts;
      return this;
    }

    /**
     * Threads per fit.
     *
     * @param threads at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public Builder threads(int threads) {
      this.threads = Checks.positive(threads, "threads");
      return this;
    }

    /**
     * Number B of gap-statistic reference datasets (0 skips the gap statistic). Each costs one
     * k-means fit per k; one is held in memory at a time.
     *
     * @param references in [0, {@link KSelection#MAX_REFERENCES}]
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder references(int references) {
      Checks.nonNegative(references, "references");
      Checks.argument(references <= MAX_REFERENCES,
          "references = " + references + " must be <= " + MAX_REFERENCES);
      this.references = references;
      return this;
    }

    /**
     * Largest n for the exact silhouette; above it, this many rows are sampled.
     *
     * @param silhouetteSample at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code silhouetteSample < 1}
     */
    public Builder silhouetteSample(int silhouetteSample) {
      this.silhouetteSample = Checks.positive(silhouetteSample, "silhouetteSample");
      return this;
    }

    /**
     * Builds the selection.
     *
     * @return the selection
     */
    public KSelection build() {
      return new KSelection(this);
    }
  }
}
