package dev.niche.segmentation;

/**
 * Every score of one k in a {@link KSelection}. Scores that are undefined for k = 1 (silhouette,
 * Calinski–Harabasz, Davies–Bouldin) are NaN there; the gap is NaN when no reference datasets
 * were requested.
 *
 * @param k the number of clusters
 * @param inertia the within-cluster sum of squares W_k of the best fit
 * @param silhouette the mean silhouette (exact or sampled), NaN for k = 1
 * @param calinskiHarabasz the Calinski–Harabasz index, NaN for k = 1
 * @param daviesBouldin the Davies–Bouldin index, NaN for k = 1
 * @param gap Gap(k) = mean_b log W*_kb - log W_k
 * @param gapStandardError s_k = sd_b(log W*_kb) sqrt(1 + 1/B)
 */
public record KScore(
    int k,
    double inertia,
    double silhouette,
    double calinskiHarabasz,
    double daviesBouldin,
    double gap,
    double gapStandardError) {}
