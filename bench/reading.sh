#!/usr/bin/env bash
# What a rep and a rep serving notice can pull per hour through every channel combined (customer details and their
# sub-resources, list rows, full numbers by reveal) under the shipped budgets of application.yml: prints the figures
# and checks the bursts and refills against the running application.
#   bench/reading.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -Pbenchmark test -Dtest=ReadingBudgetBenchmark "$@"
report=target/surefire-reports/TEST-dev.holdfast.bench.ReadingBudgetBenchmark.xml
if [ -f "$report" ]; then
	grep '^\[bench\]' "$report" | tee target/bench-reading.txt || true
fi
