#!/usr/bin/env python3
"""usearch peer for the store's int8 codes: the same vectors, queries and truth as
site_vectors.py, indexed by usearch with f32, f16 and i8 scalars.

usearch 'cos' metric, connectivity 16, expansion_add 64 (the store's M and efConstruction),
one thread; per scalar kind and ef: QPS (one search call per query, timed as a whole pass,
best of --repeats, like the hnswlib peer), p50 µs, recall@k, and the index's memory per
vector (index.memory_usage / n, graph included) beside the bytes of one scalar vector.
usearch re-ranks nothing: its i8 and f16 answers are computed on the quantized vectors.
Prints one JSON object on stdout.
"""
import argparse
import importlib.metadata
import json
import time

import numpy as np


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vectors", required=True)
    ap.add_argument("--ids", required=True)
    ap.add_argument("--queries", required=True)
    ap.add_argument("--truth", required=True)
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--ef", default="16,32,64,96,128,256")
    ap.add_argument("--dtypes", default="f32,f16,i8")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    from usearch.index import Index

    data = np.load(args.vectors).astype(np.float32)
    ids = np.load(args.ids).astype(np.int64)
    queries = np.load(args.queries).astype(np.float32)
    truth = np.load(args.truth)
    truth_sets = [set(row) for row in truth.tolist()]
    n, dim = data.shape
    out = {"usearch": importlib.metadata.version("usearch"), "n": int(n), "dim": int(dim), "runs": []}
    for dtype in args.dtypes.split(","):
        index = Index(ndim=dim, metric="cos", dtype=dtype, connectivity=16, expansion_add=64)
        t0 = time.perf_counter()
        index.add(ids.astype(np.uint64), data, threads=1)
        build_s = time.perf_counter() - t0
        rows = []
        for ef in [int(e) for e in args.ef.split(",")]:
            index.expansion_search = max(ef, args.k)
            best, lat, found = None, None, 0
            for _ in range(args.repeats):
                times = np.empty(len(queries))
                found = 0
                start = time.perf_counter()
                for i in range(len(queries)):
                    t = time.perf_counter()
                    result = index.search(queries[i], args.k, threads=1)
                    times[i] = time.perf_counter() - t
                    found += len(truth_sets[i].intersection(result.keys.tolist()))
                total = time.perf_counter() - start
                if best is None or total < best:
                    best, lat = total, times
            rows.append({"ef": ef, "qps": len(queries) / best, "p50_us": float(np.median(lat) * 1e6),
                         "recall": found / (len(queries) * args.k)})
        out["runs"].append({"dtype": dtype, "build_s": build_s, "memory_per_vector": index.memory_usage / n,
                            "rows": rows})
    print(json.dumps(out))


if __name__ == "__main__":
    main()
