#!/usr/bin/env bash
# The Spark scale measurements of issue 17 (docs/benchmarks.md, row P), local[2], one JVM per
# measurement, on data generated lazily from spark.range (no input files):
#   clv N            N transactions -> customer summaries -> BG/NBD fit -> scored Dataset, each
#                    stage timed, and the driver-side fit's share of the total;
#   cohort N1,N2 R   monthly cohort table against a plain Spark SQL groupBy of the same counts on
#                    the same cached transactions, alternating, median of R runs per size;
#   kmeans N R       NicheKMeans against MLlib KMeans on the same cached blobs, median of R seeds.
# Usage: benchmarks/scripts/spark-scale.sh clv 1e8
#        benchmarks/scripts/spark-scale.sh cohort 1e6,1e7,3e7 3
#        benchmarks/scripts/spark-scale.sh kmeans 5e5 3
# Environment: HEAP (default 6g), SHUFFLE (spark.sql.shuffle.partitions, default 200),
# SKIP_BUILD=1 to reuse the last build. Prints the load average before and after.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=spark/target/spark-scale
mkdir -p "$out"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -q -B -pl spark -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$out/classpath-\${project.artifactId}.txt"
fi
cp="spark/target/test-classes:spark/target/classes:$(cat "$out/classpath-niche-spark.txt")"
opens=$(sed -n 's:.*<spark.addOpens>\(.*\)</spark.addOpens>.*:\1:p' spark/pom.xml)
echo "start $(date -u +%H:%M:%S) UTC, load $(uptime | sed 's/.*load average: //')"
# shellcheck disable=SC2086
java -Xmx"${HEAP:-6g}" $opens -Dspark.sql.shuffle.partitions="${SHUFFLE:-200}" \
  -cp "$cp" dev.niche.spark.SparkBenchmark "$@" 2>&1 | grep -v -e '^WARNING' -e 'WARN '
echo "end $(date -u +%H:%M:%S) UTC, load $(uptime | sed 's/.*load average: //')"
