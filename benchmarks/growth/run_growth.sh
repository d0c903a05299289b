#!/usr/bin/env bash
# Cost as a site grows (issue 14): the benchmark site's 20 cameras recorded 1×, 3× and 10× as
# long (2 h, 6 h, 20 h, people scaled with the hours so the crowd stays as dense), each imported
# into a fresh store, then the same questions timed at each size:
#   import rate and peak RSS, store size;
#   window queries (60 s on one camera, 60 s on all, 10 min on one), in process;
#   2-hop neighbours, contacts (1 and 2 hops) and a 1 h trace from random people, in process;
#   similar (300 queries, k 10, ef 96, recall@10 against numpy's exact top-10), in process,
#     beside hnswlib on the same vectors;
#   `find --with holds:bag` on one camera's 10-minute window, as a CLI command (process start
#     included), 30 runs.
# Prints growth.md (a table) and writes growth.json and growth.svg (log-log: p50 against store
# size) into OUT.
#
#   benchmarks/growth/run_growth.sh [SIZES] [OUT]      e.g. run_growth.sh "1 3 10" benchmarks/growth
# Environment: WORK=/tmp/seggraph-growth (sites and stores; the 10× store is several GB),
#   BUILD=1 builds the release binaries first (--scratch-path .build-bench).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SIZES=${1:-"1 3 10"} OUT=${2:-$ROOT/benchmarks/growth}
WORK=${WORK:-/tmp/seggraph-growth}
BUILD=${BUILD:-0}
log() { echo "[growth] $*" >&2; }
mkdir -p "$WORK" "$OUT"
if [ "$BUILD" = 1 ]; then
    (cd "$ROOT" && swift build -c release --scratch-path .build-bench --product seggraph >&2 \
        && swift build -c release --scratch-path .build-bench --product seggraph-bench >&2)
fi
BIN=$(cd "$ROOT" && swift build -c release --scratch-path .build-bench --show-bin-path)
SEGGRAPH=$BIN/seggraph BENCH=$BIN/seggraph-bench
python3 -c 'import hnswlib' 2>/dev/null || python3 -m pip install -q hnswlib >&2

for size in $SIZES; do
    hours=$((2 * size)) people=$((2000 * size))
    site=$WORK/site-$size store=$WORK/store-$size res=$WORK/result-$size
    params="cameras=20 people=$people hours=$hours fps=5 dim=512 seed=1"
    if [ ! -f "$site/.params" ] || [ "$(cat "$site/.params")" != "$params" ]; then
        log "simulating ${size}× ($params)"
        rm -rf "$site"
        "$SEGGRAPH" simulate --cameras 20 --people "$people" --hours "$hours" --fps 5 --dim 512 --seed 1 --out "$site" >/dev/null
        echo "$params" > "$site/.params"
    fi
    rm -rf "$store" "$res"; mkdir -p "$res"
    cat "$site"/cam_*.json > /dev/null   # page cache warm, as for every import measured here
    log "importing ${size}×"
    /usr/bin/time -v -o "$res/import.time" "$SEGGRAPH" import --store "$store" "$site"/cam_*.json --json > "$res/import.json"
    du -sb "$store" | cut -f1 > "$res/store.bytes"
    cat "$site"/cam_*.json | wc -c > "$res/json.bytes"
    log "queries ${size}×"
    "$BENCH" window-queries --store "$store" --count 1000 --json > "$res/window.json"
    "$BENCH" graph-queries --store "$store" --count 300 --json > "$res/graph.json"
    "$BENCH" dump-vectors --store "$store" --out "$res/vectors.npy" --ids "$res/ids.npy" > /dev/null
    python3 "$ROOT/benchmarks/peers/site_vectors.py" --vectors "$res/vectors.npy" --ids "$res/ids.npy" \
        --queries-out "$res/queries.npy" --truth-out "$res/truth.npy" --count 300 --k 10 --ef 96 \
        --ef-construction 64 --repeats 1 > "$res/hnswlib.json"
    "$BENCH" vector-queries --store "$store" --queries "$res/queries.npy" --truth "$res/truth.npy" --k 10 --ef 96,96 --json > "$res/vector.json"
    rm -f "$res/vectors.npy"
    # find --with on one camera's 10-minute window, 30 runs of the whole command.
    python3 - "$SEGGRAPH" "$store" > "$res/find.json" <<'EOF'
import json, subprocess, sys, time
binary, store = sys.argv[1:3]
args = [binary, "find", "--store", store, "--source", "cam_03", "--from", "3600s", "--to", "4200s",
        "--label", "person", "--with", "holds:bag", "--json"]
subprocess.run(args, check=True, capture_output=True)          # warm
times, rows = [], 0
for _ in range(30):
    t = time.perf_counter()
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    times.append((time.perf_counter() - t) * 1e6)
    rows = len(json.loads(out))
times.sort()
print(json.dumps({"p50_us": times[len(times) // 2], "p99_us": times[-1], "rows": rows}))
EOF
    rm -rf "$site/.cache" 2>/dev/null || true
done

python3 "$ROOT/benchmarks/growth/report.py" "$WORK" "$OUT" $SIZES
