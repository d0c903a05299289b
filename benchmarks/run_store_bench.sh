#!/usr/bin/env bash
# Store benchmark (issue 3, "Benchmarks"): import throughput vs Python's json.load, peak RSS,
# size on disk, window-query latency, and the large-single-file check. Prints a markdown block.
#
# Usage: benchmarks/run_store_bench.sh
# Environment (defaults = the benchmark site):
#   CAMERAS=20 PEOPLE=2000 HOURS=2 FPS=5 DIM=512 SEED=1
#   DATA=/tmp/seggraph-bench-site   simulated site (reused when the parameters match)
#   WORK=/tmp/seggraph-bench-work   stores and the large document (recreated)
#   QUERIES=2000                    window queries per scenario
#   BIG_MB=700                      size of the single-file check; 0 skips it
#   PER_FILE=1                      also import one file per `seggraph import` call; 0 skips
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CAMERAS=${CAMERAS:-20} PEOPLE=${PEOPLE:-2000} HOURS=${HOURS:-2} FPS=${FPS:-5} DIM=${DIM:-512} SEED=${SEED:-1}
DATA=${DATA:-/tmp/seggraph-bench-site}
WORK=${WORK:-/tmp/seggraph-bench-work}
QUERIES=${QUERIES:-2000}
BIG_MB=${BIG_MB:-700}
PER_FILE=${PER_FILE:-1}
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

log() { echo "[store-bench] $*" >&2; }
. "$ROOT/benchmarks/site.sh"

log "building release (scratch path $ROOT/.build-bench)"
(cd "$ROOT" && swift build -c release --scratch-path "$ROOT/.build-bench" --product seggraph >&2 \
            && swift build -c release --scratch-path "$ROOT/.build-bench" --product seggraph-bench >&2)
BIN=$(cd "$ROOT" && swift build -c release --scratch-path "$ROOT/.build-bench" --show-bin-path)
SEGGRAPH="$BIN/seggraph"
BENCH="$BIN/seggraph-bench"

ensure_site "$SEGGRAPH"
rm -rf "$WORK"
mkdir -p "$WORK"
cat "${FILES[@]}" > /dev/null   # page cache warm for every reader alike

log "(a) python json.load baseline, in-process timing"
$TIME -v -o "$WORK/py.time" python3 "$ROOT/benchmarks/json_load_baseline.py" "${FILES[@]}" > "$WORK/py.json"
PY_PARSE=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["parse_seconds"])' "$WORK/py.json")
PY_RSS=$(rss_kb "$WORK/py.time")
log "(a') python3 -c 'import json; json.load(open(F))' once per file"
t0=$(now)
$TIME -v -o "$WORK/pyloop.time" bash -c 'for f in "$@"; do python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$f"; done' _ "${FILES[@]}"
PY_LOOP=$(echo "$(now) - $t0" | bc)
PY_LOOP_RSS=$(rss_kb "$WORK/pyloop.time")

log "(b) seggraph import, all files in one call"
t0=$(now)
$TIME -v -o "$WORK/import.time" "$SEGGRAPH" import --store "$WORK/store" "${FILES[@]}" --json > "$WORK/import.json"
IMPORT_S=$(echo "$(now) - $t0" | bc)
IMPORT_RSS=$(rss_kb "$WORK/import.time")
IMPORT_USER=$(awk -F': ' '/User time/ {print $2}' "$WORK/import.time")
IMPORT_SYS=$(awk -F': ' '/System time/ {print $2}' "$WORK/import.time")
"$SEGGRAPH" stats --store "$WORK/store" --json > "$WORK/stats.json"

PERFILE_S=0 PERFILE_RSS=0
if [ "$PER_FILE" = 1 ]; then
    log "(c) seggraph import, one file per call"
    t0=$(now)
    for f in "${FILES[@]}"; do
        $TIME -v -o "$WORK/perfile.time" "$SEGGRAPH" import --store "$WORK/store-perfile" "$f" --json > /dev/null
        r=$(rss_kb "$WORK/perfile.time"); [ "$r" -gt "$PERFILE_RSS" ] && PERFILE_RSS=$r
    done
    PERFILE_S=$(echo "$(now) - $t0" | bc)
fi

log "(d) size on disk"
DATA_MDB=$(du -b "$WORK/store/data.mdb" | cut -f1)
CATALOG=$(du -b "$WORK/store/catalog.sqlite" | cut -f1)
DATA_MDB_ALLOC=$(du -B1 "$WORK/store/data.mdb" | cut -f1)

log "(e) window queries"
"$BENCH" window-queries --store "$WORK/store" --count "$QUERIES" --seed 1 > "$WORK/window.txt"
"$BENCH" window-queries --store "$WORK/store" --count "$QUERIES" --seed 1 --json > "$WORK/window.json"

BIG_BYTES=0 BIG_S=0 BIG_RSS=0 BIG_SEGMENTS=0
if [ "$BIG_MB" != 0 ]; then
    log "(f) large single document (~$BIG_MB MB)"
    python3 "$ROOT/benchmarks/make_big_document.py" --out "$WORK/big.json" --target-mb "$BIG_MB" "${FILES[@]}" > "$WORK/big-make.json"
    BIG_BYTES=$(stat -c %s "$WORK/big.json")
    cat "$WORK/big.json" > /dev/null
    t0=$(now)
    $TIME -v -o "$WORK/big.time" "$SEGGRAPH" import --store "$WORK/store-big" "$WORK/big.json" --json > "$WORK/big-import.json"
    BIG_S=$(echo "$(now) - $t0" | bc)
    BIG_RSS=$(rss_kb "$WORK/big.time")
    BIG_SEGMENTS=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["segments"])' "$WORK/big-make.json")
    rm -f "$WORK/big.json"
