#!/usr/bin/env bash
# Peer benchmark: SegGraph VectorIndex vs hnswlib, same vectors, M = 16, efConstruction = 200,
# one thread, cosine, k = 10, ef in {10, 20, 40, 80, 160}.
#
# Usage: benchmarks/peers/run_vector_bench.sh [DIM ...]          (default: 128 512)
# Environment:
#   SWIFT_PACKAGE  package with the vector-bench executable (default: this repository)
#   DATA_DIR       where the .npy data and JSON results go (default: /tmp/seggraph-vector-bench)
#   LIMIT          use only the first LIMIT base vectors (ground truth is recomputed)
#   N              base vectors generated per dimension (default: 100000)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
swift_package="${SWIFT_PACKAGE:-$(cd "$here/../.." && pwd)}"
data_dir="${DATA_DIR:-/tmp/seggraph-vector-bench}"
limit="${LIMIT:-0}"
n="${N:-100000}"
dims=("$@")
[ ${#dims[@]} -eq 0 ] && dims=(128 512)
mkdir -p "$data_dir"

python3 -c "import hnswlib, numpy" 2>/dev/null || python3 -m pip install --quiet hnswlib numpy
swift build -c release --package-path "$swift_package" --product vector-bench >&2
bench="$(swift build -c release --package-path "$swift_package" --show-bin-path)/vector-bench"

echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" >&2
for dim in "${dims[@]}"; do
    prefix="$data_dir/clustered-${n}x${dim}"
    [ -f "$prefix-truth.npy" ] || python3 "$here/hnswlib_bench.py" generate --n "$n" --dim "$dim" --out "$data_dir" >&2
    tag="${n}x${dim}"; [ "$limit" != 0 ] && tag="${tag}-limit${limit}"
    echo "== $tag: hnswlib" >&2
    python3 "$here/hnswlib_bench.py" bench --prefix "$prefix" --limit "$limit" > "$data_dir/hnswlib-$tag.json"
    echo "== $tag: SegGraph" >&2
    "$bench" --prefix "$prefix" --limit "$limit" > "$data_dir/seggraph-$tag.json"
    python3 "$here/hnswlib_bench.py" table --peer "$data_dir/hnswlib-$tag.json" --ours "$data_dir/seggraph-$tag.json"
done
