#!/usr/bin/env python3
"""Kùzu peer of `seggraph-bench graph-queries` (issue 4). Needs `pip install kuzu`.

Loads nodes.csv / edges.csv (`seggraph-bench export-graph`) with COPY FROM into a Kùzu
database (a fresh directory, or in memory), reports the load time, then times Cypher for the
seeds SegGraph used, with SegGraph's semantics:
  - neighbours within 2 hops, all kinds, both directions:
    MATCH (a:Segment {id: $id})-[:E*1..2]-(b:Segment) WHERE b.id <> $id RETURN count(DISTINCT b.id)
  - the journey (issue 11): the seed's next/same_as closure in the hour around the seed,
    one recursive pattern with a relationship and node filter (sizes checked against SegGraph's
    own closure);
  - contacts, 1 hop: SegGraph's algorithm driven from Python, one Cypher call per graph step
    (identity closures with SHORTEST recursive patterns, `near` segments of a frontier), on the
    first --contacts-seeds seeds.
Only the query call (execute + fetching the row) is timed, after one untimed pass; each seed's
result size is checked against SegGraph's.

usage: graph_kuzu.py --graph DIR --seeds FILE [--db DIR] [--contacts-seeds N] [--json]
"""
import argparse
import os
import shutil
import time

import kuzu

from graph_common import read_nodes, read_seeds, report, time_queries

# $lo/$hi: the seed's start ± 30 min, looked up before timing (a recursive pattern's filter
# takes parameters, not variables bound earlier in the query). SHORTEST: reach each node once;
# a plain *1..30 enumerates walks and takes seconds at depth 8 (measured: 1.4–4.2 s).
JOURNEY = """
MATCH (a:Segment {id: $id})-[:E* SHORTEST 1..30 (r, n | WHERE r.kind IN ['next', 'same_as'] AND n.end_ns >= $lo AND n.start_ns <= $hi)]-(b:Segment)
WHERE b.end_ns >= $lo AND b.start_ns <= $hi AND b.id <> $id
RETURN count(DISTINCT b.id) + 1
"""

NEIGHBORS_2 = """
MATCH (a:Segment {id: $id})-[:E*1..2]-(b:Segment) WHERE b.id <> $id
RETURN count(DISTINCT b.id)
"""

# SegGraph's contacts algorithm, driven from Python with Cypher for each graph step: one
# recursive pattern per identity (SHORTEST over `next`/`same_as`, up to 30 steps: a BFS that
# returns each reachable segment once), one query for the `near` segments of a frontier.
# A single Cypher statement does not work well here: a recursive pattern under OPTIONAL MATCH
# (needed for segments with no `next`/`same_as` edge) is ~100x slower, and ACYCLIC 0..30
# enumerates every simple path, which explodes on `same_as` cliques.
IDENTITY = """
MATCH (s:Segment {id: $id})-[:E* SHORTEST 1..30 (r, _ | WHERE r.kind IN ['next', 'same_as'])]-(i:Segment)
RETURN i.id
"""

NEAR = """
UNWIND $ids AS member
MATCH (x:Segment {id: member})-[n:E]-(c:Segment)
WHERE n.kind = 'near'
RETURN DISTINCT c.id
"""


def rows(conn, query, parameters):
    result = conn.execute(query, parameters)
    out = []
    while result.has_next():
        out.append(result.get_next()[0])
    return out


def contacts(conn, seed, hops):
    """Contacts counted as SegGraph counts them: one per individual reached over `near`."""
    identity = lambda segment: {segment, *rows(conn, IDENTITY, {"id": segment})}
    seen = identity(seed)
    frontier, found = sorted(seen), 0
    for _ in range(hops):
        if not frontier:
            break
        reached = []
        for other in sorted(rows(conn, NEAR, {"ids": frontier})):
            if other in seen:
                continue
            found += 1
            members = identity(other)
            reached += [m for m in members if m not in seen]
            seen |= members
        frontier = sorted(reached)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--graph", required=True, help="directory with nodes.csv and edges.csv")
    parser.add_argument("--seeds", required=True, help="seggraph-bench graph-queries --seeds-out FILE")
    parser.add_argument("--db", default=":memory:", help="database directory, recreated (default: in memory)")
    parser.add_argument("--contacts-seeds", type=int, default=100,
                        help="seeds for the contacts queries (one Cypher call per contact: slow); 0 skips")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    if args.db != ":memory:":
        shutil.rmtree(args.db, ignore_errors=True)
        if os.path.exists(args.db):
            os.remove(args.db)
    db = kuzu.Database(args.db)
    conn = kuzu.Connection(db)
    graph = os.path.abspath(args.graph)
    t0 = time.perf_counter()
    conn.execute("CREATE NODE TABLE Segment(id INT64, source STRING, external_id STRING, label STRING, type STRING, "
                 "start_ns INT64, end_ns INT64, PRIMARY KEY (id))")
    conn.execute("CREATE REL TABLE E(FROM Segment TO Segment, kind STRING, close_s DOUBLE, gap_s DOUBLE)")
    conn.execute(f"COPY Segment FROM '{graph}/nodes.csv' (header=true)")
    conn.execute(f"COPY E FROM '{graph}/edges.csv' (header=true)")
    t_load = time.perf_counter() - t0
    n_nodes = conn.execute("MATCH (n:Segment) RETURN count(n)").get_next()[0]
    n_edges = conn.execute("MATCH ()-[e:E]->() RETURN count(e)").get_next()[0]

    seeds = read_seeds(args.seeds)
    def scalar(query):
        def run(seed):
            result = conn.execute(query, {"id": seed})
            return result.get_next()[0] if result.has_next() else 0
        return run
    starts = {row[0]: row[5] for row in read_nodes(args.graph)}
    def journey(seed):
        lo, hi = starts[seed] - 1_800_000_000_000, starts[seed] + 1_800_000_000_000
        result = conn.execute(JOURNEY, {"id": seed, "lo": lo, "hi": hi})
        return result.get_next()[0] if result.has_next() else 1
    scenarios = [
        time_queries("2-hop neighbours, all kinds (Cypher *1..2)", seeds, "neighbors2", scalar(NEIGHBORS_2)),
        time_queries("journey: next/same_as closure in the hour around the seed", seeds, "closure1h", journey),
    ]
    if args.contacts_seeds > 0:
        few = seeds[:args.contacts_seeds]
        scenarios.append(time_queries(f"contacts, 1 hop (first {len(few)} seeds)", few, "contacts1",
                                      lambda seed: contacts(conn, seed, 1)))
    extra = {"kuzu": kuzu.__version__, "db": args.db, "nodes": n_nodes, "edges": n_edges,
             "load_s": round(t_load, 3), "seeds": len(seeds)}
    report("kuzu", extra, scenarios, args.json)


if __name__ == "__main__":
    main()
