#!/usr/bin/env bash
# Vectors on the benchmark site (issue 5): the store's persisted HNSW (Store.similar, nodes
# read from LMDB) against hnswlib (in memory) on the same 512-d embeddings, one thread each.
# Prints a markdown block for RESULTS.md.
#
# Usage: benchmarks/run_site_vector_bench.sh
# Environment:
#   STORE=/tmp/seggraph-graph-work/store   store built from the site (opened read-only)
#   WORK=/tmp/seggraph-vector-work          dumped vectors, queries, truth, JSON (recreated)
#   QUERIES=1000 NOISE=0.05 K=10 EFS=16,32,64,96,128,256
#   BUILD=1 BUILD_TRIES=5                   build first (retrying a minute apart); BUILD=0 uses the last build
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
STORE=${STORE:-/tmp/seggraph-graph-work/store}
WORK=${WORK:-/tmp/seggraph-vector-work}
QUERIES=${QUERIES:-1000} NOISE=${NOISE:-0.05} K=${K:-10} EFS=${EFS:-16,32,64,96,128,256}
BUILD=${BUILD:-1} BUILD_TRIES=${BUILD_TRIES:-5}
log() { echo "[vector-bench] $*" >&2; }

if [ "$BUILD" = 1 ]; then
    for try in $(seq 1 "$BUILD_TRIES"); do
        log "building release seggraph-bench (scratch path $ROOT/.build-bench), try $try"
        (cd "$ROOT" && swift build -c release --scratch-path "$ROOT/.build-bench" --product seggraph-bench >&2) && break
        [ "$try" = "$BUILD_TRIES" ] && { log "build failed $BUILD_TRIES times"; exit 1; }
        sleep 60
    done
fi
BENCH="$(cd "$ROOT" && swift build -c release --scratch-path "$ROOT/.build-bench" --show-bin-path)/seggraph-bench"
python3 -c 'import hnswlib' 2>/dev/null || { log "pip install hnswlib"; python3 -m pip install -q hnswlib >&2; }

rm -rf "$WORK"; mkdir -p "$WORK"
log "dump-vectors from $STORE"
"$BENCH" dump-vectors --store "$STORE" --out "$WORK/vectors.npy" --ids "$WORK/ids.npy" > "$WORK/dump.txt"
cat "$WORK/dump.txt" >&2

log "queries, exact truth, hnswlib (M=16, efConstruction 64 and 200)"
python3 "$ROOT/benchmarks/peers/site_vectors.py" --vectors "$WORK/vectors.npy" --ids "$WORK/ids.npy" \
    --queries-out "$WORK/queries.npy" --truth-out "$WORK/truth.npy" --count "$QUERIES" --noise "$NOISE" \
    --k "$K" --ef "$EFS" > "$WORK/hnswlib.json"

log "store vector-queries"
"$BENCH" vector-queries --store "$STORE" --queries "$WORK/queries.npy" --truth "$WORK/truth.npy" \
    --k "$K" --ef "$EFS" --json > "$WORK/store.json"

export WORK STORE
export MACHINE_CPU=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
export MACHINE_NPROC=$(nproc)
export MACHINE_MEM=$(free -g | awk '/Mem:/ {print $2 " GB total, " $7 " GB available"}')
export MACHINE_LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
export SWIFT_VERSION=$(swift --version 2>&1 | head -1)
export GIT_REV=$(cd "$ROOT" && git rev-parse --short HEAD)
export DATE=$(date -u +%Y-%m-%dT%H:%MZ)
export DUMP=$(cat "$WORK/dump.txt")
python3 - <<'PY'
import json, os
w = os.environ["WORK"]
peer = json.load(open(f"{w}/hnswlib.json"))
store = {r["ef"]: r for r in json.load(open(f"{w}/store.json"))}
runs = {r["ef_construction"]: r for r in peer["runs"]}
e64, e200 = runs.get(64), runs.get(200)
print(f"Date {os.environ['DATE']}, git {os.environ['GIT_REV']}, {os.environ['SWIFT_VERSION']}.")
print(f"Machine: {os.environ['MACHINE_NPROC']} cores, {os.environ['MACHINE_CPU']}, {os.environ['MACHINE_MEM']}; load average before the run {os.environ['MACHINE_LOAD']}.")
print(f"Data: {os.environ['STORE']} — {os.environ['DUMP']}. {peer['queries']} queries = stored vectors (seed 1) + Gaussian noise of norm {peer['noise']}×‖v‖, normalised; exact cosine top-{peer['k']} by numpy (the perturbed source vector is the exact top-1 for {peer['query_source_is_top1']:.1%} of queries).")
print(f"hnswlib {peer['hnswlib']} M=16, build one thread: efConstruction 64 {e64['build_s']:.1f} s, 200 {e200['build_s']:.1f} s.\n")
print("| ef | store QPS | store p50 µs | store recall@10 | hnswlib QPS (efC 64) | hnswlib p50 µs | hnswlib recall@10 | hnswlib/store QPS | hnswlib recall@10 (efC 200) |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for row in e64["rows"]:
    ef = row["ef"]; s = store[ef]
    r200 = next(r for r in e200["rows"] if r["ef"] == ef)
    print(f"| {ef} | {s['qps']:.0f} | {s['p50_us']:.0f} | {s['recall']:.4f} | {row['qps']:.0f} | {row['p50_us']:.0f} | {row['recall']:.4f} | {row['qps']/s['qps']:.1f}× | {r200['recall']:.4f} |")
print("\nStore methods per ef: " + "; ".join(f"{ef}: {store[ef]['methods']}" for ef in sorted(store)))
PY
