"""Export the graph, or one segment's or one park's subgraph, as RDF, streaming page by page.

Two passes over the exported labels: first every node (types, key, properties), then every
relationship (the plain triple, and its reified statement right after it), so that a reader of
the file meets every node before any relationship that needs it and can write as it reads.
Keys are read per label in key order by key-range paging (`WHERE n.id > $after ORDER BY n.id
LIMIT $page`) in pages of KEY_PAGE keys; for each `page_size` keys one query reads the nodes
(`page_<label>.cypher`) or their outgoing relationships (`edges_<label>.cypher`), and the
blocks are written straight to the output. Memory holds one key page and one data page (plus,
for a subgraph, the set of its node keys). LoadRun nodes are not exported, nor the values
and relationships derive materialises (graph.schema.MATERIALISED_*): derive recomputes them
after a load.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files
from typing import IO, Any

from innochain.errors import ConfigError
from innochain.graph.schema import MATERIALISED_REL_TYPES, RELS
from innochain.graph.store import GraphStore
from innochain.rdf.mapping import EXPORTED_LABELS
from innochain.rdf.serializers import document_writer
from innochain.rdf.triples import Block, ExportStats, edge_blocks, node_block

DEFAULT_PAGE_SIZE = 2000
KEY_PAGE = 100_000
"""Keys fetched per key query. FalkorDB sorts every key after $after for each page, so few
large key pages cost far less than many small ones; 100,000 keys are a few MB."""
_DERIVED_RELS = frozenset(r.type for r in MATERIALISED_REL_TYPES)
_FAR_END: dict[tuple[str, str], str] = {
    (r.type, src): dst for r in RELS.values() for src, dst in r.endpoints}
"""(type, near end's label) -> far end's label: graph.schema declares exactly one."""


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
    for phase in ("page", "edges"):
        for label in EXPORTED_LABELS:
            query = cypher_text(f"{phase}_{label.lower()}")
            for keys in _pages(store, label, members, page_size):
                frame = store.run(query, {"keys": keys}, tag=f"rdf/{phase}_{label}")
                rows = [] if frame.empty else frame.to_dict("records")
                blocks = (_node_blocks(label, rows, stats) if phase == "page"
                          else _edge_blocks(label, rows, members, stats))
                stats.triples += writer.write_blocks(blocks)
    writer.close()
    stats.seconds = time.monotonic() - started
    return stats


def _pages(store: GraphStore, label: str, members: dict[str, set[str]] | None,
           page_size: int) -> Iterator[list[str]]:
    if members is None:
        keys_of_label: Iterator[list[str]] = _key_pages(store, label)
    else:
        keys_of_label = iter([sorted(members.get(label, ()))])
    for keys in keys_of_label:
        for i in range(0, len(keys), page_size):
            yield keys[i:i + page_size]


def _key_pages(store: GraphStore, label: str) -> Iterator[list[str]]:
    after = ""
    query = cypher_text(f"keys_{label.lower()}")
    while True:
        frame = store.run(query, {"after": after, "page": KEY_PAGE}, tag=f"rdf/keys_{label}")
        keys = [str(k) for k in frame["key"]] if not frame.empty else []
        if not keys:
            return
        yield keys
        after = keys[-1]


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


def _node_blocks(label: str, rows: list[dict[str, Any]], stats: ExportStats) -> list[Block]:
    return [node_block(label, str(row["key"]), row.get("labels") or [], row["props"] or {},
                       stats) for row in rows]


def _edge_blocks(label: str, rows: list[dict[str, Any]], members: dict[str, set[str]] | None,
                 stats: ExportStats) -> list[Block]:
    """Each relationship's plain triple (once per page, so once in the file) and statement."""
    blocks: list[Block] = []
    plain_seen: set[tuple[str, str]] = set()
    for row in rows:
        rel = str(row["type"])
        if rel in _DERIVED_RELS:
            continue  # recomputed by derive from the facts, not a fact itself
        dst_label = _FAR_END.get((rel, label))
        if dst_label is None:
            stats.undocumented[f"relationship {rel}"] += 1
            continue
        dst_key = row["dst"]
        if dst_key is None:
            continue
        if members is not None and str(dst_key) not in members.get(dst_label, ()):
            continue  # a subgraph keeps only the edges between its own nodes
        found = edge_blocks(rel, (label, str(row["key"])), (dst_label, str(dst_key)),
                            row["props"] or {}, stats)
        plain = found[0]
        seen = (plain.subject, plain.pairs[0][0] + " " + str(plain.pairs[0][1]))
        if seen in plain_seen:
            found = found[1:]
        plain_seen.add(seen)
        blocks += found
    return blocks
