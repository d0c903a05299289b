#!/usr/bin/env bash
# Graph benchmark (issue 4): import + link and relink time, edge counts, traversal latency
# (neighborIDs 2 hops, contacts 1 and 2 hops) against SQLite (recursive CTEs) and Kùzu (Cypher)
# on the same graph and the same seeds. Prints a markdown block.
#
# Usage: benchmarks/run_graph_bench.sh
# Environment (defaults = the benchmark site):
#   CAMERAS=20 PEOPLE=2000 HOURS=2 FPS=5 DIM=512 SEED=1
#   DATA=/tmp/seggraph-bench-site   simulated site (reused when the parameters match)
#   WORK=/tmp/seggraph-graph-work   store, exported graph, peer databases (recreated)
#   QUERIES=1000                    seed segments (each query runs once per seed, after a warm-up pass)
#   SLOW_SEEDS=100                  seeds for the slow peer queries (SQLite contacts 2 hops, Kùzu contacts)
#   KUZU=1                          run the Kùzu peer (pip install kuzu when missing); 0 skips
#   BUILD=1 BUILD_TRIES=5           build first (retrying a minute apart); BUILD=0 uses the last build
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CAMERAS=${CAMERAS:-20} PEOPLE=${PEOPLE:-2000} HOURS=${HOURS:-2} FPS=${FPS:-5} DIM=${DIM:-512} SEED=${SEED:-1}
DATA=${DATA:-/tmp/seggraph-bench-site}
WORK=${WORK:-/tmp/seggraph-graph-work}
QUERIES=${QUERIES:-1000}
KUZU=${KUZU:-1}
SLOW_SEEDS=${SLOW_SEEDS:-100}
BUILD=${BUILD:-1} BUILD_TRIES=${BUILD_TRIES:-5}
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

log() { echo "[graph-bench] $*" >&2; }
. "$ROOT/benchmarks/site.sh"

# The tree may be mid-edit by others: retry the build a few times, a minute apart.
build() {
    (cd "$ROOT" && swift build -c release --scratch-path "$ROOT/.build-bench" --product seggraph >&2 \
                && swift build -c release --scratch-path "$ROOT/.build-bench" --product seggraph-bench >&2)
}
if [ "$BUILD" = 1 ]; then
    for try in $(seq 1 "$BUILD_TRIES"); do
        log "building release (scratch path $ROOT/.build-bench), try $try"
        build && break
        [ "$try" = "$BUILD_TRIES" ] && { log "build failed $BUILD_TRIES times"; exit 1; }
        sleep 60
    done
fi
BIN=$(cd "$ROOT" && swift build -c release --scratch-path "$ROOT/.build-bench" --show-bin-path)
SEGGRAPH="$BIN/seggraph"
BENCH="$BIN/seggraph-bench"

ensure_site "$SEGGRAPH"
rm -rf "$WORK"
mkdir -p "$WORK"
cat "${FILES[@]}" > /dev/null   # page cache warm for every reader alike

log "(a) python json.load baseline, in-process timing"
python3 "$ROOT/benchmarks/json_load_baseline.py" "${FILES[@]}" > "$WORK/py.json"

log "(b) seggraph import (import + link), all files in one call"
t0=$(now)
$TIME -v -o "$WORK/import.time" "$SEGGRAPH" import --store "$WORK/store" "${FILES[@]}" --json > "$WORK/import.json"
IMPORT_S=$(echo "$(now) - $t0" | bc)
IMPORT_RSS=$(rss_kb "$WORK/import.time")
"$SEGGRAPH" stats --store "$WORK/store" --json > "$WORK/stats.json"

log "(c) seggraph relink (drop + derive every edge)"
t0=$(now)
$TIME -v -o "$WORK/relink.time" "$SEGGRAPH" relink --store "$WORK/store" --json > "$WORK/relink.json"
RELINK_S=$(echo "$(now) - $t0" | bc)
RELINK_RSS=$(rss_kb "$WORK/relink.time")

log "(d) graph queries, $QUERIES seeds"
"$BENCH" graph-queries --store "$WORK/store" --count "$QUERIES" --seed 1 --seeds-out "$WORK/seeds.csv" --json > "$WORK/graph.json"
"$BENCH" graph-queries --store "$WORK/store" --count "$QUERIES" --seed 1 > "$WORK/graph.txt"

log "(e) export-graph"
"$BENCH" export-graph --store "$WORK/store" --out "$WORK/graph" > "$WORK/export.txt"

log "(f) SQLite peer"
python3 "$ROOT/benchmarks/peers/graph_sqlite.py" --graph "$WORK/graph" --seeds "$WORK/seeds.csv" \
    --contacts2-seeds "$SLOW_SEEDS" --json > "$WORK/sqlite.json"

if [ "$KUZU" = 1 ]; then
    python3 -c 'import kuzu' 2>/dev/null || { log "pip install kuzu"; python3 -m pip install -q kuzu >&2; }
    log "(g) Kùzu peer"
    python3 "$ROOT/benchmarks/peers/graph_kuzu.py" --graph "$WORK/graph" --seeds "$WORK/seeds.csv" \
        --db "$WORK/kuzu.db" --contacts-seeds "$SLOW_SEEDS" --json > "$WORK/kuzu.json"
fi

export PARAMS BYTES IMPORT_S IMPORT_RSS RELINK_S RELINK_RSS WORK QUERIES KUZU
export NFILES=${#FILES[@]}
export MACHINE_CPU=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
export MACHINE_NPROC=$(nproc)
export MACHINE_MEM=$(free -g | awk '/Mem:/ {print $2 " GB total, " $7 " GB available"}')
export MACHINE_LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
export SWIFT_VERSION=$(swift --version 2>&1 | head -1)
export GIT_REV=$(cd "$ROOT" && git rev-parse --short HEAD)
export SQLITE_VERSION=$(python3 -c 'import sqlite3; print(sqlite3.sqlite_version)')
python3 "$ROOT/benchmarks/peers/graph_report.py"
