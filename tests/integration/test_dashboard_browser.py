"""The dashboard in a real headless Chromium on the demo park: every page, the four journeys.

`innochain demo --build-only` builds the demo park once per test session into a data
directory of its own; `innochain dashboard --uri ... --port N` serves it; Debian's Chromium
is driven by Playwright. Any Streamlit exception box fails the test. What a page should show
is asked of the same queries the page runs (the demo's ids are those of seed_data/park/), so
the tests follow the data rather than copies of it. Screenshots go to artifacts/screenshots/
(INNOCHAIN_TEST_ARTIFACTS moves them). The fixture park's pages are covered by
test_dashboard_apptest.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from innochain.graph.store import GraphStore
from tests.dashboard_browser import (
    PAGE_PATHS,
    build_demo_graph,
    choose,
    chromium_available,
    dashboard_server,
    launch_chromium,
    visit,
    wait_page_done,
)

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("INNOCHAIN_TEST_ARTIFACTS", ROOT / "artifacts"))
SHOTS = ARTIFACTS / "screenshots"
VIEWPORT = {"width": 1440, "height": 1800}
# The demo park's members (seed_data/park/organizations.csv, cases.csv)
PARK = "park:pv-demo"
DENENG, INSTITUTE = "org:deneng", "org:pv-institute"
CASE_PLAINTIFF = "Maxeon Solar"  # sues 德能公司 in the hypothetical demo case

pytestmark = [pytest.mark.ui, pytest.mark.falkordb]


@pytest.fixture(scope="session")
def demo_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo park, built once per session (about a minute) into its own data directory."""
    if not chromium_available():
        pytest.skip("Debian's chromium (/usr/bin/chromium) is not installed")
    from innochain.graph import falkordb_server

    data_dir = tmp_path_factory.mktemp("demo-ui")
    try:
        yield build_demo_graph(data_dir)
    finally:
        falkordb_server.stop(data_dir)


@pytest.fixture(scope="module")
def graph(demo_uri: str) -> Iterator[GraphStore]:
    """A read-only connection, to ask the queries what the pages should show."""
    from innochain.graph.connect import open_store
    from innochain.settings import Settings

    store = open_store(Settings(graph_uri=demo_uri), read_only=True)
    yield store
    store.close()


@pytest.fixture(scope="module")
def base_url(demo_uri: str) -> Iterator[str]:
    """`innochain dashboard` serving the demo park, for this module."""
    with dashboard_server(demo_uri, ARTIFACTS / "dashboard-server.log") as base:
        yield base


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[Any]:
    """One headless Chromium for the module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser tab (its own Streamlit session)."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True, locale="zh-CN")
    tab = context.new_page()
    yield tab
    context.close()


def _answer(store: GraphStore, query_id: str, **params: Any) -> pd.DataFrame:
    """The query's rows, scored as the dashboard scores them."""
    from innochain.queries.runner import run
    from innochain.queries.scoring import apply_scoring

    return apply_scoring(query_id, run(store, query_id, params).frame)


def _no_exception(tab: Any) -> None:
    boxes = tab.get_by_test_id("stException")
    assert boxes.count() == 0, boxes.first.inner_text()
    errors = tab.get_by_test_id("stAlertContentError")
    assert errors.count() == 0, errors.first.inner_text()


