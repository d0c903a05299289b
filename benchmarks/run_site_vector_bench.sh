#!/usr/bin/env bash
# Vectors on the benchmark site (issues 5, 14): the store's persisted HNSW (Store.similar,
# read in place from LMDB) on floats and on int8 codes (a copy of the store, quantized with
# `seggraph config quantize int8`) against hnswlib and usearch (f32, f16, i8; in memory) on the
# same 512-d embeddings, one thread each. Prints a markdown block for RESULTS.md.
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
        (cd "$ROOT" && swift build -c release --scratch-path "$ROOT/.build-bench" --product seggraph-bench >&2 \
            && swift build -c release --scratch-path "$ROOT/.build-bench" --product seggraph >&2) && break
        [ "$try" = "$BUILD_TRIES" ] && { log "build failed $BUILD_TRIES times"; exit 1; }
        sleep 60
    done
fi
BENCH="$(cd "$ROOT" && swift build -c release --scratch-path "$ROOT/.build-bench" --show-bin-path)/seggraph-bench"
SEGGRAPH="$(dirname "$BENCH")/seggraph"
python3 -c 'import hnswlib' 2>/dev/null || { log "pip install hnswlib"; python3 -m pip install -q hnswlib >&2; }
python3 -c 'import usearch' 2>/dev/null || { log "pip install usearch"; python3 -m pip install -q usearch >&2; }

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

log "int8 codes: a copy of the store, quantized"
cp -r "$STORE" "$WORK/store-int8"
"$SEGGRAPH" config quantize int8 --store "$WORK/store-int8" > "$WORK/quantize.txt"
cat "$WORK/quantize.txt" >&2
"$BENCH" vector-queries --store "$WORK/store-int8" --queries "$WORK/queries.npy" --truth "$WORK/truth.npy" \
    --k "$K" --ef "$EFS" --json > "$WORK/store-int8.json"
rm -rf "$WORK/store-int8"

log "usearch f32, f16, i8"
python3 "$ROOT/benchmarks/peers/usearch_site.py" --vectors "$WORK/vectors.npy" --ids "$WORK/ids.npy" \
    --queries "$WORK/queries.npy" --truth "$WORK/truth.npy" --k "$K" --ef "$EFS" > "$WORK/usearch.json"

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
int8 = {r["ef"]: r for r in json.load(open(f"{w}/store-int8.json"))}
usearch = json.load(open(f"{w}/usearch.json"))
quantize = open(f"{w}/quantize.txt").read().strip()
runs = {r["ef_construction"]: r for r in peer["runs"]}
e64, e200 = runs.get(64), runs.get(200)
print(f"Date {os.environ['DATE']}, git {os.environ['GIT_REV']}, {os.environ['SWIFT_VERSION']}.")
print(f"Machine: {os.environ['MACHINE_NPROC']} cores, {os.environ['MACHINE_CPU']}, {os.environ['MACHINE_MEM']}; load average before the run {os.environ['MACHINE_LOAD']}.")
print(f"Data: {os.environ['STORE']} — {os.environ['DUMP']}. {peer['queries']} queries = stored vectors (seed 1) + Gaussian noise of norm {peer['noise']}×‖v‖, normalised; exact cosine top-{peer['k']} by numpy (the perturbed source vector is the exact top-1 for {peer['query_source_is_top1']:.1%} of queries).")
print(f"hnswlib {peer['hnswlib']} M=16, build one thread: efConstruction 64 {e64['build_s']:.1f} s, 200 {e200['build_s']:.1f} s.\n")
print("| ef | store QPS | store p50 µs | store recall@10 | store int8 QPS | int8 recall@10 | hnswlib QPS (efC 64) | hnswlib p50 µs | hnswlib recall@10 | store/hnswlib QPS | int8/hnswlib QPS | hnswlib recall@10 (efC 200) |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for row in e64["rows"]:
    ef = row["ef"]; s = store[ef]; q = int8[ef]
    r200 = next(r for r in e200["rows"] if r["ef"] == ef)
    print(f"| {ef} | {s['qps']:.0f} | {s['p50_us']:.0f} | {s['recall']:.4f} | {q['qps']:.0f} | {q['recall']:.4f} | {row['qps']:.0f} | {row['p50_us']:.0f} | {row['recall']:.4f} | {s['qps']/row['qps']:.2f}× | {q['qps']/row['qps']:.2f}× | {r200['recall']:.4f} |")
print(f"\nStore int8: `{quantize}`.")
print(f"\nusearch {usearch['usearch']} (connectivity 16, expansion_add 64, 'cos', one thread; no re-ranking):\n")
print("| scalar | memory per vector (index) | build s | " + " | ".join(f"ef {r['ef']} QPS / recall" for r in usearch["runs"][0]["rows"]) + " |")
print("|---|---:|---:|" + "---:|" * len(usearch["runs"][0]["rows"]))
for run in usearch["runs"]:
    cells = " | ".join(f"{r['qps']:.0f} / {r['recall']:.4f}" for r in run["rows"])
    print(f"| {run['dtype']} | {run['memory_per_vector']:.0f} B | {run['build_s']:.1f} | {cells} |")
print("\nStore methods per ef: " + "; ".join(f"{ef}: {store[ef]['methods']}" for ef in sorted(store)))
PY
