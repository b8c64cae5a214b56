"""布棋 layout pack on the fixture park, on both backends; answers worked out by hand."""

from __future__ import annotations

import pytest

from innochain.graph.store import GraphStore
from tests.fixture_graph import PARK, answer, build_fixture_graph


@pytest.fixture
def park(store: GraphStore) -> GraphStore:
    return build_fixture_graph(store)


def test_broken_links(park: GraphStore) -> None:
    rows = answer(park, "layout.broken_links", park_id=PARK)
    assert [(r["segment_id"], r["park_firms"], r["outside_holders"], r["patents_weighted"])
            for r in rows] == [("fx:silicon", 0, 2, 7.0)]
    # Too few: wafer has only Dayang, cell only Deneng (the institute is not a firm)
    rows = answer(park, "layout.broken_links", park_id=PARK, min_park_firms=2)
    assert [(r["segment_id"], r["park_firms"]) for r in rows] == [
        ("fx:silicon", 0), ("fx:wafer", 1), ("fx:cell", 1)]


def test_weak_links(park: GraphStore) -> None:
    rows = answer(park, "layout.weak_links", park_id=PARK)
    assert rows == [{"order": 1, "segment_id": "fx:silicon", "segment": "多晶硅",
                     "patents_weighted": 7.0, "park_share": 0.0,
                     "foreign_share": round(6 / 7, 6), "top_foreign_holder": "SilTech GmbH",
                     "top_foreign_weighted": 6.0}]
    rows = answer(park, "layout.weak_links", park_id=PARK, max_park_share=0.4)
    # cell: park 5.5/14 = 0.393 < 0.4, foreign 8.5/14 = 0.607; Solaris holds 6.5
    assert [(r["segment_id"], r["park_share"], r["foreign_share"], r["top_foreign_holder"],
             r["top_foreign_weighted"]) for r in rows][1] == (
        "fx:cell", round(5.5 / 14, 6), round(8.5 / 14, 6), "Solaris Inc.", 6.5)


def test_white_space(park: GraphStore) -> None:
    rows = answer(park, "layout.white_space")
    assert [(r["code"], r["world_patents"], r["holders"], r["top_holder"],
             r["top_holder_patents"]) for r in rows] == [
        ("C01B33/02", 7, 2, "SilTech GmbH", 6),
        ("H01L31/0747", 2, 1, "Solaris Inc.", 2),   # heterojunction: only Solaris
        ("H02J3/38", 2, 1, "华网公司", 2),
    ]
    assert [r["code"] for r in answer(park, "layout.white_space", min_world=3)] == ["C01B33/02"]


def test_attract_firms_with_evidence(park: GraphStore) -> None:
    rows = answer(park, "layout.attract_firms", park_id=PARK, segment_id="fx:wafer")
    # Sunrise: P08-P12, P14; recent (>= 2020) P10 P11 P12 P14; Dayang's P13 cites P09 and P10;
    # Sunrise already supplies Deneng
    assert rows == [{"firm_id": "org:sunrise", "firm": "晶升公司", "class": "domestic",
                     "country": "CN", "patents_weighted": 6.0, "recent_patents": 4,
                     "cited_by_park": 2, "park_customers": 1, "classes": ["C30B15/00"]}]
    rows = answer(park, "layout.attract_firms", park_id=PARK, segment_id="fx:cell")
    assert [(r["firm_id"], r["patents_weighted"], r["recent_patents"], r["cited_by_park"])
            for r in rows] == [("org:solaris", 6.5, 3, 3), ("org:solaris_eu", 2.0, 2, 1)]


def test_attract_inventors(park: GraphStore) -> None:
    rows = answer(park, "layout.attract_inventors", segment_id="fx:cell")
    # Zhao and Chen already invent for park holders; Liu too (Xindian)
    assert [(r["person_id"], r["patents"], r["last_year"], r["holders"]) for r in rows] == [
        ("person:smith", 7, 2022, ["Solaris Inc."]),
        ("person:jansen", 2, 2021, ["Solaris Europe B.V."])]
    rows = answer(park, "layout.attract_inventors", segment_id="fx:wafer")
    assert [(r["person_id"], r["patents"], r["last_year"]) for r in rows] == [
        ("person:wang", 4, 2021), ("person:zhou", 2, 2022)]


def test_growth_technologies(park: GraphStore) -> None:
    rows = answer(park, "layout.growth_technologies", park_id=PARK, since=2020)
    # windows 2017-2019 and 2020-2022; growth = (recent + 1) / (earlier + 1); grid has 1 recent
    assert [(r["technology_id"], r["earlier_patents"], r["recent_patents"], r["growth"],
             r["park_recent_patents"]) for r in rows] == [
        ("fx:ingot", 1, 5, 3.0, 1),
        ("fx:hjt", 0, 2, 3.0, 0),
        ("fx:inverter", 1, 3, 2.0, 1),
        ("fx:encapsulation", 3, 5, 1.5, 4),
        ("fx:passivation", 2, 3, round(4 / 3, 6), 2),
        ("fx:purification", 2, 3, round(4 / 3, 6), 0),
        ("fx:perc", 3, 4, 1.25, 2),
    ]
