#!/usr/bin/env bash
# The nightly pool job over 1,000,000 customers, next to the same UPDATE/INSERTs written by hand in raw SQL, in the
# same run on the same data (each round rolled back), as a ratio; then the plan of the due-customer query.
#   bench/pool.sh                                        # 1,000,000 customers, 1 round
#   bench/pool.sh -Dbench.pool.customers=200000 -Dbench.pool.rounds=3
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -Pbenchmark test -Dtest=PoolBenchmark "$@"
report=target/surefire-reports/TEST-dev.holdfast.bench.PoolBenchmark.xml
if [ -f "$report" ]; then
	grep '^\[bench\]' "$report" | tee target/bench-pool.txt || true
fi
