#!/usr/bin/env bash
# Backup, verification and restore of the large data set against raw COPY of the same tables (issue 13):
#   bench/backup.sh                                         # 1,000,000 customers (generated first if missing)
#   bench/backup.sh -Dbench.customers=20000 -Dbench.followups=60000 -Dbench.data-dir=target/bench-20k
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -Pbenchmark test -Dtest=BackupBenchmark "$@"
report=target/surefire-reports/TEST-dev.holdfast.bench.BackupBenchmark.xml
if [ -f "$report" ]; then
	grep '^\[bench\]' "$report" | tee target/bench-backup.txt || true
fi
