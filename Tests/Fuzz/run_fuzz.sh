#!/usr/bin/env bash
# Runs the libFuzzer importer target for SECONDS per input format, then the query-parameter
# target (seggraph-fuzz-queries, built beside it) for SECONDS; the importers are seeded with the real data in
# ../shared/data and every importer fixture (valid and invalid). A crash, an ASan report or a
# hang (over 10 s on one input) fails the run and leaves the input in $OUT/artifacts; turn it
# into a fixture under Tests/ImportersTests/Fixtures/…/errors with its expected message.
#   Tests/Fuzz/run_fuzz.sh FUZZ_BINARY SECONDS [OUT]
set -euo pipefail
BIN=$1 SECONDS_EACH=$2 OUT=${3:-/tmp/seggraph-fuzz}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA=${SEGGRAPH_SHARED_DATA:-$ROOT/../shared/data}
mkdir -p "$OUT/seeds" "$OUT/artifacts"
cp "$DATA"/segments/*.json "$DATA"/mot/*/gt.txt "$OUT/seeds/" 2>/dev/null || true
find "$ROOT/Tests/ImportersTests/Fixtures" -type f ! -name '*.expected.txt' ! -name '*.ini' -size -64k \
    -exec sh -c 'cp "$1" "$2/$(echo "$1" | md5sum | cut -c1-12)-$(basename "$1")"' _ {} "$OUT/seeds" \;
# Leaks are not checked: FoundationXML leaks a CFError per libxml2 error (not this code's).
export ASAN_OPTIONS=detect_leaks=0
total=0
for format in document array jsonl mot cvat coco-vid ultralytics; do
    mkdir -p "$OUT/corpus-$format"
    log="$OUT/$format.log"
    if ! FUZZ_FORMAT=$format "$BIN" -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
        -artifact_prefix="$OUT/artifacts/$format-" "$OUT/corpus-$format" "$OUT/seeds" >"$log" 2>&1; then
        echo "fuzz: $format FAILED; see $log and $OUT/artifacts" >&2
        grep -E "ERROR|Fatal|panic" "$log" | head -5 >&2
        exit 1
    fi
    runs=$(grep -oE "Done [0-9]+ runs" "$log" | grep -oE "[0-9]+" || echo 0)
    total=$((total + runs))
    echo "fuzz: $format: $runs inputs in ${SECONDS_EACH}s, no crash ($(grep -oE 'cov: [0-9]+' "$log" | tail -1))"
done
# What people type: windows, --where, --then, --with, --zone (seggraph-fuzz-queries, beside BIN).
QUERIES="$(dirname "$BIN")/seggraph-fuzz-queries"
mkdir -p "$OUT/corpus-queries"
if ! "$QUERIES" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=4096 -artifact_prefix="$OUT/artifacts/queries-" \
    "$OUT/corpus-queries" "$ROOT/Tests/Fuzz/query-seeds" >"$OUT/queries.log" 2>&1; then
    echo "fuzz: queries FAILED; see $OUT/queries.log and $OUT/artifacts" >&2
    grep -E "ERROR|Fatal|panic" "$OUT/queries.log" | head -5 >&2
    exit 1
fi
runs=$(grep -oE "Done [0-9]+ runs" "$OUT/queries.log" | grep -oE "[0-9]+" || echo 0)
echo "fuzz: queries: $runs inputs in ${SECONDS_EACH}s, no crash ($(grep -oE 'cov: [0-9]+' "$OUT/queries.log" | tail -1))"
echo "fuzz: $((total + runs)) inputs over 7 formats and the query parameters, no crash"
