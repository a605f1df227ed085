#!/usr/bin/env bash
# Customer list and name search: API vs raw SQL, with plans. Generates the large data set first when it is
# missing (into target/bench-data, or the PostgreSQL of SPRING_DATASOURCE_URL).
#   bench/run.sh                                   # 1,000,000 customers, 3,000,000 follow-ups, 500 employees
#   bench/run.sh -Dbench.customers=200000 -Dbench.followups=600000 -Dbench.data-dir=target/bench-200k
# Other settings: -Dbench.samples=200 -Dbench.warmup=50 -Dbench.q=深圳 -Dbench.threads=<cores>
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -Pbenchmark test -Dtest=CustomerListBenchmark "$@"
report=target/surefire-reports/TEST-dev.holdfast.bench.CustomerListBenchmark.xml
if [ -f "$report" ]; then
	sed -n '/^\[bench\]/,/^\]\]>/p' "$report" | grep -v '^\]\]>' > target/bench-report.txt || true
	echo "Report: target/bench-report.txt"
fi
