#!/usr/bin/env bash
# Handing over 20,000 customers (with follow-ups and team memberships) through the API, next to a raw SQL update of
# the same rows in the same run; and the handover's most retained heap at 10,000 and at 20,000 customers.
#   bench/handover.sh                                   # 20,000 customers, 3 rounds
#   bench/handover.sh -Dbench.handover.customers=50000 -Dbench.handover.rounds=5
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -Pbenchmark test -Dtest=HandoverBenchmark "$@"
report=target/surefire-reports/TEST-dev.holdfast.bench.HandoverBenchmark.xml
if [ -f "$report" ]; then
	grep '^\[bench\]' "$report" | tee target/bench-handover.txt || true
fi
