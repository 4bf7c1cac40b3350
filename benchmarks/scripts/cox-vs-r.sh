#!/usr/bin/env bash
# Cox fit, 10^6 rows x 10 covariates, Efron ties: Niche (JMH, CoxFitBenchmark) and R survival's
# coxph on the same data files, in the same run. Run from the repository root:
#   bash benchmarks/scripts/cox-vs-r.sh [directory]
set -euo pipefail
dir=${1:-/tmp/niche-cox}
here=$(cd "$(dirname "$0")" && pwd)
[ -f "$dir/days.bin" ] || /usr/bin/Rscript "$here/cox-data.R" "$dir"
./mvnw -q -B -pl benchmarks -am package -DskipTests exec:exec -Djmh.args="dev.niche.benchmarks.churn.CoxFitBenchmark -f 1 -wi 1 -i 3 -jvmArgs -Xmx4g -jvmArgs -Dniche.cox.data=$dir"
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/Rscript "$here/cox-r.R" "$dir" 3
