"""Shared by the graph peers: CSV loading, seeds, percentiles, the report."""
import csv
import json
import time


def read_nodes(directory):
    with open(f"{directory}/nodes.csv", newline="") as f:
        return [(int(r["id"]), r["source"], r["external_id"], r["label"], r["type"], int(r["start_ns"]), int(r["end_ns"]))
                for r in csv.DictReader(f)]


def read_edges(directory):
    def num(text):
        return float(text) if text else None
    with open(f"{directory}/edges.csv", newline="") as f:
        return [(int(r["from"]), int(r["to"]), r["kind"], num(r["close_s"]), num(r["gap_s"])) for r in csv.DictReader(f)]


def read_seeds(path):
    """Seed ids and SegGraph's result sizes per seed (seggraph-bench graph-queries --seeds-out)."""
    with open(path, newline="") as f:
        return [{k: int(v) for k, v in r.items()} for r in csv.DictReader(f)]


def percentile(sorted_values, p):
    """Nearest rank, as seggraph-bench computes it."""
    rank = max(1, min(len(sorted_values), -(-p * len(sorted_values) // 100)))
    rank = int(rank)
    return sorted_values[rank - 1]


def time_queries(name, seeds, expected_key, run, warmup=True):
    """Times run(seed_id) once per seed after one untimed pass; compares sizes with SegGraph's."""
    if warmup:
        for s in seeds:
            run(s["id"])
    latencies, mismatches, total = [], [], 0
    for s in seeds:
        t0 = time.perf_counter_ns()
        size = run(s["id"])
        latencies.append(time.perf_counter_ns() - t0)
        total += size
        if expected_key and size != s[expected_key]:
            mismatches.append((s["id"], size, s[expected_key]))
    latencies.sort()
    us = lambda ns: ns / 1e3
    return {"name": name, "count": len(seeds), "p50_us": us(percentile(latencies, 50)), "p90_us": us(percentile(latencies, 90)),
            "p99_us": us(percentile(latencies, 99)), "max_us": us(latencies[-1]), "mean_us": us(sum(latencies) / len(latencies)),
            "mean_size": total / len(seeds), "mismatches": len(mismatches), "mismatch_examples": mismatches[:5]}


def report(peer, extra, scenarios, as_json):
    if as_json:
        print(json.dumps({"peer": peer, **extra, "scenarios": scenarios}, indent=2, sort_keys=True))
        return
    print(f"{peer}: " + ", ".join(f"{k} {v}" for k, v in extra.items()))
    rows = [["query", "p50 µs", "p90 µs", "p99 µs", "max µs", "mean µs", "mean size", "mismatches"]]
    for s in scenarios:
        rows.append([s["name"]] + [f"{s[k]:.1f}" for k in ("p50_us", "p90_us", "p99_us", "max_us", "mean_us", "mean_size")]
                    + [str(s["mismatches"])])
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
    for r in rows:
        print("  ".join(r[0].ljust(widths[0]) if c == 0 else r[c].rjust(widths[c]) for c in range(len(r))))
