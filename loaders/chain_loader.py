"""Kind `chain`: a chain template into the graph, and patents' fractional segment membership.

Node ids are namespaced by the chain (`pv:cell`, `pv:topcon`) so two parks' chains can share
a segment slug. Class patterns become CPC nodes (scheme `ipc` for ipc/ipc_newer patterns,
`cpc` for CPC-only ones) reached by MAPS_TO from their technology.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from innochain.graph.store import GraphStore
from innochain.graph.writes import upsert_relationships
from innochain.loaders.chain_template import (
    ChainTemplate,
    Segment,
    Technology,
    load_chain_template,
    match_segments,
    match_technologies,
)
from innochain.loaders.classification_nodes import ClassNodes
from innochain.loaders.cypher_files import read_cypher
from innochain.loaders.load_context import LoadContext
from innochain.loaders.records import EdgeRecord, NodeRecord, Origin, Record

PAGE_SIZE = 5000


def node_id(chain: str, slug: str) -> str:
    """Graph id of a segment or technology: `<chain>:<slug>`."""
    return f"{chain}:{slug}"


def _segment_records(t: ChainTemplate, path: str, source: str) -> Iterator[Record]:
    for seg in t.segments.values():
        origin = Origin(path, seg.line)
        sid = node_id(t.id, seg.id)
        yield NodeRecord("Segment", sid, {"chain": t.id, "name_zh": seg.name_zh,
                                          "name_en": seg.name_en, "stage": seg.stage,
                                          "order": seg.order, "source": source}, origin)
        yield EdgeRecord("IN_CHAIN", "Segment", sid, "Chain", t.id, {"source": source}, origin)
        for target in seg.feeds:
            yield EdgeRecord("FEEDS", "Segment", sid, "Segment", node_id(t.id, target),
                             {"source": source}, origin, field_name="feeds")


def _technology_records(t: ChainTemplate, path: str, source: str) -> Iterator[Record]:
    schemes = {"ipc": ClassNodes("ipc", source), "cpc": ClassNodes("cpc", source)}
    for tech in t.technologies.values():
        origin = Origin(path, tech.line)
        tid = node_id(t.id, tech.id)
        yield NodeRecord("Technology", tid, {
            "chain": t.id, "segment": node_id(t.id, tech.segments[0]),
            "name_zh": tech.name_zh, "name_en": tech.name_en, "patterns": list(tech.patterns),
            "keywords": [*tech.keywords_zh, *tech.keywords_en], "source": source}, origin)
        for seg in tech.segments:
            sid = node_id(t.id, seg)
            yield EdgeRecord("USES", "Segment", sid, "Technology", tid, {"source": source}, origin)
            yield EdgeRecord("IN_SEGMENT", "Technology", tid, "Segment", sid, {"source": source},
                             origin)
        for scheme, patterns in (("ipc", tech.ipc + tech.ipc_newer), ("cpc", tech.cpc)):
            for code in patterns:
                yield from schemes[scheme].records(code, origin)
                yield EdgeRecord("MAPS_TO", "Technology", tid, "CPC", code, {"source": source},
                                 origin, field_name=scheme)


def load_chain(paths: Sequence[Path], context: LoadContext) -> Iterator[Record]:
    """Chain, Segment, Technology and pattern CPC records of each chain template."""
    for path in paths:
        t = load_chain_template(path)
        source = f"chain:{t.id}"
        yield NodeRecord("Chain", t.id, {"name_zh": t.name_zh, "name_en": t.name_en,
                                         "version": t.version, "source": source},
                         Origin(str(path), 1))
        yield from _segment_records(t, str(path), source)
        yield from _technology_records(t, str(path), source)


# -- derived membership ----------------------------------------------------------------------
def template_from_graph(store: GraphStore, chain: str) -> ChainTemplate:
    """The chain's segments and technologies as loaded (ids are graph ids), for matching."""
    frame = store.run(read_cypher("chain_technologies"), {"chain": chain}, read_only=True,
                      tag="loaders/chain_technologies")
    segments: dict[str, Segment] = {}
    tech_rows: dict[str, tuple[list[str], tuple[str, ...]]] = {}
    for row in frame.to_dict("records"):
        segments.setdefault(row["segment"], Segment(row["segment"], "", "", "",
                                                    int(row["order"] or 0)))
        segs, _ = tech_rows.setdefault(row["technology"], ([], tuple(row["patterns"] or ())))
        segs.append(row["segment"])
    techs = {tid: Technology(tid, "", "", tuple(segs), ipc=patterns)
             for tid, (segs, patterns) in tech_rows.items()}
    template = ChainTemplate(chain, "", "", "", (), segments, techs)
    for tech in techs.values():
        for pattern in tech.patterns:
            template._index.add(pattern, tech.id)  # same index parse_chain_template builds
    return template


def derive_segment_membership(store: GraphStore, chain: str, *,
                              page_size: int = PAGE_SIZE) -> tuple[int, int]:
    """Write IN_SEGMENT Patent->Segment {weight, technologies} for every patent whose classes
    fall under the chain, and ACTIVE_IN {basis: patents} for their owners; returns
    (patent memberships, organisation links). Pages through patents by id."""
    template = template_from_graph(store, chain)
    source = f"derived:{chain}"
    store.run(read_cypher("delete_derived_active_in"), {"source": source}, read_only=False,
              tag="loaders/delete_derived_active_in")
    active: set[tuple[str, str]] = set()
    written, after = 0, ""
    while True:
        page = store.run(read_cypher("patent_classes"), {"after": after, "limit": page_size},
                         read_only=True, tag="loaders/patent_classes").to_dict("records")
        if not page:
            break
        after = page[-1]["patent"]
        store.run(read_cypher("delete_derived_in_segment"),
                  {"patents": [r["patent"] for r in page], "source": source}, read_only=False,
                  tag="loaders/delete_derived_in_segment")
        rows = []
        for row in page:
            found = _membership_rows(template, row, source)
            rows.extend(found)
            active.update((owner, r["dst"]) for r in found for owner in row["owners"] or [])
        outcome = upsert_relationships(store, "IN_SEGMENT", "Patent", "Segment", rows)
        written += len(outcome.written)
    links = [{"src": org, "dst": seg, "props": {"basis": "patents", "source": source}}
             for org, seg in sorted(active)]
    linked = len(upsert_relationships(store, "ACTIVE_IN", "Organization", "Segment", links).written)
    return written, linked


def _membership_rows(template: ChainTemplate, row: dict[str, Any],
                     source: str) -> list[dict[str, Any]]:
    classes = list(row["classes"] or [])
    weights = match_segments(template, classes)
    if not weights:
        return []
    techs = match_technologies(template, classes)
    return [{"src": row["patent"], "dst": seg,
             "props": {"weight": weight, "source": source, "technologies": [
                 t for t in techs if seg in template.technologies[t].segments]}}
            for seg, weight in weights.items()]
