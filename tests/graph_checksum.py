"""A content checksum of a whole graph (LoadRun nodes excluded), and counts per label/type.

Two graphs with the same nodes, labels, relationships and properties give the same checksum,
whatever the order they were written in; tests compare loads with it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from innochain.graph.store import GraphStore

_CYPHER = Path(__file__).parent / "cypher"


def _query(name: str) -> str:
    return (_CYPHER / f"{name}.cypher").read_text(encoding="utf-8")


def _canonical(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in sorted(value.items())}
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return value  # keep floats floats: 1.0 and 1 are different property values
    return value


def graph_lines(store: GraphStore) -> list[str]:
    """Every node and relationship as one canonical JSON line, sorted."""
    lines = []
    for row in store.run(_query("all_nodes"), tag="tests/all_nodes").to_dict("records"):
        lines.append(json.dumps(["node", sorted(row["labels"]), _canonical(row["props"])],
                                ensure_ascii=False, sort_keys=True))
    for row in store.run(_query("all_edges"), tag="tests/all_edges").to_dict("records"):
        lines.append(json.dumps(["rel", sorted(row["src_labels"]), row["src"], row["type"],
                                 _canonical(row["props"]), sorted(row["dst_labels"]), row["dst"]],
                                ensure_ascii=False, sort_keys=True))
    return sorted(lines)


def graph_checksum(store: GraphStore) -> str:
    """sha256 over the sorted canonical lines of the graph."""
    digest = hashlib.sha256()
    for line in graph_lines(store):
        digest.update(line.encode("utf-8") + b"\n")
    return digest.hexdigest()


def node_counts(store: GraphStore) -> dict[str, int]:
    """Nodes per label."""
    frame = store.run(_query("node_counts"), tag="tests/node_counts")
    return {str(r["label"]): int(r["n"]) for r in frame.to_dict("records")}


def rel_counts(store: GraphStore) -> dict[str, int]:
    """Relationships per type."""
    frame = store.run(_query("rel_counts"), tag="tests/rel_counts")
    return {str(r["type"]): int(r["n"]) for r in frame.to_dict("records")}


def run_test_query(store: GraphStore, name: str) -> list[dict[str, Any]]:
    """Rows of `tests/cypher/<name>.cypher` (read-only)."""
    return store.run(_query(name), tag=f"tests/{name}").to_dict("records")  # type: ignore[no-any-return]
