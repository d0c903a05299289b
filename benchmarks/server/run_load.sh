#!/usr/bin/env bash
# Server load on loopback: wrk against `seggraph serve` for GET /v1/segments/{id} and
# GET /v1/trace (each request a different segment, cycled from N person segments), the same
# segment lookup from the peer (uvicorn + uvloop + httptools over the store's SQLite catalog,
# benchmarks/server/peer_sqlite_asgi.py) in the same run, and the same queries in-process
# (seggraph-bench graph-queries) so the HTTP overhead is visible.
#
#   benchmarks/server/run_load.sh SEGGRAPH STORE [SECONDS] [CONNECTIONS]
#
# SEGGRAPH is a release binary (make release); the in-process figures need seggraph-bench
# (built into .build-bench like the other drivers) and are skipped when BENCH is unset.
# Prints a Markdown table; wrk's raw output goes to $OUT (default /tmp/seggraph-load).
set -euo pipefail
BIN=$1 STORE=$2 SECONDS_PER_RUN=${3:-10} CONNECTIONS=${4:-16}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${OUT:-/tmp/seggraph-load}
PORT=${PORT:-18180} PEER_PORT=${PEER_PORT:-18181} SEEDS=${SEEDS:-500}
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 2; }

# Person segments spread over the whole site: every k-th of all person segments.
"$BIN" segments --store "$STORE" --label person --limit 100000 --json 2>/dev/null | python3 -c '
import json, sys, urllib.parse
from datetime import datetime, timedelta
rows = json.load(sys.stdin)
n = int(sys.argv[1]); out = sys.argv[2]
step = max(1, len(rows) // n)
chosen = rows[::step][:n]
q = lambda s: urllib.parse.quote(s, safe="")
with open(out + "/segments.paths", "w") as f:
    for r in chosen: f.write("/v1/segments/" + q(r["segment"]) + "\n")
with open(out + "/segments-by-id.paths", "w") as f:
    for r in chosen: f.write("/v1/segments/%d\n" % r["id"])
with open(out + "/trace.paths", "w") as f:
    for r in chosen:
        start = datetime.fromisoformat(r["start"])
        lo, hi = (start - timedelta(minutes=30)).isoformat(), (start + timedelta(minutes=30)).isoformat()
        f.write("/v1/trace?segment=%s&from=%s&to=%s\n" % (q(r["segment"]), q(lo), q(hi)))
print(len(chosen), "seeds", file=sys.stderr)
' "$SEEDS" "$OUT"

wait_up() { for _ in $(seq 200); do curl -sf "http://127.0.0.1:$1$2" >/dev/null 2>&1 && return 0; sleep 0.05; done; echo "server on $1 did not start" >&2; exit 1; }
# run_wrk LABEL PORT PATHS: one wrk run; prints "| LABEL | req/s | p50 | p99 | errors |"
run_wrk() {
    local label=$1 port=$2 paths=$3 log="$OUT/wrk-$(echo "$1" | tr -c 'a-zA-Z0-9' '_').txt"
    PATHS_FILE="$paths" wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$HERE/rotate.lua" \
        "http://127.0.0.1:$port" >"$log"
    python3 - "$label" "$log" <<'PY'
import re, sys
label, text = sys.argv[1], open(sys.argv[2]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", text, re.M))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
sock = re.search(r"Socket errors: (.*)", text)
bad = (int(errors.group(1)) if errors else 0)
print(f"| {label} | {rps:,.0f} | {lat.get('50','?')} | {lat.get('99','?')} | {bad}{' / ' + sock.group(1) if sock else ''} |")
PY
}

echo "| route (wrk -t2 -c$CONNECTIONS -d${SECONDS_PER_RUN}s, $SEEDS segments cycled) | req/s | p50 | p99 | non-2xx |"
echo "|---|---:|---:|---:|---|"
"$BIN" serve --store "$STORE" --port "$PORT" >"$OUT/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; [ -n "${PEER:-}" ] && kill $PEER 2>/dev/null || true' EXIT
wait_up "$PORT" /v1/health
echo /v1/health >"$OUT/health.paths"
run_wrk "seggraph \`GET /v1/health\` (no store read: the framework's floor)" "$PORT" "$OUT/health.paths"
run_wrk "seggraph \`GET /v1/segments/SOURCE%2FID\`" "$PORT" "$OUT/segments.paths"
run_wrk "seggraph \`GET /v1/segments/ID\` (internal id)" "$PORT" "$OUT/segments-by-id.paths"
run_wrk "seggraph \`GET /v1/trace?segment=…&from=…&to=…\` (1 h)" "$PORT" "$OUT/trace.paths"
kill $SERVER; wait $SERVER 2>/dev/null || true

PEER_CATALOG="$STORE/catalog.sqlite" python3 "$HERE/peer_sqlite_asgi.py" "$STORE/catalog.sqlite" "$PEER_PORT" 2 \
    >"$OUT/peer.log" 2>&1 &
PEER=$!
wait_up "$PEER_PORT" "$(head -1 "$OUT/segments-by-id.paths")"
run_wrk "peer: uvicorn+SQLite \`GET /v1/segments/ID\` (2 workers)" "$PEER_PORT" "$OUT/segments-by-id.paths"
kill $PEER; wait $PEER 2>/dev/null || true

if [ -n "${BENCH:-}" ]; then
    echo
    echo "In-process, same store (\`seggraph-bench graph-queries --count $SEEDS\`):"
    "$BENCH" graph-queries --store "$STORE" --count "$SEEDS"
fi
