package dev.niche.churn;

/**
 * Data sets of R's {@code survival} package (3.5.3), typed in so that the tests never need R.
 * Printed by {@code src/test/resources/dev/niche/churn/r/datasets.R}. Sources: NCCTG lung cancer
 * (Loprinzi et al. 1994, J. Clin. Oncol. 12); Veterans' Administration lung cancer trial
 * (Kalbfleisch &amp; Prentice 1980, Appendix I); acute myelogenous leukemia (Miller 1997,
 * Survival Analysis, p. 49; Embury et al. 1977).
 */
final class RDataSets {

  private RDataSets() {}

  /** Late entry for lung, as the R script: {@code floor(time * ((i %% 4) / 5))}, i = 1..n. */
  static double[] lungEntries() {
    double[] entry = new double[LUNG_TIME.length];
    for (int i = 0; i < entry.length; i++) {
      entry[i] = Math.floor(LUNG_TIME[i] * (((i + 1) % 4) / 5.0));
    }
    return entry;
  }

  /** Integer case weights for lung, as the R script: {@code (i %% 3) + 1}, i = 1..n. */
  static double[] lungWeights() {
    double[] w = new double[LUNG_TIME.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = ((i + 1) % 3) + 1;
    }
    return w;
  }

  /** The rows whose label satisfies the condition. */
  static int[] rowsWhere(int[] labels, java.util.function.IntPredicate keep) {
    return java.util.stream.IntStream.range(0, labels.length).filter(i -> keep.test(labels[i]))
        .toArray();
  }

  static double[] pick(double[] values, int[] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return out;
  }

