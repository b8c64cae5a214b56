"""CNIPA / incoPat / PatSnap exports: UTF-8 CSV, GB18030 CSV and XLSX fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from innochain.loaders.cnipa import load_cnipa
from innochain.loaders.load_context import LoadContext
from innochain.loaders.load_run import run_load
from innochain.loaders.records import EdgeRecord, NodeRecord

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "cnipa"


@pytest.mark.parametrize(("name", "read", "rejected"), [
    ("cnipa_export.csv", 4, 2), ("incopat_gb18030.csv", 2, 0), ("patsnap_export.xlsx", 4, 1)])
def test_each_export_style_loads(name: str, read: int, rejected: int) -> None:
    report = run_load(None, "cnipa", load_cnipa([FIXTURES / name], LoadContext()),
                      files=[name], dry_run=True)
    assert (report.rows_read, report.rows_rejected) == (read, rejected)


def test_cnipa_row_becomes_patent_owners_inventors_and_classes() -> None:
    records = list(load_cnipa([FIXTURES / "cnipa_export.csv"], LoadContext()))
    patent = next(r for r in records if isinstance(r, NodeRecord) and r.key == "CN114000002B")
    assert patent.props["application_number"] == "CN202110000002.X"
    assert patent.props["filing_date"] == "2021-04-06" and patent.props["year"] == 2021
    assert patent.props["main_class"] == "H02S40/32" and patent.props["jurisdiction"] == "CN"
    first = [r for r in records if isinstance(r, EdgeRecord) and r.dst == "CN114000001A"]
    assert {(e.rel, e.src) for e in first if e.rel == "OWNS"} == {
        ("OWNS", "org:测试光伏科技"), ("OWNS", "org:测试大学")}
    classified = [r for r in records if isinstance(r, EdgeRecord) and r.rel == "CLASSIFIED_AS"
                  and r.src == "CN114000001A"]
    assert {(e.dst, e.props["main"]) for e in classified} == {("H01L31/18", True),
                                                              ("H01L31/068", False)}
    roles = {r.key: r.role for r in records if isinstance(r, NodeRecord)
             and r.label == "Organization"}
    assert roles["org:测试大学"] == "Institute"
