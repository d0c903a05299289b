#!/usr/bin/env python3
"""Kùzu peer of `seggraph-bench graph-queries` (issue 4). Needs `pip install kuzu`.

Loads nodes.csv / edges.csv (`seggraph-bench export-graph`) with COPY FROM into a Kùzu
database (a fresh directory, or in memory), reports the load time, then times Cypher for the
seeds SegGraph used, with SegGraph's semantics:
  - neighbours within 2 hops, all kinds, both directions:
    MATCH (a:Segment {id: $id})-[:E*1..2]-(b:Segment) WHERE b.id <> $id RETURN count(DISTINCT b.id)
  - contacts, 1 hop: the seed's identity (closure over `next`/`same_as`, a SHORTEST recursive
    pattern filtered on kind), the segments `near` it, counted once per individual.
Only the query call (execute + fetching the row) is timed, after one untimed pass; each seed's
result size is checked against SegGraph's.

usage: graph_kuzu.py --graph DIR --seeds FILE [--db DIR] [--json]
"""
import argparse
import os
import shutil
import time

import kuzu

from graph_common import read_seeds, report, time_queries

NEIGHBORS_2 = """
MATCH (a:Segment {id: $id})-[:E*1..2]-(b:Segment) WHERE b.id <> $id
RETURN count(DISTINCT b.id)
"""

IDENTITY_STEP = "[:E* SHORTEST 1..30 (r, _ | WHERE r.kind IN ['next', 'same_as'])]"

CONTACTS_1 = f"""
MATCH (s:Segment {{id: $id}})
OPTIONAL MATCH (s)-{IDENTITY_STEP}-(i:Segment)
WITH s, collect(DISTINCT i.id) AS others
WITH others + [s.id] AS ident
UNWIND ident AS member
MATCH (x:Segment {{id: member}})-[n:E]-(c:Segment)
WHERE n.kind = 'near' AND NOT list_contains(ident, c.id)
WITH DISTINCT c
OPTIONAL MATCH (c)-{IDENTITY_STEP}-(m:Segment)
WITH c, min(m.id) AS low
RETURN count(DISTINCT CASE WHEN low IS NULL OR c.id < low THEN c.id ELSE low END)
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--graph", required=True, help="directory with nodes.csv and edges.csv")
    parser.add_argument("--seeds", required=True, help="seggraph-bench graph-queries --seeds-out FILE")
    parser.add_argument("--db", default=":memory:", help="database directory, recreated (default: in memory)")
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
        return lambda seed: conn.execute(query, {"id": seed}).get_next()[0]
    scenarios = [
        time_queries("2-hop neighbours, all kinds (Cypher *1..2)", seeds, "neighbors2", scalar(NEIGHBORS_2)),
        time_queries("contacts, 1 hop", seeds, "contacts1", scalar(CONTACTS_1)),
    ]
    extra = {"kuzu": kuzu.__version__, "db": args.db, "nodes": n_nodes, "edges": n_edges,
             "load_s": round(t_load, 3), "seeds": len(seeds)}
    report("kuzu", extra, scenarios, args.json)


if __name__ == "__main__":
    main()
