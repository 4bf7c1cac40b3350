package dev.niche.segmentation;

import static dev.niche.segmentation.KMeansModelTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Builder settings checked against each other at build(), and bounded by what they cost. */
class BuilderConflictsTest {

  private static final double[][] START = {{0, 0}, {5, 5}, {10, 0}};

  @Test
  void givenCentresAndKMustAgree() {
    // Before: k(2) silently dropped a centre and k(5) threw ArrayIndexOutOfBoundsException.
    assertMessage("k = 2 disagrees with init(centres), which gives 3 centres",
        () -> KMeans.builder().init(START).k(2).build());
    assertMessage("k = 5 disagrees with init(centres), which gives 3 centres",
        () -> KMeans.builder().k(5).init(START).build());
    assertMessage("k = 2 disagrees with init(centres), which gives 3 centres",
        () -> MiniBatchKMeans.builder().init(START).k(2).build());
    double[][] x = Blobs.rows(200, 2, 3, 1, 4);
    assertEquals(3, KMeans.builder().init(START).k(3).build().fit(x).k());
    assertEquals(3, KMeans.builder().init(START).build().fit(x).k());
    // The last initialisation wins: an enum after the centres clears them.
    assertEquals(2, KMeans.builder().init(START).init(KMeansInit.RANDOM).k(2).build().fit(x).k());
  }

  @Test
  void restartsWithGivenCentresAreRejected() {
    assertMessage("restarts = 4 conflicts with init(centres)",
        () -> KMeans.builder().init(START).restarts(4).build());
    KMeans.builder().init(START).restarts(1).build();
  }

  @Test
  void givenCentresMustMatchTheData() {
    assertMessage("init(centres)[0] has length 2 but data[0] has length 3",
        () -> KMeans.builder().init(START).build().fit(Blobs.rows(20, 3, 2, 1, 1)));
    assertMessage("init(centres)[0] has length 2 but data[0] has length 3",
        () -> MiniBatchKMeans.builder().init(START).build().fit(Blobs.rows(20, 3, 2, 1, 1)));
    assertMessage("batch[0] has length 3",
        () -> MiniBatchKMeans.builder().init(START).build()
            .partialFit(Blobs.rows(20, 3, 2, 1, 1)));
  }

  @Test
  void capsAreBoundedAndNeverAllocatedUpFront() {
    // Before: maxIterations(Integer.MAX_VALUE) threw OutOfMemoryError before the first step.
    assertMessage("maxIterations = 2147483647 must be <= 1000000",
        () -> KMeans.builder().maxIterations(Integer.MAX_VALUE));
    assertMessage("restarts = 2147483647 must be <= 1000",
        () -> KMeans.builder().restarts(Integer.MAX_VALUE));
    assertMessage("restarts = 2147483647 must be <= 1000",
        () -> KSelection.builder().restarts(Integer.MAX_VALUE));
    assertMessage("references = 2147483647 must be <= 1000",
        () -> KSelection.builder().references(Integer.MAX_VALUE));
    assertMessage("maxIterations = 2147483647 must be <= 1000000",
        () -> MiniBatchKMeans.builder().maxIterations(Integer.MAX_VALUE));
    double[][] x = Blobs.rows(300, 2, 3, 1, 5);
    KMeansModel m = KMeans.builder().k(3).seed(1).tolerance(0)
        .maxIterations(KMeans.MAX_ITERATIONS).build().fit(x);
    assertTrue(m.converged());
    assertEquals(m.iterations(), m.inertiaHistory().length);
    // A batch size beyond the data acts as the data size (scikit-learn's min(batch_size, n)).
    KMeansModel mini = MiniBatchKMeans.builder().k(3).seed(1).batchSize(Integer.MAX_VALUE)
        .maxIterations(3).build().fit(x);
    assertEquals(3, mini.iterations());
    KMeansModel same = MiniBatchKMeans.builder().k(3).seed(1).batchSize(300).maxIterations(3)
        .build().fit(x);
    assertArrayEquals(same.labels(), mini.labels());
  }

  @Test
  void missingKIsAnIllegalState() {
    assertThrows(IllegalStateException.class, () -> KMeans.builder().build());
    assertThrows(IllegalStateException.class, () -> MiniBatchKMeans.builder().build());
    assertThrows(IllegalStateException.class,
        () -> MiniBatchKMeans.builder().k(2).build().centroids());
    assertThrows(IllegalStateException.class,
        () -> MiniBatchKMeans.builder().k(2).build().model());
  }

  @Test
  void elkanBoundsAreLimited() {
    // n k = 16385^2 > 2^28 lower bounds (2 GiB): rejected before anything is allocated.
    int n = 16_385;
    double[][] x = new double[n][1];
    for (int i = 0; i < n; i++) {
      x[i][0] = i;
    }
    assertMessage("algorithm(ELKAN) keeps k lower bounds per row: n = 16385 rows times k = 16385",
        () -> KMeans.builder().k(n).algorithm(KMeansAlgorithm.ELKAN).build().fit(x));
  }

  @Test
  void miniBatchClusterCountIsBoundedBeforeAnythingIsAllocated() {
    assertMessage("k = 2147483647 must be <= 1048576",
        () -> MiniBatchKMeans.builder().k(Integer.MAX_VALUE));
    assertEquals(MiniBatchKMeans.MAX_CLUSTERS,
        MiniBatchKMeans.builder().k(MiniBatchKMeans.MAX_CLUSTERS).build().counts().length);
  }

  @Test
  void kSelectionResultNamesTheNullScore() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> new KSelectionResult(java.util.Arrays.asList((KScore) null), 1, 1, 1, 1, 1));
    assertTrue(e.getMessage().contains("scores[0]"), e.getMessage());
  }
}
