#!/usr/bin/env bash
# The cluster test (issue 14, item 1): one PostgreSQL, two Holdfast instances on it, nginx in front (round-robin, no
# sticky sessions), and checks through nginx and against each instance that Holdfast keeps no state of its own.
# Needs: target/holdfast.jar (./mvnw verify or package), Java 17, nginx (Debian package), curl. Run as any user; as
# root, PostgreSQL runs as "nobody". See cluster/README.md. Exits non-zero when any check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
# PostgreSQL, the instances and nginx are started by the functions of cluster/lib.sh (bench/sales-day.sh uses them too)
source cluster/lib.sh
FAILED=0

phase "PostgreSQL"
start_postgres
phase_end PostgreSQL

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

phase "two instances"
start_two_instances
phase_end "two instances"

# --- nginx in front: round-robin, no sticky sessions --------------------------------------------------------------------
phase nginx
start_nginx nginx a b
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
