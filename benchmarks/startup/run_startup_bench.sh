#!/usr/bin/env bash
# Start-up cost of a CLI query (issue 9): `seggraph --help` and `seggraph stats` against
# `sqlite3 STORE/catalog.sqlite 'select 1'`, side by side in one hyperfine run.
# Usage: benchmarks/startup/run_startup_bench.sh [SEGGRAPH_BINARY ...]
# Default binary: a release build with the Swift runtime linked statically (`make release`).
# Needs hyperfine (apt-get install hyperfine).
set -euo pipefail
cd "$(dirname "$0")/../.."
binaries=("$@")
[ ${#binaries[@]} -eq 0 ] && binaries=(.build/release/seggraph)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The demo's site: 6 cameras, 60 people, 30 min, 815 segments.
"${binaries[0]}" simulate --cameras 6 --people 60 --hours 0.5 --fps 5 --dim 64 --seed 7 --out "$work/site" >/dev/null
"${binaries[0]}" import --store "$work/store" "$work"/site/cam_*.json >/dev/null
commands=("sqlite3 $work/store/catalog.sqlite 'select 1'")
for binary in "${binaries[@]}"; do
  commands+=("$binary --help" "$binary stats --store $work/store")
done
hyperfine -N --style none --warmup 10 --runs 50 --export-markdown "$work/result.md" "${commands[@]}" >/dev/null
sed "s|$work|STORE|g" "$work/result.md"
