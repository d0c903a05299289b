#!/usr/bin/env bash
# Records the output of every query command (table, --json, some --csv) and of a few error
# cases on a small deterministic store: a simulated 4-camera site plus the real vtest tracker
# output. Comparing two recordings (diff -r) shows whether a change altered any answer.
# Usage: record.sh SEGGRAPH_BINARY OUT_DIR
#   OUT_DIR/NN-name.{txt,json,csv}  stdout of one query (NN: order; same NN = same query)
#   OUT_DIR/NN-name.err             stderr, then stdout if any, then the exit code
# Masked (differs between runs by design): in `stats`, the store path, uuid, created time and
# byte sizes (lmdb_file_bytes, lmdb_used_bytes, catalog_bytes). Nothing else.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 SEGGRAPH_BINARY OUT_DIR" >&2
  exit 2
fi
case $1 in
  */*) BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") ;;
  *) BIN=$(command -v "$1") ;;
esac
[ -x "$BIN" ] || { echo "record.sh: $1 is not an executable" >&2; exit 2; }
DATA=${SEGGRAPH_SHARED_DATA:-$(cd "$(dirname "$0")/../../.." && pwd)/../shared/data}
VTEST=$DATA/segments/vtest_mog2.json
[ -f "$VTEST" ] || { echo "record.sh: $VTEST not found (set SEGGRAPH_SHARED_DATA)" >&2; exit 2; }
mkdir -p "$2"
OUT=$(cd "$2" && pwd)
# Stale goldens from an earlier recording into the same folder would survive otherwise.
rm -f "$OUT"/[0-9][0-9]-*.txt "$OUT"/[0-9][0-9]-*.json "$OUT"/[0-9][0-9]-*.csv "$OUT"/[0-9][0-9]-*.err

# The same clock and locale wherever it runs (the store's sources carry their own zones).
export TZ=UTC LC_ALL=C
unset SEGGRAPH_STORE

WORK=$(mktemp -d "$OUT/.record.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
STORE=store  # relative: paths recorded by `import` and shown by `show` do not name this machine

die() { echo "record.sh: $*" >&2; exit 1; }

# --- the store -------------------------------------------------------------------------------
"$BIN" simulate --cameras 4 --people 20 --hours 0.25 --fps 5 --dim 32 --seed 11 --out SITE >/dev/null
"$BIN" init --store "$STORE" >/dev/null
"$BIN" import --store "$STORE" SITE/cam_*.json >/dev/null
# Imported from its own folder so that the import record holds the bare file name.
(cd "$DATA/segments" && "$BIN" import --store "$WORK/$STORE" vtest_mog2.json --source vtest \
   --embedding-space hsv_hist --start 2026-11-20T14:05:00+01:00 --tz Europe/Berlin >/dev/null)

# --- helpers ---------------------------------------------------------------------------------
N=0
# q NAME "txt json csv" COMMAND ARGS...: one query, stdout of each form into NN-NAME.<form>.
# COMMAND may be two words ("eval links"): --store goes after both.
q() {
  local name=$1 forms=$2 command=$3 form file
  shift 3
  N=$((N + 1))
  for form in $forms; do
    file=$(printf '%s/%02d-%s.%s' "$OUT" "$N" "$name" "$form")
    case $form in
      txt) "$BIN" $command --store "$STORE" "$@" >"$file" ;;
      json) "$BIN" $command --store "$STORE" "$@" --json >"$file" ;;
      csv) "$BIN" $command --store "$STORE" "$@" --csv >"$file" ;;
    esac || die "failed: seggraph $command $* ($form)"
  done
}
# e NAME COMMAND ARGS...: a command that should fail; stderr, any stdout and the exit code.
e() {
  local name=$1 file rc
  shift
  N=$((N + 1))
  file=$(printf '%s/%02d-%s.err' "$OUT" "$N" "$name")
  set +e
  "$BIN" "$1" --store "$STORE" "${@:2}" >"$WORK/stdout" 2>"$WORK/stderr"
  rc=$?
  set -e
  {
    cat "$WORK/stderr"
    if [ -s "$WORK/stdout" ]; then echo "--- stdout"; cat "$WORK/stdout"; fi
    echo "exit $rc"
  } >"$file"
}
# mask_trace FILE: the store's uuid, and the digest that covers it, differ between stores.
mask_trace() {
  [ "${GOLDEN_UNMASKED:-0}" = 1 ] && return 0
  sed -E -i \
    -e 's/"uuid":"[^"]*"/"uuid":"<uuid>"/g' -e 's/"digest":"[0-9a-f]*"/"digest":"<digest>"/g' \
    -e 's/^(store +)uuid=[^ ]*/\1uuid=<uuid>/' -e 's/^(digest +).*/\1<digest>/' \
    -e 's/"(recorded_digest|current_digest)":"[0-9a-f]*"/"\1":"<digest>"/g' -e 's/^((recorded|current)_digest +).*/\1<digest>/' \
    "$1"
}
# mask_verdict_times FILE: a verdict records when it was given.
mask_verdict_times() {
  [ "${GOLDEN_UNMASKED:-0}" = 1 ] && return 0
  sed -E -i -e 's/"at":"[^"]*"/"at":"<time>"/g' -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z/<time>/g' "$1"
}
# first_csv COMMAND ARGS...: the first data row's first column (`segment`) of a --csv listing.
first_csv() { "$BIN" "$1" --store "$STORE" "${@:2}" --csv | sed -n 2p | cut -d, -f1; }
# mask_stats FILE: placeholders for what differs between two stores built the same way.
# GOLDEN_UNMASKED=1 keeps the real values (schema/validate_answers.py checks their types).
mask_stats() {
  [ "${GOLDEN_UNMASKED:-0}" = 1 ] && return 0
  sed -E -i \
    -e 's/^(store|uuid|created)( +).*/\1\2<\1>/' \
    -e 's/^(lmdb_file_bytes|lmdb_used_bytes|catalog_bytes)( +).*/\1\2<bytes>/' \
    -e 's/"(store|uuid|created)":"[^"]*"/"\1":"<\1>"/g' \
    -e 's/"(lmdb_file_bytes|lmdb_used_bytes|catalog_bytes)":[0-9]+/"\1":"<bytes>"/g' \
    "$1"
}

