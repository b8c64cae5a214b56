"""The materialised values the query packs read instead of walking every patent at query time.

`materialise(store, chain)` recomputes, idempotently, from the graph as it stands:

- graph-wide flags: `Patent.park_owned` (an owner is in the park), `Patent.park_citations`
  (park-owned patents citing it), `Person.park_linked` (an inventor of a park-owned patent),
  `CPC.patents` / `CPC.park_patents` (patents per class, and the park-owned ones),
  `Patent.cited_by` (patents citing it), `Organization.patents` (patents it holds) and
  `Organization.segment_set_*` (its patents grouped by their set of segments, all chains),
  `CITES_HOLDER` Organization->Organization {citations} (one holder's patents citing
  another's), `HOLDS_CLASS` Organization->CPC {patents} (its patents classified there);
- `HOLDS_IN` Organization->Segment {patents, weighted, years, first_year, park_citations,
  outside_patents, outside_countries}: one edge per holder and segment of the chain;
- per segment of the chain, on the Segment node: patent counts and weights (whole, park, per
  owner country), holder concentration, and the per-year and per-technology-per-year counts
  as parallel lists.

It reads IN_SEGMENT, OWNS, CITES, CLASSIFIED_AS, INVENTED and the organisations' `in_park`
and `country`, so any load that changes those must be followed by it
(`derive_segment_membership` calls it; `load_files` runs one or the other after every load).
All the work is in the graph: only the per-country groups of each segment come back to
Python. See docs/graph-model.md.
"""

from __future__ import annotations

from collections import defaultdict

from innochain.graph.store import GraphStore
from innochain.loaders.cypher_files import read_cypher

_FLAG_STEPS = ("clear_patent_flags", "set_park_owned", "set_park_citations",
               "clear_person_flags", "set_person_park_linked",
               "clear_class_counts", "set_class_counts",
               "clear_patent_cited_by", "set_patent_cited_by",
               "clear_organization_holdings", "set_organization_patents",
               "set_organization_segment_sets", "delete_cites_holder",
               "create_cites_holder", "delete_holds_class", "create_holds_class")
_SEGMENT_STEPS = ("create_holds_in", "set_segment_totals", "set_segment_holders",
                  "set_segment_years",
                  "set_segment_technology_years")


def materialise(store: GraphStore, chain: str) -> None:
    """Recompute the flags, the chain's HOLDS_IN edges and its segments' summaries."""
    for step in _FLAG_STEPS:
        store.run(read_cypher(step), read_only=False, tag=f"loaders/{step}")
    store.run(read_cypher("delete_chain_holds_in"), {"chain": chain}, read_only=False,
              tag="loaders/delete_chain_holds_in")
    segments = store.run(read_cypher("chain_segments"), {"chain": chain}, read_only=True,
                         tag="loaders/chain_segments")
    for segment in (segments["segment"] if not segments.empty else []):
        params = {"segment": str(segment), "source": f"derived:{chain}"}
        for step in _SEGMENT_STEPS:
            store.run(read_cypher(step), params, read_only=False, tag=f"loaders/{step}")
        _set_countries(store, str(segment))


def _set_countries(store: GraphStore, segment: str) -> None:
    """Per owner country: the weight of patents outside the park with an owner of that
    country (domestic for a park there) and with known owners none of whom is (foreign)."""
    frame = store.run(read_cypher("segment_owner_countries"), {"segment": segment},
                      read_only=True, tag="loaders/segment_owner_countries")
    groups: dict[frozenset[str], float] = defaultdict(float)
    for row in (frame.to_dict("records") if not frame.empty else []):
        groups[frozenset(str(c) for c in row["countries"] or [])] += float(row["weighted"])
    codes = sorted({c for group in groups for c in group})
    store.run(read_cypher("set_segment_countries"), {
        "segment": segment, "known": sum(groups.values()), "codes": codes,
        "domestic": [sum(w for g, w in groups.items() if c in g) for c in codes],
        "foreign": [sum(w for g, w in groups.items() if c not in g) for c in codes],
    }, read_only=False, tag="loaders/set_segment_countries")
