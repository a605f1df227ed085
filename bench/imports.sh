#!/usr/bin/env bash
# Importing 100,000 customers with one contact each from a CSV file (preview, then commit) next to PostgreSQL's COPY
# of the same file into a scratch table, in the same run; with the most heap used by each phase.
#   bench/imports.sh                                  # 100,000 rows
#   bench/imports.sh -Dbench.imports.rows=20000
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -Pbenchmark test -Dtest=ImportBenchmark "$@"
report=target/surefire-reports/TEST-dev.holdfast.bench.ImportBenchmark.xml
if [ -f "$report" ]; then
	grep '^\[bench\]' "$report" | tee target/bench-imports.txt || true
fi
