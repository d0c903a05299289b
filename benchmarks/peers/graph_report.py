#!/usr/bin/env python3
"""Markdown block of benchmarks/run_graph_bench.sh, from the JSON files it left in $WORK."""
import json
import os

e = os.environ
work = e["WORK"]
load = lambda name: json.load(open(f"{work}/{name}"))
stats, graph, sqlite, py = load("stats.json"), load("graph.json"), load("sqlite.json"), load("py.json")
kuzu = load("kuzu.json") if e.get("KUZU") == "1" and os.path.exists(f"{work}/kuzu.json") else None
relink = {r["kind"]: r["edges"] for r in load("relink.json")}
imp, rel, parse = float(e["IMPORT_S"]), float(e["RELINK_S"]), py["parse_seconds"]
seg, box, size = stats["segments"], stats["boxes"], int(e["BYTES"])
edges_total = sum(relink.values())
met = lambda ok: "**met**" if ok else "**NOT met**"
date = os.popen("date -u +%Y-%m-%dT%H:%M:%SZ").read().strip()

print("```")
print("command:  benchmarks/run_graph_bench.sh   (CAMERAS/PEOPLE/HOURS/FPS/DIM/SEED/QUERIES/KUZU env)")
print(f"date:     {date}   git {e['GIT_REV']}   {e['SWIFT_VERSION']}, -c release")
print(f"machine:  {e['MACHINE_CPU']}, nproc {e['MACHINE_NPROC']}, {e['MACHINE_MEM']}, loadavg at end {e['MACHINE_LOAD']}")
print(f"data:     seggraph simulate {e['PARAMS']} -> {e['NFILES']} camera files, {size:,} bytes ({size/1e6:.1f} MB)")
print(f"          {seg:,} segments, {box:,} boxes, {edges_total:,} edges ("
      + ", ".join(f"{k} {v:,}" for k, v in relink.items()) + ")")
print(f"peers:    python3 sqlite3 (SQLite {e['SQLITE_VERSION']}, in memory)"
      + (f"; Kùzu {kuzu['kuzu']} (on disk, {kuzu['db']})" if kuzu else "") + f"; {graph['count']} seed person segments with ≥ 1 edge, seed 1")
print("```")
print()
print("| measure | figure | target | verdict |")
print("|---|---|---|---|")
print(f"| Python `json.load`, {e['NFILES']} files, parse only (in-process sum) | {parse:.2f} s | baseline | |")
print(f"| `seggraph import` all files, one call = import + link (wall) | **{imp:.2f} s** ({imp/parse:.2f}x json.load), peak RSS {int(e['IMPORT_RSS'])/1024:.0f} MB | < 40 s | {met(imp < 40)} |")
print(f"| `seggraph relink` = drop + derive every edge (wall, incl. process start and store open) | **{rel:.2f} s**, peak RSS {int(e['RELINK_RSS'])/1024:.0f} MB | | |")
print(f"| edges (`relink --json`, each edge once) | {edges_total:,}: " + ", ".join(f"{k} {v:,}" for k, v in relink.items()) + " | | |")
print(f"| export-graph (nodes.csv + edges.csv) | {open(work + '/export.txt').read().strip()} | | |")
print(f"| SQLite load (executemany, both directions) / Kùzu load (COPY FROM) | {sqlite['load_s']:.2f} s" + (f" / {kuzu['load_s']:.2f} s" if kuzu else "") + " | | |")

sg = graph["scenarios"]
peers = [("SQLite", sqlite)] + ([("Kùzu", kuzu)] if kuzu else [])
pairs = [("2-hop neighbours, all kinds", sg[0], 0), ("contacts, 1 hop", sg[1], 1), ("contacts, 2 hops", sg[2], 2)]
for title, s, i in pairs:
    fig = (f"p50 **{s['p50_us']:.1f} µs**, p90 {s['p90_us']:.1f}, p99 {s['p99_us']:.1f}, max {s['max_us']:.0f}; "
           f"mean size {s['mean_size']:.1f}")
    target, verdict = "", ""
    if i == 0:
        target, verdict = "p50 < 50 µs", met(s["p50_us"] < 50)
    print(f"| SegGraph {title} (`{s['name']}`) | {fig} | {target} | {verdict} |")
    for name, report in peers:
        if i >= len(report["scenarios"]):
            continue
        p = report["scenarios"][i]
        ratio = p["p50_us"] / s["p50_us"]
        target, verdict = "", ""
        if i == 0 and name == "SQLite":
            target, verdict = "SegGraph ≥ 2x faster", met(ratio >= 2)
        print(f"| {name} {p['name']} | p50 {p['p50_us']:.1f} µs, p90 {p['p90_us']:.1f}, p99 {p['p99_us']:.1f}, max {p['max_us']:.0f}; "
              f"mean size {p['mean_size']:.1f}, size mismatches vs SegGraph {p['mismatches']}; "
              f"**SegGraph {ratio:.1f}x faster** (p50) | {target} | {verdict} |")
print()
print("SegGraph table (seggraph-bench graph-queries):")
print("```")
print(open(work + "/graph.txt").read().rstrip())
print("```")
