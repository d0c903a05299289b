#!/usr/bin/env python3
"""Records the catalogue of bad command lines: runs each case's args against a store holding
tud-campus_tracker.json and writes its exit status and stderr. Review every message before
committing: the recording is what the test will demand.

    python3 Tests/CLITests/BadCommandLines/record.py .build/debug/seggraph cases.txt > catalogue.jsonl

cases.txt: one command line per line, shell-quoted, starting after `seggraph`; $STORE is
replaced by the store's path and $DATA by ../shared/data (both put back in the recorded
stderr)."""
import json, os, shlex, subprocess, sys, tempfile

binary, cases = sys.argv[1], sys.argv[2]
root = os.path.normpath(os.path.dirname(os.path.abspath(__file__)) + "/../../..")
data = os.path.normpath(root + "/../shared/data")
with tempfile.TemporaryDirectory() as work:
    store = work + "/store"
    subprocess.run([binary, "import", "--store", store,
                    data + "/segments/tud-campus_tracker.json"], check=True, capture_output=True)
    for line in open(cases):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        args = shlex.split(line)
        real = [a.replace("$STORE", store).replace("$DATA", data) for a in args]
        done = subprocess.run([binary] + real, capture_output=True, text=True, timeout=30)
        print(json.dumps({"args": args, "status": done.returncode,
                          "stderr": done.stderr.replace(store, "$STORE").replace(data, "$DATA")}, ensure_ascii=False))
