"""Apple supplier lists: spellings that share a key meet, years, countries, rejects."""

from __future__ import annotations

from pathlib import Path

from innochain.loaders import apple_suppliers
from innochain.loaders.load_run import run_load
from innochain.loaders.organization_ids import organization_key as key
from innochain.loaders.records import EdgeRecord, NodeRecord, Reject

FILE = (Path(__file__).resolve().parents[2] / "fixtures" / "apple-suppliers"
        / "apple-supplier-list.csv")


def _records() -> list:
    return list(apple_suppliers.records([FILE]))


def test_spellings_collapse_and_years_are_listed() -> None:
    edges = {r.src: r.props for r in _records() if isinstance(r, EdgeRecord)}
    foxconn = edges[key("Foxconn Technology Group")]
    assert foxconn["since"] == 2012 and foxconn["years"] == [2012, 2013, 2014]
    assert edges[key("3M")]["years"] == [2021, 2022]
    nodes = {r.key: r.props for r in _records() if isinstance(r, NodeRecord)}
    assert nodes[key("Foxconn Technology Group")]["name"] == "Foxconn Technology Group, Ltd."
    assert nodes[key("Foxconn Technology Group")]["country"] == "CN"
    assert "country" not in nodes[key("3M")]  # facilities in China and Japan
    assert key("Apple Inc.") not in edges  # Apple's own facility is no supply link


def test_bad_rows_are_rejected_and_counted() -> None:
    assert {(r.line, r.field) for r in _records() if isinstance(r, Reject)} == {
        (9, "country"), (11, "year")}
    report = run_load(None, apple_suppliers.KIND, _records(), files=[str(FILE)], dry_run=True)
    assert (report.rows_read, report.rows_rejected) == (10, 2)
