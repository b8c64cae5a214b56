"""Agency templates: shipped header files and README agree with the specs; loaders dry-run."""

from __future__ import annotations

from pathlib import Path

from innochain.loaders.agency_loaders import load_cases, load_organizations
from innochain.loaders.agency_templates import TEMPLATES, header_row, template_readme_table
from innochain.loaders.load_context import LoadContext
from innochain.loaders.load_run import run_load
from innochain.loaders.records import EdgeRecord, NodeRecord

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "templates"


def test_every_template_ships_as_a_bom_header_file_and_is_documented() -> None:
    readme = (ROOT / "seed_data" / "templates" / "README.md").read_text(encoding="utf-8")
    for template in TEMPLATES.values():
        data = (ROOT / template.path).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")
        assert data[3:].decode("utf-8").strip() == header_row(template)
        assert template_readme_table(template) in readme, f"README is stale for {template.kind}"


def test_organisations_duplicate_id_with_other_values_rejects_the_later_row() -> None:
    records = list(load_organizations([FIXTURES / "organizations.csv"], LoadContext()))
    report = run_load(None, "organizations", records, files=["x"], dry_run=True)
    assert report.rows_read == 9 and report.rows_rejected == 3
    nodes = {r.key: r for r in records if isinstance(r, NodeRecord)}
    firm = nodes["org:测试光伏科技"]
    assert firm.role == "Firm" and firm.props["in_park"] is True
    assert firm.props["aliases"] == ["测试光伏", "TestPV"] and firm.props["founded"] == 2000
    assert nodes["uscc:91610000719744800E"].props["role"] == "firm"  # 企业 -> firm
    assert nodes["org:测试大学"].props["country"] == "CN"  # 中国 -> CN
    assert "" not in {v for n in nodes.values() for v in n.props.values() if isinstance(v, str)}


def test_cases_name_their_parties_and_patents() -> None:
    records = list(load_cases([FIXTURES / "cases.csv"], LoadContext()))
    edges = [r for r in records if isinstance(r, EdgeRecord)]
    assert {(e.rel, e.src, e.rkey["side"] if e.rkey else None) for e in edges} >= {
        ("PARTY_TO", "org:测试光伏科技", "plaintiff"),
        ("PARTY_TO", "org:test solar", "defendant")}
    assert [e.dst for e in edges if e.rel == "ASSERTS"] == ["CN114000001A"]  # not disclosed: none
