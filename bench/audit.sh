#!/usr/bin/env bash
# Issue 14, item 3: audited customer-list requests with 64 concurrent clients, the audit chained by the sealer, next
# to the same requests whose audit insert goes to a plain table without chain (and to the chain built in the request
# under the advisory lock, as before), in the same run; prints each throughput and their ratio.
#   bench/audit.sh                                            # 64 clients, 3 rounds of 15 s per mode
#   bench/audit.sh -Dbench.audit.rounds=5 -Dbench.audit.seconds=20 -Dbench.durable=true
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -Pbenchmark test -Dtest=AuditChainBenchmark "$@"
report=target/surefire-reports/TEST-dev.holdfast.bench.AuditChainBenchmark.xml
if [ -f "$report" ]; then
	grep '^\[bench\]' "$report" | tee target/bench-audit.txt || true
fi
