#!/usr/bin/env python3
"""Turns run_growth.sh's per-size results into growth.json, growth.md (a table) and
growth.svg (log-log: each query's p50 against the store's size, with a slope-1 guide).

Usage: report.py WORK OUT SIZE...   (WORK holds result-SIZE/ folders)
No plotting library: the SVG is written by hand (the machine has no matplotlib).
"""
import json
import math
import pathlib
import re
import sys


def load(work, size):
    res = pathlib.Path(work) / f"result-{size}"
    timing = (res / "import.time").read_text()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", timing).group(1)
    parts = [float(p) for p in wall.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) == 3 else 0)
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", timing).group(1))
    imported = json.loads((res / "import.json").read_text())
    segments = sum(row.get("segments", 0) for row in imported)
    window = {s["name"]: s for s in json.loads((res / "window.json").read_text())["scenarios"]}
    graph = {s["name"]: s for s in json.loads((res / "graph.json").read_text())["scenarios"]}
    vector = json.loads((res / "vector.json").read_text())[-1]
    peer = json.loads((res / "hnswlib.json").read_text())["runs"][0]["rows"][0]
    find = json.loads((res / "find.json").read_text())
    queries = {}
    for name, s in window.items():
        queries[name] = {"p50_us": s["p50_us"], "p99_us": s["p99_us"], "mean_answer": s["mean_hits"]}
    for name, s in graph.items():
        queries[name] = {"p50_us": s["p50_us"], "p99_us": s["p99_us"], "mean_answer": s["mean_size"]}
    queries["similar (k 10, ef 96)"] = {"p50_us": vector["p50_us"], "p99_us": vector["p99_us"], "mean_answer": 10,
                                        "qps": vector["qps"], "recall": vector["recall"],
                                        "hnswlib_qps": peer["qps"], "hnswlib_recall": peer["recall"]}
    queries["find --with holds:bag, 10 min, one camera (CLI)"] = {"p50_us": find["p50_us"], "p99_us": find["p99_us"],
                                                                "mean_answer": find["rows"]}
    return {"size": size, "segments": segments, "json_bytes": int((res / "json.bytes").read_text()),
            "store_bytes": int((res / "store.bytes").read_text()), "import_s": seconds, "import_rss_mb": rss_kb / 1024,
            "queries": queries}


def svg(results, path):
    names = list(results[0]["queries"].keys())
    w, h, left, right, top, bottom = 860, 520, 70, 330, 20, 50
    xs = [r["store_bytes"] / 2**20 for r in results]
    ys = [q["p50_us"] for r in results for q in r["queries"].values()]
    x0, x1 = math.log10(min(xs)) - 0.1, math.log10(max(xs)) + 0.1
    y0, y1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))

    def px(x):
        return left + (math.log10(x) - x0) / (x1 - x0) * (w - left - right)

    def py(y):
        return h - bottom - (math.log10(y) - y0) / (y1 - y0) * (h - top - bottom)

    colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#17becf",
               "#bcbd22", "#000000", "#aec7e8", "#ff9896", "#98df8a", "#c5b0d5"]
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="11">',
           f'<rect width="{w}" height="{h}" fill="white"/>']
    for e in range(y0, y1 + 1):
        y = py(10 ** e)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{w - right}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{10 ** e:g} µs</text>')
    for r, x in zip(results, xs):
        out.append(f'<line x1="{px(x):.1f}" y1="{top}" x2="{px(x):.1f}" y2="{h - bottom}" stroke="#eee"/>')
        out.append(f'<text x="{px(x):.1f}" y="{h - bottom + 16}" text-anchor="middle">{r["size"]}× ({x:,.0f} MiB)</text>')
    out.append(f'<text x="{(left + w - right) / 2}" y="{h - 8}" text-anchor="middle">store size (log)</text>')
    out.append(f'<text x="14" y="{(top + h - bottom) / 2}" transform="rotate(-90 14 {(top + h - bottom) / 2})" text-anchor="middle">p50 latency (log)</text>')
    # Guide: what a cost proportional to the store would do, from the first point of the first query.
    g0 = results[0]["queries"][names[1]]["p50_us"]
    out.append(f'<line x1="{px(xs[0]):.1f}" y1="{py(g0):.1f}" x2="{px(xs[-1]):.1f}" y2="{py(g0 * xs[-1] / xs[0]):.1f}" '
               'stroke="#999" stroke-dasharray="4 4"/>')
    for i, name in enumerate(names):
        colour = colours[i % len(colours)]
        points = [(px(x), py(r["queries"][name]["p50_us"])) for r, x in zip(results, xs)]
        out.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>' % (colour, " ".join(f"{a:.1f},{b:.1f}" for a, b in points)))
        for a, b in points:
            out.append(f'<circle cx="{a:.1f}" cy="{b:.1f}" r="3" fill="{colour}"/>')
        ly = top + 14 + i * 18
        out.append(f'<line x1="{w - right + 14}" y1="{ly - 4}" x2="{w - right + 34}" y2="{ly - 4}" stroke="{colour}" stroke-width="2"/>')
        out.append(f'<text x="{w - right + 40}" y="{ly}">{name}</text>')
    ly = top + 14 + len(names) * 18
    out.append(f'<line x1="{w - right + 14}" y1="{ly - 4}" x2="{w - right + 34}" y2="{ly - 4}" stroke="#999" stroke-dasharray="4 4"/>')
    out.append(f'<text x="{w - right + 40}" y="{ly}">proportional to the store (guide)</text>')
    out.append("</svg>")
    pathlib.Path(path).write_text("\n".join(out) + "\n")


def main():
    work, out, sizes = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3:]
    results = [load(work, s) for s in sizes]
    out.mkdir(parents=True, exist_ok=True)
    (out / "growth.json").write_text(json.dumps(results, indent=1) + "\n")
    svg(results, out / "growth.svg")
    lines = ["| size | segments | JSON | store | import | import rate | peak RSS |", "|---|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        lines.append(f'| {r["size"]}× | {r["segments"]:,} | {r["json_bytes"] / 2**20:,.0f} MiB | {r["store_bytes"] / 2**20:,.0f} MiB | '
                     f'{r["import_s"]:.1f} s | {r["json_bytes"] / 2**20 / r["import_s"]:.1f} MiB/s | {r["import_rss_mb"]:,.0f} MiB |')
    lines += ["", "| query | " + " | ".join(f'{r["size"]}× p50 / p99 µs (answer)' for r in results) + " |",
              "|---|" + "---:|" * len(results)]
    for name in results[0]["queries"]:
        cells = []
        for r in results:
            q = r["queries"][name]
            cells.append(f'{q["p50_us"]:,.0f} / {q["p99_us"]:,.0f} ({q["mean_answer"]:,.0f})')
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += ["", "| similar | " + " | ".join(f'{r["size"]}×' for r in results) + " |", "|---|" + "---:|" * len(results)]
    for key, label in [("qps", "store QPS"), ("recall", "store recall@10"), ("hnswlib_qps", "hnswlib QPS"), ("hnswlib_recall", "hnswlib recall@10")]:
        lines.append(f"| {label} | " + " | ".join(f'{r["queries"]["similar (k 10, ef 96)"][key]:,.4g}' for r in results) + " |")
    text = "\n".join(lines) + "\n"
    (out / "growth.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
