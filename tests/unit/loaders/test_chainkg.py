"""ChainKnowledgeGraph JSON Lines (hand-made fixture rows, not copied): every file, rejects."""

from __future__ import annotations

from pathlib import Path

from innochain.loaders import chainkg
from innochain.loaders.load_run import run_load
from innochain.loaders.organization_ids import organization_key as key
from innochain.loaders.records import EdgeRecord, NodeRecord, Reject

FOLDER = Path(__file__).resolve().parents[2] / "fixtures" / "chainkg"


def _records() -> list:
    return list(chainkg.records([FOLDER]))


def test_industries_with_levels_and_hierarchy() -> None:
    industries = {r.key: r.props for r in _records() if isinstance(r, NodeRecord)
                  and r.label == "Industry"}
    assert industries["sw2021:990101"]["level"] == 3
    assert industries["sw2021:990000"]["scheme"] == "shenwan2021"
    child_of = {(r.src, r.dst) for r in _records() if isinstance(r, EdgeRecord)
                and r.rel == "CHILD_OF" and r.src_label == "Industry"}
    assert ("sw2021:990101", "sw2021:990100") in child_of


def test_companies_by_stock_code_and_their_links() -> None:
    recs = _records()
    firm = key("甲光能科技股份有限公司")
    orgs = {r.key: r.props for r in recs if isinstance(r, NodeRecord)
            and r.label == "Organization"}
    assert orgs[firm]["code"] == "699001.SH" and orgs[firm]["country"] == "CN"
    edges = {(r.rel, r.src, r.dst): r.props for r in recs if isinstance(r, EdgeRecord)}
    assert ("IN_INDUSTRY", key("乙硅业新材料股份有限公司"), "sw2021:990101") in edges
    assert edges[("MAKES", firm, "chainkg:测试组件")]["revenue_share"] == 0.8


def test_product_links_run_material_to_product_and_type_to_subtype() -> None:
    edges = {(r.rel, r.src, r.dst): r.props for r in _records() if isinstance(r, EdgeRecord)
             and r.src_label == "Product"}
    assert ("FEEDS", "chainkg:测试电池片", "chainkg:测试组件") in edges  # 上游材料 and 下游产品
    assert ("CHILD_OF", "chainkg:测试双面组件", "chainkg:测试组件") in edges
    assert {p["source"] for p in edges.values()} == {chainkg.TEXT_MINED}


def test_bad_lines_are_rejected_and_counted() -> None:
    rejects = {(Path(r.file).name, r.line, r.field) for r in _records()
               if isinstance(r, Reject)}
    assert rejects == {("industry.json", 4, "code"), ("company.json", 3, "code"),
                       ("company.json", 4, "line"), ("company_industry.json", 3, "company_code"),
                       ("company_product.json", 4, "product_name"),
                       ("company_product.json", 5, "weight"),
                       ("product_product.json", 2, "to_entity"),  # same FEEDS as line 1
                       ("product_product.json", 4, "to_entity"),
                       ("product_product.json", 5, "rel")}
    report = run_load(None, chainkg.KIND, _records(), files=[str(FOLDER)], dry_run=True)
    assert (report.rows_read, report.rows_rejected) == (28, 9)


def test_the_organisation_pass_gives_the_organisations_of_the_full_pass() -> None:
    """Entity resolution's first pass reads company.json only: same organisations, same order,
    so the same resolution."""
    from innochain.loaders.organization_resolution import resolved_records

    def organisations(recs: list) -> list:
        return [r for r in recs if isinstance(r, NodeRecord) and r.label == "Organization"]

    assert organisations(list(chainkg.organization_records([FOLDER]))) == \
        organisations(_records()) != []
    full, full_resolution = resolved_records(_records, [])
    fast, fast_resolution = resolved_records(
        _records, [], make_organizations=lambda: chainkg.organization_records([FOLDER]))
    assert list(fast) == list(full)
    assert fast_resolution == full_resolution
