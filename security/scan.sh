#!/usr/bin/env bash
# Holdfast security scan: starts Holdfast on a free port with the demo company, then runs
#   sqlmap  (level 1, risk 1, one thread) over the query parameters of every list and search route of the API,
#   wapiti  (xss, permanentxss, sql, exec, file, redirect, crlf, csp, http_headers) logged in as a rep, 5 minutes,
#   ffuf    over the route table of the OpenAPI description: unauthenticated (no route may answer 5xx or 2xx with
#           data) and as the rep with ids spelled every odd way (never 5xx; a non-canonical id never served),
# and exits non-zero on any finding that security/allow-list.txt does not explain. Not part of ./mvnw verify.
#
#   security/scan.sh              build the jar, start, scan, stop
#   security/scan.sh --no-build   scan with the jar in target/ as it is
#
# Bounds (seconds, from the environment): SCAN_START_TIMEOUT=900, SCAN_SQLMAP_TIMEOUT=240 per route,
# SCAN_SQLMAP_BUDGET=2400 for all routes, SCAN_WAPITI_TIME=300 (crawl and attacks), SCAN_FFUF_TIMEOUT=900.
# Exit status: 0 clean, 1 findings the allow-list does not explain (or a part that did not finish), 2 setup failed.
set -uo pipefail
cd "$(dirname "$0")/.."

OUT=target/security-scan
ALLOW_LIST=security/allow-list.txt
REP=${SCAN_REP:-east.sales1}
DEMO_PASSWORD=${SCAN_DEMO_PASSWORD:-Scan-Holdfast-Demo-4827}
ADMIN_PASSWORD=${SCAN_ADMIN_PASSWORD:-Scan-Holdfast-Chief-9153}
START_TIMEOUT=${SCAN_START_TIMEOUT:-900}
SQLMAP_TIMEOUT=${SCAN_SQLMAP_TIMEOUT:-240}
SQLMAP_BUDGET=${SCAN_SQLMAP_BUDGET:-2400}
WAPITI_TIME=${SCAN_WAPITI_TIME:-300}
FFUF_TIMEOUT=${SCAN_FFUF_TIMEOUT:-900}
BUILD=1
[ "${1:-}" = "--no-build" ] && BUILD=0

say() { printf '[scan] %s\n' "$*"; }
fail_setup() { say "SETUP FAILED: $*"; exit 2; }

# --- tools -----------------------------------------------------------------------------------------------------------
missing=0
for tool in sqlmap:sqlmap wapiti:wapiti ffuf:ffuf curl:curl jq:jq java:openjdk-17-jre-headless; do
	command -v "${tool%%:*}" >/dev/null 2>&1 || {
		say "missing ${tool%%:*}: install it with  sudo apt-get install -y ${tool#*:}"
		missing=1
	}
done
[ "$missing" = 0 ] || exit 2
[ -f "$ALLOW_LIST" ] || fail_setup "no $ALLOW_LIST"

rm -rf "$OUT"
mkdir -p "$OUT"
FINDINGS="$OUT/findings.txt"
: >"$FINDINGS"
finding() { printf '%s\n' "$*" >>"$FINDINGS"; }

# --- build and start -------------------------------------------------------------------------------------------------
if [ "$BUILD" = 1 ]; then
	say "building the jar (./mvnw package -DskipTests)"
	./mvnw -B -ntp -q ${SCAN_MAVEN_ARGS:-} -DskipTests package >"$OUT/build.log" 2>&1 || fail_setup "build failed, see $OUT/build.log"
fi
JAR=$(ls target/holdfast*.jar 2>/dev/null | grep -v -- "-plain" | head -n 1)
[ -n "$JAR" ] || fail_setup "no target/holdfast*.jar (run without --no-build)"

