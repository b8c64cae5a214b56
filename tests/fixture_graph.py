"""A small photovoltaic park built by code through graph.writes: the graph every pack test reads.

Five segments (polysilicon -> wafer -> cell -> module -> system), eight technologies, a park
with three firms and an institute, domestic and foreign holders (one a subsidiary), an
alliance, 41 patents with owners, inventors, classes and citations, supply links, two cases,
a licence and a standard. The expected answers in tests/integration/test_packs_*.py are
worked out by hand from the tables below; change a row here and those answers change too.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from innochain.graph.store import GraphStore
from innochain.graph.writes import upsert_nodes, upsert_relationships
from innochain.loaders.segment_summaries import materialise

SOURCE = "fixture"
PARK = "park:demo"
CHAIN = "fx"

# id, name_zh, name_en, stage, order (FEEDS runs down this list)
SEGMENTS = [
    ("fx:silicon", "多晶硅", "Polysilicon", "upstream", 1),
    ("fx:wafer", "硅片", "Wafer", "upstream", 2),
    ("fx:cell", "电池片", "Cell", "midstream", 3),
    ("fx:module", "组件", "Module", "midstream", 4),
    ("fx:system", "电站系统", "PV system", "downstream", 5),
]
# id, segment, name_zh, name_en, CPC group it maps to
TECHNOLOGIES = [
    ("fx:purification", "fx:silicon", "提纯", "Purification", "C01B33/02"),
    ("fx:ingot", "fx:wafer", "拉晶", "Crystal pulling", "C30B15/00"),
    ("fx:perc", "fx:cell", "PERC电池", "PERC cells", "H01L31/18"),
    ("fx:passivation", "fx:cell", "钝化", "Passivation", "H01L31/0216"),
    ("fx:hjt", "fx:cell", "异质结", "Heterojunction", "H01L31/0747"),
    ("fx:encapsulation", "fx:module", "封装", "Encapsulation", "H01L31/048"),
    ("fx:inverter", "fx:system", "逆变器", "Inverters", "H02S40/32"),
    ("fx:grid", "fx:system", "并网", "Grid connection", "H02J3/38"),
]
CPC_TITLES = {
    "C01B33/02": "Silicon purification", "C30B15/00": "Crystal pulling",
    "H01L31/18": "Cell manufacture", "H01L31/0216": "Coatings, passivation",
    "H01L31/0747": "Heterojunction cells", "H01L31/048": "Encapsulation",
    "H02S40/32": "Inverters for PV", "H02J3/38": "Parallel feeding to the grid",
}
# id, role label, name, name_en, country (None = unknown), in_park, size
ORGANIZATIONS = [
    ("org:deneng", "Firm", "德能公司", "Deneng", "CN", True, "large"),
    ("org:dayang", "Firm", "大阳公司", "Dayang", "CN", True, "medium"),
    ("org:xindian", "Firm", "新电公司", "Xindian", "CN", True, "small"),
    ("org:institute", "Institute", "光伏研究院", "PV Research Institute", "CN", True, None),
    ("org:alliance", "Alliance", "光伏产业联盟", "PV Industry Alliance", "CN", True, None),
    ("org:sunrise", "Firm", "晶升公司", "Sunrise Crystal", "CN", False, "large"),
    ("org:gridco", "Firm", "华网公司", "Huawang Grid", "CN", False, "medium"),
    ("org:solaris", "Firm", "Solaris Inc.", "Solaris Inc.", "US", False, "large"),
    ("org:solaris_eu", "Firm", "Solaris Europe B.V.", "Solaris Europe B.V.", "NL", False,
     "medium"),
    ("org:siltech", "Firm", "SilTech GmbH", "SilTech GmbH", "DE", False, "large"),
    ("org:anon", "Firm", "Unknown Holder Ltd", "Unknown Holder Ltd", None, False, None),
]
ALIASES = {"org:deneng": ["Deneng Solar", "德能光伏"]}
PEOPLE = [
    ("person:mueller", "Hans Müller", "DE"), ("person:wang", "王伟", "CN"),
    ("person:zhou", "周敏", "CN"), ("person:sun", "孙娜", "CN"),
    ("person:smith", "John Smith", "US"), ("person:jansen", "Pieter Jansen", "NL"),
    ("person:zhao", "赵磊", "CN"), ("person:chen", "陈静", "CN"),
    ("person:liu", "刘洋", "CN"), ("person:he", "何军", "CN"),
]
# id, filing year, owners, classes (main first), inventors
PATENTS: list[tuple[str, int, list[str], list[str], list[str]]] = [
    ("P01", 2015, ["org:siltech"], ["C01B33/02"], ["person:mueller"]),
    ("P02", 2016, ["org:siltech"], ["C01B33/02"], ["person:mueller"]),
    ("P03", 2017, ["org:siltech"], ["C01B33/02"], ["person:mueller"]),
    ("P04", 2019, ["org:siltech"], ["C01B33/02"], ["person:mueller"]),
    ("P05", 2021, ["org:siltech"], ["C01B33/02"], ["person:mueller"]),
    ("P06", 2022, ["org:siltech"], ["C01B33/02"], ["person:mueller"]),
    ("P07", 2020, ["org:sunrise"], ["C01B33/02"], ["person:wang"]),
    ("P08", 2016, ["org:sunrise"], ["C30B15/00"], ["person:wang"]),
    ("P09", 2018, ["org:sunrise"], ["C30B15/00"], ["person:wang"]),
    ("P10", 2020, ["org:sunrise"], ["C30B15/00"], ["person:wang"]),
    ("P11", 2021, ["org:sunrise"], ["C30B15/00"], ["person:wang"]),
    ("P12", 2022, ["org:sunrise"], ["C30B15/00"], ["person:zhou"]),
    ("P13", 2021, ["org:dayang"], ["C30B15/00"], ["person:sun"]),
    ("P14", 2022, ["org:sunrise"], ["C30B15/00"], ["person:zhou"]),
    ("P15", 2016, ["org:solaris"], ["H01L31/18"], ["person:smith"]),
    ("P16", 2017, ["org:solaris"], ["H01L31/18"], ["person:smith"]),
    ("P17", 2018, ["org:solaris"], ["H01L31/18"], ["person:smith"]),
    ("P18", 2019, ["org:solaris"], ["H01L31/0216"], ["person:smith"]),
    ("P19", 2021, ["org:solaris"], ["H01L31/0747"], ["person:smith"]),
    ("P20", 2022, ["org:solaris"], ["H01L31/0747"], ["person:smith"]),
    ("P21", 2020, ["org:solaris_eu"], ["H01L31/18"], ["person:jansen"]),
    ("P22", 2021, ["org:solaris_eu"], ["H01L31/0216"], ["person:jansen"]),
    ("P23", 2019, ["org:deneng"], ["H01L31/18"], ["person:zhao"]),
    ("P24", 2021, ["org:deneng"], ["H01L31/18"], ["person:zhao"]),
    ("P25", 2022, ["org:deneng"], ["H01L31/18", "H01L31/048"], ["person:zhao"]),
    ("P26", 2018, ["org:institute"], ["H01L31/0216"], ["person:chen"]),
    ("P27", 2020, ["org:institute"], ["H01L31/0216"], ["person:chen"]),
    ("P28", 2022, ["org:institute", "org:deneng"], ["H01L31/0216"],
     ["person:chen", "person:zhao"]),
    ("P29", 2017, ["org:deneng"], ["H01L31/048"], ["person:zhao"]),
    ("P30", 2019, ["org:deneng"], ["H01L31/048"], ["person:zhao"]),
    ("P31", 2020, ["org:deneng"], ["H01L31/048"], ["person:zhao"]),
    ("P32", 2022, ["org:deneng"], ["H01L31/048"], ["person:zhao"]),
    ("P33", 2018, ["org:dayang"], ["H01L31/048"], ["person:sun"]),
    ("P34", 2021, ["org:dayang"], ["H01L31/048"], ["person:sun"]),
    ("P35", 2020, ["org:solaris"], ["H01L31/048", "H01L31/18"], ["person:smith"]),
    ("P36", 2019, ["org:xindian"], ["H02S40/32"], ["person:liu"]),
    ("P37", 2022, ["org:xindian"], ["H02S40/32"], ["person:liu"]),
    ("P38", 2018, ["org:gridco"], ["H02J3/38"], ["person:liu"]),
    ("P39", 2021, ["org:gridco"], ["H02J3/38"], ["person:he"]),
    ("P40", 2021, ["org:solaris"], ["H02S40/32"], ["person:smith"]),
    ("P41", 2020, ["org:anon"], ["H02S40/32"], []),
]
# citing -> cited
CITATIONS = [("P13", "P09"), ("P13", "P10"), ("P23", "P15"), ("P23", "P16"), ("P24", "P17"),
             ("P24", "P21"), ("P33", "P26"), ("P34", "P27"), ("P31", "P26"), ("P37", "P40"),
             ("P40", "P36"), ("P05", "P07"), ("P19", "P18"), ("P39", "P38")]
# supplier, customer, product, since
SUPPLY = [("org:siltech", "org:sunrise", "多晶硅", 2015),
          ("org:siltech", "org:dayang", "多晶硅", 2018),
          ("org:sunrise", "org:deneng", "硅片", 2017),
          ("org:deneng", "org:xindian", "组件", 2019),
          ("org:dayang", "org:xindian", "组件", 2020),
          ("org:xindian", "org:gridco", "逆变器", 2021)]
ACTIVE_IN = [("org:deneng", "fx:system"), ("org:dayang", "fx:module")]
MEMBERS = ["org:deneng", "org:dayang", "org:xindian", "org:institute", "org:sunrise"]
# id, title, year, plaintiffs, defendants, asserted patents
CASES = [
    ("case:solaris-v-deneng", "Solaris v. Deneng (PERC cells)", 2023, ["org:solaris"],
     ["org:deneng"], ["P15", "P16", "P17"]),
    ("case:dayang-v-deneng", "大阳诉德能 组件封装", 2022, ["org:dayang"], ["org:deneng"], ["P33"]),
]
STANDARD = ("std:module-safety", "光伏组件安全规范", ["P29", "P33", "P35"])


def _tech_of_class() -> dict[str, tuple[str, str]]:
    return {cpc: (tech, seg) for tech, seg, _zh, _en, cpc in TECHNOLOGIES}


def patent_segments(classes: list[str]) -> dict[str, list[str]]:
    """Segment -> technologies for a patent's classes (the materialised IN_SEGMENT)."""
    found: dict[str, list[str]] = defaultdict(list)
    for code in classes:
        tech, seg = _tech_of_class()[code]
        if tech not in found[seg]:
            found[seg].append(tech)
    return dict(found)


