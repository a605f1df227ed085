#!/usr/bin/env bash
# The first export after start against the next ones: starts Holdfast with the demo company (seeded on the first run
# into target/bench-export, then the application is restarted so that the measured JVM is cold, as after a deploy),
# waits for the export warm-up, and times POST /api/v1/exports (317 customers, XLSX) as the demo's sales director.
#   bench/export.sh                                              # 1 + 5 exports, warm-up on (the default)
#   bench/export.sh --holdfast.protection.export.warm-up=false   # the same without the warm-up
# Extra arguments go to the application. BENCH_EXPORTS (default 6) sets how many exports are timed; BENCH_JAVA_OPTS
# go to the JVM (e.g. -XX:StartFlightRecording=filename=target/bench-export.jfr). The 317-row exports wait for approval,
# so the limit of open exports per requester is lifted; each export's phases are logged (DEBUG) and printed.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-18086}
data=target/bench-export
exports=${BENCH_EXPORTS:-6}
password=demo-password-for-bench
./mvnw -B -ntp -q compile dependency:build-classpath -Dmdep.outputFile=target/bench-export.classpath -Dmdep.includeScope=runtime
log=target/bench-export.log
app=""
start() {
	HOLDFAST_DEMO=true HOLDFAST_DEMO_PASSWORD=$password HOLDFAST_TWO_FACTOR_ENFORCED=false \
		java ${BENCH_JAVA_OPTS:-} -cp "target/classes:$(cat target/bench-export.classpath)" dev.holdfast.HoldfastApplication \
		--server.port="$port" --management.server.port="$((port + 1))" --holdfast.embedded-postgres.data-dir="$data" --holdfast.protection.export.max-open=1000000 \
		--logging.level.dev.holdfast.protection.export.ExportPhases=debug \
		--logging.level.dev.holdfast.protection.ExportPreparation=debug "$@" >"$log" 2>&1 &
	app=$!
	for _ in $(seq 1 300); do
		curl -sf "localhost:$((port + 1))/actuator/health/readiness" >/dev/null && return 0
		kill -0 "$app" 2>/dev/null || { tail -30 "$log"; exit 1; }
		sleep 1
	done
	echo "the application did not start, see $log"; exit 1
}
stop() {
	kill "$app" && wait "$app" 2>/dev/null || true
}
trap 'stop' EXIT
if [ ! -d "$data" ]; then
	echo "[bench] seeding the demo company into $data (once)"
	start "$@"
	stop
fi
start "$@"
if ! grep -q -- "--holdfast.protection.export.warm-up=false" <<<"$*"; then
	for _ in $(seq 1 120); do grep -q "Export path warmed up" "$log" && break; sleep 1; done
	grep -o "Export path warmed up in [0-9]* ms" "$log" | sed 's/^/[bench] /' || echo "[bench] no warm-up seen"
fi
token=$(curl -s -X POST "localhost:$port/api/v1/auth/token" -H 'Content-Type: application/json' \
	-d "{\"username\":\"director\",\"password\":\"$password\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/')
times=()
for i in $(seq 1 "$exports"); do
	answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X POST "localhost:$port/api/v1/exports" \
		-H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
		-d '{"entity":"customers","format":"XLSX","filter":{}}')
	[ "${answer%% *}" = 202 ] || { echo "[bench] export $i answered ${answer%% *}, not 202"; exit 1; }
	ms=$(awk '{printf "%d", $2 * 1000}' <<<"$answer")
	times+=("$ms")
	echo "[bench] export $i: $ms ms"
done
later=$(printf '%s\n' "${times[@]:1}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}')
grep -oE "Export [0-9]+ (prepared|queued) in .*" "$log" | sed 's/^/[bench] /' || true
echo "[bench] first ${times[0]} ms, later (median) $later ms, ratio $(awk -v f="${times[0]}" -v l="$later" 'BEGIN {printf "%.1f", f / l}')"
