"""撮合 match pack on the fixture park, on both backends; answers worked out by hand."""

from __future__ import annotations

import re

import pytest

from innochain.graph.schema import MATERIALISED_REL_TYPES, REL_TYPES
from innochain.graph.store import GraphStore
from innochain.queries.pack_library import load_library
from innochain.queries.runner import run
from innochain.queries.scoring import score_partners
from tests.fixture_graph import answer, build_fixture_graph


@pytest.fixture
def park(store: GraphStore) -> GraphStore:
    return build_fixture_graph(store)


def test_partners_along_the_chain(park: GraphStore) -> None:
    rows = answer(park, "match.partners", firm_id="org:deneng")
    # Deneng works in cell, module, system: wafer feeds it; Sunrise supplies it wafers,
    # Xindian buys its modules and co-operates with it
    assert [(r["partner_id"], r["in_park"], r["upstream_segments"], r["downstream_segments"],
             r["shared_classes"], r["supply_link"], r["cooperates"]) for r in rows] == [
        ("org:dayang", True, ["fx:wafer"], [], 1, "none", False),
        ("org:solaris", False, [], [], 3, "none", False),
        ("org:solaris_eu", False, [], [], 2, "none", False),
        ("org:sunrise", False, ["fx:wafer"], [], 0, "supplier", False),
        ("org:xindian", True, [], [], 0, "customer", True),
    ]


def test_partners_scored_from_the_query(park: GraphStore) -> None:
    ranked = score_partners(run(park, "match.partners", {"firm_id": "org:deneng"}).frame)
    assert list(ranked["partner_id"])[:3] == ["org:sunrise", "org:dayang", "org:xindian"]


def test_partners_downstream(park: GraphStore) -> None:
    rows = answer(park, "match.partners", firm_id="org:sunrise")
    # Sunrise (silicon, wafer) feeds cell: Deneng, Solaris and Solaris Europe are downstream
    assert {r["partner_id"]: r["downstream_segments"] for r in rows
            if r["downstream_segments"]} == {"org:deneng": ["fx:cell"],
                                             "org:solaris": ["fx:cell"],
                                             "org:solaris_eu": ["fx:cell"]}


def test_co_innovation(park: GraphStore) -> None:
    rows = answer(park, "match.co_innovation", org_id="org:deneng")
    assert [(r["partner_id"], r["shared_classes"], r["co_owned"], r["cites_out"], r["cites_in"])
            for r in rows] == [
        ("org:institute", ["H01L31/0216"], 1, 1, 0),
        ("org:solaris", ["H01L31/0216", "H01L31/048", "H01L31/18"], 0, 3, 0),
        ("org:solaris_eu", ["H01L31/0216", "H01L31/18"], 0, 1, 0),
        ("org:dayang", ["H01L31/048"], 0, 0, 0),
    ]


def test_co_innovation_citations_agree_from_both_sides(park: GraphStore) -> None:
    # Deneng's patents cite Solaris's three times: Solaris sees them as citations in; Xindian
    # and Solaris cite each other once each way
    solaris = {r["partner_id"]: (r["cites_out"], r["cites_in"])
               for r in answer(park, "match.co_innovation", org_id="org:solaris")}
    assert solaris["org:deneng"] == (0, 3) and solaris["org:xindian"] == (1, 1)
    for org_id in ("org:deneng", "org:solaris", "org:dayang", "org:institute"):
        for row in answer(park, "match.co_innovation", org_id=org_id):
            back = {r["partner_id"]: r for r in answer(park, "match.co_innovation",
                                                       org_id=row["partner_id"])}[org_id]
            assert (back["cites_out"], back["cites_in"], back["co_owned"]) == (
                row["cites_in"], row["cites_out"], row["co_owned"])


def test_institute_firm_pairs(park: GraphStore) -> None:
    rows = answer(park, "match.institute_firm_pairs")
    assert [(r["firm_id"], r["shared_classes"], r["cites_institute"], r["co_owned"],
             r["licensed"]) for r in rows] == [("org:dayang", 0, 2, 0, True),
                                               ("org:deneng", 1, 1, 1, False)]
    everyone = answer(park, "match.institute_firm_pairs", park_only=False, min_links=1)
    assert [r["firm_id"] for r in everyone] == ["org:dayang", "org:deneng", "org:solaris",
                                                "org:solaris_eu"]
    assert [r["firm_id"] for r in answer(park, "match.institute_firm_pairs", min_links=3)] == [
        "org:dayang", "org:deneng"]


def test_experts(park: GraphStore) -> None:
    rows = answer(park, "match.experts", technology_id="fx:passivation")
    assert [(r["person_id"], r["patents"], r["last_year"], r["organisations"],
             r["park_affiliated"]) for r in rows] == [
        ("person:chen", 3, 2022, ["德能公司", "光伏研究院"], True),
        ("person:zhao", 1, 2022, ["德能公司", "光伏研究院"], True),
        ("person:jansen", 1, 2021, ["Solaris Europe B.V."], False),
        ("person:smith", 1, 2019, ["Solaris Inc."], False),
    ]


def test_find_organization(park: GraphStore) -> None:
    assert [r["org_id"] for r in answer(park, "match.find_organization", name="SOLARIS")] == [
        "org:solaris", "org:solaris_eu"]
    assert [r["org_id"] for r in answer(park, "match.find_organization", name="德能光伏")] == [
        "org:deneng"]  # an alias


def test_partner_activity_counts_recorded_relationships_only(park: GraphStore) -> None:
    # the derive's own edges (HOLDS_IN, HOLDS_CLASS, CITES_HOLDER) are caches of patents,
    # not relationships: neither part of the degree nor links between organisations
    derived = [r.type for r in MATERIALISED_REL_TYPES]
    recorded = park.run("MATCH (o:Organization {id: 'org:deneng'})-[r]-() "
                        "WHERE NOT type(r) IN $derived RETURN count(r) AS n",
                        {"derived": derived}).iloc[0]["n"]
    rows = {r["candidate_id"]: r for r in answer(park, "match.candidate_activity")}
    assert rows["org:deneng"]["degree"] == recorded == 18
    links = answer(park, "match.partner_evidence", org_id="org:deneng",
                   link_types=["COOPERATES_WITH", "SUPPLIES"])
    existing = {r["candidate_id"]: r["value"] for r in links if r["evidence"] == "existing_links"}
    # Xindian: co-operation and supply; the citations between them are no link
    assert existing["org:xindian"] == 2


def test_spelled_out_relationship_types_follow_the_schema() -> None:
    """The match queries list the recorded relationship types of an organisation by name
    (FalkorDB reads typed edges from their own matrices): a new type must join the lists."""
    org = "Organization"
    between_orgs = {r.type for r in REL_TYPES if (org, org) in r.endpoints}
    of_orgs = {r.type for r in REL_TYPES if any(org in pair for pair in r.endpoints)}
    assert not of_orgs & {r.type for r in MATERIALISED_REL_TYPES}
    library = load_library()
    for query_id in ("match.partner_evidence", "match.candidate_activity"):
        lists = [set(found.split("|")) for found in
                 re.findall(r"\[\w*:([A-Z_|]+)\]", library.query(query_id).cypher)]
        spelled = [types for types in lists if len(types) > 1]
        assert spelled and all(t in (between_orgs, of_orgs) for t in spelled), query_id
