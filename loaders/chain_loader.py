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
from innochain.loaders.chain_template import (
    ChainTemplate,
    Segment,
    Technology,
    load_chain_template,
)
from innochain.loaders.classification_nodes import ClassNodes
from innochain.loaders.cypher_files import read_cypher
from innochain.loaders.load_context import LoadContext
from innochain.loaders.records import EdgeRecord, NodeRecord, Origin, Record
from innochain.loaders.segment_summaries import materialise

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
    """(Re)compute, idempotently, everything the query packs read about one chain.

    IN_SEGMENT Patent->Segment {weight, technologies} for every patent whose classes fall
    under the chain (weight 1/n over its n segments), the materialised flags and summaries
    (`segment_summaries.materialise`), and ACTIVE_IN {basis: patents} for the holders.
    Returns (patent memberships, organisation links). Class codes are matched against the
    patterns once each, in Python; the graph then joins patents to the marked codes a filing
    year at a time, so no patent row travels to the client."""
    template = template_from_graph(store, chain)
    source = f"derived:{chain}"
    try:
        _mark_classes(store, template, page_size)
        while _scalar(store, "delete_chain_in_segment",
                      {"chain": chain, "source": source, "limit": page_size * 10}, "deleted"):
            pass
        years = store.run(read_cypher("patent_years"), read_only=True, tag="loaders/patent_years")
        written = sum(_scalar(store, "create_in_segment" if _year(y) is not None
                              else "create_in_segment_no_year",
                              {"year": _year(y), "source": source}, "written")
                      for y in (years["year"] if not years.empty else []))
    finally:
        for name in ("clear_chain_classes", "clear_chain_segments"):
            store.run(read_cypher(name), read_only=False, tag=f"loaders/{name}")
    materialise(store, chain)
    store.run(read_cypher("delete_derived_active_in"), {"source": source}, read_only=False,
              tag="loaders/delete_derived_active_in")
    linked = _scalar(store, "merge_derived_active_in", {"chain": chain, "source": source},
                     "linked")
    return written, linked


def _year(value: Any) -> int | None:
    return None if value is None or value != value else int(value)  # NaN: no year


def _scalar(store: GraphStore, name: str, params: dict[str, Any], column: str) -> int:
    frame = store.run(read_cypher(name), params, read_only=False, tag=f"loaders/{name}")
    return int(frame.iloc[0][column]) if not frame.empty else 0


def _mark_classes(store: GraphStore, template: ChainTemplate, page_size: int) -> None:
    """Put on each class code the chain covers its technologies and their segments, and on
    each segment the technologies it uses."""
    codes = store.run(read_cypher("class_codes"), read_only=True, tag="loaders/class_codes")
    order = list(template.technologies)
    rows = []
    for code in (codes["code"] if not codes.empty else []):
        hits = template._index.labels_for(str(code))
        if hits:
            techs = [t for t in order if t in hits]
            segs = sorted({s for t in techs for s in template.technologies[t].segments})
            rows.append({"code": str(code), "technologies": techs, "segments": segs})
    for start in range(0, len(rows), page_size):
        store.run(read_cypher("mark_chain_classes"), {"rows": rows[start:start + page_size]},
                  read_only=False, tag="loaders/mark_chain_classes")
    segments = [{"segment": sid, "technologies": [t.id for t in template.technologies_of(sid)]}
                for sid in template.segments]
    store.run(read_cypher("mark_chain_segments"), {"rows": segments}, read_only=False,
              tag="loaders/mark_chain_segments")