free_port() {
	local port
	for _ in $(seq 1 50); do
		port=$((20000 + RANDOM % 20000))
		(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
	done
	return 1
}
PORT=$(free_port) || fail_setup "no free port"
BASE="http://127.0.0.1:$PORT"

SERVER_PID=
stop_server() {
	[ -n "$SERVER_PID" ] || return 0
	if kill -0 "$SERVER_PID" 2>/dev/null; then
		say "stopping Holdfast (pid $SERVER_PID)"
		kill "$SERVER_PID" 2>/dev/null
		for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 1; done
		kill -0 "$SERVER_PID" 2>/dev/null && kill -9 "$SERVER_PID" 2>/dev/null
	fi
	# the embedded PostgreSQL outlives a killed JVM: stop the one this run started
	local postmaster="$OUT/data/postgres/postmaster.pid"
	if [ -f "$postmaster" ]; then
		local pg
		pg=$(head -n 1 "$postmaster")
		[ -n "$pg" ] && kill -0 "$pg" 2>/dev/null && kill "$pg" 2>/dev/null
	fi
	SERVER_PID=
}
trap stop_server EXIT
trap 'exit 130' INT TERM

say "starting Holdfast on port $PORT with the demo company (data in $OUT/data)"
# the scraping limits would answer the scanners 429 after a minute: they are not what this scan tests
# the base URL is the one the scan talks to: redirects name it (never the request's Host header)
HOLDFAST_BASE_URL="$BASE" HOLDFAST_DATA_DIR="$OUT/data" HOLDFAST_DEMO=true HOLDFAST_DEMO_PASSWORD="$DEMO_PASSWORD" \
	HOLDFAST_ADMIN_PASSWORD="$ADMIN_PASSWORD" HOLDFAST_TWO_FACTOR_ENFORCED=false SERVER_PORT="$PORT" \
	MANAGEMENT_SERVER_PORT="$((PORT + 1))" java -Xmx1g -jar "$JAR" \
	--holdfast.risk.rate-limits.record-capacity=1000000 --holdfast.risk.rate-limits.record-per-second=10000 \
	--holdfast.risk.rate-limits.row-capacity=1000000 --holdfast.risk.rate-limits.row-per-second=10000 \
	>"$OUT/server.log" 2>&1 &
SERVER_PID=$!

deadline=$((SECONDS + START_TIMEOUT))
# health is on the management port (this machine only), beside the port the scan talks to
until curl -fsS -m 5 "http://127.0.0.1:$((PORT + 1))/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
	kill -0 "$SERVER_PID" 2>/dev/null || fail_setup "Holdfast exited, see $OUT/server.log"
	[ $SECONDS -lt $deadline ] || fail_setup "not healthy within ${START_TIMEOUT}s, see $OUT/server.log"
	sleep 3
done
say "healthy after ${SECONDS}s"

# --- log in as a rep: an API token and a browser session -------------------------------------------------------------
TOKEN=
until [ -n "$TOKEN" ] && [ "$TOKEN" != null ]; do
	[ $SECONDS -lt $deadline ] || fail_setup "no API token for $REP (demo company not seeded?)"
	TOKEN=$(curl -s -m 10 -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
		-d "{\"username\":\"$REP\",\"password\":\"$DEMO_PASSWORD\"}" | jq -r '.token // empty' 2>/dev/null)
	[ -n "$TOKEN" ] || sleep 3
done
AUTH="Authorization: Bearer $TOKEN"
# routes a rep may not call (403) are injected as the administrator, so that their parameters are reached at all
ADMIN_TOKEN=$(curl -s -m 10 -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
	-d "{\"username\":\"it.admin\",\"password\":\"$DEMO_PASSWORD\"}" | jq -r '.token // empty' 2>/dev/null)

# a new browser session of the rep in $SESSION, through the login form
browser_login() {
	local jar="$OUT/cookies.txt" csrf
	rm -f "$jar"
	csrf=$(curl -s -m 10 -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | head -n 1 \
		| sed 's/.*value="//; s/"$//')
	curl -s -m 10 -o /dev/null -c "$jar" -b "$jar" -X POST "$BASE/login" \
		--data-urlencode "username=$REP" --data-urlencode "password=$DEMO_PASSWORD" --data-urlencode "_csrf=$csrf"
	SESSION=$(awk '$6 == "SESSION" { print $7 }' "$jar" | tail -n 1)
	[ -n "$SESSION" ] || fail_setup "no browser session for $REP"
	session_alive || fail_setup "the session of $REP does not open the home page"
}
session_alive() { [ "$(curl -s -m 10 -o /dev/null -w '%{http_code}' -H "Cookie: SESSION=$SESSION" "$BASE/")" = 200 ]; }
browser_login
curl -s -m 10 -o /dev/null -D "$OUT/headers-page.txt" -H "Cookie: SESSION=$SESSION" "$BASE/"
curl -s -m 10 -o /dev/null -D "$OUT/headers-api.txt" -H "$AUTH" "$BASE/api/v1/customers?size=1"

# an agreement the rep has not accepted closes customer data: accept each (none in the demo company today)
for version in $(curl -s -m 10 -H "$AUTH" "$BASE/api/v1/me/agreements" | jq -r '.[]? | select(.acceptedAt == null) | .versionId'); do
	curl -s -m 10 -o /dev/null -H "$AUTH" -X POST "$BASE/api/v1/me/agreements/$version/accept"
	say "accepted agreement version $version for $REP"
done
CUSTOMER=$(curl -s -m 10 -H "$AUTH" "$BASE/api/v1/customers?size=1" | jq -r '.items[0].id // 1')
FOLLOW_UP=$(curl -s -m 10 -H "$AUTH" "$BASE/api/v1/customers/$CUSTOMER/follow-ups?size=1" | jq -r '.items[0].id // 1')
say "logged in as $REP (a customer of theirs: $CUSTOMER, one of its follow-ups: $FOLLOW_UP)"

# --- the route table -------------------------------------------------------------------------------------------------
OPENAPI="$OUT/openapi.json"
# the first description is generated on demand and takes long on a busy machine; the page's session is enough
code=$(curl -s -m 300 -o "$OPENAPI" -w '%{http_code}' -H "Cookie: SESSION=$SESSION" "$BASE/api/docs")
[ -s "$OPENAPI" ] && jq -e '.paths | length > 0' "$OPENAPI" >/dev/null 2>&1 \
	|| fail_setup "no OpenAPI description at $BASE/api/docs (HTTP $code)"
jq -r '.paths | to_entries[] | .key as $p | .value | keys[] | select(test("^(get|post|put|patch|delete)$"))
	| "\(ascii_upcase) \($p)"' "$OPENAPI" | sort -u >"$OUT/routes.txt"
say "$(wc -l <"$OUT/routes.txt") routes in the OpenAPI description"

# an agreement for HR only (the rep is not gated by it), so that its acceptances have an id to inject into
AGREEMENT=$(curl -s -m 10 -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
	-X POST "$BASE/api/v1/agreements" -d '{"titleZh":"扫描用保密协议","titleEn":"Scan agreement","roles":["HR"]}' \
	| jq -r '.id // 1' 2>/dev/null)
curl -s -m 10 -o /dev/null -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
	-X POST "$BASE/api/v1/agreements/${AGREEMENT:-1}/versions" \
	-d '{"textZh":"员工对客户资料保密。","textEn":"Customer data stays confidential.","scope":"全部客户资料"}'

# a path with its {variables} replaced: a customer's by the rep's customer, an agreement's by the one above, any
# other by $2
fill() {
	sed -E "s#/customers/\{[^}]+\}#/customers/$CUSTOMER#g; s#/agreements/\{[^}]+\}#/agreements/${AGREEMENT:-1}#g
		s#\{[^}]+\}#$2#g" <<<"$1"
}

# --- sqlmap over list and search parameters --------------------------------------------------------------------------
jq -r '
	def sample: if .enum then .enum[0] elif .type == "integer" or .type == "number" then 1
		elif .type == "boolean" then true elif .format == "date" then "2026-01-01"
		elif .format == "date-time" then "2026-01-01T00:00:00Z" else "test" end;
	.paths | to_entries[] | .key as $p | .value.get // empty
	| [.parameters[]? | select(.in == "query") | "\(.name)=\(.schema // {} | sample)"]
	| select(length > 0) | "\($p)?\(join("&"))"' "$OPENAPI" | sort -u >"$OUT/sqlmap-targets.txt"
say "sqlmap: $(wc -l <"$OUT/sqlmap-targets.txt") list and search routes (level 1, one thread)"
sqlmap_deadline=$((SECONDS + SQLMAP_BUDGET))
while read -r target; do
	url="$BASE$(fill "$target" 1)"
	if [ $SECONDS -ge $sqlmap_deadline ]; then
		finding "sqlmap: not scanned within SCAN_SQLMAP_BUDGET: GET ${url#$BASE}"
		continue
	fi
	log="$OUT/sqlmap/$(echo "$target" | tr -c 'A-Za-z0-9' '_' | cut -c1-120).log"
	mkdir -p "$OUT/sqlmap"
	as="$AUTH"
	if [ -n "$ADMIN_TOKEN" ] && [ "$(curl -s -m 20 -o /dev/null -w '%{http_code}' -H "$AUTH" "$url")" = 403 ]; then
		as="Authorization: Bearer $ADMIN_TOKEN"
		echo "as it.admin: ${url#$BASE}" >>"$OUT/sqlmap/identities.txt"
	fi
	timeout "$SQLMAP_TIMEOUT" sqlmap -u "$url" -H "$as" --level=1 --risk=1 --threads=1 --batch --dbms=PostgreSQL \
		--flush-session --output-dir="$OUT/sqlmap/out" --disable-coloring </dev/null >"$log" 2>&1
	status=$?
	if grep -qE 'identified the following injection point|is vulnerable' "$log"; then
		finding "sqlmap: injectable: GET ${url#$BASE} ($(grep -m1 -oE "Parameter: [^ ]+" "$log"))"
	elif [ $status = 124 ]; then
		finding "sqlmap: timed out after ${SQLMAP_TIMEOUT}s: GET ${url#$BASE}"
	elif grep -qE '^(500|5[0-9][0-9]) \(' "$log"; then
		finding "sqlmap: 5xx answers: GET ${url#$BASE}"
	elif ! grep -q 'do not appear to be injectable' "$log"; then
		finding "sqlmap: could not test: GET ${url#$BASE} ($(grep -m1 -o 'CRITICAL\] .*' "$log"))"
	fi
done <"$OUT/sqlmap-targets.txt"

# --- wapiti, logged in as the rep ------------------------------------------------------------------------------------
# wapiti 3.0 bounds the crawl with --max-scan-time and each of the nine modules with --max-attack-time (3.1 and later
# bound the whole scan with the first): half the time for each phase keeps the whole within SCAN_WAPITI_TIME
say "wapiti: logged in as $REP, at most ${WAPITI_TIME}s"
# wapiti 3.0.x compiles -x wildcards into a pattern Python 3.11 refuses: run it with that one function fixed
read -r WAPITI_PYTHON interpreter_argument < <(head -n 1 "$(command -v wapiti)" | sed -n 's/^#! *//p')
[ "${WAPITI_PYTHON##*/}" = env ] && WAPITI_PYTHON=$interpreter_argument
cat >"$OUT/wapiti.py" <<'PY'
import re, sys
try:
    import wapitiCore.net.crawler as crawler
    if hasattr(crawler, "wildcard_translate"):
        crawler.wildcard_translate = lambda pattern: re.compile(
            "(?ms)" + "".join(".*" if c == "*" else re.escape(c) for c in pattern) + r"\Z")
except ImportError:
    pass
from wapitiCore.main.wapiti import wapiti_main
sys.argv[0] = "wapiti"
sys.exit(wapiti_main())
PY
timeout $((WAPITI_TIME + 180)) "${WAPITI_PYTHON:-python3}" "$OUT/wapiti.py" -u "$BASE/" --scope folder \
	-m xss,permanentxss,sql,exec,file,redirect,crlf,csp,http_headers \
	-H "Cookie: SESSION=$SESSION" -x "$BASE/logout" -x "$BASE/security/sessions*" -x "$BASE/api/v1/*" \
	--max-scan-time "$((WAPITI_TIME / 2))" --max-attack-time "$((WAPITI_TIME / 2 / 9))" -t 10 \
	-d 4 --max-links-per-page 40 --max-files-per-dir 30 \
	--flush-session --store-session "$OUT/wapiti-session" -f json -o "$OUT/wapiti.json" -v 1 \
	</dev/null >"$OUT/wapiti.log" 2>&1
status=$?
[ $status = 124 ] && finding "wapiti: did not finish within $((WAPITI_TIME + 180))s"
if jq -e . "$OUT/wapiti.json" >/dev/null 2>&1; then
	jq -r '(.vulnerabilities // {}), (.anomalies // {}) | to_entries[] | .key as $kind | .value[]
		| "wapiti: \($kind): \(.method) \(.path) \(.parameter // "") \(.info | gsub("\\s+"; " "))"' \
		"$OUT/wapiti.json" | sort -u >>"$FINDINGS"
else
	finding "wapiti: no report (see $OUT/wapiti.log)"
fi
session_alive || say "note: the rep's browser session ended during wapiti (a form it submitted ends it), so its last requests ran logged out"

# --- ffuf over the route table ---------------------------------------------------------------------------------------
ffuf_deadline=$((SECONDS + FFUF_TIMEOUT))
# runs ffuf for one method over a word list of paths; extra arguments go to ffuf
run_ffuf() {
	local name=$1 method=$2 words=$3
	shift 3
	[ -s "$words" ] || return 0
	local left=$((ffuf_deadline - SECONDS))
	if [ $left -le 0 ]; then
		finding "ffuf: $name not run within SCAN_FFUF_TIMEOUT"
		return 0
	fi
	timeout "$left" ffuf -u "$BASE/FUZZ" -w "$words" -X "$method" -mc all -t 1 -p 0.05 -timeout 20 -s \
		-of json -o "$OUT/ffuf-$name.json" "$@" </dev/null >/dev/null 2>"$OUT/ffuf-$name.log"
	[ $? = 124 ] && finding "ffuf: $name did not finish within SCAN_FFUF_TIMEOUT"
	[ -f "$OUT/ffuf-$name.json" ] || { finding "ffuf: $name wrote no results"; return 0; }
}

# unauthenticated, every route with every method it has: never 5xx, never 2xx
: >"$OUT/unauth-summary.txt"
for method in GET POST PUT PATCH DELETE; do
	grep "^$method " "$OUT/routes.txt" | cut -d' ' -f2 | while read -r path; do fill "$path" 1; done \
		| sed 's#^/##' | sort -u >"$OUT/words-unauth-$method.txt"
	run_ffuf "unauth-$method" "$method" "$OUT/words-unauth-$method.txt" -H 'Content-Type: application/json' \
		$([ "$method" = GET ] || echo "-d {}")
	[ -f "$OUT/ffuf-unauth-$method.json" ] || continue
	jq -r --arg m "$method" '.results[]? | select(.status >= 500 or (.status >= 200 and .status < 300))
		| "ffuf-unauthenticated: \($m) /\(.input.FUZZ) -> \(.status) (\(.length) bytes)"' \
		"$OUT/ffuf-unauth-$method.json" >>"$FINDINGS"
	jq -r --arg m "$method" '.results[]? | "\($m) /\(.input.FUZZ) \(.status)"' "$OUT/ffuf-unauth-$method.json" \
		>>"$OUT/unauth-summary.txt"
done
# the pages and the rest outside the API: a redirect that does not go to the login page is a finding as well
for path in / /customers /pool /exports /reminders /dashboard /care-visits /complaints /know-how /admin/employees \
	/security/sessions /agreements /api/docs /api/docs/ui /actuator /actuator/prometheus /actuator/env \
	/actuator/heapdump /actuator/health; do
	read -r code location < <(curl -s -m 20 -o /dev/null -w '%{http_code} %{redirect_url}\n' "$BASE$path")
	echo "GET $path $code $location" >>"$OUT/unauth-summary.txt"
	if [ "${code:0:1}" = 5 ] || [ "${code:0:1}" = 2 ]; then
		finding "unauthenticated: GET $path -> $code"
	elif [ "${code:0:1}" = 3 ] && [[ "$location" != "$BASE/login"* ]]; then
		finding "unauthenticated: GET $path -> $code to $location"
	fi
done

# as the rep, GET routes with the ids of a customer and a follow-up of theirs (the API's routes and the pages'):
# spelled canonically they may answer anything but 5xx; spelled otherwise (+311, 0x137, 0311, 311.0, " 311") they
# must not be served (400 or 404, issue 10 hole 3); junk (huge, negative, NUL, traversal) never answers 5xx
{
	grep '^GET .*{' "$OUT/routes.txt" | cut -d' ' -f2
	printf '%s\n' '/customers/{id}' '/customers/{id}/care' '/customers/{id}/follow-ups' \
		'/customers/{id}/follow-ups/{followUpId}' '/customers/{id}/history'
} | sed -E 's#/customers/\{[^}]+\}#/customers/@C@#g; s#/follow-ups/\{[^}]+\}#/follow-ups/@F@#g; s#\{[^}]+\}#@O@#g' \
	| sed 's#^/##' | sort -u >"$OUT/id-routes.txt"
spell() {
	case $1 in
	canonical) echo "$2" ;; plus) echo "+$2" ;; encoded-plus) echo "%2B$2" ;; leading-zero) echo "0$2" ;;
	hex) printf '0x%x\n' "$2" ;; decimal) echo "$2.0" ;; leading-space) echo "%20$2" ;; trailing-space) echo "$2%20" ;;
	esac
}
: >"$OUT/words-ids-odd.txt"
for form in canonical plus encoded-plus leading-zero hex decimal leading-space trailing-space; do
	target="$OUT/words-ids-odd.txt"
	[ "$form" = canonical ] && target="$OUT/words-ids-canonical.txt"
	sed "s#@C@#$(spell $form "$CUSTOMER")#g; s#@F@#$(spell $form "$FOLLOW_UP")#g; s#@O@#$(spell $form 1)#g" \
		"$OUT/id-routes.txt" >>"$target"
