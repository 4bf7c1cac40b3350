package dev.niche.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.core.activity.ActivityUnit;
import dev.niche.core.activity.CustomerSummaries;
import dev.niche.segmentation.ClusterQuality;
import dev.niche.segmentation.KMeans;
import dev.niche.segmentation.KMeansAlgorithm;
import dev.niche.segmentation.KMeansInit;
import dev.niche.segmentation.KMeansModel;
import dev.niche.segmentation.KSelection;
import dev.niche.segmentation.KSelectionResult;
import dev.niche.segmentation.MiniBatchKMeans;
import dev.niche.segmentation.RfmFeatures;
import dev.niche.segmentation.SegmentProfile;
import dev.niche.segmentation.StandardScaler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java snippets of docs/segmentation.md, compiled and run; each test's body is the snippet verbatim. */
@SuppressWarnings({"unused", "UnusedVariable"})
class SegmentationDocSnippetsTest {

  @Test
  void kMeansBuilder() {
    double[][] rows = new double[200][];
    double[] sampleWeights = new double[200];
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int i = 0; i < rows.length; i++) {
      int blob = i % 4;
      rows[i] = new double[] {10 * blob + random.nextGaussian(), 5 * (blob % 2) + random.nextGaussian()};
      sampleWeights[i] = 1 + i % 3;
    }
    double[] newRow = {20, 0};
    KMeansModel model = KMeans.builder()
        .k(4)                                   // or .init(double[][] centres)
        .seed(42)
        .init(KMeansInit.LOCAL_SEARCH)          // default; GREEDY_KMEANS_PLUS_PLUS, KMEANS_PLUS_PLUS, KMEANS_PARALLEL, RANDOM
        .algorithm(KMeansAlgorithm.AUTO)        // LLOYD, HAMERLY, ELKAN
        .maxIterations(300).tolerance(1e-4).restarts(3).threads(2)
        .weights(sampleWeights)                 // optional
        .build()
        .fit(rows);                             // double[][], or fit(flatRowMajor, dimension)
    model.centroids(); model.labels(); model.inertia(); model.iterations(); model.converged();
    model.predict(newRow); model.inertiaHistory();
    assertEquals(4, model.centroids().length);
    assertEquals(model.labels()[2], model.predict(rows[2]));
    assertTrue(model.converged());
  }

  @Test
  void rfmSegmentation() {
    LocalDate day0 = LocalDate.of(2025, 1, 1);
    CustomerSummaries.Builder builder = CustomerSummaries.builder(day0.plusDays(364), ActivityUnit.WEEKS);
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    for (int c = 0; c < 120; c++) {
      int purchases = 1 + (c % 4) * 3;
      for (int p = 0; p < purchases; p++) {
        builder.add("c" + c, day0.plusDays(random.nextInt(365)), 10 + 40 * (c % 3) + random.nextInt(10));
      }
    }
    CustomerSummaries summaries = builder.build();
    RfmFeatures rfm = RfmFeatures.from(summaries);   // core CustomerSummaries; or of(r, f, m) arrays
    double[][] features = rfm.logRows();           // (recency, log1p(frequency), log1p(monetary))
    StandardScaler scaler = StandardScaler.fit(features);
    double[][] z = scaler.transform(features);
    KSelectionResult choice = KSelection.builder().range(1, 8).seed(1).build().run(z);
    KMeansModel model = KMeans.builder().k(4).seed(1).restarts(5).build().fit(z);
    SegmentProfile profile = SegmentProfile.of(rfm.rows(), model.labels());   // in weeks, counts, $
    assertEquals(120, rfm.size());
    assertEquals(4, profile.segments().size());
    assertTrue(choice.scores().size() == 8);
  }

  @Test
  void predictScoreAndSave() throws IOException {
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    double[][] rows = new double[200][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new double[] {10 * (i % 4) + random.nextGaussian(), random.nextGaussian()};
    }
    double[][] newRows = {{0, 0}, {10, 1}, {31, -1}};
    double[] newWeights = {1, 2, 0.5};
    double[] flatRowMajor = {0, 0, 10, 1, 31, -1};
    int dimension = 2;
    double[][] centroidsFromElsewhere = {{0, 0}, {10, 0}, {20, 0}, {30, 0}};
    Path file = Files.createTempFile("niche-kmeans", ".bin");
    KMeansModel model = KMeans.builder().k(4).seed(42).build().fit(rows);
    int[] labels = model.predict(newRows);                 // nearest centroid, lowest index on ties
    int[] same = model.predict(flatRowMajor, dimension);   // flat row-major rows, not copied
    double[][] distances = model.transform(newRows);       // Euclidean distance to every centroid
    double inertia = model.inertia(newRows);               // scikit-learn's -score(X)
    double weighted = model.inertia(newRows, newWeights);  // -score(X, sample_weight=w)
    try (OutputStream out = Files.newOutputStream(file)) {
      model.writeTo(out);
    }
    KMeansModel restored;
    try (InputStream in = Files.newInputStream(file)) {
      restored = KMeansModel.readFrom(in);                 // predicts exactly as model
    }
    KMeansModel imported = KMeansModel.ofCentroids(centroidsFromElsewhere);
    double[] perRow = ClusterQuality.silhouetteSamples(rows, model.labels());
    Files.delete(file);
    assertEquals(java.util.Arrays.toString(labels), java.util.Arrays.toString(same));
    assertEquals(java.util.Arrays.toString(labels), java.util.Arrays.toString(restored.predict(newRows)));
    assertEquals(3, distances.length);
    assertTrue(weighted > 0 && inertia > 0);
    assertEquals(imported.predict(newRows)[2], 3);
    assertEquals(ClusterQuality.silhouette(rows, model.labels()),
        java.util.Arrays.stream(perRow).sum() / perRow.length, 1e-12);
  }

  @Test
  void miniBatchStreaming() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    List<double[][]> batches = new java.util.ArrayList<>();
    for (int b = 0; b < 5; b++) {
      double[][] batch = new double[300][];
      for (int i = 0; i < batch.length; i++) {
        batch[i] = new double[] {10 * (i % 3) + random.nextGaussian(), random.nextGaussian()};
      }
      batches.add(batch);
    }
    MiniBatchKMeans state = MiniBatchKMeans.builder().k(3).seed(1).batchSize(1024).build();
    for (double[][] batch : batches) {                   // e.g. one file or one day at a time
      state = state.partialFit(batch);                   // or partialFit(batch, weights)
    }
    KMeansModel streamed = state.model();                // predict, transform, writeTo
    double[] counts = state.counts();                    // weight absorbed per centre
    assertEquals(1500.0, counts[0] + counts[1] + counts[2], 0.0);
    assertEquals(5L, state.steps());
    assertEquals(3, streamed.k());
  }
}
