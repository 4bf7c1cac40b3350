#!/usr/bin/env bash
# The k-means panel of issue 14, every library in the same run on the same rows:
#   1. the Java generator writes the four shapes as raw float64 (benchmarks/target/kmeans-panel/);
#   2. JMH times a whole fit (seed 42, one k-means++ start, at most 20 iterations; one warm-up and
#      three measured single shots) for Niche at 1 and 2 threads and ELKI 0.8.0 Exponion and Hamerly,
#      every fork with the same fixed heap: 3 GiB committed and touched at start-up (-Xms3g -Xmx3g
#      -XX:+AlwaysPreTouch), so that no measured shot pays the kernel's first touch of heap pages
#      G1 grows into (10-15 us per 4 KiB page here; a heap allowed to grow was pre-touched inside
#      a young pause of 6.5 s, docs/benchmarks.md, "k-means panel"), and with the
#      JDK's Vector API resolved (--add-modules jdk.incubator.vector: Niche's Lloyd E-step at d <= 8
#      then runs its SIMD kernel); then Niche again in forks without that flag (jmh-default.json),
#      the library's default path;
#   3. scikit-learn 1.2.1 (/usr/bin/python3, Lloyd, float64, n_init=1, max_iter=20, threadpoolctl)
#      times the same fits on the same rows, and takes its inertia at random_state 1..5;
#   4. Niche and ELKI take their inertia at seeds 1..5;
#   5. the multiply-add peak (KMeansPanelTool peak, a JVM of its own), then one Lloyd iteration
#      per shape against the measured memory/FMA floor (a standalone pass, and the Lloyd iteration
#      as a LLOYD fit runs it), where a one-thread fit's time goes
#      (ordering, start, iterations) and its M- and E-steps per iteration (thread CPU time);
#   6. kmeans_panel_table.py prints the markdown table (docs/benchmarks.md).
# Usage: benchmarks/scripts/kmeans-panel.sh [SHAPE ...]   (SEPARATED OVERLAPPING CUSTOMER WIDE)
# PANEL_DATA_SEED=N (a long, default 0) draws other rows of the same kinds (PanelShape) and
# writes to benchmarks/target/kmeans-panel-N.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=benchmarks/target/kmeans-panel${PANEL_DATA_SEED:+-$PANEL_DATA_SEED}
draw="-Dniche.panel.dataSeed=${PANEL_DATA_SEED:-0}"
mkdir -p "$out"
shapes=("$@")
./mvnw -q -B -pl benchmarks -am package -DskipTests \
  dependency:build-classpath -Dmdep.outputFile="$PWD/$out/classpath.txt"
cp="benchmarks/target/classes:$(cat "$out/classpath.txt")"
java -Xmx4g $draw -cp "$cp" dev.niche.benchmarks.segmentation.KMeansPanelTool write "$out"
param="SEPARATED,OVERLAPPING,CUSTOMER,WIDE"
if [ ${#shapes[@]} -gt 0 ]; then param=$(IFS=,; echo "${shapes[*]}"); fi
date -u +"start %Y-%m-%dT%H:%M:%SZ" | tee "$out/run.txt"
echo "data seed ${PANEL_DATA_SEED:-0}" | tee -a "$out/run.txt"
heap="-Xms3g -Xmx3g -XX:+AlwaysPreTouch"
vector="--add-modules=jdk.incubator.vector"
java -cp "$cp" org.openjdk.jmh.Main 'segmentation.KMeansPanelBenchmark' -p shape="$param" \
  -f 1 -bm ss -wi 1 -i 3 -tu ms -jvmArgs "$heap $vector $draw" -rf json -rff "$out/jmh.json" | tee "$out/jmh.txt"
java -cp "$cp" org.openjdk.jmh.Main 'segmentation.KMeansPanelBenchmark.niche' -p shape="$param" \
  -f 1 -bm ss -wi 1 -i 3 -tu ms -jvmArgs "$heap $draw" -rf json -rff "$out/jmh-default.json" \
  | tee "$out/jmh-default.txt"
/usr/bin/python3 benchmarks/scripts/kmeans_panel_sklearn.py "$out" 5 "${shapes[@]}" | tee "$out/sklearn.txt"
java -Xmx8g $vector $draw -cp "$cp" dev.niche.benchmarks.segmentation.KMeansPanelTool inertia 5 "${shapes[@]}" \
  | grep -v SLF4J | tee "$out/inertia.txt"
# The timing tools below run with the JMH forks' fixed, pre-touched heap, so that no timed fit
# pays the first touch of heap pages.
# The multiply-add peak in a JVM of its own (see KMeansPanelTool peak), then the floor with it.
java $heap $vector -cp "$cp" dev.niche.benchmarks.segmentation.KMeansPanelTool peak \
  | grep -v SLF4J | tee "$out/peak.txt"
peak=$(awk '$1 == "peak" && $2 + 0 > 0 {print $2}' "$out/peak.txt")
java $heap $vector $draw ${peak:+-Dniche.panel.fmaPeak=$peak} -cp "$cp" \
  dev.niche.benchmarks.segmentation.KMeansPanelTool floor "${shapes[@]}" \
  | grep -v SLF4J | tee "$out/floor.txt"
java $heap $vector $draw -cp "$cp" dev.niche.benchmarks.segmentation.KMeansPanelTool profile "${shapes[@]}" \
  | grep -v SLF4J | tee "$out/profile.txt"
java $heap $vector $draw -cp "$cp" dev.niche.benchmarks.segmentation.KMeansPanelTool iterations "${shapes[@]}" \
  | grep -v SLF4J | tee "$out/iterations.txt"
java $heap $vector $draw -Dniche.algorithm=LLOYD -cp "$cp" \
  dev.niche.benchmarks.segmentation.KMeansPanelTool \
  iterations "${shapes[@]}" | grep -v SLF4J | tee "$out/iterations-lloyd.txt"
date -u +"end %Y-%m-%dT%H:%M:%SZ" | tee -a "$out/run.txt"
/usr/bin/python3 benchmarks/scripts/kmeans_panel_table.py "$out" | tee "$out/table.md"
