#!/usr/bin/env bash
# The timeline page in a real browser: serve a small simulated store (plus the real vtest
# tracker output with its video), and in headless Chromium, which runs the page's script:
# 1. load ?segment=SEED (two fetches of /v1/trace, SVG and JSON) and check the rendered DOM
#    holds the picture (a lane per camera visited) and the visits table with the digest;
# 2. load ?label=person&source=cam_00 and check the search lists what `segments` lists;
# 3. load ?segment=vtest/… and check each visit shows a thumbnail decoded from vtest.avi.
# A screenshot of (1) is kept in $SEGGRAPH_BROWSER_SHOTS when set. Usage: browser_test.sh SEGGRAPH
set -euo pipefail
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
BROWSER=$(command -v chromium || command -v chromium-browser || true)
[ -n "$BROWSER" ] || { echo "browser_test: no chromium; skipped"; exit 0; }
WORK=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
"$BIN" simulate --cameras 4 --people 30 --hours 0.25 --dim 16 --seed 4 --out "$WORK/site" >/dev/null
"$BIN" import --store "$WORK/store" "$WORK"/site/cam_*.json >/dev/null
DATA=${SEGGRAPH_SHARED_DATA:-$(cd "$(dirname "$0")/.." && pwd)/../shared/data}
if [ -f "$DATA/videos/vtest.avi" ]; then
  "$BIN" import --store "$WORK/store" "$DATA/segments/vtest_mog2.json" --source vtest --embedding-space hsv_hist \
      --start 2026-11-20T14:05:00+01:00 --tz Europe/Berlin --video "$DATA/videos/vtest.avi" >/dev/null
fi
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
if [ -n "${SEGGRAPH_BROWSER_SHOTS:-}" ]; then
  mkdir -p "$SEGGRAPH_BROWSER_SHOTS"
  timeout 90 "$BROWSER" --headless --no-sandbox --disable-gpu --virtual-time-budget=10000 --window-size=1200,900 \
      --screenshot="$SEGGRAPH_BROWSER_SHOTS/trace.png" "http://127.0.0.1:$PORT/?segment=${SEED//\//%2F}" >>"$WORK/browser.log" 2>&1
fi

# 2. The search.
timeout 90 "$BROWSER" --headless --no-sandbox --disable-gpu --virtual-time-budget=10000 \
    --dump-dom "http://127.0.0.1:$PORT/?label=person&source=cam_00" >"$WORK/search.html" 2>>"$WORK/browser.log"
WANT=$("$BIN" segments --store "$WORK/store" --label person --source cam_00 --limit 50 --csv 2>/dev/null | tail -n +2 | wc -l)
# Rows only: the page's own script also spells class="pick", followed by a quote.
GOT=$(grep -o 'class="pick" data-segment="[a-z0-9_]' "$WORK/search.html" | wc -l)
FOUND=$(grep -o "[0-9]* segments" "$WORK/search.html" | head -1 || true)
if [ "$WANT" = 0 ] || [ "$GOT" != "$WANT" ] || [ "$FOUND" != "$WANT segments" ]; then
  echo "browser_test: the search shows $GOT rows (\"$FOUND\"); segments lists $WANT" >&2
  exit 1
fi
echo "browser_test: the search for person on cam_00 lists $GOT segments, as the CLI does"

# 3. Thumbnails, where the camera's video is known.
if [ -f "$DATA/videos/vtest.avi" ]; then
  timeout 90 "$BROWSER" --headless --no-sandbox --disable-gpu --virtual-time-budget=15000 \
      --dump-dom "http://127.0.0.1:$PORT/?segment=vtest%2Fvtest-mog2-0003" >"$WORK/thumbs.html" 2>>"$WORK/browser.log"
  VTEST_VISITS=$("$BIN" trace --store "$WORK/store" --segment vtest/vtest-mog2-0003 --json | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["visits"]))')
  THUMBS=$(grep -o '<img class="thumb"' "$WORK/thumbs.html" | wc -l)
  if [ "$THUMBS" != "$VTEST_VISITS" ]; then
    echo "browser_test: the vtest trace shows $THUMBS thumbnails for $VTEST_VISITS visits" >&2
    exit 1
  fi
  echo "browser_test: the vtest trace shows a thumbnail for each of its $THUMBS visits"
fi
