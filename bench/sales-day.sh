#!/usr/bin/env bash
# A sales day under load (issue 14, item 8): 500 reps, 20 managers and 5 service agents (Gatling, bench/gatling)
# work for MINUTES (default 10) against two instances (-Xmx512m each) behind nginx, then the same mix for as long
# against one instance, in the same run, as the baseline. Prints throughput, p50/p95/p99 and errors per request type,
# and each instance's heap after a full collection at the start and the end of each phase.
#   bench/sales-day.sh            # 10 minutes per phase
#   bench/sales-day.sh 2          # 2 minutes per phase
#   SALES_DAY_OPTS='-Dsalesday.reps=100 -Dsalesday.managers=4' bench/sales-day.sh 1
# Needs target/holdfast.jar (./mvnw -DskipTests package), nginx, unzip, xz-utils, curl, python3; see bench/README.md.
# Exits non-zero when a request failed or a phase did not run.
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${1:-10}
SECONDS_PER_PHASE=$(awk "BEGIN { printf \"%d\", $MINUTES * 60 }")
LOG_TAG=sales-day
# PostgreSQL, the instances and nginx come from the cluster test's functions (cluster/README.md)
source cluster/lib.sh
REPORT_DIR=$ROOT/target/sales-day/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$REPORT_DIR"
GATLING=(./mvnw -o -B -f bench/gatling/pom.xml)

