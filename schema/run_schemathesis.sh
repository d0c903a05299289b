#!/usr/bin/env bash
# Fuzzes `seggraph serve` against schema/openapi.yaml with schemathesis (fixed seed, bounded
# examples): no 5xx, every response conforms to the documented status, content type and
# schema. Usage: schema/run_schemathesis.sh SEGGRAPH_BINARY
set -euo pipefail
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")"
WORK=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
"$BIN" simulate --cameras 3 --people 20 --hours 0.2 --dim 16 --seed 5 --out "$WORK/site" >/dev/null
"$BIN" import --store "$WORK/store" "$WORK"/site/cam_*.json >/dev/null
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" serve --store "$WORK/store" --port "$PORT" >"$WORK/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/v1/health" >/dev/null 2>&1 && break; sleep 0.1; done
schemathesis run openapi.yaml --url "http://127.0.0.1:$PORT" --max-examples 40 --seed 7 --phases examples,fuzzing \
  --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
  --no-color 2>&1 | tail -6