# --- seeds, picked from answers (checked non-empty) -------------------------------------------
# A person on cam_01 who was near another person; has same_as links to other cameras.
SEED=$(first_csv find --label person --with near:person --source cam_01 --limit 1)
# A person on cam_01 with both a `next` continuation and same_as links (non-empty 2nd hop).
SEED2=$(first_csv find --label person --with next:person --with same_as:person --source cam_01 --limit 1)
# A cam_00 person with a `next` continuation: its track has several segments.
TRACK=$("$BIN" find --store "$STORE" --label person --with next:person --source cam_00 --limit 1 --csv | sed -n 2p | cut -d, -f8)
VSEG=$(first_csv segments --source vtest --limit 1)
# Path goals: the 2nd-hop `next` neighbour of SEED, and SEED's last 2nd-hop neighbour.
GOAL=$("$BIN" neighbors --store "$STORE" "$SEED" --kind near,next --hops 2 --csv | awk -F, '!found && $1 == 2 && $2 == "next" { print $4; found = 1 }')
GOAL2=$("$BIN" neighbors --store "$STORE" "$SEED" --hops 2 --csv | tail -n 1 | cut -d, -f4)
for seed in SEED SEED2 TRACK VSEG GOAL GOAL2; do
  [ -n "${!seed}" ] || die "no $seed picked: the store is not what this script expects"
done

