package dev.niche.segmentation.internal;

import dev.niche.segmentation.KMeansAlgorithm;
import dev.niche.segmentation.KMeansInit;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One k-means start: seeding, then alternating M-steps ({@link CentroidUpdate}) and E-steps
 * ({@link Assigner}) until the total squared centre shift is at most {@code absTolerance}, the
 * assignment no longer changes, or {@code maxIterations} M-steps were made. A final E-step makes
 * the labels those of the nearest final centre. The final inertia is a direct sum over the rows,
 * except when the assignment stood still after the last M-step and that step lowered the inertia
 * by at most half: then it is the step's inertia less its lowering (Koenig-Huygens), which saves
 * a pass over the data, loses no more digits than the direct sum, and is the same for every
 * algorithm.
 */
public final class KMeansRun {

  private static final Logger LOG = LoggerFactory.getLogger(KMeansRun.class);

  /**
   * Largest share of the last M-step's inertia that its lowering may be for the final inertia to
   * be taken as their difference: a - b with b &lt;= a / 2 carries at most (a + b) / (a - b) = 3
   * times the relative rounding error of a, the same order as a direct sum over the rows.
   */
  static final double STEADY = 0.5;

  private final Dataset data;
  private final int k;
  private final KMeansAlgorithm algorithm;
  private final int maxIterations;
  private final double absTolerance;
  private final ChunkPool pool;

  /**
   * A runner.
   *
   * @param data the data
   * @param k clusters
   * @param algorithm a concrete algorithm (not AUTO)
   * @param maxIterations maximum M-steps
   * @param absTolerance absolute tolerance on the total squared centre shift
   * @param pool the chunk pool
   */
  public KMeansRun(
      Dataset data,
      int k,
      KMeansAlgorithm algorithm,
      int maxIterations,
      double absTolerance,
      ChunkPool pool) {
    this.data = data;
    this.k = k;
    this.algorithm = algorithm;
    this.maxIterations = maxIterations;
    this.absTolerance = absTolerance;
    this.pool = pool;
  }

  /**
   * Runs from a seeding.
   *
   * @param init the initialisation
   * @param given initial centres when {@code init} is null
   * @param seed the seed of this start
   * @return the result
   */
  public RunResult run(KMeansInit init, double[] given, long seed) {
    // The k-means++ starts hand over their labels; the others start from zeros.
    int[] labels = null;
    double[] seedD2 = null;
    double[] centres;
    SplittableRandom rng = new SplittableRandom(seed);
    if (init == null) {
      centres = given.clone();
    } else {
      switch (init) {
        case GREEDY_KMEANS_PLUS_PLUS:
        case KMEANS_PLUS_PLUS:
          {
            Seeding s = Seeding.of(data, pool);
            int trials =
                init == KMeansInit.KMEANS_PLUS_PLUS ? 1 : 2 + (int) Math.floor(Math.log(k));
            centres = s.greedy(k, trials, rng);
            labels = s.labels();
            seedD2 = s.minD2();
            break;
          }
        case LOCAL_SEARCH:
          // The coreset's iterations run AUTO's assigner whatever the user asked for, so the
          // start, like the rest of the fit, does not depend on the algorithm.
          centres = LocalSearchStart.centres(
              data, k, FitPlan.resolve(KMeansAlgorithm.AUTO, k), absTolerance, rng, pool);
          break;
        case KMEANS_PARALLEL:
          centres = new ParallelSeeding(data, pool).centres(k, seed);
          break;
        case RANDOM:
          centres = RandomSeeding.centres(data, k, rng);
          break;
        default:
          throw new IllegalStateException("unknown init " + init);
      }
    }
    return iterate(centres, labels == null ? new int[data.n()] : labels, seedD2);
  }

  private Assigner assigner() {
    switch (algorithm) {
      case LLOYD:
        return LloydAssigner.forIterations(data, k);
      case HAMERLY:
        return new HamerlyAssigner(data, k);
      case ELKAN:
        return new ElkanAssigner(data, k);
      default:
        throw new IllegalStateException("unresolved algorithm " + algorithm);
    }
  }

  private RunResult iterate(double[] start, int[] labels, double[] seedD2) {
    Assigner assigner = assigner();
    CentroidUpdate update = new CentroidUpdate(data, k);
    assigner.moveRowsIn(update);
    double[] centres = start;
    assigner.start(centres, labels, seedD2, pool);
    // Grows with the iterations made, never sized by the cap (which may be huge).
    double[] history = new double[Math.min(maxIterations, 64)];
    int iterations = 0;
    boolean converged = false;
    double inertia = Double.NaN;
    while (iterations < maxIterations) {
      CentroidUpdate.Result r = update.update(labels, centres, pool, assigner.inertia());
      if (iterations == history.length) {
        history = Arrays.copyOf(history, (int) Math.min(maxIterations, 2L * iterations));
      }
      history[iterations++] = r.inertia;
      double shift = r.shift;
      double lowering = r.lowering;
      double[] old = centres;
      centres = r.centres;
      assigner.carryInertia(r.inertia, lowering);
      if (shift <= absTolerance) {
        converged = true;
        LOG.debug("converged on centre shift after {} iterations", iterations);
        assigner.assign(old, centres, labels, r.relocated, pool);
        break;
      }
      long changed = assigner.assign(old, centres, labels, r.relocated, pool);
      LOG.debug("k-means iteration {}: inertia {}, shift {}, changed {}", iterations, r.inertia,
          shift, changed);
      if (changed == 0 && r.relocated.length == 0) {
        converged = true;
        if (lowering <= STEADY * r.inertia) {
          // The labels are those the step averaged, so moving each centre to its cluster's mean
          // lowered the inertia by exactly W_m |mean_m - old_m|^2 (Koenig-Huygens).
          inertia = r.inertia - lowering;
        }
        break;
      }
    }
    if (Double.isNaN(inertia)) {
      // Lloyd's E-step sums exactly what Inertia.of would, against the final centres.
      inertia = Double.isNaN(assigner.inertia())
          ? Inertia.of(data, centres, labels, pool)
          : assigner.inertia();
    }
    return new RunResult(
        centres, labels, inertia, iterations, converged, Arrays.copyOf(history, iterations));
  }
}