def _nodes(store: GraphStore) -> None:
    upsert_nodes(store, "Park", [{"key": PARK, "props": {
        "name": "示范光伏产业园", "name_en": "Demo PV Park", "country": "CN", "chain": CHAIN,
        "source": SOURCE}}])
    upsert_nodes(store, "Chain", [{"key": CHAIN, "props": {"name_zh": "光伏", "name_en": "PV"}}])
    upsert_nodes(store, "Segment", [
        {"key": s, "props": {"chain": CHAIN, "name_zh": zh, "name_en": en, "stage": stage,
                             "order": order, "source": SOURCE}}
        for s, zh, en, stage, order in SEGMENTS])
    upsert_nodes(store, "Technology", [
        {"key": t, "props": {"chain": CHAIN, "segment": seg, "name_zh": zh, "name_en": en,
                             "patterns": [cpc], "source": SOURCE}}
        for t, seg, zh, en, cpc in TECHNOLOGIES])
    classes = [{"key": c, "props": {"scheme": "cpc", "title": t, "level": "group"}}
               for c, t in CPC_TITLES.items()]
    classes += [{"key": c, "props": {"scheme": "cpc", "level": "subclass"}}
                for c in sorted({c[:4] for c in CPC_TITLES})]
    upsert_nodes(store, "CPC", classes)
    for role in ("Firm", "Institute", "Alliance"):
        upsert_nodes(store, "Organization", [_org_row(o) for o in ORGANIZATIONS if o[1] == role],
                     role=role)
    upsert_nodes(store, "Person", [{"key": p, "props": {"name": n, "country": c}}
                                   for p, n, c in PEOPLE])
    upsert_nodes(store, "Patent", [
        {"key": pid, "props": {"title": f"Fixture patent {pid}", "year": year, "jurisdiction":
                               "CN", "filing_date": f"{year}-03-01", "source": SOURCE}}
        for pid, year, *_ in PATENTS])
    upsert_nodes(store, "Case", [{"key": c[0], "props": {"title": c[1], "year": c[2]}}
                                 for c in CASES])
    upsert_nodes(store, "Standard", [{"key": STANDARD[0], "props": {"name": STANDARD[1]}}])


