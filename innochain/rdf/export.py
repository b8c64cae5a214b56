"""Export the graph, or one segment's or one park's subgraph, as RDF, streaming page by page.

Nodes are read per label in key order with key-range paging (`WHERE n.id > $after ORDER BY
n.id LIMIT $page`), each page with its nodes' outgoing relationships, turned into a small
rdflib Graph and appended to the output. Memory holds one page (page_size nodes and their
out-edges) plus, for a subgraph, the set of its node keys. LoadRun nodes are not exported.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib.resources import files
from typing import IO, Any

from innochain.errors import ConfigError
from innochain.graph.schema import NODES, RELS
from innochain.graph.store import GraphStore
from innochain.rdf.mapping import EXPORTED_LABELS
from innochain.rdf.serializers import document_writer, page_graph
from innochain.rdf.triples import ExportStats, add_edge, add_node

DEFAULT_PAGE_SIZE = 1000


def cypher_text(name: str) -> str:
    """The text of innochain/rdf/cypher/<name>.cypher (read through the installed package)."""
    return (files("innochain.rdf") / "cypher" / f"{name}.cypher").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Scope:
    """The whole graph (both None), one segment's subgraph or one park's subgraph."""

    segment: str | None = None
    park: str | None = None


WHOLE_GRAPH = Scope()


def export_rdf(store: GraphStore, out: IO[bytes], fmt: str = "turtle", *,
               scope: Scope = WHOLE_GRAPH, page_size: int = DEFAULT_PAGE_SIZE) -> ExportStats:
    """Write the scope as one RDF document in `fmt` to the binary stream `out`."""
    started = time.monotonic()
    writer = document_writer(fmt, out)
    stats = ExportStats()
    members = _subgraph_keys(store, scope)
    for label in EXPORTED_LABELS:
        if members is None:
            pages = _key_pages(store, label, page_size)
        else:
            keys = sorted(members.get(label, ()))
            pages = (keys[i:i + page_size] for i in range(0, len(keys), page_size))
        for keys in pages:
            graph = page_graph()
            for row in _page_rows(store, label, keys):
                _add_row(graph, label, row, members, stats)
            stats.triples += len(graph)
            writer.write_page(graph)
    writer.close()
    stats.seconds = time.monotonic() - started
    return stats


def _key_pages(store: GraphStore, label: str, page_size: int) -> Iterator[list[str]]:
    after = ""
    query = cypher_text(f"keys_{label.lower()}")
    while True:
        frame = store.run(query, {"after": after, "page": page_size}, tag=f"rdf/keys_{label}")
        keys = [str(k) for k in frame["key"]] if not frame.empty else []
        if not keys:
            return
        yield keys
        after = keys[-1]


def _page_rows(store: GraphStore, label: str, keys: list[str]) -> list[dict[str, Any]]:
    frame = store.run(cypher_text(f"page_{label.lower()}"), {"keys": keys},
                      tag=f"rdf/page_{label}")
    return [] if frame.empty else frame.to_dict("records")


def _subgraph_keys(store: GraphStore, scope: Scope) -> dict[str, set[str]] | None:
    if scope.segment is not None and scope.park is not None:
        raise ConfigError("give --segment or --park, not both")
    if scope.segment is None and scope.park is None:
        return None
    name, params = (("subgraph_segment", {"segment": scope.segment}) if scope.segment is not None
                    else ("subgraph_park", {"park": str(scope.park)}))
    frame = store.run(cypher_text(name), params, tag=f"rdf/{name}")
    if frame.empty:
        what = f"Segment {scope.segment!r}" if scope.segment is not None else f"Park {scope.park!r}"
        raise ConfigError(f"no {what} in the graph: check the id (e.g. with the landscape "
                          "pack) or load the chain template first")
    members: dict[str, set[str]] = defaultdict(set)
    for label, key in zip(frame["label"], frame["key"], strict=True):
        if key is not None:
            members[str(label)].add(str(key))
    return members


def _node_label(labels: list[str]) -> str | None:
    found = [lbl for lbl in labels if lbl in NODES]
    return found[0] if found else None


def _add_row(graph: Any, label: str, row: Mapping[str, Any],
             members: dict[str, set[str]] | None, stats: ExportStats) -> None:
    key = str(row["key"])
    add_node(graph, label, key, row["labels"] or [], row["props"] or {}, stats)
    for edge in row["edges"] or []:
        if not edge or edge.get("type") is None:
            continue
        if str(edge["type"]) not in RELS:
            stats.undocumented[f"relationship {edge['type']}"] += 1
            continue
        dst_label = _node_label(edge.get("labels") or [])
        if dst_label is None or dst_label == "LoadRun":
            continue
        dst_key = edge.get(NODES[dst_label].key)
        if dst_key is None:
            continue
        if members is not None and str(dst_key) not in members.get(dst_label, ()):
            continue  # a subgraph keeps only the edges between its own nodes
        add_edge(graph, str(edge["type"]), (label, key), (dst_label, str(dst_key)),
                 edge.get("props") or {}, stats)
