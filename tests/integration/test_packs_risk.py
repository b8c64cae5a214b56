"""避险 risk pack on the fixture park, on both backends; answers worked out by hand."""

from __future__ import annotations

import pytest

from innochain.graph.store import GraphStore
from tests.fixture_graph import PARK, answer, build_fixture_graph


@pytest.fixture
def park(store: GraphStore) -> GraphStore:
    return build_fixture_graph(store)


def test_foreign_coverage(park: GraphStore) -> None:
    rows = answer(park, "risk.foreign_coverage", park_id=PARK)
    # silicon has SilTech but no park firm; Deneng cites P15 P16 P17 and P21, Xindian P40
    assert [(r["holder_id"], r["segment_id"], r["foreign_patents"], r["park_firms"],
             r["cited_by_park"]) for r in rows] == [
        ("org:solaris", "fx:cell", 7, 1, 3),
        ("org:solaris_eu", "fx:cell", 2, 1, 1),
        ("org:solaris", "fx:system", 1, 2, 1),
        ("org:solaris", "fx:module", 1, 2, 0),
    ]
    assert len(answer(park, "risk.foreign_coverage", park_id=PARK, min_patents=2)) == 2


def test_firm_exposure(park: GraphStore) -> None:
    rows = answer(park, "risk.firm_exposure", park_id=PARK)
    # Deneng: cell 8.5 + module 0.5 + system 1 foreign-only weighted patents; cites P15 P16
    # P17 P21; defendant in both cases
    assert [(r["firm_id"], r["segments"], r["foreign_weighted"], r["foreign_holders"],
             r["cites_foreign"], r["cases_as_defendant"]) for r in rows] == [
        ("org:deneng", ["fx:cell", "fx:module", "fx:system"], 10.0, 2, 4, 2),
        ("org:xindian", ["fx:system"], 1.0, 1, 1, 0),
        ("org:dayang", ["fx:wafer", "fx:module"], 0.5, 1, 0, 0),
    ]
    one = answer(park, "risk.firm_exposure", park_id=PARK, firm_id="org:xindian")
    assert [r["firm_id"] for r in one] == ["org:xindian"]


def test_litigation_scenario(park: GraphStore) -> None:
    rows = answer(park, "risk.litigation_scenario", plaintiff_id="org:solaris")
    assert rows == [
        {"org_id": "org:deneng", "org": "德能公司", "role": "firm", "accused": True,
         "shared_segments": ["fx:cell", "fx:module", "fx:system"],
         "shared_classes": ["H01L31/0216", "H01L31/048", "H01L31/18"], "accused_links": [],
         "reach": 6},
        # Xindian buys modules from the accused Deneng
        {"org_id": "org:xindian", "org": "新电公司", "role": "firm", "accused": False,
         "shared_segments": ["fx:system"], "shared_classes": ["H02S40/32"],
         "accused_links": ["org:deneng"], "reach": 3},
        {"org_id": "org:dayang", "org": "大阳公司", "role": "firm", "accused": False,
         "shared_segments": ["fx:module"], "shared_classes": ["H01L31/048"],
         "accused_links": [], "reach": 2},
        {"org_id": "org:institute", "org": "光伏研究院", "role": "institute", "accused": False,
         "shared_segments": ["fx:cell"], "shared_classes": ["H01L31/0216"],
         "accused_links": [], "reach": 2},
    ]
    # SilTech's polysilicon portfolio reaches no park organisation
    assert answer(park, "risk.litigation_scenario", plaintiff_id="org:siltech") == []


def test_single_source(park: GraphStore) -> None:
    rows = answer(park, "risk.single_source", park_id=PARK)
    # Xindian buys modules from two park firms: not single-source
    assert [(r["firm_id"], r["product"], r["supplier_id"], r["supplier_class"])
            for r in rows] == [("org:dayang", "多晶硅", "org:siltech", "foreign"),
                               ("org:deneng", "硅片", "org:sunrise", "domestic")]


def test_park_disputes(park: GraphStore) -> None:
    assert answer(park, "risk.park_disputes") == [
        {"case_id": "case:dayang-v-deneng", "title": "大阳诉德能 组件封装", "year": 2022,
         "plaintiffs": ["大阳公司"], "defendants": ["德能公司"], "asserted": ["P33"],
         "common_alliances": ["光伏产业联盟"]}]
