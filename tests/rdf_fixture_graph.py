"""A small graph built by code through graph.writes for the RDF round-trip tests.

Organisations with Chinese names and alias lists (one with two role-free properties of every
type), patents, a CPC hierarchy (CHILD_OF), a chain of segments (IN_CHAIN, FEEDS, USES),
patents in segments with fractional weights, supply links with properties, two licences
between the same firms told apart by their `patent` key, and a case with PARTY_TO sides.
"""

from __future__ import annotations

from typing import Any

from innochain.graph.store import GraphStore
from innochain.graph.writes import upsert_nodes, upsert_relationships

PARK = "park:ybz"
SRC = "template:rdf-test"


def _nodes(store: GraphStore, label: str, rows: list[tuple[str, dict[str, Any]]],
           role: str | None = None) -> None:
    upsert_nodes(store, label, [{"key": k, "props": p} for k, p in rows], role=role)


def _rels(store: GraphStore, rel: str, src: str, dst: str,
          rows: list[tuple[str, str, dict[str, Any]]], rkey: tuple[str, ...] = ()) -> None:
    payload = [{"src": a, "dst": b, "props": p, "rkey": {k: p[k] for k in rkey}}
               for a, b, p in rows]
    outcome = upsert_relationships(store, rel, src, dst, payload)
    assert not outcome.dangling, (rel, outcome.dangling)


def build_rdf_fixture(store: GraphStore) -> None:
    """Write the fixture graph into an empty store."""
    store.ensure_schema()
    _nodes(store, "Park", [(PARK, {"name": "宜宾光伏产业园", "name_en": "Yibin PV Park",
                                   "country": "CN", "region": "四川", "chain": "pv"})])
    _nodes(store, "Chain", [("pv", {"name_zh": "光伏", "name_en": "Photovoltaics",
                                    "version": "2024.1"})])
    segments = [("pv:silicon", "多晶硅", "Polysilicon", "upstream", 1),
                ("pv:cell", "电池片", "Cell", "midstream", 2),
                ("pv:module", "组件", "Module", "downstream", 3)]
    _nodes(store, "Segment", [(i, {"chain": "pv", "name_zh": z, "name_en": e, "stage": s,
                                   "order": o}) for i, z, e, s, o in segments])
    _nodes(store, "Technology", [
        ("pv:perc", {"chain": "pv", "segment": "pv:cell", "name_zh": "PERC电池",
                     "name_en": "PERC", "patterns": ["H01L31/18", "H01L31/0216"],
                     "keywords": ["PERC", "钝化", "PERC"]}),
        ("pv:purify", {"chain": "pv", "segment": "pv:silicon", "name_zh": "提纯",
                       "name_en": "Purification", "patterns": ["C01B33/02"], "keywords": []})])
    _nodes(store, "CPC", [
        ("H01L", {"scheme": "cpc", "title": "Semiconductor devices", "level": "subclass"}),
        ("H01L31/18", {"scheme": "cpc", "title": "Processes for cells", "level": "group"}),
        ("C01B33/02", {"scheme": "ipc", "title": "Silicon purification", "level": "group"})])
    _organizations(store)
    _patents(store)
    _nodes(store, "Case", [("case:337-1", {"title": "337-TA-1 光伏组件", "year": 2022,
                                           "date_filed": "2022-05-01", "forum": "USITC",
                                           "forum_type": "337", "jurisdiction": "US",
                                           "status": "open",
                                           "source_url": "https://example.org/337?a=1&b=2"})])
    _edges(store)


def _organizations(store: GraphStore) -> None:
    park = {"in_park": True, "park": PARK, "country": "CN", "source": SRC}
    _nodes(store, "Organization", [
        ("org:longi", {**park, "name": "隆基绿能科技股份有限公司", "name_en": "LONGi Green Energy",
                       "aliases": ["隆基", "LONGi", "隆基股份"], "role": "firm", "founded": 2000,
                       "size": "large", "uscc": "91610000750000000X", "region": "陕西"}),
        ("org:sunrise", {**park, "name": "日升光伏", "aliases": [], "role": "firm",
                         "size": "small", "synthetic": True})], role="Firm")
    _nodes(store, "Organization", [
        ("org:ybu", {**park, "name": "宜宾学院", "role": "institute"})], role="Institute")
    _nodes(store, "Organization", [
        ("org:solarx", {"name": "SolarX Inc.", "country": "US", "in_park": False,
                        "role": "firm", "source": SRC}),
        ("org:wacker", {"name": "Wacker Chemie AG", "country": "DE", "in_park": False,
                        "role": "firm", "source": SRC})], role="Firm")
    _nodes(store, "Organization", [("org:alliance", {"name": "光伏专利联盟", "role": "alliance",
                                                     "source": SRC})], role="Alliance")


def _patents(store: GraphStore) -> None:
    rows = [("CN114123456A", "一种PERC电池钝化方法", 2021, "2021-03-05"),
            ("CN115000001B", "多晶硅提纯装置", 2020, "2020-07-01"),
            ("US9893215B2", "Solar cell with passivated contacts\nand more", 2016, "2016-02"),
            ("EP2220689", "Module frame", 2008, None)]
    _nodes(store, "Patent", [(pid, {"title": t, "year": y, "filing_date": d,
                                    "jurisdiction": pid[:2], "kind": pid[-2:] if pid[-1].isdigit()
                                    else pid[-1], "source": "patentsview",
                                    "abstract": None if pid.startswith("EP") else f"摘要 {pid}"})
                             for pid, t, y, d in rows])


