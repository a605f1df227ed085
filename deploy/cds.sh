#!/usr/bin/env bash
# Class data sharing for a faster start (issue 14, item 9; deploy/README.md, "Start-up"): unpacks the jar with Boot's
# jar mode (`-Djarmode=tools extract`: the application jar and lib/, which the JVM can archive, unlike the jars nested
# in holdfast.jar), then starts it once with `-XX:ArchiveClassesAtExit` on a throwaway embedded database until it is
# started, stops it, and keeps the classes it loaded in an archive that `deploy/run.sh` starts Holdfast with.
#
#   deploy/cds.sh [jar] [folder]     # default target/holdfast.jar, target/holdfast-cds (→ holdfast.jar, lib/, holdfast.jsa)
#
# The archive belongs to this jar and this JVM: make it again after each build or Java update (deploy/run.sh does
# when the jar is newer). Needs Java 17 only; the training start takes as long as a first start (about a minute).
set -euo pipefail
JAR=$(realpath "${1:-target/holdfast.jar}")
DIR=${2:-target/holdfast-cds}
[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw -DskipTests package first" >&2; exit 2; }
JAVA=${JAVA:-java}

rm -rf "$DIR"
mkdir -p "$DIR"
DIR=$(realpath "$DIR")
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DIR/app" >/dev/null
mv "$DIR/app/holdfast.jar" "$DIR/app/lib" "$DIR/" && rmdir "$DIR/app"

# the training start: its own embedded database and key files, no external database, ports of its own; the archive
# is written when the JVM exits after SIGTERM
TRAINING=$DIR/training
LOG=$DIR/training.log
env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD -u HOLDFAST_KEYSET \
	-u HOLDFAST_INDEX_KEYSET -u HOLDFAST_KEYSET_FILE -u HOLDFAST_INDEX_KEYSET_FILE -u HOLDFAST_DEMO \
	-u HOLDFAST_BACKUP_DIR -u HOLDFAST_FILES_DIR \
	HOLDFAST_DATA_DIR="$TRAINING" SERVER_PORT=0 MANAGEMENT_SERVER_PORT=0 HOLDFAST_BACKUP_CRON=- \
	HOLDFAST_ADMIN_PASSWORD="training-$RANDOM$RANDOM-password" \
	"$JAVA" -XX:ArchiveClassesAtExit="$DIR/holdfast.jsa" -jar "$DIR/holdfast.jar" >"$LOG" 2>&1 &
PID=$!
stop() { kill -TERM "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
trap 'stop; exit 130' INT TERM
for _ in $(seq 1 1200); do
	grep -q 'Started HoldfastApplication' "$LOG" && break
	kill -0 "$PID" 2>/dev/null || { tail -40 "$LOG" >&2; echo "the training start failed (log: $LOG)" >&2; exit 1; }
	sleep 0.5
done
grep -q 'Started HoldfastApplication' "$LOG" || { stop; echo "the training start did not finish (log: $LOG)" >&2; exit 1; }
sleep 3
stop
trap - INT TERM
rm -rf "$TRAINING"
[ -s "$DIR/holdfast.jsa" ] || { echo "no archive written (log: $LOG)" >&2; exit 1; }
echo "$DIR/holdfast.jsa: $(du -h "$DIR/holdfast.jsa" | cut -f1), for $JAR on $("$JAVA" -version 2>&1 | head -1)"
