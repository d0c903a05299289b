#!/usr/bin/env bash
# Fault injection: SIGKILL at random moments of `import`, `relink`, `backup` and `reindex`,
# KILLS times each, and after every kill: `check` passes, and the interrupted work is all or
# nothing — each file of the import is wholly stored or absent; the relink's edges are the old
# set or the new one; the backup directory is absent or a complete store that passes `check`
# with the original's segment count; after a killed reindex, SQL filters see every segment.
#
#   [OPS="import reindex"] benchmarks/faults/run_kills.sh SEGGRAPH [KILLS] [WORKDIR]
#
# The moment of each kill is drawn uniformly from 0 to 1.2 × the operation's unkilled duration
# (measured first), so some kills land after the end (the operation then finished: also
# checked). Prints a Markdown table; exits 1 on the first violation, leaving WORKDIR to inspect.
set -euo pipefail
BIN=$1 KILLS=${2:-50} WORK=${3:-/tmp/seggraph-kills}
rm -rf "$WORK" && mkdir -p "$WORK"
"$BIN" simulate --cameras 6 --people 150 --hours 0.5 --fps 5 --dim 64 --seed 11 --out "$WORK/site" >/dev/null
BASE="$WORK/base"
"$BIN" import --store "$BASE" "$WORK/site"/cam_0{0,1,2}.json >/dev/null
FILES=("$WORK/site"/cam_0{3,4,5}.json)
declare -A EXPECTED
for f in "${FILES[@]}"; do
    EXPECTED[$(basename "$f" .json)]=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["segments"]))' "$f")
done
BASE_SEGMENTS=$("$BIN" stats --store "$BASE" --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["segments"])')
edges() { "$BIN" stats --store "$1" --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["edges"])'; }

fail() { echo "VIOLATION: $*" >&2; exit 1; }
fresh() { rm -rf "$WORK/store" "$WORK/backup"; cp -a "$BASE" "$WORK/store"; }
seconds() { python3 -c 'import sys, time; print(time.time())'; }

# command_for OP: the operation's command line against $WORK/store.
command_for() {
    case $1 in
        import) echo "$BIN import --store $WORK/store ${FILES[*]}" ;;
        relink) echo "$BIN relink --store $WORK/store" ;;
        backup) echo "$BIN backup --store $WORK/store $WORK/backup" ;;
        reindex) echo "$BIN reindex --store $WORK/store" ;;
    esac
}

# verify OP: the store (and the backup) after a kill.
verify() {
    local op=$1
    "$BIN" check --store "$WORK/store" >"$WORK/check.txt" 2>&1 || fail "$op: check failed: $(head -2 "$WORK/check.txt")"
    case $op in
        import)
            for f in "${FILES[@]}"; do
                local name count
                name=$(basename "$f" .json)
                count=$("$BIN" sources --store "$WORK/store" --json | python3 -c 'import json, sys; print({s["source"]: s["segments"] for s in json.load(sys.stdin)}.get(sys.argv[1], 0))' "$name")
                [ "$count" = 0 ] || [ "$count" = "${EXPECTED[$name]}" ] || fail "import: $name has $count of ${EXPECTED[$name]} segments"
            done ;;
        relink)
            local now
            now=$(edges "$WORK/store")
            [ "$now" = "$RELINK_BEFORE" ] || [ "$now" = "$RELINK_AFTER" ] || fail "relink: $now edges (before $RELINK_BEFORE, after $RELINK_AFTER)" ;;
        backup)
            if [ -e "$WORK/backup/data.mdb" ]; then
                "$BIN" check --store "$WORK/backup" >/dev/null 2>&1 || fail "backup: a backup directory that fails check"
                local copied
                copied=$("$BIN" stats --store "$WORK/backup" --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["segments"])')
                [ "$copied" = "$BASE_SEGMENTS" ] || fail "backup: the copy has $copied of $BASE_SEGMENTS segments"
            fi ;;
        reindex)
            # The catalog is derived: whatever the kill left, the next command answers SQL
            # filters over every segment (the catalog is synced or rebuilt on a writable open).
            local rows
            rows=$("$BIN" segments --store "$WORK/store" --where "start_ns > 0" --limit 1000000 --csv | tail -n +2 | wc -l)
            [ "$rows" = "$BASE_SEGMENTS" ] || fail "reindex: --where sees $rows of $BASE_SEGMENTS segments" ;;
    esac
}

# The relink's two acceptable edge counts: the store's before, and after a finished relink
# with a changed setting (so the relink really rewrites edges).
fresh
"$BIN" config set --store "$WORK/store" nextGapSecondsMax 1 >/dev/null
RELINK_BEFORE=$(edges "$WORK/store")
cp -a "$WORK/store" "$WORK/relink-base"
"$BIN" relink --store "$WORK/store" >/dev/null
RELINK_AFTER=$(edges "$WORK/store")
[ "$RELINK_BEFORE" != "$RELINK_AFTER" ] || fail "the relink changes no edge; pick another setting"

echo "| operation | unkilled duration (s) | kills | finished before the kill | check passed | all-or-nothing held |"
echo "|---|---:|---:|---:|---:|---:|"
for op in ${OPS:-import relink backup reindex}; do
    fresh
    [ $op = relink ] && { rm -rf "$WORK/store"; cp -a "$WORK/relink-base" "$WORK/store"; }
    start=$(seconds); $(command_for $op) >/dev/null 2>&1; end=$(seconds)
    duration=$(python3 -c "print(round($end - $start, 3))")
    finished=0
    for i in $(seq "$KILLS"); do
        fresh
        [ $op = relink ] && { rm -rf "$WORK/store"; cp -a "$WORK/relink-base" "$WORK/store"; }
        delay=$(python3 -c "import random; print(random.uniform(0, 1.2 * $duration))")
        $(command_for $op) >/dev/null 2>&1 &
        pid=$!
        sleep "$delay"
        if kill -9 $pid 2>/dev/null; then wait $pid 2>/dev/null || true; else wait $pid 2>/dev/null || true; finished=$((finished + 1)); fi
        verify $op
    done
    echo "| $op | $duration | $KILLS | $finished | $KILLS | $KILLS |"
done
