#!/usr/bin/env python3
"""SQLite peer of `seggraph-bench graph-queries` (issue 4).

Loads nodes.csv / edges.csv (`seggraph-bench export-graph`) into SQLite (python3's sqlite3,
in memory by default) and times, for the seeds SegGraph used (`--seeds-out`), with the same
semantics as SegGraph's:
  - neighbours within 2 hops, all kinds, both directions (recursive CTE, distinct ids);
  - contacts to 1 and 2 hops: the seed's identity (closure over `next` and `same_as`), the
    segments `near` it, counted once per individual (their own next/same_as closure), then
    the same again from those individuals for hop 2;
  - the journey (issue 11): the seed's `next`/`same_as` closure kept to the hour around the
    seed (the naive answer `seggraph trace` improves on: no similarity checks, no gap filling),
    sizes checked against SegGraph's own closure (`journey: …`); its trace answers visits.
The edge table holds every edge in both directions (src, dst, kind), clustered on
(src, kind, dst) — the adjacency index SegGraph keeps too. Only the query call is timed, after
one untimed pass; each seed's result size is checked against SegGraph's.

usage: graph_sqlite.py --graph DIR --seeds FILE [--db FILE] [--contacts2-seeds N] [--json]
"""
import argparse
import os
import sqlite3
import time

from graph_common import read_edges, read_nodes, read_seeds, report, time_queries

IDENTITY_KINDS = "('next', 'same_as')"

NEIGHBORS_2 = """
WITH RECURSIVE r(id, d) AS (
    SELECT ?1, 0
    UNION
    SELECT a.dst, r.d + 1 FROM r JOIN adj a ON a.src = r.id WHERE r.d < 2)
SELECT count(DISTINCT id) FROM r WHERE id <> ?1
"""

# Individuals near `frontier` (a CTE of ids), excluding `excluded` CTEs; one row per segment
# of each such individual, tagged with the individual's root (the near segment reached).
def near_individuals(name, frontier, excluded):
    not_in = " ".join(f"AND a.dst NOT IN (SELECT id FROM {e})" for e in excluded)
    return f"""
    {name}_near(id) AS (
        SELECT DISTINCT a.dst FROM {frontier} f JOIN adj a ON a.src = f.id AND a.kind = 'near' WHERE 1 {not_in}),
    {name}(root, id) AS (
        SELECT id, id FROM {name}_near
        UNION
        SELECT c.root, a.dst FROM {name} c JOIN adj a ON a.src = c.id AND a.kind IN {IDENTITY_KINDS})"""

IDENTITY = f"""
    ident(id) AS (
        SELECT ?1
        UNION
        SELECT a.dst FROM ident JOIN adj a ON a.src = ident.id AND a.kind IN {IDENTITY_KINDS})"""

JOURNEY = f"""
WITH RECURSIVE w(lo, hi) AS (SELECT start_ns - 1800000000000, start_ns + 1800000000000 FROM segment WHERE id = ?1),
    ident(id) AS (
        SELECT ?1
        UNION
        SELECT a.dst FROM ident JOIN adj a ON a.src = ident.id AND a.kind IN {IDENTITY_KINDS}
        JOIN segment s ON s.id = a.dst, w WHERE s.end_ns >= w.lo AND s.start_ns <= w.hi)
SELECT count(*) FROM ident
"""

COUNT = "(SELECT count(DISTINCT m) FROM (SELECT min(id) AS m FROM {0} GROUP BY root))"

CONTACTS_1 = f"WITH RECURSIVE {IDENTITY}, {near_individuals('c1', 'ident', ['ident'])}\nSELECT {COUNT.format('c1')}"

CONTACTS_2 = f"""WITH RECURSIVE {IDENTITY}, {near_individuals('c1', 'ident', ['ident'])},
    s1(id) AS (SELECT DISTINCT id FROM c1), {near_individuals('c2', 's1', ['ident', 's1'])}
SELECT {COUNT.format('c1')} + {COUNT.format('c2')}"""


def load(path, graph):
    t0 = time.perf_counter()
    nodes, edges = read_nodes(graph), read_edges(graph)
    t_read = time.perf_counter() - t0
    if path != ":memory:" and os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    t1 = time.perf_counter()
    db.executescript("""
        CREATE TABLE segment(id INTEGER PRIMARY KEY, source TEXT, external_id TEXT, label TEXT, type TEXT,
                             start_ns INTEGER, end_ns INTEGER);
        CREATE TABLE adj(src INTEGER, kind TEXT, dst INTEGER, close_s REAL, gap_s REAL,
                         PRIMARY KEY (src, kind, dst)) WITHOUT ROWID;
    """)
    with db:
        db.executemany("INSERT INTO segment VALUES (?, ?, ?, ?, ?, ?, ?)", nodes)
        db.executemany("INSERT INTO adj VALUES (?, ?, ?, ?, ?)", ((f, k, t, c, g) for f, t, k, c, g in edges))
        db.executemany("INSERT INTO adj VALUES (?, ?, ?, ?, ?)", ((t, k, f, c, g) for f, t, k, c, g in edges))
    return db, len(nodes), len(edges), t_read, time.perf_counter() - t1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--graph", required=True, help="directory with nodes.csv and edges.csv")
    parser.add_argument("--seeds", required=True, help="seggraph-bench graph-queries --seeds-out FILE")
    parser.add_argument("--db", default=":memory:", help="database file (default: in memory)")
    parser.add_argument("--contacts2-seeds", type=int, default=0,
                        help="time contacts to 2 hops on the first N seeds only (0 = all)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    db, n_nodes, n_edges, t_read, t_load = load(args.db, args.graph)
    seeds = read_seeds(args.seeds)
    scalar = lambda sql: (lambda seed: db.execute(sql, (seed,)).fetchone()[0])
    scenarios = [
        time_queries("2-hop neighbours, all kinds (recursive CTE)", seeds, "neighbors2", scalar(NEIGHBORS_2)),
        time_queries("contacts, 1 hop", seeds, "contacts1", scalar(CONTACTS_1)),
        time_queries("contacts, 2 hops" + (f" (first {args.contacts2_seeds} seeds)" if args.contacts2_seeds else ""),
                     seeds[:args.contacts2_seeds or len(seeds)], "contacts2", scalar(CONTACTS_2)),
        time_queries("journey: next/same_as closure in the hour around the seed", seeds, "closure1h", scalar(JOURNEY)),
    ]
    extra = {"sqlite": sqlite3.sqlite_version, "db": args.db, "nodes": n_nodes, "edges": n_edges,
             "csv_read_s": round(t_read, 3), "load_s": round(t_load, 3), "seeds": len(seeds)}
    report("sqlite", extra, scenarios, args.json)


if __name__ == "__main__":
    main()
