"""Rows per second of GraphStore.write_batches on each backend (issue: foundation).

    python bench/store_write.py [--rows 100000] [--batch-sizes 1000,5000,20000] [--json FILE]

For each backend (embedded FalkorDB in a temp dir; Neo4j 5 started from Maven Central, or
NEO4J_URI) and each batch size: MERGE 100,000 Organization nodes on an indexed key into an
empty graph, then MERGE 100,000 SUPPLIES relationships between them. Indexes exist first.
Absolute figures are for this machine only; compare the columns side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from innochain.graph.falkordb_store import FalkorDBStore
from innochain.graph.neo4j_store import Neo4jStore
from innochain.graph.store import GraphStore
from innochain.graph.writes import upsert_nodes, upsert_relationships


@contextmanager
def falkordb_backend(tmp: Path) -> Iterator[GraphStore]:
    store = FalkorDBStore(f"falkordb://{tmp / 'falkordb'}", data_dir=tmp / "falkordb")
    try:
        yield store
    finally:
        store.close()


@contextmanager
def neo4j_backend(tmp: Path) -> Iterator[GraphStore]:
    uri = os.environ.get("NEO4J_URI")
    if uri:
        store = Neo4jStore(uri, username=os.environ.get("NEO4J_USERNAME"),
                           password=os.environ.get("NEO4J_PASSWORD"))
        try:
            yield store
        finally:
            store.close()
        return
    from innochain.neo4j_devserver import start_neo4j

    with start_neo4j(tmp / "neo4j", heap="2g") as server:
        store = Neo4jStore(server.uri)
        try:
            yield store
        finally:
            store.close()


def measure(store: GraphStore, rows: int, batch: int) -> tuple[float, float]:
    """(node rows/s, edge rows/s) for one batch size on an empty graph."""
    store.clear()
    store.ensure_schema()
    nodes = [{"key": f"org:{i}", "props": {"name": f"firm {i}", "country": "CN"}}
             for i in range(rows)]
    edges = [{"src": f"org:{i}", "dst": f"org:{(i * 7919 + 1) % rows}",
              "props": {"since": 2000 + i % 25}} for i in range(rows)]
    t0 = time.perf_counter()
    upsert_nodes(store, "Organization", nodes, batch_size=batch)
    t1 = time.perf_counter()
    outcome = upsert_relationships(store, "SUPPLIES", "Organization", "Organization", edges,
                                   batch_size=batch)
    t2 = time.perf_counter()
    assert not outcome.dangling, "every edge must find its nodes"
    return rows / (t1 - t0), rows / (t2 - t1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--batch-sizes", default="1000,5000,20000")
    parser.add_argument("--backends", default="falkordb,neo4j")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    sizes = [int(s) for s in args.batch_sizes.split(",")]
    backends: dict[str, Callable[[Path], object]] = {
        "falkordb": falkordb_backend, "neo4j": neo4j_backend}
    records = []
    print(f"{'backend':<10}{'batch':>8}{'nodes rows/s':>16}{'edges rows/s':>16}")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.backends.split(","):
            with backends[name](Path(tmp)) as store:  # type: ignore[attr-defined]
                for batch in sizes:
                    node_rate, edge_rate = measure(store, args.rows, batch)
                    print(f"{name:<10}{batch:>8}{node_rate:>16,.0f}{edge_rate:>16,.0f}")
                    for what, value in (("nodes", node_rate), ("edges", edge_rate)):
                        records.append({"name": f"write_batches.{what}", "backend": name,
                                        "size": args.rows, "batch": batch, "value": value,
                                        "unit": "rows/s"})
    if args.json:
        args.json.write_text(json.dumps(records, indent=2))


if __name__ == "__main__":
    main()
