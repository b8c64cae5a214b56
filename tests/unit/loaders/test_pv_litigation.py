"""PV disputes: cases, parties per side, asserted patent numbers, rejects."""

from __future__ import annotations

from pathlib import Path

from innochain.loaders import pv_litigation
from innochain.loaders.organization_ids import organization_key as key
from innochain.loaders.records import EdgeRecord, NodeRecord, Reject

FILE = Path(__file__).resolve().parents[2] / "fixtures" / "pv-litigation" / "cases.csv"


def _records() -> list:
    return list(pv_litigation.records([FILE]))


def test_asserted_numbers_are_normalised_and_not_disclosed_is_none() -> None:
    assert pv_litigation.asserted_numbers("EP 2 220 689") == ["EP2220689"]
    assert pv_litigation.asserted_numbers("US 9,893,215 B2") == ["US9893215B2"]
    assert pv_litigation.asserted_numbers(
        "US 9,515,214 (originally Mitsubishi Electric, assigned to LONGi 2020)") == ["US9515214"]
    assert pv_litigation.asserted_numbers("three TOPCon patents (numbers not given)") == []
    assert pv_litigation.asserted_numbers("not disclosed in source") == []
    assert pv_litigation.asserted_numbers("") == []


def test_one_patent_with_and_without_kind_code_meets_in_one_node() -> None:
    asserts = {(r.src, r.dst) for r in _records() if isinstance(r, EdgeRecord)
               and r.rel == "ASSERTS"}
    assert ("maxeon-aiko-de-2023", "EP2297788B1") in asserts
    assert ("maxeon-aiko-nl-2023", "EP2297788B1") in asserts
    assert len([a for a in asserts if a[0] == "maxeon-csi-edtx-2024"]) == 3
    assert not [a for a in asserts if a[0] == "jinko-vsun-2024"]


def test_parties_with_sides_and_case_properties() -> None:
    parties = {(r.src, r.dst, r.props["side"]) for r in _records()
               if isinstance(r, EdgeRecord) and r.rel == "PARTY_TO"}
    assert (key("Hanwha Q CELLS GmbH"), "qcells-dus-2019", "plaintiff") in parties
    assert (key("REC Solar EMEA GmbH"), "qcells-dus-2019", "defendant") in parties
    assert (key("Shanghai Aiko Solar"), "maxeon-aiko-de-2023", "defendant") in parties
    cases = {r.key: r.props for r in _records() if isinstance(r, NodeRecord)
             and r.label == "Case"}
    assert cases["qcells-dus-2019"]["year"] == 2019
    assert cases["qcells-dus-2019"]["source_url_2"] == "https://www.pv-magazine.com/"
    assert cases["qcells-dus-2019"]["status"] == "infringement found"


def test_bad_rows_are_rejected() -> None:
    assert {(r.line, r.field) for r in _records() if isinstance(r, Reject)} == {
        (7, "year_filed"), (8, "date_filed")}
