#!/usr/bin/env python3
"""Peer baseline for the store benchmark: Python's json.load merely parsing each file.

Usage: json_load_baseline.py FILE...
Prints one JSON object: files, bytes, parse_seconds (sum of json.load per file, in-process,
files opened one at a time so only one parsed document is alive at once).
"""
import json
import os
import sys
import time


def main(paths):
    total = 0.0
    size = 0
    for path in paths:
        size += os.path.getsize(path)
        start = time.perf_counter()
        with open(path, "rb") as f:
            doc = json.load(f)
        total += time.perf_counter() - start
        del doc
    print(json.dumps({"files": len(paths), "bytes": size, "parse_seconds": round(total, 4)}))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