# --- queries ---------------------------------------------------------------------------------
q sources "txt json csv" sources
q zones "txt json" zones
q segments-cam00-clock-window "txt json csv" segments --source cam_00 --from 14:10 --to 14:11 --label person --limit 8
q segments-label-bag "txt json" segments --label bag --limit 5
q segments-type-activity "txt json" segments --type activity
q segments-vtest-seconds "txt json csv" segments --source vtest --from 10s --to 12s
q segments-where-confidence "txt json csv" segments --label hardhat --where 'confidence > 0.9' --limit 3
q segments-track-cam00 "txt json" segments --source cam_00 --track "$TRACK"
q segments-track-vtest "txt json" segments --source vtest --track 5
q show-vtest "txt json" show "$VSEG" --boxes 3
q show-simulated "txt json" show "$SEED" --boxes 2
q find-with-holds-bag "txt json" find --label person --with holds:bag --limit 5
q find-without-hardhat "txt json" find --label person --without wears:hardhat --source cam_02 --limit 5
q find-then-fall "txt json" find --label person --then 'label=fall within 30s' --limit 5
q find-overlaps-near-miss "txt json" find --label person --overlaps 'label=near_miss'
q find-during-person "txt json" find --type activity --during 'label=person'
q find-clips-suitcase "txt json csv" find --label person --with holds:suitcase --clips --limit 20
q find-zone-loading-dock "txt json" find --zone cam_02:loading_dock --label person --limit 5
q neighbors-hops1 "txt json csv" neighbors "$SEED" --hops 1
q neighbors-hops2-all "csv" neighbors "$SEED" --hops 2
q neighbors-same-as-next-hops2 "txt json" neighbors "$SEED2" --kind same_as,next --hops 2
q contacts-hops2 "txt json csv" contacts "$SEED" --hops 2
q contacts-min-overlap "txt json" contacts "$SEED" --min-overlap 20s
q path-near-next "txt json csv" path "$SEED" "$GOAL"
q path-long "txt json" path "$SEED" "$GOAL2"
q similar-person "txt json csv" similar --segment "$SEED" -k 6 --label person
q similar-group-by-source "txt json" similar --segment "$SEED" -k 6 --label person --group-by source
q similar-vtest-hsv "txt json" similar --segment "$VSEG" --space hsv_hist -k 5
q trace-window "txt json" trace --segment "$SEED" --from 14:00 --to 14:15
TRACE1=$((N))
q trace-explain "json" trace --segment "$SEED" --explain
TRACE2=$((N))
for file in "$OUT"/$(printf '%02d' "$TRACE1")-trace-window.* "$OUT"/$(printf '%02d' "$TRACE2")-trace-explain.json; do mask_trace "$file"; done
# Evidence: a saved answer verifies; a verdict rejecting the seed's first re-identification
# changes the trace (and the saved answer no longer verifies); withdrawn, it verifies again.
"$BIN" trace --store "$STORE" --segment "$SEED" --from 14:00 --to 14:15 --json >evidence.json
REID=$("$BIN" neighbors --store "$STORE" "$SEED" --kind same_as --hops 1 --csv | sed -n 2p | cut -d, -f4)
[ -n "$REID" ] || die "no same_as neighbour of $SEED"
q verify-unchanged "txt json" verify evidence.json
mask_trace "$(printf '%s/%02d-verify-unchanged.txt' "$OUT" "$N")"; mask_trace "$(printf '%s/%02d-verify-unchanged.json' "$OUT" "$N")"
"$BIN" link reject --store "$STORE" "$SEED" "$REID" --by "K. Obi" --note "other shoes" >/dev/null
q link-list "txt json" "link list"
mask_verdict_times "$(printf '%s/%02d-link-list.txt' "$OUT" "$N")"; mask_verdict_times "$(printf '%s/%02d-link-list.json' "$OUT" "$N")"
q trace-after-reject "txt json" trace --segment "$SEED" --from 14:00 --to 14:15
for file in "$OUT"/$(printf '%02d' "$N")-trace-after-reject.*; do mask_trace "$file"; mask_verdict_times "$file"; done
e verify-after-reject verify evidence.json
mask_trace "$(printf '%s/%02d-verify-after-reject.err' "$OUT" "$N")"
"$BIN" link withdraw --store "$STORE" "$SEED" "$REID" >/dev/null
q eval-links "txt json" "eval links" --truth SITE/ground_truth.json
q eval-trace "txt json" "eval trace" --truth SITE/ground_truth.json --queries 40 --seed 3
q topology "txt json" topology --links-min 1
q stats "txt json" stats
STATS=$((N))
mask_stats "$(printf '%s/%02d-stats.txt' "$OUT" "$STATS")"
mask_stats "$(printf '%s/%02d-stats.json' "$OUT" "$STATS")"

# --- errors ----------------------------------------------------------------------------------
e show-unknown-segment show cam_00/seg_999999
e neighbors-hops-99 neighbors "$SEED" --hops 99
e neighbors-unknown-kind neighbors "$SEED" --kind bogus
e segments-where-unknown-column segments --where 'nosuchcolumn = 1'
e segments-to-before-from segments --source vtest --from 12s --to 10s
e segments-track-without-source segments --track 5
e find-unknown-zone find --zone cam_00:nosuch --label person
e similar-unknown-space similar --segment "$SEED" --space nosuch -k 3
e path-none path "$GOAL2" "$SEED"
# --- added after the error cases, so the numbers above stay ----------------------------------
q find-individuals-bag "txt json" find --label person --with holds:bag --group-by individual

# --- every answer above is expected to be non-empty --------------------------------------------
for file in "$OUT"/[0-9][0-9]-*; do
  [ -s "$file" ] || die "empty answer: $(basename "$file")"
done
