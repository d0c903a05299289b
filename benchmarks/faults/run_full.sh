#!/usr/bin/env bash
# Fault injection: the store runs out of room at every moment of an import — a full disk (a
# small tmpfs) and a full map (`MDB_MAP_FULL` at the SEGGRAPH_MAP_MAX cap) — for the first
# import into a new store and for a later import into a store that has data.
#
#   benchmarks/faults/run_full.sh SEGGRAPH [STEPS] [WORKDIR]
#
# For each of the four (fault, scenario) pairs the room is swept in STEPS even steps from what
# the store holds before the import to what it needs after (measured first), so the room runs
# out while the store is created, while segments are written, at the commit, while the SQL
# catalog follows, and not at all. After every run:
#   - exit 0 and the file wholly stored, or exit ≠ 0 with exactly one `seggraph: ` line on
#     stderr that names the file (or the store, when it could not even be created), and
#     nothing of the file stored;
#   - with the room given back (tmpfs remounted larger, the cap lifted): `check` passes, the
#     segment count is the one before, and the same import then succeeds (issue 13 item 7: a
#     store that never opened again after its first import ran out of room).
# The disk half needs root (mount -t tmpfs); without it that half is skipped and said so.
# Prints a Markdown table and each distinct refusal; exits 1 on the first violation, leaving
# WORKDIR (and its mount) to inspect.
set -euo pipefail
BIN=$1 STEPS=${2:-20} WORK=${3:-/tmp/seggraph-full}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
MOUNT="$WORK/mnt"
if mountpoint -q "$MOUNT" 2>/dev/null; then umount "$MOUNT"; fi
rm -rf "$WORK" && mkdir -p "$WORK" "$MOUNT"
"$BIN" simulate --cameras 3 --people 40 --hours 0.4 --seed 5 --out "$WORK/site" >/dev/null
BASE="$WORK/base"
"$BIN" import --store "$BASE" "$WORK/site/cam_00.json" "$WORK/site/cam_01.json" >/dev/null
FILE="$WORK/site/cam_02.json"
segments() { "$BIN" stats --store "$1" --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["segments"])'; }
kib() { du -sk "$1" | cut -f1; }
fail() { echo "VIOLATION: $*" >&2; exit 1; }
BASE_SEGMENTS=$(segments "$BASE")
# What the import needs: the store's size after it, from an unconstrained run of each scenario.
cp -a "$BASE" "$WORK/sized-later"; "$BIN" import --store "$WORK/sized-later" "$FILE" >/dev/null
"$BIN" import --store "$WORK/sized-first" "$FILE" >/dev/null
FILE_SEGMENTS=$(segments "$WORK/sized-first")

DISK=yes
if ! mount -t tmpfs -o size=1m tmpfs "$MOUNT" 2>/dev/null; then DISK=no; else umount "$MOUNT"; fi

