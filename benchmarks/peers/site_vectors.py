#!/usr/bin/env python3
"""hnswlib peer for the store's persisted HNSW on the benchmark site's embeddings (issue 5).

Input: vectors.npy (float32 n x dim) and ids.npy (int64 n, internal segment ids), written by
`seggraph-bench dump-vectors` from the store, so both indexes hold exactly the same vectors.
  queries   -> Q stored vectors (fixed seed) perturbed with Gaussian noise of relative size
               --noise and normalised; exact cosine top-k by numpy; writes queries.npy
               (float32) and truth.npy (int64 internal segment ids, best first).
  hnswlib   -> 'cosine' space, M=16, efConstruction in --ef-construction (64 matches the
               store's build, 200 for reference), one thread; per ef: QPS (one knn_query
               call per query, timed as a whole pass, best of --repeats), p50 µs, recall@k.
Prints one JSON object on stdout.
"""
import argparse
import importlib.metadata
import json
import time

import numpy as np


def unit(x):
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vectors", required=True)
    ap.add_argument("--ids", required=True)
    ap.add_argument("--queries-out", required=True)
    ap.add_argument("--truth-out", required=True)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--noise", type=float, default=0.05, help="noise norm relative to the vector's norm")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--ef", default="16,32,64,96,128,256")
    ap.add_argument("--ef-construction", default="64,200")
    ap.add_argument("--m", type=int, default=16)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    import hnswlib

    data = np.load(args.vectors).astype(np.float32)
    ids = np.load(args.ids).astype(np.int64)
    n, dim = data.shape
    rng = np.random.default_rng(args.seed)
    pick = rng.choice(n, size=args.count, replace=False)
    base = data[pick]
    noise = rng.standard_normal(base.shape).astype(np.float32)
    noise *= (args.noise * np.linalg.norm(base, axis=1, keepdims=True) / np.linalg.norm(noise, axis=1, keepdims=True))
    queries = unit(base + noise).astype(np.float32)

    normed = unit(data).astype(np.float32)
    sims = queries @ normed.T
    # Best first; ties by smaller id (the store breaks ties by id).
    top = np.lexsort((np.broadcast_to(ids, sims.shape), -sims), axis=1)[:, :args.k]
    truth = ids[top]
    np.save(args.queries_out, queries)
    np.save(args.truth_out, truth.astype(np.int64))
    self_hit = float(np.mean(truth[:, 0] == ids[pick]))

    efs = [int(e) for e in args.ef.split(",")]
    out = {"n": int(n), "dim": int(dim), "queries": args.count, "noise": args.noise, "k": args.k,
           "query_source_is_top1": self_hit, "hnswlib": importlib.metadata.version("hnswlib"),
           "runs": []}
    truth_sets = [set(row) for row in truth.tolist()]
    for efc in [int(e) for e in args.ef_construction.split(",")]:
        index = hnswlib.Index(space="cosine", dim=dim)
        index.init_index(max_elements=n, M=args.m, ef_construction=efc, random_seed=100)
        index.set_num_threads(1)
        t0 = time.perf_counter()
        index.add_items(data, ids, num_threads=1)
        build_s = time.perf_counter() - t0
        rows = []
        for ef in efs:
            index.set_ef(max(ef, args.k))
            best, lat, found = None, None, 0
            for _ in range(args.repeats):
                times = np.empty(args.count)
                found = 0
                start = time.perf_counter()
                for i in range(args.count):
                    t = time.perf_counter()
                    labels, _ = index.knn_query(queries[i:i + 1], k=args.k, num_threads=1)
                    times[i] = time.perf_counter() - t
                    found += len(truth_sets[i].intersection(labels[0].tolist()))
                total = time.perf_counter() - start
                if best is None or total < best:
                    best, lat = total, times
            rows.append({"ef": ef, "qps": args.count / best, "p50_us": float(np.median(lat) * 1e6),
                         "recall": found / (args.count * args.k)})
        out["runs"].append({"M": args.m, "ef_construction": efc, "build_s": build_s, "rows": rows})
    print(json.dumps(out))


if __name__ == "__main__":
    main()
