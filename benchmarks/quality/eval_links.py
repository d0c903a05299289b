#!/usr/bin/env python3
"""Edge and trace quality over several simulated worlds: for every profile and seed, simulate a
site, import it with each binary given (today's rule and a baseline, in the same run), score the
edges with `seggraph eval links` (and, with --trace-queries N, the trace and the naive closure
with `seggraph eval trace`), and print min / median / max per profile and kind as Markdown
tables for benchmarks/RESULTS.md.

Usage: eval_links.py --bin BIN [--baseline OLD_BIN] [--seeds 1-5] [--profiles standard,crowded]
                     [--cameras 6 --people 120 --hours 0.5 --fps 5 --dim 64] [--work DIR]
The sites are written by --bin (a baseline binary need not know the profiles); each store is
scored by --bin too, so both rules are judged by the same evaluator.
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile

KINDS = ["next", "holds", "wears", "rides", "during", "same_as"]


def run(*args):
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"eval_links.py: {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout


def seeds(text):
    if "-" in text:
        low, high = text.split("-")
        return list(range(int(low), int(high) + 1))
    return [int(s) for s in text.split(",")]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--baseline")
    parser.add_argument("--seeds", default="1-5")
    parser.add_argument("--profiles", default="standard,crowded,occluded,reid-hard,hostile")
    parser.add_argument("--cameras", default="6")
    parser.add_argument("--people", default="120")
    parser.add_argument("--hours", default="0.5")
    parser.add_argument("--fps", default="5")
    parser.add_argument("--dim", default="64")
    parser.add_argument("--work")
    parser.add_argument("--trace-queries", type=int, default=0)
    a = parser.parse_args()
    rules = [("new", a.bin)] + ([("baseline", a.baseline)] if a.baseline else [])
    work = a.work or tempfile.mkdtemp(prefix="eval-links-")
    os.makedirs(work, exist_ok=True)
    # scores[(profile, rule, kind)] = [(precision, recall, expected), ...] over seeds
    scores = {}
    trace_scores = {}  # (profile, method) -> [(precision, recall, exact), ...]
    for profile in a.profiles.split(","):
        for seed in seeds(a.seeds):
            site = os.path.join(work, f"{profile}-{seed}")
            shutil.rmtree(site, ignore_errors=True)
            run(a.bin, "simulate", "--out", site, "--profile", profile, "--seed", str(seed), "--cameras", a.cameras,
                "--people", a.people, "--hours", a.hours, "--fps", a.fps, "--dim", a.dim)
            cams = sorted(os.path.join(site, f) for f in os.listdir(site) if f.startswith("cam_"))
            for rule, binary in rules:
                store = os.path.join(work, f"{profile}-{seed}-{rule}.store")
                shutil.rmtree(store, ignore_errors=True)
                run(binary, "import", "--store", store, *cams)
                rows = json.loads(run(a.bin, "eval", "links", "--store", store, "--truth",
                                      os.path.join(site, "ground_truth.json"), "--json"))
                for row in rows:
                    scores.setdefault((profile, rule, row["kind"]), []).append(
                        (row["precision"], row["recall"], row["expected"]))
                if a.trace_queries and rule == "new":
                    traced = json.loads(run(a.bin, "eval", "trace", "--store", store, "--truth",
                                            os.path.join(site, "ground_truth.json"), "--queries", str(a.trace_queries),
                                            "--seed", str(seed), "--json"))
                    for row in traced:
                        trace_scores.setdefault((profile, row["method"]), []).append(
                            (row["precision"], row["recall"], row["exact"]))
                shutil.rmtree(store, ignore_errors=True)
                print(f"{profile} seed {seed} {rule}: " + ", ".join(
                    f"{r['kind']} {r['precision']:.3f}/{r['recall']:.3f}" for r in rows), file=sys.stderr)
    spread = lambda values: f"{min(values):.3f} / {statistics.median(values):.3f} / {max(values):.3f}"
    print(f"| profile | rule | kind | truth items (sum) | precision min / median / max | recall min / median / max |")
    print("|---|---|---|---|---|---|")
    for profile in a.profiles.split(","):
        for kind in KINDS:
            for rule, _ in rules:
                values = scores.get((profile, rule, kind), [])
                if not values:
                    continue
                print(f"| {profile} | {rule} | {kind} | {sum(v[2] for v in values)} | "
                      f"{spread([v[0] for v in values])} | {spread([v[1] for v in values])} |")
    if trace_scores:
        print()
        print(f"| profile | method | questions per seed | precision min / median / max | recall min / median / max | exact min / median / max |")
        print("|---|---|---|---|---|---|")
        for profile in a.profiles.split(","):
            for method in ["trace", "closure"]:
                values = trace_scores.get((profile, method), [])
                if values:
                    print(f"| {profile} | {method} | {a.trace_queries} | {spread([v[0] for v in values])} | "
                          f"{spread([v[1] for v in values])} | {spread([v[2] for v in values])} |")


if __name__ == "__main__":
    main()