done
for junk in 0 -1 99999999999999999999 abc %00 ..%2F..%2Factuator %E2%80%AE1; do
	sed "s#@[CFO]@#$junk#g" "$OUT/id-routes.txt"
done >"$OUT/words-ids-junk.txt"
# the API gets the token only and the pages the session only: an API request that also carries the session cookie
# ends that browser session (Holdfast answers it with a new one)
session_alive || browser_login
for kind in canonical odd junk; do
	grep '^api/' "$OUT/words-ids-$kind.txt" >"$OUT/words-ids-api-$kind.txt"
	grep -v '^api/' "$OUT/words-ids-$kind.txt" >"$OUT/words-ids-pages-$kind.txt"
	run_ffuf "ids-api-$kind" GET "$OUT/words-ids-api-$kind.txt" -H "$AUTH"
	run_ffuf "ids-pages-$kind" GET "$OUT/words-ids-pages-$kind.txt" -H "Cookie: SESSION=$SESSION"
	for part in api pages; do
		[ -f "$OUT/ffuf-ids-$part-$kind.json" ] || continue
		jq -r --arg kind "$kind" '.results[]? | select(.status >= 500 or ($kind == "odd" and .status >= 200 and .status < 300))
			| "ffuf-rep: \(if .status >= 500 then "server error" else "non-canonical id served" end): GET /\(.input.FUZZ) -> \(.status)"' \
			"$OUT/ffuf-ids-$part-$kind.json" >>"$FINDINGS"
	done
