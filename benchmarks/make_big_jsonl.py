#!/usr/bin/env python3
"""Writes one large JSON Lines file from simulated camera documents, keeping each camera as its
own source (the shape a real multi-camera export has), repeating cameras under new names
(`cam_03_r1`, …, with start times shifted by a day) until the target size is reached.

usage: make_big_jsonl.py --out FILE --target-mb N CAMERA.json…
"""
import argparse, datetime, json, os

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--target-mb", type=float, required=True)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    target = args.target_mb * 1_000_000
    written = segments = 0
    with open(args.out, "w") as out:
        round_ = 0
        while written < target:
            for path in args.files:
                with open(path) as f:
                    doc = json.load(f)
                source = dict(doc["source"])
                if round_:
                    source["id"] = f'{source["id"]}_r{round_}'
                    start = datetime.datetime.fromisoformat(source["start_time"])
                    source["start_time"] = (start + datetime.timedelta(days=round_)).isoformat()
                first = True
                for segment in doc["segments"]:
                    segment["source"] = source if first else source["id"]
                    first = False
                    line = json.dumps(segment, separators=(",", ":")) + "\n"
                    out.write(line)
                    written += len(line)
                    segments += 1
                    if written >= target:
                        break
                if written >= target:
                    break
            round_ += 1
    print(json.dumps({"bytes": os.path.getsize(args.out), "segments": segments}))

if __name__ == "__main__":
    main()