  static boolean[] pick(boolean[] values, int[] rows) {
    boolean[] out = new boolean[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return out;
  }

  static int[] pick(int[] values, int[] rows) {
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return out;
  }

  /** The values of the rows whose label equals {@code label}. */
  static double[] subset(double[] values, int[] labels, int label) {
    return pick(values, rowsWhere(labels, g -> g == label));
  }

  /** The flags of the rows whose label equals {@code label}. */
  static boolean[] subset(boolean[] values, int[] labels, int label) {
    return pick(values, rowsWhere(labels, g -> g == label));
  }

  static final double[] LUNG_TIME = {
      306, 455, 1010, 210, 883, 1022, 310, 361, 218, 166, 170, 654,
      728, 71, 567, 144, 613, 707, 61, 88, 301, 81, 624, 371,
      394, 520, 574, 118, 390, 12, 473, 26, 533, 107, 53, 122,
      814, 965, 93, 731, 460, 153, 433, 145, 583, 95, 303, 519,
      643, 765, 735, 189, 53, 246, 689, 65, 5, 132, 687, 345,
      444, 223, 175, 60, 163, 65, 208, 821, 428, 230, 840, 305,
      11, 132, 226, 426, 705, 363, 11, 176, 791, 95, 196, 167,
      806, 284, 641, 147, 740, 163, 655, 239, 88, 245, 588, 30,
      179, 310, 477, 166, 559, 450, 364, 107, 177, 156, 529, 11,
      429, 351, 15, 181, 283, 201, 524, 13, 212, 524, 288, 363,
      442, 199, 550, 54, 558, 207, 92, 60, 551, 543, 293, 202,
      353, 511, 267, 511, 371, 387, 457, 337, 201, 404, 222, 62,
      458, 356, 353, 163, 31, 340, 229, 444, 315, 182, 156, 329,
      364, 291, 179, 376, 384, 268, 292, 142, 413, 266, 194, 320,
      181, 285, 301, 348, 197, 382, 303, 296, 180, 186, 145, 269,
      300, 284, 350, 272, 292, 332, 285, 259, 110, 286, 270, 81,
      131, 225, 269, 225, 243, 279, 276, 135, 79, 59, 240, 202,
      235, 105, 224, 239, 237, 173, 252, 221, 185, 92, 13, 222,
      192, 183, 211, 175, 197, 203, 116, 188, 191, 105, 174, 177};
  static final boolean[] LUNG_DEAD = {
      true, true, false, true, true, false, true, true, true, true, true, true,
      true, true, true, true, true, true, true, true, true, true, true, true,
      true, true, true, true, true, true, true, true, true, true, true, true,
      true, false, true, true, true, true, true, true, true, true, true, true,
      true, true, true, true, true, true, true, true, true, true, true, true,
      true, true, true, true, true, true, true, false, true, true, false, true,
      true, true, true, true, true, true, true, true, true, true, false, true,
      false, true, true, true, false, true, true, true, true, true, false, true,
      true, true, true, true, false, true, true, true, true, true, false, true,
      true, true, true, true, true, true, true, true, true, true, true, true,
      true, true, true, true, true, true, true, true, false, false, true, true,
      true, false, true, false, true, true, true, true, true, false, true, true,
      false, false, true, true, true, true, true, false, false, true, true, true,
      false, true, true, false, false, true, false, true, false, false, true, true,
      true, true, false, true, true, false, false, false, true, true, true, false,
      false, false, true, false, false, false, true, false, true, true, true, true,
      true, false, true, false, false, false, false, true, true, true, false, false,
      false, true, false, true, false, false, false, false, false, false, true, false,
      false, true, false, false, false, false, true, false, false, false, false, false};
  static final int[] LUNG_SEX = {
      1, 1, 1, 1, 1, 1, 2, 2, 1, 1, 1, 2,
      2, 1, 1, 1, 1, 1, 2, 1, 1, 2, 1, 1,
      1, 2, 1, 1, 1, 1, 2, 1, 1, 2, 1, 2,
      1, 2, 1, 2, 1, 2, 2, 2, 1, 2, 1, 1,
      1, 2, 2, 1, 1, 1, 1, 1, 2, 1, 2, 2,
      2, 1, 1, 2, 1, 1, 2, 2, 1, 1, 1, 2,
      1, 1, 2, 2, 2, 2, 1, 1, 1, 1, 1, 2,
      1, 1, 2, 1, 2, 1, 1, 1, 1, 2, 2, 1,
      1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 2, 1,
      1, 2, 1, 1, 1, 2, 2, 1, 1, 1, 1, 1,
      1, 2, 2, 1, 1, 1, 1, 1, 2, 2, 2, 1,
      1, 2, 1, 2, 2, 1, 1, 1, 2, 1, 1, 2,
      1, 2, 1, 1, 1, 2, 1, 1, 2, 2, 1, 1,
      2, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 1,
      1, 1, 1, 2, 1, 2, 1, 2, 1, 2, 2, 2,
      1, 1, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1,
      1, 1, 1, 1, 2, 1, 2, 1, 2, 1, 2, 2,
      2, 1, 2, 2, 1, 2, 2, 1, 1, 2, 1, 1,
      2, 1, 2, 2, 1, 2, 1, 1, 1, 2, 1, 2};
  static final int[] LUNG_ECOG = {
      1, 0, 0, 1, 0, 1, 2, 2, 1, 2, 1, 2,
      1, -1, 1, 1, 1, 2, 2, 1, 1, 0, 1, 0,
      0, 1, 0, 3, 1, 2, 1, 2, 2, 2, 2, 2,
      2, 1, 2, 1, 1, 2, 0, 2, 1, 2, 0, 1,
      0, 1, 1, 0, 0, 0, 1, 0, 0, 2, 1, 1,
      2, 1, 1, 1, 1, 2, 2, 0, 0, 1, 0, 1,
      2, 1, 1, 1, 0, 1, 0, 0, 0, 1, 1, 1,
      1, 1, 1, 0, 1, 2, 0, 1, 1, 1, 0, 2,
      1, 1, 1, 0, 0, 1, 1, 1, 2, 1, 1, 1,
      1, 2, 0, 1, 1, 0, 1, 2, 2, 2, 2, 1,
      0, 2, 1, 2, 0, 1, 1, 1, 2, 0, 1, 1,
      0, 1, 0, 2, 1, 2, 1, 0, 2, 1, 2, 1,
      1, 1, 0, 1, 0, 0, 1, 0, 0, 1, 2, 2,
      1, 2, 1, 1, 0, 1, 2, 1, 1, 0, 1, 0,
      1, 0, 1, 0, 1, 0, 1, 1, 2, 1, 1, 0,
      0, 0, 0, 1, 0, 0, 2, 0, 1, 0, 1, 2,
      1, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 0,
      0, 2, 0, 2, 1, 1, 0, 1, 1, 2, 1, 1,
      1, 2, 2, 0, 1, 1, 1, 1, 0, 2, 1, 1};
  static final double[] VETERAN_TIME = {
      72, 411, 228, 126, 118, 10, 82, 110, 314, 100, 42, 8,
      144, 25, 11, 30, 384, 4, 54, 13, 123, 97, 153, 59,
      117, 16, 151, 22, 56, 21, 18, 139, 20, 31, 52, 287,
      18, 51, 122, 27, 54, 7, 63, 392, 10, 8, 92, 35,
      117, 132, 12, 162, 3, 95, 177, 162, 216, 553, 278, 12,
      260, 200, 156, 182, 143, 105, 103, 250, 100, 999, 112, 87,
      231, 242, 991, 111, 1, 587, 389, 33, 25, 357, 467, 201,
      1, 30, 44, 283, 15, 25, 103, 21, 13, 87, 2, 20,
      7, 24, 99, 8, 99, 61, 25, 95, 80, 51, 29, 24,
      18, 83, 31, 51, 90, 52, 73, 8, 36, 48, 7, 140,
      186, 84, 19, 45, 80, 52, 164, 19, 53, 15, 43, 340,
      133, 111, 231, 378, 49};
  static final boolean[] VETERAN_DEAD = {
      true, true, true, true, true, true, true, true, true, false, true, true,
      true, false, true, true, true, true, true, true, false, false, true, true,
      true, true, true, true, true, true, true, true, true, true, true, true,
      true, true, true, true, true, true, true, true, true, true, true, true,
      true, true, true, true, true, true, true, true, true, true, true, true,
      true, true, true, false, true, true, true, true, true, true, true, false,
      false, true, true, true, true, true, true, true, true, true, true, true,
      true, true, true, true, true, true, false, true, true, true, true, true,
      true, true, true, true, true, true, true, true, true, true, true, true,
      true, false, true, true, true, true, true, true, true, true, true, true,
      true, true, true, true, true, true, true, true, true, true, true, true,
      true, true, true, true, true};
  static final int[] VETERAN_TRT = {
      1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
      1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
      1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
      1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
      1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
      1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2,
      2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
      2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
      2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
      2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
      2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
      2, 2, 2, 2, 2};
  static final int[] VETERAN_CELLTYPE = {
      1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
      1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2,
      2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
      2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3,
      3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4,
      4, 4, 4, 4, 4, 4, 4, 4, 4, 1, 1, 1,
      1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
      1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2,
      2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3,
      3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
      3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4,
      4, 4, 4, 4, 4};
  static final int[] VETERAN_PRIOR = {
      0, 10, 0, 10, 10, 0, 10, 0, 0, 0, 0, 10,
      0, 10, 10, 0, 0, 0, 10, 0, 0, 0, 10, 0,
      0, 10, 0, 0, 10, 10, 0, 0, 0, 0, 0, 10,
      0, 0, 0, 0, 0, 0, 0, 0, 10, 10, 0, 0,
      0, 0, 10, 0, 0, 0, 10, 0, 0, 0, 0, 10,
      0, 10, 0, 0, 0, 0, 0, 10, 10, 10, 0, 0,
      10, 0, 10, 0, 10, 0, 0, 0, 0, 0, 0, 10,
      0, 0, 10, 0, 10, 0, 10, 0, 0, 0, 10, 10,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0,
      10, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0,
      0, 10, 0, 0, 0, 0, 10, 10, 0, 0, 10, 10,
      0, 0, 10, 0, 0};
  static final double[] AML_TIME = {
      9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161, 5,
      5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45};
  static final boolean[] AML_RELAPSE = {
      true, true, false, true, true, false, true, true, false, true, false, true,
      true, true, true, true, false, true, true, true, true, true, true};
  static final int[] AML_ARM = {
      1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2,
      2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2};
}
