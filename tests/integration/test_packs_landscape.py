"""观局 landscape pack on the fixture park, on FalkorDB and Neo4j; answers worked out by hand.

Fixture (tests/fixture_graph.py): 41 patents; P25 and P35 sit half in cell, half in module.
Weighted patents per segment: silicon 7, wafer 7, cell 14, module 7, system 6 (chain 41);
park-held: 0, 1 (P13), 5.5 (P23 P24 P26 P27 P28 + half P25), 6.5 (P29-P34 + half P25),
2 (P36 P37): 15 in all.
"""

from __future__ import annotations

import pytest

from innochain.graph.store import GraphStore
from tests.fixture_graph import PARK, answer, build_fixture_graph


@pytest.fixture
def park(store: GraphStore) -> GraphStore:
    return build_fixture_graph(store)


def test_chain_map(park: GraphStore) -> None:
    rows = answer(park, "landscape.chain_map", park_id=PARK)
    assert [(r["segment_id"], r["park_firms"], r["domestic_firms"], r["foreign_firms"],
             r["institutes"], r["patents"], r["patents_weighted"], r["park_patents_weighted"])
            for r in rows] == [
        # silicon: SilTech (DE) and Sunrise (CN, outside) own patents, no park firm
        ("fx:silicon", 0, 1, 1, 0, 7, 7.0, 0.0),
        ("fx:wafer", 1, 1, 0, 0, 7, 7.0, 1.0),
        # cell: Deneng in the park, Solaris + Solaris Europe abroad, the institute; 15 patents
        # of which P25 and P35 count half
        ("fx:cell", 1, 0, 2, 1, 15, 14.0, 5.5),
        ("fx:module", 2, 0, 1, 0, 8, 7.0, 6.5),
        # system: Xindian (patents) and Deneng (declared ACTIVE_IN); the unknown holder is
        # neither domestic nor foreign
        ("fx:system", 2, 1, 1, 0, 6, 6.0, 2.0),
    ]
    assert rows[0]["segment"] == "多晶硅" and rows[0]["stage"] == "upstream"


def test_filing_trend_by_segment(park: GraphStore) -> None:
    rows = answer(park, "landscape.filing_trend_by_segment", park_id=PARK, from_year=2022,
                  to_year=2022)
    # 2022: P06 | P12 P14 | P20, P25 (half), P28 | P32, P25 (half) | P37
    assert [(r["segment_id"], r["patents"], r["patents_weighted"], r["park_patents_weighted"])
            for r in rows] == [("fx:silicon", 1, 1.0, 0.0), ("fx:wafer", 2, 2.0, 0.0),
                               ("fx:cell", 3, 2.5, 1.5), ("fx:module", 2, 1.5, 1.5),
                               ("fx:system", 1, 1.0, 1.0)]
    all_years = answer(park, "landscape.filing_trend_by_segment", park_id=PARK)
    assert sum(r["patents_weighted"] for r in all_years) == 41.0


def test_filing_trend_by_technology(park: GraphStore) -> None:
    rows = answer(park, "landscape.filing_trend_by_technology", park_id=PARK, from_year=2022)
    assert [(r["technology_id"], r["patents"], r["park_patents"]) for r in rows] == [
        ("fx:encapsulation", 2, 2),  # P25, P32
        ("fx:hjt", 1, 0),            # P20
        ("fx:ingot", 2, 0),          # P12, P14
        ("fx:inverter", 1, 1),       # P37
        ("fx:passivation", 1, 1),    # P28
        ("fx:perc", 1, 1),           # P25
        ("fx:purification", 1, 0),   # P06
    ]
    assert {r["year"] for r in rows} == {2022}


def test_top_holders_by_entity(park: GraphStore) -> None:
    rows = answer(park, "landscape.top_holders", park_id=PARK, limit=4)
    # Deneng: P23 P24 P25 P28 P29-P32 = 8; Solaris: P15-P20 P35 P40 = 8 (tie broken by id)
    assert [(r["holder_id"], r["class"], r["patents"], r["patents_weighted"]) for r in rows] == [
        ("org:deneng", "park", 8, 8.0), ("org:solaris", "foreign", 8, 8.0),
        ("org:sunrise", "domestic", 7, 7.0), ("org:siltech", "foreign", 6, 6.0)]


def test_top_holders_rolled_up_to_groups_in_one_segment(park: GraphStore) -> None:
    rows = answer(park, "landscape.top_holders", park_id=PARK, segment_id="fx:cell",
                  rollup="true")
    # Solaris Europe is a subsidiary: 7 + 2 patents, 6.5 + 2 weighted
    assert [(r["holder_id"], r["entities"], r["patents"], r["patents_weighted"])
            for r in rows] == [("org:solaris", 2, 9, 8.5), ("org:deneng", 1, 4, 3.5),
                               ("org:institute", 1, 3, 3.0)]
    unrolled = answer(park, "landscape.top_holders", park_id=PARK, segment_id="fx:cell")
    assert ("org:solaris_eu", 2) in [(r["holder_id"], r["patents"]) for r in unrolled]


def test_segment_strength_raw_parts(park: GraphStore) -> None:
    rows = answer(park, "landscape.segment_strength", park_id=PARK)
    assert [(r["segment_id"], r["patents_weighted"], r["park_weighted"], r["domestic_weighted"],
             r["foreign_weighted"], r["park_holders"], r["holders"], r["holder_weight_total"],
             r["holder_weight_squares"]) for r in rows] == [
        ("fx:silicon", 7.0, 0.0, 1.0, 6.0, 0, 2, 7.0, 37.0),     # 6² + 1²
        ("fx:wafer", 7.0, 1.0, 6.0, 0.0, 1, 2, 7.0, 37.0),
        # holders credited: Solaris 6.5, Deneng 3.5 (P28 co-owned), institute 3, Solaris EU 2
        ("fx:cell", 14.0, 5.5, 0.0, 8.5, 2, 4, 15.0, 67.5),
        ("fx:module", 7.0, 6.5, 0.0, 0.5, 2, 3, 7.0, 24.5),      # 4.5² + 2² + 0.5²
        ("fx:system", 6.0, 2.0, 2.0, 1.0, 1, 4, 6.0, 10.0),      # P41's holder is unknown
    ]
    assert {(r["chain_weighted"], r["chain_park_weighted"]) for r in rows} == {(41.0, 15.0)}


def test_park_holders(park: GraphStore) -> None:
    rows = answer(park, "landscape.park_holders", park_id=PARK, since=2020)
    assert [(r["org_id"], r["patents"], r["recent_patents"], r["first_year"], r["last_year"],
             r["segments"]) for r in rows] == [
        ("org:deneng", 8, 5, 2017, 2022, ["fx:cell", "fx:module"]),
        ("org:dayang", 3, 2, 2018, 2021, ["fx:wafer", "fx:module"]),
        ("org:institute", 3, 2, 2018, 2022, ["fx:cell"]),
        ("org:xindian", 2, 1, 2019, 2022, ["fx:system"]),
    ]
