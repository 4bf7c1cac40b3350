/**
 * Implementation of k-means: the fit's plan, chunked parallel passes, distance kernels, starts and
 * the Lloyd, Hamerly and Elkan iterations. Not API: anything here may change without notice.
 *
 * <h2>One fit, from {@code KMeans.fit} to the model</h2>
 *
 * <ol>
 *   <li><b>Validation and the copy.</b> {@code KMeans.fit(double[][])} checks and flattens the rows
 *       into one row-major array ({@link Rows}); {@code fit(double[], int)} checks the flat array
 *       and copies it below. This is the fit's only copy of the data.
 *   <li><b>The plan.</b> {@link FitPlan#of} chooses, from n, d, k, the start and the requested
 *       algorithm: the row order (spatial or the caller's), hence the start's pruning (blocks or
 *       rows), and the assigner (AUTO resolved). It is the only place where such choices are made.
 *   <li><b>Ordering and moments.</b> In spatial order, {@link SpatialOrder#of} picks k pilots by
 *       greedy k-means++ on an evenly spaced sample, assigns every row to its nearest pilot in one
 *       SIMD pass ({@link BlockDistances#argminAffine}) that also takes the features' moments, and
 *       the copy is made in pilot order (scattered writes). Otherwise {@link FeatureMoments} takes
 *       the moments. Their mean variance scales the tolerance.
 *   <li><b>Starts.</b> {@link KMeansRun#run} runs each restart with seed {@code Seeds.derive(seed,
 *       r)}: greedy or plain k-means++ through {@link Seeding} (block-pruned {@link BlockSeeding}
 *       in spatial order, which stores each 128-row block of the data column by column in place while
 *       it seeds and restores the rows before it returns, and reads the blocks its balls cannot rule
 *       out straight from that layout, four columns for every open candidate at a time
 *       ({@link ColumnBlockDistances}); a candidate that brings no row of such a block closer counts
 *       the block's stored potential, as if ruled out; {@link RowSeeding} otherwise, row-pruned,
 *       or at up to 8 padded coordinates with the Vector API resolved every row from the fit's
 *       column copy ({@link SimdTrials}, the same bits: both sum a trial's potential per 128-row
 *       block in {@link WeightedSum}'s order)),
 *       the default local-search start ({@link LocalSearchStart}: a {@link LightweightCoreset}
 *       of {@link FitPlan#startRows} draws, weighted rows in the caller's order; on it
 *       {@link LocalSearchStart#CORESET_TRIES} times greedy k-means++ ({@link RowSeeding}),
 *       {@link LocalSearch} swaps and at most {@link LocalSearchStart#CORESET_ITERATIONS} Lloyd
 *       iterations of AUTO's assigner through a {@link KMeansRun} of its own; the try with the
 *       lowest coreset inertia gives the centres), k-means||
 *       ({@link ParallelSeeding}), random rows ({@link RandomSeeding}) or the given centres.
 *       k-means++ hands its labels and distances to the first E-step; after the other starts the
 *       first E-step computes them (Hamerly with {@link NearestTwo} over blocks of rows).
 *   <li><b>Iterations.</b> M-step ({@link CentroidUpdate}: full sums first, then only the rows
 *       whose label changed), then E-step ({@link Assigner}: {@link LloydAssigner},
 *       {@link HamerlyAssigner}, {@link ElkanAssigner}), until the squared centre shift is within
 *       the tolerance, no label changes, or the iteration cap. Every E-step moves a row it
 *       relabels in the M-step's per-chunk partials at once ({@link CentroidUpdate#moveNow}),
 *       while the row is in cache, in row order within its chunk: the same operations in the same
 *       order as the next M-step would make, which then only scans the labels. Every E-step also
 *       gives the inertia of its assignment for the M-step's history. Lloyd and Elkan sum it (per
 *       chunk in row order, as {@link Inertia} does, to the same bits): Lloyd from its canonical
 *       distances, Elkan by computing every row's distance to its centre first ({@link
 *       SquaredDistance#toAssigned}, four rows as independent chains), which also tightens the
 *       upper bound before any test. Hamerly keeps a true upper bound and leaves the rows its
 *       bounds settle unread: it carries the inertia forward from the M-step's
 *       ({@link Assigner#carryInertia}: the M-step's inertia less its lowering, plus the change of
 *       each row it relabels, summed with {@link CompensatedSum}), which differs from the direct
 *       sum by rounding only; it sums directly instead after a relocation, after a step that
 *       lowered the inertia by more than half ({@link KMeansRun#STEADY}), or when its running
 *       error bound would pass {@link HamerlyAssigner#CARRY_TOLERANCE}. The k-means++ start's
 *       distances give the first inertia ({@link Inertia#ofDistances}). Hamerly takes the rows its bounds cannot settle against
 *       all k centres together ({@link NearestTwo}, SIMD over the gathered rows; from
 *       {@link LloydAssigner#TILED_MIN_DIMENSION} coordinates {@link NearestCentres}' screened
 *       scores, the second score less the screening tolerance as the lower bound) when a block has
 *       {@link HamerlyAssigner#GATHER_MIN_ROWS} of them, Elkan computes a row's unpruned centres
 *       four at a time ({@link SquaredDistance#toListed}).
 *   <li><b>Final inertia</b> by König–Huygens from the last M-step when the assignment stood still
 *       and the step lowered the inertia by at most half, else the last E-step's (the same bits
 *       as {@link Inertia#of} for Lloyd and Elkan, carried for Hamerly; {@link Inertia#of} sums
 *       it for an assigner that has none).
 *   <li><b>The model.</b> The restart with the lowest inertia wins (the first on ties);
 *       {@link SpatialOrder#restore} puts its labels back in the caller's order.
 * </ol>
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li><b>Canonical distances.</b> Every squared distance that decides a label or enters an
 *       inertia is {@link SquaredDistance}'s: t_0 t_0, then fma(t_j, t_j, s) for increasing j.
 *       Kernels that compute otherwise ({@link NearestCentres}' |c|^2 - 2 x.c scores, the pilot
 *       pass) either only order rows (pilots) or are confirmed against a proven error bound and
 *       fall back to canonical distances, so labels are the canonical nearest centre, lowest index
 *       on ties, whatever the assigner.
 *   <li><b>Thread-count independence.</b> Rows are processed in chunks of
 *       {@link ChunkPool#CHUNK_ROWS}; each chunk's sums run in row order and chunks are combined in
 *       chunk order, whatever the number of threads. The model is bit-identical for any count.
 *   <li><b>Assigner independence.</b> LLOYD, HAMERLY and ELKAN give bit-identical centres, labels
 *       and iteration counts from the same start (bounds skip only distances proven irrelevant,
 *       with relative slack {@link Assigner#SLACK}); LLOYD and ELKAN the same inertia and history
 *       bits too, HAMERLY's carried inertia and history agree with theirs to within
 *       {@link HamerlyAssigner#CARRY_TOLERANCE} relative (a few ulps on the panel's data).
 *   <li><b>The start's distribution</b> is textbook (greedy) k-means++ whatever the pruning;
 *       D^2-sampling walks the rows in the fit's order, so the spatial order changes which row a
 *       random number picks, not the distribution. The local-search start never depends on the
 *       requested algorithm or the thread count: its coreset, swaps and iterations sum per fixed
 *       chunk like everything else, and its iterations always run AUTO's assigner.
 *   <li><b>Swaps never raise the potential:</b> {@link LocalSearch} makes a swap only when the
 *       exact potential after it, summed over all rows of its data set, is lower.
 *   <li><b>No mutation of the caller's arrays;</b> memory is bounded as stated in docs/segmentation.md.
 * </ul>
 *
 * <h2>Code shape for the JIT and the heap</h2>
 *
 * <p>A fit calls each per-chunk task only n / 4096 times per pass, too few for HotSpot to compile
 * it as a whole method within the first fits: a loop over a chunk's blocks inside such a task is
 * entered through on-stack replacements, recompiled per entry point and after deoptimisations,
 * and runs C1's profiling code meanwhile (seconds of C2 compilation competing with the fit in a
 * fresh JVM). So the work on one block of {@link TransposedRows#CAPACITY} rows is a method of its
 * own ({@code BlockSeeding.evaluateBlock}, {@code RowSeeding.evaluateBlock}, Lloyd's
 * {@code canonicalBlock} and {@code tiledBlock}), called n / 128 times per step, and the
 * per-chunk task only loops over it. Per-block buffers live per worker for the whole start or
 * fit ({@link BlockBuffers}, {@link LloydBuffers}, {@link ChunkPool.ChunkTask}), not per chunk
 * and step: a fresh heap's pages are first touched at 10-15 us per 4 KiB page on the benchmark
 * machine, so every megabyte a fit allocates costs about 3 ms until the heap has settled.
 *
 * <h2>Tuning constants</h2>
 *
 * <ul>
 *   <li>{@link ChunkPool#CHUNK_ROWS} = 4096: unit of parallel work and of summation order.
 *   <li>{@link TransposedRows#CAPACITY} = 128 rows per SIMD block (rows and output in L1 at d = 16);
 *       also the block of {@link BlockSeeding}.
 *   <li>{@link SpatialOrder#MIN_ROWS} = 65,536 and {@link SpatialOrder#MIN_CLUSTERS} = 16: below
 *       either the pilot pass does not pay; {@code SAMPLE_PER_CELL} = 64 sample rows per pilot,
 *       {@code PILOT_TRIALS} = 16 local trials (separate groups keep separate cells),
 *       {@code PILOT_SEED} fixed (the order depends on the data only).
 *   <li>{@link FitPlan#CORESET_SHARE} = 20 and {@link FitPlan#CORESET_ROWS_PER_CLUSTER} = 50:
 *       the local-search start's coreset has max(n / 20, 50 k) draws, or the start works on all
 *       rows when that is more than n / 2; {@link LocalSearchStart#CORESET_TRIES} = 3 tries,
 *       {@link LocalSearchStart#STEPS_PER_CENTRE} = 1 (k swap draws per try) and
 *       {@link LocalSearchStart#CORESET_ITERATIONS} = 50 (docs/benchmarks-changelog.md,
 *       2026-12-02, 09:40: what each bought on the panel's shapes).
 *   <li>{@link FitPlan#LLOYD_MAX_CLUSTERS} = 8: AUTO's choice (LLOYD up to it, HAMERLY above;
 *       ELKAN only on request).
 *   <li>{@link LloydAssigner#TILED_MIN_DIMENSION} = 32: from this dimension Lloyd's E-step uses the
 *       tiled kernel, below it {@link CanonicalNearest} (canonical distances four coordinates per
 *       pass, zero-padded to a multiple of four; up to {@link CanonicalNearest#FUSED_MAX_WIDTH} =
 *       8 padded coordinates a running argmin folded into each centre's last pass, beyond it the
 *       running minimum there and the lowest index at it found by {@link LowestIndex} per group
 *       of {@link CanonicalNearest#GROUP} = 16 centres, whose distances stay in L1);
 *       with the Vector API resolved ({@code --add-modules jdk.incubator.vector},
 *       {@link SimdNearest#available}), a fit's iterations at up to 8 padded coordinates run
 *       {@link SimdNearest} instead: the rows copied once per fit into {@link ColumnBlockedRows}
 *       ({@link ColumnBlockedRows#BLOCK} = 128 rows per block, column by column;
 *       {@link Dataset#columnBlocked}, shared with the start), four rows per 256-bit vector scored
 *       against every centre in registers and compared with their labels there, so that only the
 *       groups of four with a changed row are relabelled; the same labels, inertia and centres to
 *       the bit (its changed rows move in the M-step from that copy);
 *       {@link NearestCentres#TOLERANCE_UNITS} = 32: its
 *       screening margin, in units of (d + 8) 2^-53 (|x|^2 + max |c|^2), over four times the
 *       proven error.
 *   <li>{@link Assigner#SLACK} = 1e-10: relative slack of every bound test.
 *   <li>{@link HamerlyAssigner#BLOCK} = 128 rows whose distances to their centres Hamerly's and
 *       Elkan's E-steps compute together; {@link HamerlyAssigner#GATHER_MIN_ROWS} = 16: fewest
 *       unsettled rows of such a block that Hamerly gathers for {@link NearestTwo} (a handful go
 *       faster one row at a time).
 *   <li>{@link ElkanAssigner#MARGIN} = 1e-9: relative margin taken off Elkan's lower bounds, which
 *       are stored with their centre's travelled distance instead of being shrunk at every step
 *       (covers the rounding of up to 10^6 steps' drift sums).
 *   <li>{@code KMeansRun.STEADY} = 0.5: the largest lowering, as a share of the last M-step's
 *       inertia, for which the final inertia is taken by König–Huygens (error at most 3 times a
 *       direct sum's).
 *   <li>{@link CentroidUpdate}: incremental M-steps sum every row again once more than n rows have
 *       moved since the last full sum.
 *   <li>{@link ParallelSeeding#ROUNDS} = 5 rounds of oversampling 2k (k-means||).
 *   <li>Greedy k-means++ takes 2 + floor(ln k) candidates per step (scikit-learn's rule).
 *   <li>{@link RowSeeding#DENSE} = 0.75: share of a block's rows open from which the pruned
 *       row start takes the block whole (transposed in order rather than gathered).
 *   <li>{@link BlockSeeding} reads only the rows that may gain (gathered) when they are at most
 *       half of a block, else the whole block, four columns at a time into four 128-row buffers
 *       ({@link ColumnBlockDistances}; eight columns per pass are not vectorised by HotSpot 17).
 * </ul>
 */
package dev.niche.segmentation.internal;
