"""The dashboard in a real headless Chromium: every page, and the handbook's four journeys.

`innochain dashboard --uri ... --port N` serves the fixture park; Debian's Chromium is
driven by Playwright. Any Streamlit exception box fails the test. Screenshots go to
artifacts/screenshots/ (INNOCHAIN_TEST_ARTIFACTS moves them).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from innochain.graph.falkordb_store import FalkorDBStore
from tests.dashboard_browser import (
    PAGE_PATHS,
    chromium_available,
    dashboard_server,
    launch_chromium,
    visit,
    wait_page_done,
)
from tests.fixture_graph import build_fixture_graph

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("INNOCHAIN_TEST_ARTIFACTS", ROOT / "artifacts"))
SHOTS = ARTIFACTS / "screenshots"
VIEWPORT = {"width": 1440, "height": 1800}

pytestmark = [pytest.mark.ui, pytest.mark.falkordb]


@pytest.fixture(scope="module")
def base_url(falkordb_dir: Path) -> Iterator[str]:
    """The dashboard serving the fixture park, for this module."""
    if not chromium_available():
        pytest.skip("Debian's chromium (/usr/bin/chromium) is not installed")
    graph = f"ui_{uuid.uuid4().hex[:10]}"
    uri = f"falkordb://{falkordb_dir}?graph={graph}"
    store = FalkorDBStore(uri, data_dir=falkordb_dir, graph=graph)
    build_fixture_graph(store)
    try:
        with dashboard_server(uri, ARTIFACTS / "dashboard-server.log") as base:
            yield base
    finally:
        store.clear()
        store.close()


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


def _no_exception(tab: Any) -> None:
    boxes = tab.get_by_test_id("stException")
    assert boxes.count() == 0, boxes.first.inner_text()


def _shot(tab: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _choose(tab: Any, label: str, option: str) -> None:
    """Pick an option in the select box with that label, then wait for the rerun."""
    box = tab.get_by_test_id("stSelectbox").filter(
        has=tab.get_by_test_id("stWidgetLabel").get_by_text(label, exact=True))
    box.first.locator("input").click()
    tab.get_by_role("option", name=option).first.click()
    tab.wait_for_timeout(400)  # the rerun starts after the widget's message goes out
    wait_page_done(tab)


def _grid_with(tab: Any, text: str, timeout_ms: int = 20_000) -> bool:
    """Whether some table shows the text (its accessible cells fill in after drawing)."""
    try:
        tab.wait_for_function(
            "t => [...document.querySelectorAll('[data-testid=\"stDataFrame\"]')]"
            ".some(g => (g.textContent || '').includes(t))", arg=text, timeout=timeout_ms)
    except Exception:  # noqa: BLE001 - Playwright's TimeoutError: the text never appeared
        return False
    return True


@pytest.mark.parametrize("key", list(PAGE_PATHS))
def test_every_page_renders(page: Any, base_url: str, key: str) -> None:
    visit(page, base_url, key)
    page.wait_for_timeout(800)  # let the networks and charts draw for the screenshot
    _no_exception(page)
    assert page.get_by_test_id("stAlertContentError").count() == 0
    _shot(page, f"page-{key}")


def test_planner_weak_segment_to_firms_to_attract(page: Any, base_url: str) -> None:
    visit(page, base_url, "overview")
    _choose(page, "环节", "硅片")
    page.get_by_role("button", name="为此环节找招商对象 →").click()
    page.wait_for_url("**/gaps", timeout=30_000)
    page.get_by_text("招商对象", exact=True).first.wait_for()
    wait_page_done(page)
    _no_exception(page)
    assert _grid_with(page, "晶升公司")  # the domestic wafer holder outside the park
    page.get_by_test_id("stExpander").first.click()
    page.get_by_text("近期活跃", exact=False).first.wait_for(timeout=30_000)
    _shot(page, "journey-planner")


def test_firm_finds_partners_with_evidence(page: Any, base_url: str) -> None:
    visit(page, base_url, "partners")
    _choose(page, "企业", "德能公司")
    _no_exception(page)
    assert _grid_with(page, "新电公司")
    page.get_by_test_id("stExpander").first.click()
    page.get_by_text("供货关系", exact=False).first.wait_for(timeout=30_000)
    assert page.locator("iframe").count() >= 1  # the ego network
    _shot(page, "journey-firm")


def test_institute_finds_licensees(page: Any, base_url: str) -> None:
    visit(page, base_url, "licensing")
    _no_exception(page)
    assert _grid_with(page, "德能公司")
    page.get_by_test_id("stExpander").first.click()
    page.get_by_text("引用", exact=False).first.wait_for(timeout=30_000)
    with page.expect_download() as download:
        page.get_by_role("button", name="下载 CSV").first.click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert "德能公司" in text
    _shot(page, "journey-institute")


def test_alliance_litigation_scenario_to_counter_assertion(page: Any, base_url: str) -> None:
    visit(page, base_url, "risk")
    page.get_by_text("不是法律意见", exact=False).first.wait_for(timeout=30_000)
    _choose(page, "原告", "Solaris Inc.（US）· 案件 1 · 链上专利 8")
    _no_exception(page)
    assert _grid_with(page, "德能公司")
    page.get_by_text("联合防御反诉专利组合", exact=True).first.wait_for()
    assert _grid_with(page, "光伏研究院")  # an ally's patent in the plaintiff's classes
    assert page.get_by_test_id("stDataFrame").count() >= 5
    _shot(page, "journey-alliance")


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
    page.get_by_role("button", name="XLSX").wait_for(timeout=60_000)
    wait_page_done(page)
    _no_exception(page)
    assert page.locator("iframe").count() >= 1
    _shot(page, "journey-report")
