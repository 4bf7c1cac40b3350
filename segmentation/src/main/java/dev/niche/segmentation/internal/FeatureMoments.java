package dev.niche.segmentation.internal;

/**
 * Per-feature row count, mean and sum of squared deviations (M2), built block by block: each
 * block of at most {@link TransposedRows#CAPACITY} consecutive rows is summarised by the
 * two-pass formula while it is in cache, and summaries are merged by the pairwise update of Chan,
 * Golub and LeVeque ("Algorithms for computing the sample variance", The American Statistician
 * 37(3), 1983): for parts a and b with n = n_a + n_b and delta = mean_b - mean_a,
 * {@code mean = mean_a + delta n_b / n} and {@code M2 = M2_a + M2_b + delta^2 n_a n_b / n}.
 * Blocks are merged in row order within a {@link ChunkPool} chunk and chunks in chunk order, so
 * the result depends only on the data, never on the thread count. Not thread-safe.
 */
public final class FeatureMoments {

  private final int d;
  private final double[] mean;
  private final double[] m2;
  private final double[] partMean;
  private final double[] partM2;
  private long count;

  /**
   * Empty moments.
   *
   * @param d number of features
   */
  FeatureMoments(int d) {
    this.d = d;
    this.mean = new double[d];
    this.m2 = new double[d];
    this.partMean = new double[d];
    this.partM2 = new double[d];
  }

  /**
   * Mean over features of the unweighted population variance (M2 / n) of a data set.
   *
   * @param data the data
   * @param pool the chunk pool
   * @return the mean feature variance
   */
  public static double meanFeatureVariance(Dataset data, ChunkPool pool) {
    int n = data.n();
    int d = data.d();
    double[] x = data.x();
    FeatureMoments[] parts = new FeatureMoments[ChunkPool.chunks(n)];
    pool.forEach(
        parts.length,
        c -> {
          FeatureMoments m = new FeatureMoments(d);
          TransposedRows block = new TransposedRows(d);
          int end = ChunkPool.end(c, n);
          for (int first = ChunkPool.start(c); first < end; first += TransposedRows.CAPACITY) {
            block.loadRange(x, first, Math.min(TransposedRows.CAPACITY, end - first));
            m.add(block);
          }
          parts[c] = m;
        });
    return combine(parts, d);
  }

  /**
   * Merges per-chunk moments in chunk order.
   *
   * @param parts the moments of every chunk, in order
   * @param d number of features
   * @return the mean feature variance of all rows
   */
  static double combine(FeatureMoments[] parts, int d) {
    FeatureMoments all = new FeatureMoments(d);
    for (FeatureMoments part : parts) {
      all.merge(part.count, part.mean, part.m2);
    }
    return all.meanVariance();
  }

  /**
   * Adds the rows loaded in a block: the block's two-pass moments, then a merge.
   *
   * @param block a loaded block of at least one row
   */
  void add(TransposedRows block) {
    blockMoments(block, d, partMean, partM2);
    merge(block.size(), partMean, partM2);
  }

  /**
   * Per coordinate, the mean of a block's loaded rows and their sum of squared deviations from it (the
   * two-pass formula), each sum kept in four interleaved partial sums added pairwise at the end.
   *
   * @param block the rows
   * @param d dimension
   * @param mean receives d means
   * @param m2 receives d sums of squared deviations
   */
  static void blockMoments(TransposedRows block, int d, double[] mean, double[] m2) {
    int n = block.size();
    for (int j = 0; j < d; j++) {
      double[] col = block.column(j);
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      int q = 0;
      for (; q + 3 < n; q += 4) {
        s0 += col[q];
        s1 += col[q + 1];
        s2 += col[q + 2];
        s3 += col[q + 3];
      }
      for (; q < n; q++) {
        s0 += col[q];
      }
      double mu = ((s0 + s1) + (s2 + s3)) / n;
      s0 = 0;
      s1 = 0;
      s2 = 0;
      s3 = 0;
      q = 0;
      for (; q + 3 < n; q += 4) {
        double t0 = col[q] - mu;
        double t1 = col[q + 1] - mu;
        double t2 = col[q + 2] - mu;
        double t3 = col[q + 3] - mu;
        s0 = Math.fma(t0, t0, s0);
        s1 = Math.fma(t1, t1, s1);
        s2 = Math.fma(t2, t2, s2);
        s3 = Math.fma(t3, t3, s3);
      }
      for (; q < n; q++) {
        double t = col[q] - mu;
        s0 = Math.fma(t, t, s0);
      }
      mean[j] = mu;
      m2[j] = (s0 + s1) + (s2 + s3);
    }
  }

  private void merge(long rows, double[] otherMean, double[] otherM2) {
    if (rows == 0) {
      return;
    }
    long both = count + rows;
    double share = (double) rows / both;
    double cross = (double) count * rows / both;
    for (int j = 0; j < d; j++) {
      double delta = otherMean[j] - mean[j];
      mean[j] += delta * share;
      m2[j] += otherM2[j] + delta * delta * cross;
    }
    count = both;
  }

  private double meanVariance() {
    double total = 0;
    for (int j = 0; j < d; j++) {
      total += m2[j] / count;
    }
    return total / d;
  }
}
