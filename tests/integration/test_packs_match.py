"""撮合 match pack on the fixture park, on both backends; answers worked out by hand."""

from __future__ import annotations

import pytest

from innochain.graph.store import GraphStore
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
