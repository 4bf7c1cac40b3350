package dev.niche.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MiniBatchKMeansTest {

  @Test
  void closeToExactKMeansOnSeparatedBlobs() {
    double[][] x = Blobs.rows(30_000, 4, 6, 1.0, 77);
    KMeansModel exact = KMeans.builder().k(6).seed(1).build().fit(x);
    KMeansModel mini = MiniBatchKMeans.builder().k(6).seed(1).batchSize(512).maxIterations(200)
        .build().fit(x);
    // Sculley (2010) reports mini-batch objective within a few percent of full k-means.
    assertTrue(mini.inertia() <= exact.inertia() * 1.05,
        mini.inertia() + " vs " + exact.inertia());
    assertEquals(200, mini.iterations());
  }

  @Test
  void seededAndThreadIndependent() {
    double[][] x = Blobs.rows(10_000, 3, 4, 1.0, 5);
    KMeansModel a = MiniBatchKMeans.builder().k(4).seed(3).build().fit(x);
    KMeansModel b = MiniBatchKMeans.builder().k(4).seed(3).threads(2).build().fit(x);
    assertArrayEquals(a.labels(), b.labels());
    assertEquals(a.inertia(), b.inertia(), 0.0);
    KMeansModel early = MiniBatchKMeans.builder().k(4).seed(3).tolerance(1e-3).maxIterations(1000)
        .build().fit(x);
    assertTrue(early.converged());
    assertTrue(early.iterations() < 1000);
    assertThrows(IllegalArgumentException.class, () -> MiniBatchKMeans.builder().batchSize(0));
    assertThrows(IllegalStateException.class, () -> MiniBatchKMeans.builder().build());
  }
}
