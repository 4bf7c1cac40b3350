package dev.niche.segmentation;

import dev.niche.core.Checks;
import java.util.List;

/**
 * The scores of a range of k and the choice each criterion makes.
 *
 * @param scores one entry per k, in increasing k
 * @param bySilhouette k with the largest mean silhouette (k &gt;= 2)
 * @param byCalinskiHarabasz k with the largest Calinski–Harabasz index (k &gt;= 2)
 * @param byDaviesBouldin k with the smallest Davies–Bouldin index (k &gt;= 2)
 * @param byGap the 1-SE gap choice of Tibshirani, Walther and Hastie (2001): the smallest k with
 *     Gap(k) &gt;= Gap(k + 1) - s_{k+1}; the largest k tried when no k qualifies; -1 when the gap
 *     was not computed
 * @param byElbow the Kneedle knee of the inertia curve ({@link Elbow}); the smallest k when fewer
 *     than 3 ks were tried
 */
public record KSelectionResult(
    List<KScore> scores,
    int bySilhouette,
    int byCalinskiHarabasz,
    int byDaviesBouldin,
    int byGap,
    int byElbow) {

  /**
   * Validates and copies the scores.
   *
   * @param scores one entry per k
   * @param bySilhouette silhouette choice
   * @param byCalinskiHarabasz Calinski–Harabasz choice
   * @param byDaviesBouldin Davies–Bouldin choice
   * @param byGap gap choice
   * @param byElbow elbow choice
   * @throws NullPointerException if {@code scores} or one of its entries is null (the message
   *     names the index)
   */
  public KSelectionResult {
    Checks.notNull(scores, "scores");
    for (int i = 0; i < scores.size(); i++) {
      Checks.notNull(scores.get(i), "scores[" + i + "]");
    }
    scores = List.copyOf(scores);
  }
}
