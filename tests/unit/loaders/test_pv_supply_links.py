"""Hand-compiled supply links: firms, merged SUPPLIES, joint venture, segments, rejects."""

from __future__ import annotations

from pathlib import Path

from innochain.loaders import pv_supply_links
from innochain.loaders.organization_ids import organization_key as key
from innochain.loaders.records import EdgeRecord, NodeRecord, Reject

FILE = Path(__file__).resolve().parents[2] / "fixtures" / "pv-supply-links" / "supply_links.csv"


def _records(chain: str | None = "pv") -> list:
    return list(pv_supply_links.records([FILE], chain=chain))


def _edges(rel: str) -> dict[tuple[str, str], dict]:
    return {(r.src, r.dst): r.props for r in _records() if isinstance(r, EdgeRecord)
            and r.rel == rel}


def test_two_contracts_of_one_pair_make_one_edge_with_both() -> None:
    edge = _edges("SUPPLIES")[(key("Daqo New Energy"), key("JinkoSolar"))]
    assert edge["since"] == 2019 and edge["until"] == 2021
    assert edge["link_ids"] == ["daqo-jinko-2019", "daqo-jinko-2020"]
    assert edge["source_url"].startswith("https://www.bernreuter.com/")
    assert edge["quantity"] == "10,350 MT; 12,000-14,400 MT (2020)"


def test_several_firms_in_a_cell_and_the_joint_venture() -> None:
    supplies = _edges("SUPPLIES")
    assert (key("LONGi Green Energy Technology"), key("Shanghai Yize New Energy Tech")) in supplies
    jv = _edges("JOINT_VENTURE")
    assert set(jv) == {(key(n), key("Lijiang Silicon")) for n in ("LONGi", "Trina Solar",
                                                                 "Tongwei")}
    assert jv[(key("LONGi"), key("Lijiang Silicon"))]["year"] == 2016
    names = {r.props["name"]: r.props for r in _records() if isinstance(r, NodeRecord)}
    assert names["Tongwei"]["aliases"] == ["Tongwei (Sichuan Yongxiang)"]


def test_segments_map_to_chain_ids() -> None:
    active = {(r.src, r.dst) for r in _records() if isinstance(r, EdgeRecord)
              and r.rel == "ACTIVE_IN"}
    assert (key("JinkoSolar"), "pv:cell") in active and (key("JinkoSolar"), "pv:module") in active
    assert (key("Suzhou Maxwell Technologies"), "pv:cell_deposition_equipment") in active
    assert pv_supply_links.segment_ids("wafer (ingot)") == ("ingot_wafer",)
    assert not [r for r in _records(None) if isinstance(r, EdgeRecord) and r.rel == "ACTIVE_IN"]


def test_bad_rows_are_rejected() -> None:
    rejects = {(r.line, r.field) for r in _records() if isinstance(r, Reject)}
    assert rejects == {(7, "relation_type"), (8, "announced")}