fi

export PARAMS BYTES PY_PARSE PY_RSS PY_LOOP PY_LOOP_RSS IMPORT_S IMPORT_RSS IMPORT_USER IMPORT_SYS PERFILE_S PERFILE_RSS \
       DATA_MDB DATA_MDB_ALLOC CATALOG BIG_MB BIG_BYTES BIG_S BIG_RSS BIG_SEGMENTS WORK DATA QUERIES
export NFILES=${#FILES[@]}
export MACHINE_CPU=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
export MACHINE_NPROC=$(nproc)
export MACHINE_MEM=$(free -g | awk '/Mem:/ {print $2 " GB total, " $7 " GB available"}')
export MACHINE_LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
export SWIFT_VERSION=$(swift --version 2>&1 | head -1)
export GIT_REV=$(cd "$ROOT" && git rev-parse --short HEAD)
python3 - <<'PY'
import json, os
e = os.environ
f = lambda k: float(e[k])
stats = json.load(open(e["WORK"] + "/stats.json"))
window = json.load(open(e["WORK"] + "/window.json"))
seg, box, size = stats["segments"], stats["boxes"], int(e["BYTES"])
imp = f("IMPORT_S")
mb = lambda b: b / 1e6
gib_kb = 1024 * 1024
def met(ok): return "met" if ok else "NOT met"
print("```")
print("command:  benchmarks/run_store_bench.sh   (CAMERAS/PEOPLE/HOURS/FPS/DIM/SEED/QUERIES/BIG_MB env)")
print(f"date:     {os.popen('date -u +%Y-%m-%dT%H:%M:%SZ').read().strip()}   git {e['GIT_REV']}   {e['SWIFT_VERSION']}")
print(f"machine:  {e['MACHINE_CPU']}, nproc {e['MACHINE_NPROC']}, {e['MACHINE_MEM']}, loadavg at end {e['MACHINE_LOAD']}")
print(f"data:     seggraph simulate {e['PARAMS']} -> {e['NFILES']} camera files, {size:,} bytes ({mb(size):.1f} MB)")
print(f"          {seg:,} segments, {box:,} boxes, {sum(s['vectors'] for s in stats['embedding_spaces'].values()) if isinstance(stats['embedding_spaces'], dict) else '?'} embeddings")
print("```")
print()
py = f("PY_PARSE")
print("| measure | figure | target | verdict |")
print("|---|---|---|---|")
print(f"| Python `json.load`, {e['NFILES']} files, parse only (in-process sum) | {py:.2f} s ({mb(size)/py:.1f} MB/s), peak RSS {int(e['PY_RSS'])/1024:.0f} MB | baseline | |")
print(f"| `python3 -c 'json.load(open(F))'` per file, incl. interpreter start | {f('PY_LOOP'):.2f} s, peak RSS {int(e['PY_LOOP_RSS'])/1024:.0f} MB | baseline | |")
print(f"| `seggraph import` all files, one call (wall) | {imp:.2f} s (user {e['IMPORT_USER']} s, sys {e['IMPORT_SYS']} s) | | |")
print(f"| import throughput | {seg/imp:,.0f} segments/s, {box/imp:,.0f} boxes/s, {mb(size)/imp:.1f} MB/s | | |")
print(f"| import time / json.load time | {imp/py:.2f}x | ≤ 1.0x | {met(imp <= py)}{'' if imp <= py else f' ({imp/py:.2f}x slower)'} |")
print(f"| import peak RSS | {int(e['IMPORT_RSS'])/1024:.0f} MB | < 1 GB | {met(int(e['IMPORT_RSS']) < gib_kb)} |")
if f("PERFILE_S") > 0:
    print(f"| `seggraph import` one file per call, {e['NFILES']} calls | {f('PERFILE_S'):.2f} s ({f('PERFILE_S')/imp:.2f}x the one-call time), max peak RSS {int(e['PERFILE_RSS'])/1024:.0f} MB | | |")
dm, cat = int(e["DATA_MDB"]), int(e["CATALOG"])
print(f"| size: data.mdb (du -b) | {dm:,} B = {mb(dm):.1f} MB ({dm/size:.2f}x the JSON); allocated {int(e['DATA_MDB_ALLOC'])/1e6:.1f} MB | | |")
print(f"| size: LMDB used pages (stats lmdb_used_bytes) | {stats['lmdb_used_bytes']:,} B = {mb(stats['lmdb_used_bytes']):.1f} MB | | |")
print(f"| size: catalog.sqlite | {cat:,} B = {mb(cat):.1f} MB | | |")
print(f"| size per segment / per box (data.mdb + catalog) | {(dm+cat)/seg:,.0f} B/segment, {(dm+cat)/box:.1f} B/box | | |")
for s in window["scenarios"]:
    print(f"| window query: {s['name']} (n={window['count']}) | p50 {s['p50_us']:.0f} µs, p90 {s['p90_us']:.0f}, p99 {s['p99_us']:.0f}, max {s['max_us']:.0f}; mean hits {s['mean_hits']:.1f} | p50 < 1 ms | {met(s['p50_us'] < 1000)} |")
if int(e["BIG_BYTES"]) > 0:
    bb, bs, br = int(e["BIG_BYTES"]), f("BIG_S"), int(e["BIG_RSS"])
    print(f"| single {mb(bb):.0f} MB document ({int(e['BIG_SEGMENTS']):,} segments) import | {bs:.2f} s ({mb(bb)/bs:.1f} MB/s), peak RSS {br/1024:.0f} MB | RSS < 1 GB | {met(br < gib_kb)} |")
print()
print("Window queries (table from seggraph-bench):")
print("```")
print(open(e["WORK"] + "/window.txt").read().rstrip())
print("```")
PY