declare -A RUNS REFUSED HELD CATALOG_BEHIND
declare -A MESSAGES
# one FAULT SCENARIO ROOM_KIB: a single run; prints nothing, fails on a violation.
one() {
    local fault=$1 scenario=$2 room=$3 store before status
    store="$WORK/store"
    [ "$fault" = disk ] && store="$MOUNT/store"
    if [ "$fault" = disk ]; then
        mount -t tmpfs -o "size=${room}k" tmpfs "$MOUNT"
    fi
    rm -rf "$store"
    before=0
    if [ "$scenario" = later ]; then
        if ! cp -a "$BASE" "$store" 2>/dev/null; then
            # The base itself does not fit this room: nothing to test at this step.
            [ "$fault" = disk ] && umount "$MOUNT"
            return 0
        fi
        before=$BASE_SEGMENTS
    fi
    local cap=()
    [ "$fault" = map ] && cap=(env "SEGGRAPH_MAP_MAX=${room}K")
    set +e
    "${cap[@]}" "$BIN" import --store "$store" "$FILE" >"$WORK/out.txt" 2>"$WORK/err.txt"
    status=$?
    set -e
    local key="$fault $scenario"
    RUNS[$key]=$(( ${RUNS[$key]:-0} + 1 ))
    # Room back: the disk grows to 64 MiB, the cap goes away.
    [ "$fault" = disk ] && mount -o remount,size=64m "$MOUNT"
    if [ "$status" = 0 ]; then
        # Stored in LMDB, but the SQL catalog (derived) could not follow: exit 0 and one line saying so.
        if [ -s "$WORK/err.txt" ]; then
            [ "$(wc -l <"$WORK/err.txt")" = 1 ] && grep -q "stored; the SQL catalog could not follow" "$WORK/err.txt" \
                || fail "$key room ${room}K: exit 0 with stderr: $(head -3 "$WORK/err.txt")"
            CATALOG_BEHIND[$key]=$(( ${CATALOG_BEHIND[$key]:-0} + 1 ))
            MESSAGES["$(sed -e "s|$WORK|WORK|g" -e 's/[0-9][0-9]*/N/g' "$WORK/err.txt")"]=1
        fi
        "$BIN" check --store "$store" >"$WORK/check.txt" 2>&1 || fail "$key room ${room}K: check fails after exit 0: $(head -2 "$WORK/check.txt")"
        [ "$(segments "$store")" = $((before + FILE_SEGMENTS)) ] || fail "$key room ${room}K: exit 0 but not every segment stored"
    else
        REFUSED[$key]=$(( ${REFUSED[$key]:-0} + 1 ))
        [ "$(wc -l <"$WORK/err.txt")" = 1 ] || fail "$key room ${room}K: exit $status with $(wc -l <"$WORK/err.txt") stderr lines: $(cat "$WORK/err.txt")"
        grep -q -e "^seggraph: .*cam_02.json" -e "^seggraph: $store: cannot create the store" "$WORK/err.txt" \
            || fail "$key room ${room}K: the error names neither the file nor the store: $(cat "$WORK/err.txt")"
        # Numbers (sizes, paths of the run) vary; the message's shape is what is collected.
        MESSAGES["$(sed -e "s|$WORK|WORK|g" -e 's/[0-9][0-9]*/N/g' "$WORK/err.txt")"]=1
        if [ -e "$store/data.mdb" ]; then
            "$BIN" check --store "$store" >"$WORK/check.txt" 2>&1 || fail "$key room ${room}K: check fails after the refusal: $(head -2 "$WORK/check.txt")"
            [ "$(segments "$store")" = "$before" ] || fail "$key room ${room}K: refused but the segment count changed"
        else
            [ "$scenario" = first ] || fail "$key room ${room}K: the store that was there is gone"
        fi
        "$BIN" import --store "$store" "$FILE" >/dev/null 2>"$WORK/err2.txt" || fail "$key room ${room}K: with room again, the import still fails: $(cat "$WORK/err2.txt")"
        "$BIN" check --store "$store" >/dev/null 2>&1 || fail "$key room ${room}K: check fails after the second import"
        [ "$(segments "$store")" = $((before + FILE_SEGMENTS)) ] || fail "$key room ${room}K: the second import stored a different count"
    fi
    HELD[$key]=$(( ${HELD[$key]:-0} + 1 ))
    [ "$fault" = disk ] && umount "$MOUNT"
    return 0
}

for fault in map disk; do
    [ "$fault" = disk ] && [ "$DISK" = no ] && { echo "run_full.sh: cannot mount a tmpfs (not root?): the full-disk half is skipped" >&2; continue; }
    for scenario in first later; do
        low=0
        [ "$scenario" = later ] && low=$(kib "$BASE")
        high=$(( $(kib "$WORK/sized-$scenario") + 256 ))
        # The map cap has a floor of 64 KiB; the tmpfs takes any size.
        [ "$fault" = map ] && [ "$low" -lt 64 ] && low=64
        [ "$low" -lt 16 ] && low=16
        for step in $(seq 0 "$STEPS"); do
            one "$fault" "$scenario" $(( low + (high - low) * step / STEPS ))
        done
    done
done

echo "| fault | scenario | runs | refused (room ran out) | stored, catalog behind (exit 0) | held (check, all-or-nothing, re-import) |"
echo "|---|---|---:|---:|---:|---:|"
for key in "map first" "map later" "disk first" "disk later"; do
    [ -n "${RUNS[$key]:-}" ] || continue
    set -- $key
    echo "| $1 | $2 | ${RUNS[$key]} | ${REFUSED[$key]:-0} | ${CATALOG_BEHIND[$key]:-0} | ${HELD[$key]} |"
done
echo
echo "Refusals seen (numbers as N):"
for message in "${!MESSAGES[@]}"; do echo "- \`$message\`"; done | sort
