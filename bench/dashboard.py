"""Dashboard page times in headless Chromium: first render and interactive, cold and warm.

    python -P bench/dashboard.py [--uri URI] [--pages overview,risk] [--json FILE]

Default graph: the demo park (`innochain demo --build-only`, about a minute) built into a
temporary embedded store. For each page: **cold** = a fresh `innochain dashboard` process
(empty query cache, store not yet opened) and a fresh browser profile; **warm** = a new
session on the same server (query results cached) from a fresh browser profile, so the
Streamlit front end is fetched and compiled again; **revisit** = a new session from the
browser profile that already opened the page (its HTTP cache holds the front end, as for a
returning user); **switch** = clicking the page in the sidebar of an open session. "first"
is the page title drawn; "ready" is the script run finished with nothing loading. "front
end" is the warm visit's DOMContentLoaded: Streamlit's own page and scripts, before the app
says anything. "start" is from launching `innochain dashboard` until `/_stcore/health`
answers (polled every 0.2 s), the wait before a browser can arrive. Figures are for this
machine only: note its load (`uptime`) beside them.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# Appended (not prepended): the installed innochain must win over the bare source folder.
sys.path.append(str(ROOT))

from innochain.dashboard.i18n import PAGE_TITLES  # noqa: E402
from tests.dashboard_browser import (  # noqa: E402
    PAGE_PATHS,
    build_demo_graph,
    chromium_available,
    dashboard_server,
    launch_chromium,
    switch_by_sidebar,
    visit,
)

VIEWPORT = {"width": 1440, "height": 1000}
DOM_LOADED_JS = "() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"


@contextmanager
def demo_graph_uri() -> Iterator[str]:
    """The demo park in a temporary embedded store; the server stops afterwards."""
    from innochain.graph import falkordb_server

    with tempfile.TemporaryDirectory(prefix="innochain-bench-") as tmp:
        data_dir = Path(tmp) / "falkordb"
        try:
            yield build_demo_graph(data_dir)
        finally:
            falkordb_server.stop(data_dir)


def _nav_title(key: str) -> str:
    zh, en = PAGE_TITLES[key]
    return f"{zh} {en}"


def time_page(browser: Any, uri: str, key: str, log_dir: Path) -> dict[str, Any]:
    """Cold, warm, revisit and sidebar-switch timings of one page on a fresh server."""
    launched = time.perf_counter()
    with dashboard_server(uri, log_dir / f"dashboard-{key}.log") as base:
        start = time.perf_counter() - launched
        cold = _in_new_session(browser, lambda tab: visit(tab, base, key))
        front_end: list[float] = []

        def warm_visit(tab: Any) -> tuple[float, float]:
            timings = visit(tab, base, key)
            front_end.append(float(tab.evaluate(DOM_LOADED_JS)) / 1000)
            return timings

        warm = _in_new_session(browser, warm_visit)
        other = "data" if key == "overview" else "overview"

        def revisit(tab: Any) -> tuple[float, float]:
            visit(tab, base, key)
            again = tab.context.new_page()  # same profile and HTTP cache, a new session
            try:
                return visit(again, base, key)
            finally:
                again.close()

        def switch(tab: Any) -> tuple[float, float]:
            visit(tab, base, other)
            return switch_by_sidebar(tab, _nav_title(key))

        revisited = _in_new_session(browser, revisit)
        switched = _in_new_session(browser, switch)
    return {"page": key, "cold_first_s": cold[0], "cold_ready_s": cold[1],
            "warm_first_s": warm[0], "warm_ready_s": warm[1],
            "revisit_first_s": revisited[0], "revisit_ready_s": revisited[1],
            "switch_first_s": switched[0], "switch_ready_s": switched[1],
            "warm_front_end_s": front_end[0], "start_s": start}


def _in_new_session(browser: Any, action: Callable[[Any], tuple[float, float]]
                    ) -> tuple[float, float]:
    context = browser.new_context(viewport=VIEWPORT)
    try:
        return action(context.new_page())
    finally:
        context.close()


COLUMNS = ("cold", "warm", "revisit", "switch")


def print_table(rows: list[dict[str, Any]]) -> None:
    """Seconds per page, one line each: first render / ready for each way of arriving."""
    print(f"{'page':<10}" + "".join(f"{c + ' first/ready':>22}" for c in COLUMNS)
          + f"{'warm front end':>16}{'start':>8}")
    for row in rows:
        cells = [f"{row[f'{c}_first_s']:.2f} / {row[f'{c}_ready_s']:.2f}" for c in COLUMNS]
        print(f"{row['page']:<10}" + "".join(f"{cell:>22}" for cell in cells)
              + f"{row['warm_front_end_s']:>16.2f}{row['start_s']:>8.2f}")


def run_bench(uri: str, pages: list[str]) -> list[dict[str, Any]]:
    """Every page's timings on the given graph."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="innochain-bench-logs-") as logs, \
            sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            return [time_page(browser, uri, key, Path(logs)) for key in pages]
        finally:
            browser.close()


def main() -> None:
    """Parse the flags, run, print, and write JSON when asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uri", help="graph URI (default: the demo park in a temp store)")
    parser.add_argument("--pages", default=",".join(PAGE_PATHS),
                        help="comma-separated page keys (default: all)")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args()
    if not chromium_available():
        sys.exit("Debian's chromium (/usr/bin/chromium) is needed: apt-get install chromium")
    pages = [p for p in args.pages.split(",") if p]
    unknown = [p for p in pages if p not in PAGE_PATHS]
    if unknown:
        sys.exit(f"unknown page {unknown[0]!r}; pages: {', '.join(PAGE_PATHS)}")
    started = time.perf_counter()
    if args.uri:
        rows = run_bench(args.uri, pages)
    else:
        with demo_graph_uri() as uri:
            rows = run_bench(uri, pages)
    print_table(rows)
    print(f"({time.perf_counter() - started:.0f} s in all)")
    if args.json:
        args.json.write_text(json.dumps({"graph": args.uri or "demo park", "pages": rows},
                                        indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
