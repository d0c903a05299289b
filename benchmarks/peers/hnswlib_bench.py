#!/usr/bin/env python3
"""Peer benchmark for SegGraph's VectorIndex: synthetic data + hnswlib measurements.

Goal: compare our HNSW with hnswlib on the same vectors, same parameters, one thread.
Method:
  generate  -> clustered synthetic float32 vectors (fixed seed), queries from the same
               distribution, exact top-100 ground truth by brute force in numpy (cosine).
  table     -> markdown table of a hnswlib result beside a SegGraph result.
  bench     -> hnswlib 'cosine' space, M, efConstruction, one thread: build time,
               recall@10 and QPS per ef (best of N repeats), index bytes (saved file size).
               Times are wall clock and process CPU time: the machine is shared, and CPU
               time is not inflated while other processes hold the cores.
Output of `bench` is one JSON object on stdout so the driver can build the table.
"""
import argparse
import json
import os
import tempfile
import time

import numpy as np


def clustered(rng, n, dim, centres, spreads):
    """Points around random centres; each cluster has its own spread so density varies."""
    which = rng.integers(0, len(centres), size=n)
    noise = rng.standard_normal((n, dim), dtype=np.float32)
    return (centres[which] + noise * spreads[which, None]).astype(np.float32)


def normalise(x):
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def generate(args):
    rng = np.random.default_rng(args.seed)
    clusters = max(1, args.n // 100)
    centres = rng.standard_normal((clusters, args.dim), dtype=np.float32)
    spreads = rng.uniform(0.3, 1.0, size=clusters).astype(np.float32)
    base = clustered(rng, args.n, args.dim, centres, spreads)
    queries = clustered(rng, args.queries, args.dim, centres, spreads)
    # Exact ground truth for cosine distance, in blocks to bound memory.
    nb, nq = normalise(base), normalise(queries)
    truth = np.empty((args.queries, 100), dtype=np.int32)
    for start in range(0, args.queries, 100):
        sims = nq[start:start + 100] @ nb.T
        top = np.argpartition(-sims, 100, axis=1)[:, :100]
        order = np.argsort(-np.take_along_axis(sims, top, axis=1), axis=1, kind="stable")
        truth[start:start + 100] = np.take_along_axis(top, order, axis=1)
    prefix = os.path.join(args.out, f"clustered-{args.n}x{args.dim}")
    np.save(prefix + "-base.npy", base)
    np.save(prefix + "-queries.npy", queries)
    np.save(prefix + "-truth.npy", truth)
    print(prefix)


def recall_at(found, truth, k):
    hits = sum(len(set(f[:k]) & set(t[:k])) for f, t in zip(found, truth))
    return hits / (len(truth) * k)


def bench(args):
    import hnswlib
    base = np.load(args.prefix + "-base.npy")
    queries = np.load(args.prefix + "-queries.npy")
    truth = np.load(args.prefix + "-truth.npy")
    n = min(args.limit or len(base), len(base))
    base = base[:n]
    if n < len(np.load(args.prefix + "-base.npy", mmap_mode="r")):
        # A subset needs its own ground truth: recompute exactly for the first n vectors.
        sims = normalise(queries) @ normalise(base).T
        truth = np.argsort(-sims, axis=1, kind="stable")[:, :100]
    index = hnswlib.Index(space="cosine", dim=base.shape[1])
    index.init_index(max_elements=n, M=args.M, ef_construction=args.ef_construction,
                     random_seed=args.seed)
    index.set_num_threads(1)
    start, start_cpu = time.perf_counter(), time.process_time()
    index.add_items(base, np.arange(n), num_threads=1)
    build_s, build_cpu_s = time.perf_counter() - start, time.process_time() - start_cpu
    rows = []
    for ef in args.ef:
        index.set_ef(ef)
        best = best_cpu = float("inf")
        for _ in range(args.repeats):
            start, start_cpu = time.perf_counter(), time.process_time()
            labels, _ = index.knn_query(queries, k=10, num_threads=1)
            best = min(best, time.perf_counter() - start)
            best_cpu = min(best_cpu, time.process_time() - start_cpu)
        rows.append({"ef": ef, "recall10": recall_at(labels, truth, 10),
                     "qps": len(queries) / best, "qps_cpu": len(queries) / best_cpu})
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "index.bin")
        index.save_index(path)
        index_bytes = os.path.getsize(path)
    print(json.dumps({"engine": "hnswlib " + getattr(hnswlib, "__version__", "0.8.0"),
                      "n": n, "dim": int(base.shape[1]), "queries": len(queries),
                      "build_s": build_s, "build_cpu_s": build_cpu_s, "index_bytes": index_bytes, "rows": rows}))


def table(args):
    """Markdown table comparing two result files (peer first, ours second)."""
    peer, ours = (json.load(open(path)) for path in (args.peer, args.ours))
    mib = 1024 * 1024
    print(f"#### {ours['n']:,} x {ours['dim']} ({ours['queries']} queries, k = 10)\n")
    print("| | hnswlib | SegGraph | ratio (SegGraph / hnswlib) |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| build, wall s | {peer['build_s']:.1f} | {ours['build_s']:.1f} "
          f"| {ours['build_s'] / peer['build_s']:.2f} |")
    print(f"| build, CPU s | {peer['build_cpu_s']:.1f} | {ours['build_cpu_s']:.1f} "
          f"| {ours['build_cpu_s'] / peer['build_cpu_s']:.2f} |")
    print(f"| index MiB | {peer['index_bytes'] / mib:.1f} | {ours['index_bytes'] / mib:.1f} "
          f"| {ours['index_bytes'] / peer['index_bytes']:.2f} |")
    print()
    print("| ef | recall@10 hnswlib | recall@10 SegGraph | QPS hnswlib | QPS SegGraph | QPS ratio "
          "| QPS (CPU) hnswlib | QPS (CPU) SegGraph | CPU ratio | distances/query SegGraph |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for p, o in zip(peer["rows"], ours["rows"]):
        print(f"| {p['ef']} | {p['recall10']:.4f} | {o['recall10']:.4f} | {p['qps']:,.0f} "
              f"| {o['qps']:,.0f} | {o['qps'] / p['qps']:.2f} | {p['qps_cpu']:,.0f} "
              f"| {o['qps_cpu']:,.0f} | {o['qps_cpu'] / p['qps_cpu']:.2f} "
              f"| {o['distances_per_query']:.0f} |")
    print()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--n", type=int, default=100_000)
    g.add_argument("--dim", type=int, default=128)
    g.add_argument("--queries", type=int, default=1000)
    g.add_argument("--seed", type=int, default=20261125)
    g.add_argument("--out", default=".")
    b = sub.add_parser("bench")
    b.add_argument("--prefix", required=True)
    b.add_argument("--limit", type=int, default=0, help="use only the first N base vectors")
    b.add_argument("--M", type=int, default=16)
    b.add_argument("--ef-construction", type=int, default=200)
    b.add_argument("--ef", type=int, nargs="+", default=[10, 20, 40, 80, 160])
    b.add_argument("--repeats", type=int, default=3)
    b.add_argument("--seed", type=int, default=100)
    t = sub.add_parser("table")
    t.add_argument("--peer", required=True)
    t.add_argument("--ours", required=True)
    args = parser.parse_args()
    {"generate": generate, "bench": bench, "table": table}[args.command](args)


if __name__ == "__main__":
    main()
