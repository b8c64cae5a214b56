"""PatentsView tables recognised by their columns and joined through g_patent."""

from __future__ import annotations

from pathlib import Path

import pytest

from innochain.errors import LoadError
from innochain.loaders.load_context import LoadContext
from innochain.loaders.load_run import run_load
from innochain.loaders.patentsview import load_patentsview
from innochain.loaders.records import EdgeRecord, NodeRecord


def _write(folder: Path) -> None:
    (folder / "g_patent.tsv").write_text(
        "patent_id\tpatent_type\tpatent_date\tpatent_title\twipo_kind\twithdrawn\n"
        "10001996\tutility\t2018-06-19\tSelective poisoning\tB2\t0\n"
        "D515086\tdesign\t2006-02-14\tGraphics card\tS1\t1\n", encoding="utf-8")
    (folder / "g_cpc_current.tsv").write_text(
        "patent_id\tcpc_sequence\tcpc_group\tcpc_type\n10001996\t0\tG06F9/3842\tinventional\n"
        "10001996\t1\tG06F 12/0875\tadditional\n99\t0\tG06F1/00\tinventional\n",
        encoding="utf-8")
    (folder / "g_assignee_disambiguated.tsv").write_text(
        "patent_id\tassignee_sequence\tassignee_id\tdisambig_assignee_organization\t"
        "assignee_type\n10001996\t0\ta1\tNVIDIA CORPORATION\t2\n"
        "D515086\t0\ta2\t\t4\n", encoding="utf-8")


def test_patent_ids_kinds_and_joins(tmp_path: Path) -> None:
    _write(tmp_path)
    records = list(load_patentsview([tmp_path], LoadContext()))
    report = run_load(None, "patentsview", records, files=["x"], dry_run=True)
    assert (report.rows_read, report.rows_rejected) == (7, 2)  # unknown patent, individual
    nodes = {(r.label, r.key): r for r in records if isinstance(r, NodeRecord)}
    assert nodes[("Patent", "US10001996B2")].props["main_class"] == "G06F9/3842"
    assert nodes[("Patent", "USD515086S1")].props["status"] == "withdrawn"
    org = nodes[("Organization", "org:nvidia")]
    assert org.role == "Firm" and org.props["country"] == "US"
    classified = {(e.dst, e.props["main"]) for e in records
                  if isinstance(e, EdgeRecord) and e.rel == "CLASSIFIED_AS"}
    assert classified == {("G06F9/3842", True), ("G06F12/0875", False)}


def test_without_patent_table_is_an_error(tmp_path: Path) -> None:
    _write(tmp_path)
    (tmp_path / "g_patent.tsv").unlink()
    with pytest.raises(LoadError, match="no g_patent table"):
        list(load_patentsview([tmp_path], LoadContext()))