def _org_row(org: tuple[Any, ...]) -> dict[str, Any]:
    oid, role, name, name_en, country, in_park, size = org
    props = {"name": name, "name_en": name_en, "role": role.lower(), "country": country,
             "in_park": in_park, "size": size, "source": SOURCE,
             "park": PARK if in_park else None, "aliases": ALIASES.get(oid)}
    return {"key": oid, "props": {k: v for k, v in props.items() if v is not None}}


def _rels(store: GraphStore, rel: str, src: str, dst: str, rows: list[dict[str, Any]]) -> None:
    outcome = upsert_relationships(store, rel, src, dst, rows)
    if outcome.dangling:
        raise AssertionError(f"{rel}: dangling rows {[rows[i] for i in outcome.dangling]}")


def _chain_edges(store: GraphStore) -> None:
    seg_ids = [s[0] for s in SEGMENTS]
    _rels(store, "FEEDS", "Segment", "Segment",
          [{"src": a, "dst": b} for a, b in zip(seg_ids, seg_ids[1:], strict=False)])
    _rels(store, "IN_CHAIN", "Segment", "Chain", [{"src": s, "dst": CHAIN} for s in seg_ids])
    _rels(store, "USES", "Segment", "Technology", [{"src": t[1], "dst": t[0]}
                                                   for t in TECHNOLOGIES])
    _rels(store, "IN_SEGMENT", "Technology", "Segment", [{"src": t[0], "dst": t[1]}
                                                         for t in TECHNOLOGIES])
    _rels(store, "MAPS_TO", "Technology", "CPC", [{"src": t[0], "dst": t[4]} for t in TECHNOLOGIES])
    _rels(store, "CHILD_OF", "CPC", "CPC", [{"src": c, "dst": c[:4]} for c in CPC_TITLES])