def _shot(tab: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.wait_for_timeout(800)  # let the networks and charts draw
    tab.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _grid_with(tab: Any, text: str, timeout_ms: int = 20_000) -> bool:
    """Whether some table shows the text (its accessible cells fill in after drawing)."""
    try:
        tab.wait_for_function(
            "t => [...document.querySelectorAll('[data-testid=\"stDataFrame\"]')]"
            ".some(g => (g.textContent || '').includes(t))", arg=text, timeout=timeout_ms)
    except Exception:  # noqa: BLE001 - Playwright's TimeoutError: the text never appeared
        return False
    return True


def _score_parts(tab: Any, name: str) -> str:
    """The text of the score expander titled with `name`, opened if it is closed (the first
    one is open already; the others draw their parts once opened)."""
    expander = tab.get_by_test_id("stExpander").filter(has_text=name).first
    details = expander.get_by_test_id("stExpanderDetails")
    if not details.is_visible() or not details.inner_text().strip():
        expander.locator("summary").click()
        tab.wait_for_timeout(400)
        wait_page_done(tab)
    details.get_by_test_id("stMarkdown").first.wait_for(timeout=30_000)
    return str(details.inner_text())


def _open_tab(tab: Any, label: str) -> None:
    """Click one of the page's lazy tabs and wait for its section to be drawn."""
    tab.get_by_role("tab", name=label).click()
    tab.wait_for_timeout(400)
    wait_page_done(tab)


@pytest.mark.parametrize("key", list(PAGE_PATHS))
def test_every_page_renders(page: Any, base_url: str, key: str) -> None:
    visit(page, base_url, key)
    _no_exception(page)
    assert page.get_by_text("合成演示数据", exact=False).count() >= 1  # the synthetic notice
    _shot(page, f"page-{key}")


def _gap_segment(graph: GraphStore) -> tuple[str, str, str]:
    """A weak (else missing) segment with firms to attract: id, Chinese name, the top firm."""
    strength = _answer(graph, "landscape.segment_strength", park_id=PARK)
    for cls in ("weak", "missing"):
        for row in strength[strength["strength"] == cls].itertuples():
            firms = _answer(graph, "layout.attract_firms", park_id=PARK,
                            segment_id=row.segment_id)
            if len(firms):
                return str(row.segment_id), str(row.segment), str(firms.iloc[0]["firm"])
    pytest.fail("the demo park has no weak or missing segment with firms to attract")


def test_planner_weak_segment_to_firms_to_attract(page: Any, base_url: str,
                                                  graph: GraphStore) -> None:
    segment_id, segment, top_firm = _gap_segment(graph)
    visit(page, base_url, "overview")
    assert page.locator("iframe").count() >= 1  # the chain map
    choose(page, "环节", segment)
    page.get_by_role("button", name="为此环节找招商对象 →").click()
    page.wait_for_url("**/gaps", timeout=30_000)
    page.get_by_text("招商对象", exact=True).first.wait_for()
    wait_page_done(page)
    _no_exception(page)
    assert _grid_with(page, top_firm), f"{top_firm} not among the firms to attract ({segment_id})"
    details = _score_parts(page, top_firm)
    assert "近期活跃" in details and "recent patents" in details  # parts, evidence in zh / en
    _shot(page, "journey-planner")


def test_firm_finds_partners_with_evidence(page: Any, base_url: str, graph: GraphStore) -> None:
    partners = _answer(graph, "match.partners", firm_id=DENENG)
    assert len(partners), "德能公司 has no partner candidates in the demo park"
    top = str(partners.iloc[0]["partner"])
    visit(page, base_url, "partners")
    choose(page, "企业", "德能公司")
    _no_exception(page)
    assert _grid_with(page, top)
    details = _score_parts(page, top)
    assert "供货关系" in details and "supply link:" in details
    _shot(page, "journey-firm")
    _open_tab(page, "关系网络 Network")
    _no_exception(page)
    assert page.locator("iframe").count() >= 1  # the ego network
    _shot(page, "journey-firm-network")


def test_institute_finds_licensees(page: Any, base_url: str, graph: GraphStore) -> None:
    licensees = _answer(graph, "exploit.licensees", holder_id=INSTITUTE)
    assert len(licensees), "光伏研究院 has no licensees in the demo park"
    top = str(licensees.iloc[0]["firm"])
    visit(page, base_url, "licensing")
    choose(page, "许可方（院所或企业）", "光伏研究院")
    _no_exception(page)
    assert _grid_with(page, top)
    details = _score_parts(page, top)
    assert "引用该组合" in details and "cites the portfolio" in details
    with page.expect_download() as download:
        page.get_by_role("button", name="下载 CSV").first.click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert top in text
    _shot(page, "journey-institute")


def _portfolio_holder(graph: GraphStore, plaintiff_id: str) -> str:
    rows = _answer(graph, "exploit.joint_defence_by_plaintiff", plaintiff_id=plaintiff_id)
    assert len(rows), f"no counter-assertion portfolio against {plaintiff_id}"
    return str(rows.iloc[0]["patent_id"])


def test_alliance_litigation_scenario_to_counter_assertion(page: Any, base_url: str,
                                                           graph: GraphStore) -> None:
    candidates = _answer(graph, "data.plaintiff_candidates", park_id=PARK)
    with_case = candidates[candidates["name"].str.startswith(CASE_PLAINTIFF)].iloc[0]
    without_case = candidates[candidates["cases_as_plaintiff"] == 0].iloc[0]
    visit(page, base_url, "risk")
    page.get_by_text("不是法律意见", exact=False).first.wait_for(timeout=30_000)
    _open_tab(page, "诉讼情景 Litigation scenario")
    # a plaintiff with a case: whom it reaches, then the alliance's portfolio
    choose(page, "原告", CASE_PLAINTIFF)
    _no_exception(page)
    assert _grid_with(page, "德能公司")  # the park firm it sued
    page.get_by_text("联合防御反诉专利组合（按原告）", exact=True).first.wait_for()
    assert _grid_with(page, _portfolio_holder(graph, str(with_case["org_id"])))
    _shot(page, "journey-alliance")
    # a would-be plaintiff with no case gets a portfolio too
    choose(page, "原告", str(without_case["name"]))
    _no_exception(page)
    assert _grid_with(page, _portfolio_holder(graph, str(without_case["org_id"])))
    _shot(page, "journey-alliance-no-case")


def test_language_switch_in_the_browser(page: Any, base_url: str) -> None:
    visit(page, base_url, "overview")
    page.get_by_text("English", exact=True).click()
    page.get_by_role("heading", name="Overview").first.wait_for()
    wait_page_done(page)
    _no_exception(page)
    page.get_by_text("Chain map", exact=True).first.wait_for(timeout=30_000)
    _shot(page, "overview-en")


def test_landscape_report_builds_in_the_page(page: Any, base_url: str) -> None:
    visit(page, base_url, "reports")
    page.get_by_text("生成报告", exact=True).click()
    page.get_by_role("button", name="XLSX").wait_for(timeout=120_000)
    wait_page_done(page)
    _no_exception(page)
    assert page.locator("iframe").count() >= 1
    _shot(page, "journey-report")
