package dev.niche.segmentation.internal;

import dev.niche.segmentation.KMeansAlgorithm;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start of {@link dev.niche.segmentation.KMeansInit#LOCAL_SEARCH}: on a
 * {@link LightweightCoreset} of the rows (or on all rows when they are few, see
 * {@link FitPlan#startRows}), {@link #CORESET_TRIES} times greedy k-means++ ({@link Seeding}),
 * {@link LocalSearch} swaps and Lloyd iterations on the coreset; the centres with the lowest
 * coreset inertia start the iterations on all rows.
 *
 * <p>Greedy k-means++ alone often puts two centres in one true cluster and one between two,
 * which Lloyd's iterations cannot undo; the swaps undo it. The iterations on the coreset bring
 * the centres near a fixed point at a twentieth of the cost, so fewer iterations on all rows follow.
 * On the issue-14 panel's shapes this lowered the median inertia over seeds below greedy
 * k-means++'s and scikit-learn's, and the whole fits' time (docs/benchmarks.md).
 *
 * <p>If the coreset holds fewer than k distinct rows with positive weight, the start falls back
 * to greedy k-means++ and the swaps on all rows.
 */
public final class LocalSearchStart {

  private static final Logger LOG = LoggerFactory.getLogger(LocalSearchStart.class);

  /** Swaps tried per centre: {@code STEPS_PER_CENTRE * k} draws in all. */
  static final int STEPS_PER_CENTRE = 1;

  /**
   * Seedings, each followed by its swaps and iterations, on the one coreset; the centres of the
   * lowest coreset inertia start the iterations on all rows. On data without clear clusters
   * (local optima a few tenths of a percent apart) the best of three is systematically lower
   * than one, at a few full iterations' cost.
   */
  static final int CORESET_TRIES = 3;

  /** Most Lloyd iterations on the coreset, per try. */
  static final int CORESET_ITERATIONS = 50;

  private LocalSearchStart() {}

  /**
   * Chooses k starting centres.
   *
   * @param data all rows
   * @param k clusters
   * @param algorithm the assigner for the iterations on the coreset (not AUTO; the same for
   *     every requested algorithm, so that the start does not depend on it)
   * @param absTolerance the fit's tolerance on the total squared centre shift
   * @param rng the random stream
   * @param pool the chunk pool
   * @return k centres, flat
   * @throws IllegalArgumentException if there are fewer than k distinct rows with positive weight
   */
  public static double[] centres(
      Dataset data,
      int k,
      KMeansAlgorithm algorithm,
      double absTolerance,
      SplittableRandom rng,
      ChunkPool pool) {
    int trials = 2 + (int) Math.floor(Math.log(k));
    int steps = STEPS_PER_CENTRE * k;
    int m = FitPlan.startRows(data.n(), k);
    if (m < data.n()) {
      Dataset coreset = LightweightCoreset.draw(data, m, rng, pool);
      RunResult best = null;
      // One search state serves every try: improve() sets all of it from the try's seeds.
      LocalSearch search = new LocalSearch(coreset, k, pool);
      for (int t = 0; t < CORESET_TRIES; t++) {
        double[] seeds = Seeding.of(coreset, pool).upTo(k, trials, rng);
        if (seeds.length < k * data.d()) {
          break;
        }
        double[] swapped = search.improve(seeds, steps, rng);
        RunResult r =
            new KMeansRun(coreset, k, algorithm, CORESET_ITERATIONS, absTolerance, pool)
                .run(null, swapped, 0);
        LOG.debug("local-search start on a coreset of {} rows ({} distinct): {} iterations",
            m, coreset.n(), r.iterations());
        if (best == null || r.inertia() < best.inertia()) {
          best = r;
        }
      }
      if (best != null) {
        return best.centres();
      }
      LOG.debug("coreset of {} rows has fewer than k = {} distinct rows: start on all rows",
          coreset.n(), k);
    }
    double[] seeds = Seeding.of(data, pool).greedy(k, trials, rng);
    return new LocalSearch(data, k, pool).improve(seeds, steps, rng);
  }
}
