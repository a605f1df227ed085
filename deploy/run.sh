#!/usr/bin/env bash
# Starts Holdfast like `java -jar target/holdfast.jar`, but from the unpacked jar with its class data sharing archive
# (deploy/cds.sh; made first when missing or older than the jar), which cuts the start (deploy/README.md, "Start-up").
# Configuration is the environment, as for java -jar; arguments go to Holdfast; JAVA_OPTS to the JVM.
#
#   deploy/run.sh [--holdfast.x=y ...]
set -euo pipefail
JAR=${HOLDFAST_JAR:-target/holdfast.jar}
DIR=${HOLDFAST_CDS_DIR:-target/holdfast-cds}
JAVA=${JAVA:-java}
if [ ! -s "$DIR/holdfast.jsa" ] || [ "$JAR" -nt "$DIR/holdfast.jsa" ]; then
	echo "making the class data sharing archive in $DIR (once per build)" >&2
	"$(dirname "$0")/cds.sh" "$JAR" "$DIR" >&2
fi
# shellcheck disable=SC2086
exec "$JAVA" ${JAVA_OPTS:-} -XX:SharedArchiveFile="$DIR/holdfast.jsa" -jar "$DIR/holdfast.jar" "$@"