done
session_alive || finding "ffuf: the rep's browser session ended during the page requests, their answers are not the rep's"

# --- the server itself -----------------------------------------------------------------------------------------------
kill -0 "$SERVER_PID" 2>/dev/null || finding "server: Holdfast died during the scan (see $OUT/server.log)"
errors=$(grep -c ' ERROR ' "$OUT/server.log" || true)
say "server log: $errors ERROR lines (see $OUT/server.log)"

# --- the verdict -----------------------------------------------------------------------------------------------------
# allow-list lines: <extended regex matching a finding line> | <reason>; a line without a reason is refused
: >"$OUT/allowed.txt"
: >"$OUT/unexplained.txt"
patterns=()
reasons=()
while IFS= read -r line; do
	case "$line" in '' | '#'*) continue ;; esac
	pattern=${line%% | *}
	reason=${line#* | }
	[ "$pattern" != "$line" ] && [ -n "${reason// /}" ] || fail_setup "allow-list entry without a reason: $line"
	patterns+=("$pattern")
	reasons+=("$reason")
done <"$ALLOW_LIST"
sort -u "$FINDINGS" -o "$FINDINGS"
while IFS= read -r f; do
	explained=
	for i in "${!patterns[@]}"; do
		if grep -qE -- "${patterns[$i]}" <<<"$f"; then
			explained=${reasons[$i]}
			break
		fi
	done
	if [ -n "$explained" ]; then
		printf '%s\n    allowed: %s\n' "$f" "$explained" >>"$OUT/allowed.txt"
	else
		printf '%s\n' "$f" >>"$OUT/unexplained.txt"
	fi
done <"$FINDINGS"

echo
echo "=== Holdfast security scan: $BASE, as $REP, $(date -u +%FT%TZ) ==="
printf '  routes: %s   sqlmap targets: %s   ffuf requests: unauthenticated %s, odd ids %s\n' \
	"$(wc -l <"$OUT/routes.txt")" "$(wc -l <"$OUT/sqlmap-targets.txt")" \
	"$(cat "$OUT"/words-unauth-*.txt 2>/dev/null | wc -l)" "$(cat "$OUT"/words-ids-{canonical,odd,junk}.txt 2>/dev/null | wc -l)"
for tool in sqlmap wapiti ffuf-unauthenticated unauthenticated ffuf-rep ffuf server; do
	printf '  %-22s %3s findings\n' "$tool" "$(grep -c "^$tool:" "$FINDINGS")"
done
echo "  allowed by $ALLOW_LIST: $(grep -vc '^    allowed:' "$OUT/allowed.txt")"
if [ -s "$OUT/allowed.txt" ]; then
	sed 's/^/    /' "$OUT/allowed.txt"
fi
if [ -s "$OUT/unexplained.txt" ]; then
	echo "  NOT EXPLAINED: $(wc -l <"$OUT/unexplained.txt") (at most 12 of each kind shown; all in $OUT/unexplained.txt)"
	awk '{ kind = $1 " " $2 " " $3; if (++seen[kind] <= 12) print "    " $0; else more[kind]++ }
		END { for (k in more) printf "    … and %d more like \"%s\"\n", more[k], k }' "$OUT/unexplained.txt"
	echo "=== FAILED (details in $OUT) ==="
	exit 1
fi
echo "=== CLEAN (details in $OUT) ==="
exit 0
