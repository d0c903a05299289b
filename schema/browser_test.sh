#!/usr/bin/env bash
# The timeline page in a real browser: serve a small simulated store, load
# http://127.0.0.1:PORT/?segment=SEED in headless Chromium (which runs the page's script: two
# fetches of /v1/trace, SVG and JSON), and check the rendered DOM holds the picture (a lane per
# camera visited) and the visits table with the answer's digest. Usage: browser_test.sh SEGGRAPH
set -euo pipefail
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
BROWSER=$(command -v chromium || command -v chromium-browser || true)
[ -n "$BROWSER" ] || { echo "browser_test: no chromium; skipped"; exit 0; }
WORK=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
"$BIN" simulate --cameras 4 --people 30 --hours 0.25 --dim 16 --seed 4 --out "$WORK/site" >/dev/null
"$BIN" import --store "$WORK/store" "$WORK"/site/cam_*.json >/dev/null
SEED=$("$BIN" find --store "$WORK/store" --label person --with same_as:person --limit 1 --csv 2>/dev/null | sed -n 2p | cut -d, -f1)
[ -n "$SEED" ] || { echo "browser_test: no seed with a same_as link" >&2; exit 1; }
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" serve --store "$WORK/store" --port "$PORT" >"$WORK/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/v1/health" >/dev/null 2>&1 && break; sleep 0.1; done
timeout 90 "$BROWSER" --headless --no-sandbox --disable-gpu --virtual-time-budget=10000 \
    --dump-dom "http://127.0.0.1:$PORT/?segment=${SEED//\//%2F}" >"$WORK/dom.html" 2>"$WORK/browser.log"
EXPECTED=$("$BIN" trace --store "$WORK/store" --segment "$SEED" --json | python3 -c 'import json, sys; a = json.load(sys.stdin); print(len(a["visits"]), len({v["camera"] for v in a["visits"]}), a["digest"][:16])')
read -r VISITS CAMERAS DIGEST <<<"$EXPECTED"
LANES=$(grep -o 'class="lane"' "$WORK/dom.html" | wc -l)
STATUS=$(grep -o "[0-9]* visits, digest [0-9a-f]*" "$WORK/dom.html" | head -1 || true)
if [ "$LANES" != "$CAMERAS" ] || [ "$STATUS" != "$VISITS visits, digest $DIGEST" ]; then
  echo "browser_test: the page shows $LANES lanes and \"$STATUS\"; the trace has $CAMERAS cameras, $VISITS visits, digest $DIGEST" >&2
  exit 1
fi
echo "browser_test: $(basename "$BROWSER") rendered the trace of $SEED: $LANES lanes, $VISITS visits, digest $DIGEST"
