#!/usr/bin/env bash
# Generates the large data set into the configured PostgreSQL (SPRING_DATASOURCE_URL, else the embedded one
# on target/bench-data); does nothing when it is there already.
#   bench/generate.sh                                      # 1,000,000 customers, 3,000,000 follow-ups, 500 employees
#   bench/generate.sh -Dbench.customers=200000 -Dbench.followups=600000 -Dbench.employees=500
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -Pbenchmark test -Dtest=GenerateLargeDataSet "$@"
