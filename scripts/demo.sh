#!/usr/bin/env bash
# The demo: simulate a small multi-camera site, import it and the real vtest tracker
# output, then list segments in wall-clock time. Usage: demo.sh SEGGRAPH_BINARY OUT_DIR
set -euo pipefail
BIN=${1:-.build/debug/seggraph}
OUT=${2:-demo-out}
# The real data sits beside the repository (see ../shared/data/README.md).
DATA=${SEGGRAPH_SHARED_DATA:-$(cd "$(dirname "$0")/.." && pwd)/../shared/data}
STORE="$OUT/demo.store"
rm -rf "$OUT"
mkdir -p "$OUT"
step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; "$@"; }

step "$BIN" simulate --cameras 6 --people 60 --hours 0.5 --fps 5 --dim 64 --seed 7 --out "$OUT/site"
step "$BIN" init --store "$STORE"
step "$BIN" import --store "$STORE" "$OUT"/site/cam_*.json
if [ -f "$DATA/segments/vtest_mog2.json" ]; then
  # vtest.avi has no creation_time: give the recording a wall clock on the command line.
  step "$BIN" import --store "$STORE" "$DATA/segments/vtest_mog2.json" --source vtest --embedding-space hsv_hist \
       --start 2026-11-20T14:05:00+01:00 --tz Europe/Berlin --video "$DATA/videos/vtest.avi"
fi
step "$BIN" sources --store "$STORE"
step "$BIN" segments --store "$STORE" --source cam_00 --from 14:10 --to 14:11 --label person --limit 8
step "$BIN" segments --store "$STORE" --type activity --limit 5
step "$BIN" segments --store "$STORE" --source vtest --from 10s --to 12s
step "$BIN" segments --store "$STORE" --label hardhat --where 'confidence > 0.9' --limit 3 --csv
step "$BIN" show --store "$STORE" vtest/vtest-mog2-0001 --boxes 3
# The graph: who carried a bag, who wore no hardhat, who was near whom.
step "$BIN" find --store "$STORE" --label person --with holds:bag --limit 5
step "$BIN" find --store "$STORE" --label person --without wears:hardhat --source cam_02 --limit 5
step "$BIN" find --store "$STORE" --label person --then 'label=fall within 30s' --limit 5
SEED=$("$BIN" find --store "$STORE" --label person --with near:person --source cam_04 --limit 1 --csv | sed -n 2p | cut -d, -f1)
step "$BIN" contacts --store "$STORE" "$SEED" --hops 2
step "$BIN" neighbors --store "$STORE" "$SEED" --hops 1
step "$BIN" find --store "$STORE" --label person --with holds:suitcase --clips --limit 20
# Vectors: nearest segments by embedding, and re-identification across cameras.
step "$BIN" similar --store "$STORE" --segment "$SEED" -k 6 --label person --group-by source
step "$BIN" neighbors --store "$STORE" "$SEED" --kind same_as,next --hops 2
# The forensic trace: everywhere this person went between 14:00 and 14:30.
step "$BIN" trace --store "$STORE" --segment "$SEED" --from 14:00 --to 14:30 --svg "$OUT/trace.svg"
echo "the timeline picture: $OUT/trace.svg (open it in a browser)"
# Evidence: save the answer, verify it; an investigator rejects the first re-identification,
# the trace changes and the saved answer no longer verifies; withdrawn, it verifies again.
"$BIN" trace --store "$STORE" --segment "$SEED" --from 14:00 --to 14:30 --json >"$OUT/evidence.json"
step "$BIN" verify --store "$STORE" "$OUT/evidence.json"
REID=$("$BIN" neighbors --store "$STORE" "$SEED" --kind same_as --hops 1 --csv | sed -n 2p | cut -d, -f4)
if [ -n "$REID" ]; then
  step "$BIN" link reject --store "$STORE" "$SEED" "$REID" --by "demo investigator" --note "different shoes"
  step "$BIN" trace --store "$STORE" --segment "$SEED" --from 14:00 --to 14:30
  step "$BIN" verify --store "$STORE" "$OUT/evidence.json" || echo "(exit $?: the verdict changed the answer)"
  step "$BIN" link withdraw --store "$STORE" "$SEED" "$REID"
fi
# How good are the trace and the edges? Scored against the simulator's ground truth.
step "$BIN" eval trace --store "$STORE" --truth "$OUT/site/ground_truth.json" --queries 200 --seed 1
step "$BIN" eval links --store "$STORE" --truth "$OUT/site/ground_truth.json"
# The real vtest data traced (one camera: the track and its re-identified pieces).
if [ -f "$DATA/segments/vtest_mog2.json" ]; then
  step "$BIN" trace --store "$STORE" --segment vtest/vtest-mog2-0003
fi
if [ -f "$DATA/videos/vtest.avi" ]; then
  step "$BIN" thumbnail --store "$STORE" vtest/vtest-mog2-0003 -o "$OUT/vtest-mog2-0003.jpg"
fi
step "$BIN" export --store "$STORE" --format neo4j-csv --source cam_00 "$OUT/neo4j"
step "$BIN" import --store "$STORE" "$OUT/site/cam_00.json"
step "$BIN" stats --store "$STORE"
step "$BIN" check --store "$STORE"
# The read-only JSON endpoint: the same answers over HTTP (contract: schema/openapi.yaml).
# The server stays up after the demo (its own session, output in serve.log) so the timeline
# page can be opened; `make demo-stop` (or kill "$(cat serve.pid)") stops it. A server left
# by an earlier demo is stopped first: it holds the port.
PORT=${DEMO_PORT:-18080}
if [ -f "$OUT/serve.pid" ]; then kill "$(cat "$OUT/serve.pid")" 2>/dev/null || true; rm -f "$OUT/serve.pid"; sleep 0.3; fi
setsid "$BIN" serve --store "$STORE" --port "$PORT" </dev/null >"$OUT/serve.log" 2>&1 &
echo $! >"$OUT/serve.pid"
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/v1/health" >/dev/null 2>&1 && break; sleep 0.1; done
ENCODED=${SEED//\//%2F}
step curl -sf "http://127.0.0.1:$PORT/v1/trace?segment=$ENCODED&from=14:00&to=14:30" -o "$OUT/trace.json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["visits"]), "visits, digest", d["digest"][:16])' "$OUT/trace.json"
echo
echo "The server is still running (pid $(cat "$OUT/serve.pid"), log $OUT/serve.log)."
echo "  open   http://127.0.0.1:$PORT/?segment=${ENCODED}&from=14:00&to=14:30   in a browser"
echo "  or     curl http://127.0.0.1:$PORT/v1/stats"
echo "  stop   make demo-stop"