def _patent_edges(store: GraphStore) -> None:
    owns, invented, classified, in_segment = [], [], [], []
    for pid, _year, owners, classes, inventors in PATENTS:
        owns += [{"src": o, "dst": pid, "props": {"sequence": i + 1}} for i, o in enumerate(owners)]
        invented += [{"src": p, "dst": pid, "props": {"sequence": i + 1}}
                     for i, p in enumerate(inventors)]
        classified += [{"src": pid, "dst": c, "props": {"main": i == 0}}
                       for i, c in enumerate(classes)]
        segments = patent_segments(classes)
        in_segment += [{"src": pid, "dst": seg, "props": {
            "weight": 1.0 / len(segments), "technologies": techs, "source": f"derived:{CHAIN}"}}
            for seg, techs in segments.items()]
    _rels(store, "OWNS", "Organization", "Patent", owns)
    _rels(store, "INVENTED", "Person", "Patent", invented)
    _rels(store, "CLASSIFIED_AS", "Patent", "CPC", classified)
    _rels(store, "IN_SEGMENT", "Patent", "Segment", in_segment)
    _rels(store, "CITES", "Patent", "Patent", [{"src": a, "dst": b} for a, b in CITATIONS])


def _organization_edges(store: GraphStore) -> None:
    park_orgs = [o[0] for o in ORGANIZATIONS if o[5]]
    _rels(store, "LOCATED_IN", "Organization", "Park", [{"src": o, "dst": PARK} for o in park_orgs])
    _rels(store, "SUPPLIES", "Organization", "Organization",
          [{"src": a, "dst": b, "props": {"product": p, "since": y}} for a, b, p, y in SUPPLY])
    _rels(store, "ACTIVE_IN", "Organization", "Segment",
          [{"src": o, "dst": s, "props": {"basis": "declared"}} for o, s in ACTIVE_IN])
    _rels(store, "MEMBER_OF", "Organization", "Organization",
          [{"src": m, "dst": "org:alliance"} for m in MEMBERS])
    _rels(store, "SUBSIDIARY_OF", "Organization", "Organization",
          [{"src": "org:solaris_eu", "dst": "org:solaris", "props": {"share": 1.0}}])
    _rels(store, "COMPETES_WITH", "Organization", "Organization",
          [{"src": "org:deneng", "dst": "org:dayang", "props": {"year": 2020}}])
    _rels(store, "COOPERATES_WITH", "Organization", "Organization",
          [{"src": "org:deneng", "dst": "org:institute", "props": {"year": 2019}},
           {"src": "org:deneng", "dst": "org:xindian", "props": {"year": 2020}}])
    _rels(store, "LICENSED", "Organization", "Organization",
          [{"src": "org:institute", "dst": "org:dayang", "rkey": {"patent": "P26"},
            "props": {"kind": "license", "date": "2021-05-01"}}])


