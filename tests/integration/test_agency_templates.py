"""Agency templates, patent exports and the PV chain into a real graph, on both backends.

Order matters as it does for a user: the chain and patents first, then organisations, then
the templates that link them; every bad row is a reject naming file, line, field and reason.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from innochain.errors import LoadError
from innochain.graph.store import GraphStore
from innochain.loaders.chain_loader import derive_segment_membership
from innochain.loaders.load_files import LoadOutcome, load_files
from innochain.loaders.load_run import LoadReport
from tests.graph_checksum import graph_checksum, node_counts, rel_counts

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "tests" / "fixtures" / "templates"
CNIPA = ROOT / "tests" / "fixtures" / "cnipa"
PV_CHAIN = ROOT / "seed_data" / "chains" / "pv.yaml"
ORDER = ("chain", "cnipa", "organizations", "supply-links", "licences", "alliances",
         "standards", "cases", "products")


def _paths(kind: str) -> list[Path]:
    if kind == "chain":
        return [PV_CHAIN]
    if kind == "cnipa":
        return sorted(p for p in CNIPA.iterdir() if p.suffix in (".csv", ".xlsx"))
    return [TEMPLATES / f"{kind}.csv"]


def _load_all(store: GraphStore) -> dict[str, LoadOutcome]:
    return {kind: load_files(store, kind, _paths(kind)) for kind in ORDER}


def _rejects(report: LoadReport) -> set[tuple[int, str]]:
    return {(r.line, r.field) for r in report.rejects}


def test_each_template_loads_good_rows_and_rejects_bad_ones(store: GraphStore) -> None:
    reports = {k: o.report for k, o in _load_all(store).items()}
    for report in reports.values():
        assert report.rows_read == report.rows_loaded + report.rows_rejected
        assert all(Path(r.file).exists() and r.reason for r in report.rejects)

    assert _rejects(reports["organizations"]) == {(8, "id"), (9, "founded"), (10, "role")}
    dup = next(r for r in reports["organizations"].rejects if r.line == 8)
    assert "first at line 2" in dup.reason
    assert _rejects(reports["supply-links"]) == {(4, "supplier"), (5, "since")}
    unknown = next(r for r in reports["supply-links"].rejects if r.line == 4)
    assert unknown.file.endswith("supply-links.csv") and "unknown Organization" in unknown.reason
    assert _rejects(reports["licences"]) == {(3, "date")}
    assert _rejects(reports["alliances"]) == set()
    assert _rejects(reports["standards"]) == {(3, "patent")}
    assert _rejects(reports["cases"]) == {(3, "defendants")}
    assert _rejects(reports["products"]) == {(3, "segment")}
    assert reports["cnipa"].rows_rejected == 3  # bad date, ZL number, formula cell

    nodes, rels = node_counts(store), rel_counts(store)
    assert nodes["Firm"] >= 3 and nodes["Institute"] >= 1 and nodes["Alliance"] == 1
    assert rels["SUPPLIES"] == 2  # one written by uscc-keyed supplier's name, one by alias
    assert rels["LICENSED"] == 1 and rels["MEMBER_OF"] == 2 and rels["ESSENTIAL_TO"] == 1
    assert rels["PARTY_TO"] == 3 and rels["ASSERTS"] == 1 and rels["MAKES"] == 2
    assert rels["IN_SEGMENT"] > 0 and rels["ACTIVE_IN"] > 0  # patents mapped to PV segments


def test_loading_twice_gives_the_same_graph(store: GraphStore) -> None:
    _load_all(store)
    first_counts, first_sum = (node_counts(store), rel_counts(store)), graph_checksum(store)
    _load_all(store)
    assert (node_counts(store), rel_counts(store)) == first_counts
    assert graph_checksum(store) == first_sum


def test_missing_required_column_names_it_and_the_template(store: GraphStore,
                                                           tmp_path: Path) -> None:
    bad = tmp_path / "links.csv"
    bad.write_text("supplier,product\nA,B\n", encoding="utf-8")
    with pytest.raises(LoadError) as err:
        load_files(store, "supply-links", [bad])
    message = str(err.value)
    assert "customer" in message and "seed_data/templates/supply-links.csv" in message
    assert "\n" not in message


def test_gb18030_organisations_with_chinese_headers_load(store: GraphStore,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "机构.csv"
    path.write_bytes("名称,类型,国家,是否园区企业\n测试储能有限公司,企业,中国,是\n"
                     .encode("gb18030"))
    report = load_files(store, "organizations", [path]).report
    assert (report.rows_read, report.rows_rejected) == (1, 0)
    assert node_counts(store)["Organization"] == 1


def test_segment_membership_pages_through_patents(store: GraphStore) -> None:
    load_files(store, "chain", [PV_CHAIN])
    load_files(store, "cnipa", _paths("cnipa"))
    whole = derive_segment_membership(store, "pv")
    before = graph_checksum(store)
    assert derive_segment_membership(store, "pv", page_size=1) == whole
    assert graph_checksum(store) == before  # re-deriving replaces, never adds
    assert whole[0] >= 5 and whole[1] >= 3  # every fixture patent is a PV patent
