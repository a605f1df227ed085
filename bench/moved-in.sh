#!/usr/bin/env bash
# Bringing in 10,000 customers with one contact each through MovedInCustomers.recordAll (chunks of 1,000, one
# transaction each), next to a COPY of the same customer and contact rows into scratch tables, in the same run.
#   bench/moved-in.sh
#   bench/moved-in.sh -Dbench.moved-in.customers=100000 -Dbench.moved-in.chunk=5000 -Dbench.moved-in.rounds=1
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -Pbenchmark test -Dtest=MovedInBenchmark "$@"
report=target/surefire-reports/TEST-dev.holdfast.bench.MovedInBenchmark.xml
if [ -f "$report" ]; then
	grep '^\[bench\]' "$report" | tee target/bench-moved-in.txt || true
fi
