#!/usr/bin/env bash
# Soak: `seggraph serve` under constant wrk load for MINUTES while another process keeps
# importing (and re-importing with --replace) other cameras of the same store. Checks that no
# request fails (non-2xx or socket errors) and samples the server's RSS every 10 s, so a leak
# shows as growth. The requests ask only about cameras the writer never replaces, so a 404 is
# a real failure, not a segment that was just replaced.
#
#   benchmarks/server/run_soak.sh SEGGRAPH [MINUTES] [WORKDIR]
#
# Prints a Markdown summary; exits 1 when a request failed or an import failed.
set -euo pipefail
BIN=$1 MINUTES=${2:-5} WORK=${3:-/tmp/seggraph-soak}
HERE=$(cd "$(dirname "$0")" && pwd)
PORT=${PORT:-18280}
rm -rf "$WORK" && mkdir -p "$WORK"
"$BIN" simulate --cameras 8 --people 400 --hours 1 --fps 5 --dim 128 --seed 3 --out "$WORK/site" >/dev/null
# A second version of cameras 4-7 (every tenth segment dropped): the writer alternates the two
# under one path, so every --replace really changes the store (an unchanged file is skipped by
# its digest).
mkdir -p "$WORK/live" "$WORK/site-b"
for cam in 4 5 6 7; do
    python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); d["segments"] = [s for i, s in enumerate(d["segments"]) if i % 10]; json.dump(d, open(sys.argv[2], "w"))' \
        "$WORK/site/cam_0$cam.json" "$WORK/site-b/cam_0$cam.json"
done
STORE="$WORK/store"
"$BIN" init --store "$STORE" >/dev/null
"$BIN" import --store "$STORE" "$WORK/site"/cam_0{0,1,2,3}.json >/dev/null

# Requests: show and trace of person segments of cameras 0-3, cycled.
"$BIN" segments --store "$STORE" --label person --limit 100000 --json 2>/dev/null | python3 -c '
import json, sys, urllib.parse
rows = json.load(sys.stdin)[::20]
q = lambda s: urllib.parse.quote(s, safe="")
with open(sys.argv[1], "w") as f:
    for r in rows:
        f.write("/v1/segments/" + q(r["segment"]) + "\n")
        f.write("/v1/trace?segment=" + q(r["segment"]) + "\n")
        f.write("/v1/segments/" + q(r["segment"]) + "/neighbors?hops=2\n")
    f.write("/v1/stats\n")
' "$WORK/paths"

"$BIN" serve --store "$STORE" --port "$PORT" >"$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER $WRITER 2>/dev/null || true' EXIT
for _ in $(seq 200); do curl -sf "http://127.0.0.1:$PORT/v1/health" >/dev/null && break; sleep 0.05; done

# The writer: cameras 4-7 imported, then replaced one after another until the time is up.
END=$(( $(date +%s) + MINUTES * 60 ))
(
    imports=0 failures=0 round=0
    cp "$WORK/site"/cam_0{4,5,6,7}.json "$WORK/live/"
    "$BIN" import --store "$STORE" "$WORK/live"/cam_0{4,5,6,7}.json >/dev/null 2>>"$WORK/writer.err" || failures=$((failures + 1))
    imports=4
    while [ "$(date +%s)" -lt "$END" ]; do
        round=$((round + 1))
        version=$([ $((round % 2)) = 1 ] && echo site-b || echo site)
        for cam in 4 5 6 7; do
            cp "$WORK/$version/cam_0$cam.json" "$WORK/live/cam_0$cam.json"
            "$BIN" import --store "$STORE" --replace "$WORK/live/cam_0$cam.json" >/dev/null 2>>"$WORK/writer.err" \
                || failures=$((failures + 1))
            imports=$((imports + 1))
        done
    done
    echo "$imports $failures" >"$WORK/writer.result"
) &
WRITER=$!

( while kill -0 $SERVER 2>/dev/null; do
      echo "$(date +%s) $(awk '/VmRSS|RssAnon/ {printf "%s ", $2}' /proc/$SERVER/status)"; sleep 10
  done ) >"$WORK/rss.log" &
SAMPLER=$!

PATHS_FILE="$WORK/paths" wrk -t2 -c8 -d"$((MINUTES * 60))s" --latency -s "$HERE/rotate.lua" \
    "http://127.0.0.1:$PORT" >"$WORK/wrk.txt"
wait $WRITER || true
kill $SAMPLER 2>/dev/null || true
"$BIN" check --store "$STORE" >"$WORK/check.txt" 2>&1 && CHECK=passed || CHECK="FAILED ($(head -1 "$WORK/check.txt"))"

python3 - "$WORK" "$MINUTES" "$CHECK" <<'PY'
import re, sys
work, minutes, check = sys.argv[1], sys.argv[2], sys.argv[3]
wrk = open(work + "/wrk.txt").read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", wrk).group(1))
total = int(re.search(r"(\d+) requests in", wrk).group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", wrk)
sock = re.search(r"Socket errors: (.*)", wrk)
lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", wrk, re.M))
imports, failures = open(work + "/writer.result").read().split()
samples = [line.split() for line in open(work + "/rss.log") if len(line.split()) == 3]
rss = [int(s[1]) for s in samples]
anon = [int(s[2]) for s in samples]  # heap and stacks; VmRSS also counts the store's mapped pages
first, last, peak = rss[0], rss[-1], max(rss)
# Growth over the second half: the first half includes warm-up (page cache, caches).
half = anon[len(anon) // 2:]
print(f"| soak minutes | {minutes} |")
print(f"| requests | {total:,} ({rps:,.0f}/s, p50 {lat.get('50')}, p99 {lat.get('99')}) |")
print(f"| non-2xx / socket errors | {bad.group(1) if bad else 0} / {sock.group(1) if sock else 'none'} |")
print(f"| imports by the writer (failed) | {imports} ({failures}) |")
print(f"| server RSS incl. mapped store first / last / peak (MB) | {first/1024:.1f} / {last/1024:.1f} / {peak/1024:.1f} |")
print(f"| server anonymous RSS first / last / peak (MB) | {anon[0]/1024:.1f} / {anon[-1]/1024:.1f} / {max(anon)/1024:.1f} |")
print(f"| anonymous RSS over the second half min / max (MB) | {min(half)/1024:.1f} / {max(half)/1024:.1f} |")
print(f"| check after the soak | {check} |")
ok = not bad and not sock and failures == "0" and check == "passed"
sys.exit(0 if ok else 1)
PY
