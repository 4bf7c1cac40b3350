package dev.niche.segmentation;

/** How {@link KMeans} chooses its starting centres (unless initial centres are given). */
public enum KMeansInit {
  /**
   * Greedy k-means++ as in scikit-learn: at each step draw {@code 2 + floor(ln k)} candidates with
   * probability proportional to w(x) D(x)^2 and keep the one that lowers the potential most. The
   * default: it gives the best starts for little extra cost.
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
