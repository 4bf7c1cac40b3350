package dev.niche.segmentation;

/** How {@link KMeans} chooses its starting centres (unless initial centres are given). */
public enum KMeansInit {
  /**
   * The default: greedy k-means++, then LocalSearch++ swaps (Lattanzi and Sohler, "A better
   * k-means++ algorithm via local search", ICML 2019: k draws with probability proportional to
   * w(x) D(x)^2, each swapped in for the centre whose removal leaves the lowest potential when
   * that lowers it), then at most 50 Lloyd iterations, three times from different draws, all on
   * one lightweight coreset of max(n / 20, 50 k) draws (Bachem, Lucic and Krause, "Scalable
   * k-means clustering via lightweight coresets", KDD 2018: rows drawn with probability half
   * uniform, half proportional to w(x) |x - mean|^2, and weighted by the inverse), or on all rows
   * when they are fewer than twice that. The try with the lowest coreset inertia starts the
   * iterations on all rows, which {@code maxIterations} counts alone.
   *
   * <p>The swaps undo what greedy k-means++ alone often does, two centres in one cluster and one
   * between two, which Lloyd's iterations cannot undo; the iterations on the coreset leave fewer
   * to make on all rows. On the project's benchmark panel (docs/benchmarks.md) its median inertia
   * over seeds is lower than greedy k-means++'s on every shape, and its whole fits are faster.
   * Like every start, it gives the same model for the same seed with any thread count and any
   * {@link KMeansAlgorithm}.
   */
  LOCAL_SEARCH,
  /**
   * Greedy k-means++ as in scikit-learn: at each step draw {@code 2 + floor(ln k)} candidates with
   * probability proportional to w(x) D(x)^2 and keep the one that lowers the potential most.
   */
  GREEDY_KMEANS_PLUS_PLUS,
  /** k-means++ (Arthur and Vassilvitskii 2007): one D^2-weighted draw per centre. */
  KMEANS_PLUS_PLUS,
  /**
   * k-means|| (Bahmani, Moseley, Vattani, Kumar and Vassilvitskii, "Scalable k-means++", VLDB
   * 2012): 5 rounds each sampling about 2k rows independently with probability
   * min(1, 2k w(x) D(x)^2 / potential), then the weighted candidates are reduced to k centres by
   * greedy k-means++ and Lloyd iterations.
   */
  KMEANS_PARALLEL,
  /** k distinct rows drawn uniformly (weighted by sample weight when weights are given). */
  RANDOM
}
