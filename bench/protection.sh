#!/usr/bin/env bash
# What audit, decryption and masking add to the customer detail, contacts and list endpoints, measured in the same
# run as the whole requests (there is no switch that turns protection off).
#   bench/protection.sh                      # 100 customers, 300 samples
#   bench/protection.sh -Dbench.samples=1000 -Dbench.protection.customers=500
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -Pbenchmark test -Dtest=ProtectionCostBenchmark "$@"
report=target/surefire-reports/TEST-dev.holdfast.bench.ProtectionCostBenchmark.xml
if [ -f "$report" ]; then
	grep '^\[bench\]' "$report" | tee target/bench-protection.txt || true
fi
