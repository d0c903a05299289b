#!/usr/bin/env python3
"""Builds one large segment document for the "700 MB file, peak RSS < 1 GB" check.

Usage: make_big_document.py --out PATH [--target-mb 700] [--source big_site] CAMERA_FILE...

Concatenates the segments of simulated camera documents (seggraph simulate writes one
segment per line) into a single {"source": {...}, "segments": [...]} document, cycling over
the inputs until the target size is reached. Streams line by line: memory stays small.
Segment ids become p<pass>_<camera>_<id> so they stay unique within the one source. The
source header is the first input's, renamed.
"""
import argparse
import json
import os

SEGMENT_PREFIX = '{"segment_id": "'


def header_source(path):
    """The first input's source object (everything before the segments array)."""
    head = []
    with open(path, "r", encoding="utf-8") as f:
        for line in f:
            if line.lstrip().startswith(SEGMENT_PREFIX):
                break
            head.append(line)
    text = "".join(head).rstrip()
    if not text.endswith("["):
        raise SystemExit(f"{path}: expected the segments array to open before the first segment line")
    return json.loads(text + "]}")["source"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True)
    parser.add_argument("--target-mb", type=float, default=700)
    parser.add_argument("--source", default="big_site")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    target = int(args.target_mb * 1_000_000)

    source = header_source(args.files[0])
    source["id"] = args.source
    segments = 0
    with open(args.out, "w", encoding="utf-8") as out:
        out.write('{"source": ' + json.dumps(source) + ',\n "segments": [')
        written = out.tell()
        passes = 0
        while written < target:
            for path in args.files:
                camera = os.path.splitext(os.path.basename(path))[0]
                with open(path, "r", encoding="utf-8") as f:
                    for line in f:
                        body = line.strip()
                        if not body.startswith(SEGMENT_PREFIX):
                            continue
                        if body.endswith("]}"):
                            body = body[:-2]
                        body = body.rstrip(",")
                        body = SEGMENT_PREFIX + f"p{passes}_{camera}_" + body[len(SEGMENT_PREFIX):]
                        out.write(("\n  " if segments == 0 else ",\n  ") + body)
                        written += len(body) + 4
                        segments += 1
                        if written >= target:
                            break
                if written >= target:
                    break
            passes += 1
            if segments == 0:
                raise SystemExit("no segment lines found in the inputs")
        out.write("]}\n")
    print(json.dumps({"out": args.out, "bytes": os.path.getsize(args.out), "segments": segments, "passes": passes}))


if __name__ == "__main__":
    main()
