#!/usr/bin/env bash
# Importing 100,000 customers with one contact each from a CSV file (preview, then commit) next to PostgreSQL's COPY
# of the same file into a scratch table, in the same run; with the most heap used by each phase.
#   bench/imports.sh                                  # 100,000 rows
#   bench/imports.sh -Dbench.imports.rows=20000
set -euo pipefail
cd "$(dirname "$0")/.."
# The JVM as the application runs (both JIT compilers), not the tests' quick-start C1 alone
# (-XX:TieredStopAtLevel=1), under which the profile showed AES-GCM's GHASH and SHA-256 running as plain Java.
./mvnw -B -ntp -Pbenchmark test -Dtest=ImportBenchmark "-Dtest.jvm=-XX:+UseSerialGC -XX:MetaspaceSize=256m" "$@"
report=target/surefire-reports/TEST-dev.holdfast.bench.ImportBenchmark.xml
if [ -f "$report" ]; then
	grep '^\[bench\]' "$report" | tee target/bench-imports.txt || true
fi
