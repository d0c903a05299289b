# Shared by the benchmark drivers (sourced): timing helpers and the simulated site they
# all measure. Expects ROOT, DATA and the site parameters CAMERAS PEOPLE HOURS FPS DIM SEED,
# and a `log` function.

now() { date +%s.%N; }
# peak RSS in kB from a `/usr/bin/time -v -o FILE` report
rss_kb() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }

# ensure_site SEGGRAPH: simulates the site into $DATA unless it already holds one made with
# the same parameters; sets PARAMS, FILES (the camera documents) and BYTES.
ensure_site() {
    PARAMS="cameras=$CAMERAS people=$PEOPLE hours=$HOURS fps=$FPS dim=$DIM seed=$SEED"
    if [ -f "$DATA/.params" ] && [ "$(cat "$DATA/.params")" = "$PARAMS" ]; then
        log "reusing $DATA ($PARAMS)"
    else
        log "simulating $PARAMS into $DATA"
        rm -rf "$DATA"
        mkdir -p "$DATA"
        "$1" simulate --cameras "$CAMERAS" --people "$PEOPLE" --hours "$HOURS" --fps "$FPS" \
            --dim "$DIM" --seed "$SEED" --out "$DATA" >&2
        echo "$PARAMS" > "$DATA/.params"
    fi
    mapfile -t FILES < <(ls "$DATA"/cam_*.json | sort)
    BYTES=$(cat "${FILES[@]}" | wc -c)
}
