#!/usr/bin/env python3
"""same_as precision and direct hand-off coverage of a store exported as Neo4j CSV, against a
simulator's ground_truth.json. Usage: graph_same_as_precision.py NEO4J_DIR GROUND_TRUTH_JSON
precision = SAME_AS edges joining one person / SAME_AS edges between two ground-truth people;
a hand-off = two consecutive appearances of a person on different cameras, linked directly when
a SAME_AS edge joins a segment of one to a segment of the other."""
import csv, json, sys, collections
store_dir, truth_path = sys.argv[1], sys.argv[2]
truth = json.load(open(truth_path))
person = {}
handoffs = []
for p in truth["people"]:
    apps = sorted(p["appearances"], key=lambda a: a["start_sec"])
    names = [set(f'{a["source"]}/{s}' for s in a["segment_ids"]) for a in apps]
    for s in names:
        for n in s: person[n] = p["person"]
    for i in range(len(apps) - 1):
        if apps[i]["source"] != apps[i + 1]["source"]:
            handoffs.append((names[i], names[i + 1]))
nodes = {}
with open(store_dir + "/nodes.csv") as f:
    r = csv.reader(f); header = next(r)
    for row in r: nodes[row[0]] = f"{row[1]}/{row[2]}"
right = wrong = 0
linked = set()
with open(store_dir + "/relationships.csv") as f:
    r = csv.reader(f); header = next(r)
    for row in r:
        if row[2] != "SAME_AS": continue
        a, b = nodes[row[0]], nodes[row[1]]
        linked.add(frozenset((a, b)))
        if a in person and b in person:
            if person[a] == person[b]: right += 1
            else: wrong += 1
covered = sum(1 for x, y in handoffs if any(frozenset((a, b)) in linked for a in x for b in y))
print(f"same_as edges between people {right + wrong}, precision {right / max(1, right + wrong):.4f}, hand-offs {len(handoffs)}, linked directly {covered / max(1, len(handoffs)):.4f}")