def _case_edges(store: GraphStore) -> None:
    parties, asserts = [], []
    for cid, _title, _year, plaintiffs, defendants, asserted in CASES:
        parties += [{"src": o, "dst": cid, "rkey": {"side": "plaintiff"}} for o in plaintiffs]
        parties += [{"src": o, "dst": cid, "rkey": {"side": "defendant"}} for o in defendants]
        asserts += [{"src": cid, "dst": p} for p in asserted]
    _rels(store, "PARTY_TO", "Organization", "Case", parties)
    _rels(store, "ASSERTS", "Case", "Patent", asserts)
    _rels(store, "ESSENTIAL_TO", "Patent", "Standard",
          [{"src": p, "dst": STANDARD[0], "props": {"declared": "2021-01-01"}}
           for p in STANDARD[2]])


def build_fixture_graph(store: GraphStore) -> GraphStore:
    """Write the whole fixture park into an empty store and return the store."""
    store.ensure_schema()
    _nodes(store)
    _chain_edges(store)
    _patent_edges(store)
    _organization_edges(store)
    _case_edges(store)
    materialise(store, CHAIN)  # what derive computes after a load: flags, summaries, HOLDS_IN
    return store


def patent_owners(store: GraphStore) -> dict[str, set[str]]:
    """Patent id -> the ids of the organisations that own it, one hop read (what tests count
    materialised values against)."""
    owners: dict[str, set[str]] = {}
    for r in store.run("MATCH (o:Organization)-[:OWNS]->(p:Patent) "
                       "RETURN o.id AS org, p.id AS patent").to_dict("records"):
        owners.setdefault(r["patent"], set()).add(r["org"])
    return owners


def answer(store: GraphStore, query_id: str, **params: Any) -> list[dict[str, Any]]:
    """Rows of a pack query as plain dicts, floats rounded to 6 places for exact asserts."""
    from innochain.queries.runner import run

    frame = run(store, query_id, params).frame
    return [{k: _rounded(v) for k, v in row.items()} for row in frame.to_dict("records")]


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value
