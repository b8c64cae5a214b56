"""p50/p95 of every pack query on the demo graph, on the embedded FalkorDB and on Neo4j 5.

    python bench/query_latency.py [--backends falkordb,neo4j] [--repeats 20] [--json FILE]

Builds the demo park (`innochain demo --build-only`'s graph) into a fresh store of each
backend, then times every public query with its header's example parameters (fixture ids
replaced by the demo's, as bench/scale_queries.py does). The 1M-patent figures come from
`bench/run.py --size 1m`. Absolute times are for this machine only.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from scale_backends import falkordb_session, neo4j_session  # type: ignore[import-not-found]
from scale_queries import QueryTiming, time_query  # type: ignore[import-not-found]

from innochain.demo_build import build_demo
from innochain.errors import InnoChainError
from innochain.graph.store import GraphStore
from innochain.queries.pack_format import QuerySpec
from innochain.queries.runner import list_queries

# One real id per label of the demo graph stands in for the fixture ids of the examples.
PICKS = {
    "Organization": "MATCH (o:Organization) WHERE o.in_park = true AND o.role = 'firm' "
                    "OPTIONAL MATCH (o)-[:OWNS]->(p) RETURN o.id AS id, count(p) AS n "
                    "ORDER BY n DESC, id LIMIT 1",
    "Park": "MATCH (n:Park) RETURN n.id AS id ORDER BY id LIMIT 1",
    "Segment": "MATCH (n:Segment) RETURN n.id AS id ORDER BY n.order, id LIMIT 1",
    "Technology": "MATCH (n:Technology) RETURN n.id AS id ORDER BY id LIMIT 1",
    "Case": "MATCH (n:Case)<-[:PARTY_TO]-() RETURN n.id AS id ORDER BY id LIMIT 1",
    "Standard": "MATCH (n:Standard) RETURN n.id AS id ORDER BY id LIMIT 1",
    "Patent": "MATCH (n:Patent) RETURN n.id AS id ORDER BY id LIMIT 1",
    "Person": "MATCH (n:Person) RETURN n.id AS id ORDER BY id LIMIT 1",
    "CPC": "MATCH (n:CPC)<-[:CLASSIFIED_AS]-() RETURN n.code AS id ORDER BY id LIMIT 1",
}


def picks(store: GraphStore) -> dict[str, str]:
    out = {}
    for label, cypher in PICKS.items():
        frame = store.run(cypher)
        if not frame.empty:
            out[label] = str(frame.iloc[0]["id"])
    return out


def demo_params(spec: QuerySpec, chosen: dict[str, str]) -> dict[str, object]:
    params: dict[str, object] = {}
    for name, param in spec.params.items():
        value = param.example if param.example is not None else param.default
        if param.ref and param.ref in chosen and (param.required or value is not None):
            value = chosen[param.ref]
        if value is not None:
            params[name] = value
    return params


def time_demo_queries(store: GraphStore, repeats: int) -> list[QueryTiming]:
    chosen = picks(store)
    out = []
    for spec in list_queries():
        try:
            out.append(time_query(store, spec, demo_params(spec, chosen), repeats))
        except InnoChainError as exc:
            out.append(QueryTiming(spec.id, [], 0, f"failed: {str(exc).splitlines()[0][:120]}"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default="falkordb,neo4j")
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    records, table = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for backend in args.backends.split(","):
            opener = falkordb_session if backend == "falkordb" else neo4j_session
            with opener(Path(tmp) / backend) as session:
                store = session.store
                started = time.perf_counter()
                build_demo(store, rebuild=True)
                print(f"{backend}: demo graph built in {time.perf_counter() - started:.1f} s")
                for t in time_demo_queries(store, args.repeats):
                    if not t.seconds:
                        table.append((backend, t.query_id, None, None, t.note))
                        continue
                    p50, p95 = statistics.median(t.seconds), t.percentile(0.95)
                    table.append((backend, t.query_id, p50, p95, t.note))
                    for name, value in (("p50", p50), ("p95", p95)):
                        records.append({"name": f"query.{t.query_id}.{name}",
                                        "backend": backend, "size": "demo",
                                        "value": value * 1000, "unit": "ms"})
    print(f"\n{'backend':<9} {'query':<40} {'p50 ms':>9} {'p95 ms':>9}")
    for backend, qid, p50, p95, note in table:
        if p50 is None:
            print(f"{backend:<9} {qid:<40} {'-':>9} {'-':>9}  {note}")
        else:
            print(f"{backend:<9} {qid:<40} {p50 * 1000:>9.1f} {p95 * 1000:>9.1f}")
    if args.json:
        args.json.write_text(json.dumps(records, indent=2))


if __name__ == "__main__":
    main()