# the instances as in production: full JIT, the shipped schedules; only the heap is limited
INSTANCE_JAVA_OPTS="-Xmx512m"
# The day is placed in the company's working hours (08:00-20:00, where the risk module counts nothing as off-hours)
# whatever the hour of the run: the company's zone is the one where it is about 10:00 now.
hour=$(date -u +%H)
offset=$(((10 - 10#$hour + 24) % 24))
[ "$offset" -gt 12 ] && offset=$((offset - 24))
if [ "$offset" -ge 0 ]; then ZONE="Etc/GMT-$offset"; else ZONE="Etc/GMT+$((-offset))"; fi
JOB_ARGS=(--holdfast.zone="$ZONE")

NGINX_READ_TIMEOUT=120s

load() { cut -d' ' -f1-3 /proc/loadavg; }

# CPU seconds a process and its reaped children have used (user + system), from /proc
cpu_seconds() {
	awk -v tck="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print ($12 + $13 + $14 + $15) / tck }' "/proc/$1/stat" 2>/dev/null || echo 0
}
# CPU seconds of the PostgreSQL server: the postmaster (with the backends it reaped) and its running backends
postgres_cpu() {
	local postmaster total=0 child
	postmaster=$(head -1 "$RUN/pgdata/postmaster.pid")
	total=$(cpu_seconds "$postmaster")
	for child in $(pgrep -P "$postmaster"); do
		total=$(awk -v a="$total" -v b="$(cpu_seconds "$child")" 'BEGIN { print a + b }')
	done
	echo "$total"
}
declare -A CPU=()

# heap used after a full collection (jcmd GC.run, then GC.heap_info), in MB
heap_after_gc() {
	local pid=$1
	jcmd "$pid" GC.run >/dev/null
	jcmd "$pid" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -1 | awk '{ printf "%.1f", $1 / 1024 }'
}

declare -A HEAP=()
FAILED=0

# one phase of the simulation against nginx NAME; its Gatling report goes to $REPORT_DIR/NAME
run_phase() {
	local label=$1 name=$2
	shift 2
	phase "$label: $SECONDS_PER_PHASE s, load $(load)"
	echo "$label: load before $(load)" >>"$REPORT_DIR/load.txt"
	local instance
	for instance in a b; do
		[ -n "${PID[$instance]:-}" ] && CPU[$label,$instance]=$(cpu_seconds "${PID[$instance]}")
	done
	CPU[$label,pg]=$(postgres_cpu)
	if "${GATLING[@]}" gatling:test -Dgatling.resultsFolder="$REPORT_DIR/$name" \
		-Dsalesday.base="http://127.0.0.1:${PORT[$name]}" -Dsalesday.seconds="$SECONDS_PER_PHASE" \
		-Dsalesday.phase="$label" -Dsalesday.seed=false ${SALES_DAY_OPTS:-} "$@" >"$LOGS/gatling-$name.log" 2>&1; then
		log "$label: no request failed"
	else
		FAILED=$((FAILED + 1))
		log "$label: Gatling reported failures (log $LOGS/gatling-$name.log):"
		grep -E '^> |KO|ERROR|Assertion|failed' "$LOGS/gatling-$name.log" | head -30 || true
	fi
	local used=0 part
	for instance in a b pg; do
		[ -n "${CPU[$label,$instance]:-}" ] || continue
		if [ "$instance" = pg ]; then part=$(postgres_cpu); else part=$(cpu_seconds "${PID[$instance]}"); fi
		part=$(awk -v a="$part" -v b="${CPU[$label,$instance]}" 'BEGIN { printf "%.0f", a - b }')
		CPU[$label,$instance]=$part
		used=$((used + part))
	done
	echo "$label: load after $(load); CPU used: instances ${CPU[$label,a]} s (a) ${CPU[$label,b]:-} ${CPU[$label,b]:+s (b)}, PostgreSQL ${CPU[$label,pg]} s" >>"$REPORT_DIR/load.txt"
	phase_end "$label"
}

phase "compile the simulation"
"${GATLING[@]}" -q test-compile >"$LOGS/gatling-compile.log" 2>&1 || { cat "$LOGS/gatling-compile.log"; exit 1; }
phase_end "compile the simulation"

phase PostgreSQL
start_postgres
phase_end PostgreSQL

phase "two instances (zone $ZONE)"
start_two_instances
PORT[single]=$(free_port)
start_nginx nginx a b
start_nginx single a
phase_end "two instances"

# the company: users and customers through the API, before the clock starts
phase "seed"
# shellcheck disable=SC2086 # SALES_DAY_OPTS is a list of options
"${GATLING[@]}" gatling:test -Dgatling.resultsFolder="$REPORT_DIR/seed" -Dsalesday.base="http://127.0.0.1:${PORT[nginx]}" \
	-Dsalesday.seed-only=true -Dgatling.noReports=true ${SALES_DAY_OPTS:-} >"$LOGS/gatling-seed.log" 2>&1 \
	|| { grep -E 'sales-day|Exception|answered' "$LOGS/gatling-seed.log" | head -20; exit 1; }
grep '\[sales-day\] seeded' "$LOGS/gatling-seed.log" | tee -a "$REPORT_DIR/load.txt"
phase_end "seed"

HEAP[a,two,start]=$(heap_after_gc "${PID[a]}")
HEAP[b,two,start]=$(heap_after_gc "${PID[b]}")
run_phase "two instances" nginx
HEAP[a,two,end]=$(heap_after_gc "${PID[a]}")
HEAP[b,two,end]=$(heap_after_gc "${PID[b]}")

stop_instance b
HEAP[a,one,start]=$(heap_after_gc "${PID[a]}")
run_phase "one instance" single
HEAP[a,one,end]=$(heap_after_gc "${PID[a]}")

# --- the table ---------------------------------------------------------------------------------------------------------
{
	echo "Sales day, $SECONDS_PER_PHASE s per phase, $(nproc) cores, zone $ZONE; $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo
	cat "$REPORT_DIR/load.txt"
	echo
	python3 bench/sales-day-table.py "$REPORT_DIR"/nginx/*/index.html "$REPORT_DIR"/single/*/index.html
	echo
	echo "Heap used after a full collection (MB, -Xmx512m):"
	echo
	echo "| instance | phase | start | end |"
	echo "|---|---|---|---|"
	echo "| a | two instances | ${HEAP[a,two,start]} | ${HEAP[a,two,end]} |"
	echo "| b | two instances | ${HEAP[b,two,start]} | ${HEAP[b,two,end]} |"
	echo "| a | one instance | ${HEAP[a,one,start]} | ${HEAP[a,one,end]} |"
	echo
	echo "Times in ms. Gatling reports: $REPORT_DIR/{nginx,single}/*/index.html"
} | tee "$REPORT_DIR/report.md"

[ "$FAILED" = 0 ] || { log "$FAILED phase(s) had failed requests"; exit 1; }