def _edges(store: GraphStore) -> None:
    fix = {"source": SRC}
    _rels(store, "IN_CHAIN", "Segment", "Chain",
          [(s, "pv", fix) for s in ("pv:silicon", "pv:cell", "pv:module")])
    _rels(store, "FEEDS", "Segment", "Segment",
          [("pv:silicon", "pv:cell", fix), ("pv:cell", "pv:module", {})])
    _rels(store, "USES", "Segment", "Technology",
          [("pv:cell", "pv:perc", fix), ("pv:silicon", "pv:purify", fix)])
    _rels(store, "MAPS_TO", "Technology", "CPC", [("pv:perc", "H01L31/18", fix),
                                                  ("pv:purify", "C01B33/02", fix)])
    _rels(store, "CHILD_OF", "CPC", "CPC", [("H01L31/18", "H01L", fix)])
    _rels(store, "CLASSIFIED_AS", "Patent", "CPC", [
        ("CN114123456A", "H01L31/18", {"main": True, "source": "patentsview"}),
        ("US9893215B2", "H01L31/18", {"main": False, "source": "patentsview"}),
        ("CN115000001B", "C01B33/02", {"main": True, "source": "patentsview"})])
    derived = "derived:pv"
    _rels(store, "IN_SEGMENT", "Patent", "Segment", [
        ("CN114123456A", "pv:cell", {"weight": 1.0, "technologies": ["pv:perc"],
                                     "source": derived}),
        ("US9893215B2", "pv:cell", {"weight": 0.5, "technologies": ["pv:perc"],
                                    "source": derived}),
        ("US9893215B2", "pv:module", {"weight": 0.5, "technologies": [], "source": derived}),
        ("CN115000001B", "pv:silicon", {"weight": 1.0 / 3, "technologies": ["pv:purify"],
                                        "source": derived}),
        ("EP2220689", "pv:module", {"weight": 1.0, "source": derived})])
    _rels(store, "OWNS", "Organization", "Patent", [
        ("org:longi", "CN114123456A", {"sequence": 1, "source": "patentsview"}),
        ("org:ybu", "CN114123456A", {"sequence": 2, "source": "patentsview"}),
        ("org:solarx", "US9893215B2", {"sequence": 1, "source": "patentsview"}),
        ("org:wacker", "CN115000001B", {"sequence": 1, "source": "patentsview"}),
        ("org:wacker", "EP2220689", {})])
    _org_links(store, fix)


def _org_links(store: GraphStore, fix: dict[str, Any]) -> None:
    _rels(store, "LOCATED_IN", "Organization", "Park",
          [(o, PARK, {"since": 2019, "source": SRC}) for o in ("org:longi", "org:sunrise",
                                                               "org:ybu")])
    _rels(store, "SUPPLIES", "Organization", "Organization", [
        ("org:wacker", "org:longi", {"product": "多晶硅", "since": 2018, "quantity": 1200.5,
                                     "source": "pv-supply-links",
                                     "source_url": "https://example.org/s?x=1"}),
        ("org:longi", "org:sunrise", {"product": "硅片", "since": 2021, "until": 2023,
                                      "source": SRC})])
    _rels(store, "LICENSED", "Organization", "Organization", [
        ("org:ybu", "org:longi", {"patent": "CN114123456A", "kind": "exclusive",
                                  "date": "2022-01-10", "source": SRC}),
        ("org:ybu", "org:longi", {"patent": "CN115000001B", "kind": "license",
                                  "date": "2023", "source": SRC})], rkey=("patent",))
    _rels(store, "MEMBER_OF", "Organization", "Organization", [
        ("org:longi", "org:alliance", {"since": "2020-06-01", "role": "lead", "source": SRC}),
        ("org:sunrise", "org:alliance", {})])
    _rels(store, "COOPERATES_WITH", "Organization", "Organization",
          [("org:longi", "org:ybu", {"since": "2019-09-09", "year": 2019, "source": SRC})])
    _rels(store, "SUBSIDIARY_OF", "Organization", "Organization",
          [("org:sunrise", "org:longi", {"share": 0.51, "source": SRC})])
    _nodes(store, "Case", [])
    _rels(store, "PARTY_TO", "Organization", "Case", [
        ("org:solarx", "case:337-1", {"side": "plaintiff", "source": "pv-litigation"}),
        ("org:longi", "case:337-1", {"side": "respondent", "source": "pv-litigation"}),
        ("org:sunrise", "case:337-1", {"side": "respondent", "source": "pv-litigation"})],
          rkey=("side",))
    _rels(store, "ASSERTS", "Case", "Patent", [("case:337-1", "US9893215B2", fix)])
    _rels(store, "ACTIVE_IN", "Organization", "Segment",
          [("org:longi", "pv:cell", {"basis": "declared", "source": SRC})])
