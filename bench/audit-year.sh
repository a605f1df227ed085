#!/usr/bin/env bash
# Issue 14, item 4: a year of audit data for 500 reps (generated once into target/bench-audit-year, resumable), and
# the audit search for one employee and one month through the API next to its raw SQL, with EXPLAIN of both.
#   bench/audit-year.sh                                              # 365 days of 300,000 events
#   bench/audit-year.sh -Dbench.audit.days=45 -Dbench.audit.per-day=300000
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -Pbenchmark test -Dtest=AuditMonthBenchmark "$@"
report=target/surefire-reports/TEST-dev.holdfast.bench.AuditMonthBenchmark.xml
if [ -f "$report" ]; then
	sed -n '/\[bench\]/,$p' "$report" | grep -v '^\s*$' | head -80 | tee target/bench-audit-year.txt || true
fi
