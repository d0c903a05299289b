#!/usr/bin/env python3
"""Loads `seggraph export --format neo4j-csv` output into Kùzu and answers a few checks.

Proves the CSV is loadable by a real graph engine: the typed Neo4j headers are skipped
(COPY maps columns by position), empty cells become NULL. Prints one JSON object:
  {"nodes": N, "edges": E, "edges_by_type": {...}, "two_hop": K}
where two_hop is the number of distinct segments within 2 hops of --seed over every kind in
both directions, the seed excluded — what `seggraph neighbors SEED --hops 2` lists.

usage: load_neo4j_csv_kuzu.py --csv DIR --db DIR --seed SEGMENT_ID   (needs `pip install kuzu`)
"""
import argparse
import json
import os
import shutil

import kuzu



def edge_properties(path):
    """Property names of relationships.csv: every `name:double` column after :TYPE."""
    with open(path) as handle:
        header = handle.readline().strip().split(",")
    return [column.split(":")[0] for column in header[3:]]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--csv", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--seed", required=True, type=int)
    args = parser.parse_args()
    if os.path.exists(args.db):
        shutil.rmtree(args.db) if os.path.isdir(args.db) else os.remove(args.db)
    conn = kuzu.Connection(kuzu.Database(args.db))
    # Column order = nodes.csv header order; names avoid Cypher keywords (start, end).
    conn.execute("CREATE NODE TABLE Segment(segmentId INT64, source STRING, externalId STRING, "
                 "label STRING, type STRING, startNs INT64, endNs INT64, confidence DOUBLE, "
                 "neoLabel STRING, PRIMARY KEY(segmentId))")
    columns = ", ".join(f"{name} DOUBLE" for name in edge_properties(f"{args.csv}/relationships.csv"))
    conn.execute(f"CREATE REL TABLE E(FROM Segment TO Segment, kind STRING, {columns})")
    conn.execute(f"COPY Segment FROM '{args.csv}/nodes.csv' (header=true)")
    conn.execute(f"COPY E FROM '{args.csv}/relationships.csv' (header=true)")

    def scalar(query, parameters=None):
        result = conn.execute(query, parameters or {})
        return result.get_next()[0]

    by_type = {}
    result = conn.execute("MATCH ()-[e:E]->() RETURN e.kind, count(*) ORDER BY e.kind")
    while result.has_next():
        kind, count = result.get_next()
        by_type[kind] = count
    two_hop = scalar("MATCH (a:Segment {segmentId: $id})-[:E*1..2]-(b:Segment) WHERE b.segmentId <> $id "
                     "RETURN count(DISTINCT b.segmentId)", {"id": args.seed})
    print(json.dumps({
        "nodes": scalar("MATCH (n:Segment) RETURN count(n)"),
        "edges": scalar("MATCH ()-[e:E]->() RETURN count(e)"),
        "edges_by_type": by_type,
        "two_hop": two_hop,
    }, sort_keys=True))


if __name__ == "__main__":
    main()
