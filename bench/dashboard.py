"""Dashboard page times in headless Chromium: first render and interactive, cold and warm.

    python -P bench/dashboard.py [--uri URI] [--pages overview,risk] [--json FILE]
    python -P bench/dashboard.py --floor [--json FILE]

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
answers (polled every 0.2 s), the wait before a browser can arrive. `--floor` times a page
with no InnoChain code in it (bench/streamlit_floor/app.py: a title, a sidebar, a
three-row table) served by `streamlit run` with the dashboard's flags, cold, warm and on
revisit: what Streamlit alone costs here, the floor under any page. Figures are for this
machine only: note its load (`uptime`) beside them.
"""

from __future__ import annotations

import argparse
import json
import subprocess
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

from innochain.commands.dashboard import streamlit_command  # noqa: E402
from innochain.dashboard.i18n import PAGE_TITLES  # noqa: E402
from tests.dashboard_browser import (  # noqa: E402
    PAGE_PATHS,
    TITLE_JS,
    build_demo_graph,
    chromium_available,
    dashboard_server,
    free_port,
    launch_chromium,
    switch_by_sidebar,
    visit,
    wait_page_done,
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


FLOOR_APP = Path(__file__).resolve().parent / "streamlit_floor" / "app.py"


def _visit_url(tab: Any, url: str) -> tuple[float, float]:
    started = time.perf_counter()
    tab.goto(url)
    tab.wait_for_function(TITLE_JS, timeout=60_000)
    first = time.perf_counter() - started
    wait_page_done(tab)
    return first, time.perf_counter() - started


@contextmanager
def floor_server(log_path: Path) -> Iterator[str]:
    """`streamlit run bench/streamlit_floor/app.py` with the dashboard's flags; its base URL."""
    import urllib.request

    port = free_port()
    command = streamlit_command("127.0.0.1", port)
    run_at = command.index("run")
    command = [sys.executable, "-m", "streamlit", "run", str(FLOOR_APP), *command[run_at + 2:]]
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    with urllib.request.urlopen(f"{base}/_stcore/health", timeout=1):
                        break
                except OSError:
                    time.sleep(0.2)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=15)


def run_floor() -> list[dict[str, Any]]:
    """The floor page timed cold, warm and on revisit (it has no second page to switch to)."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="innochain-bench-logs-") as logs, \
            sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            launched = time.perf_counter()
            with floor_server(Path(logs) / "floor.log") as base:
                start = time.perf_counter() - launched
                cold = _in_new_session(browser, lambda tab: _visit_url(tab, base))
                front_end: list[float] = []

                def warm_visit(tab: Any) -> tuple[float, float]:
                    timings = _visit_url(tab, base)
                    front_end.append(float(tab.evaluate(DOM_LOADED_JS)) / 1000)
                    return timings

                warm = _in_new_session(browser, warm_visit)

                def revisit(tab: Any) -> tuple[float, float]:
                    _visit_url(tab, base)
                    again = tab.context.new_page()
                    try:
                        return _visit_url(again, base)
                    finally:
                        again.close()

                revisited = _in_new_session(browser, revisit)
        finally:
            browser.close()
    nan = float("nan")
    return [{"page": "floor", "cold_first_s": cold[0], "cold_ready_s": cold[1],
             "warm_first_s": warm[0], "warm_ready_s": warm[1],
             "revisit_first_s": revisited[0], "revisit_ready_s": revisited[1],
             "switch_first_s": nan, "switch_ready_s": nan,
             "warm_front_end_s": front_end[0], "start_s": start}]


def main() -> None:
    """Parse the flags, run, print, and write JSON when asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uri", help="graph URI (default: the demo park in a temp store)")
    parser.add_argument("--pages", default=",".join(PAGE_PATHS),
                        help="comma-separated page keys (default: all)")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--floor", action="store_true",
                        help="time a minimal Streamlit page instead (Streamlit's own cost)")
    args = parser.parse_args()
    if not chromium_available():
        sys.exit("Debian's chromium (/usr/bin/chromium) is needed: apt-get install chromium")
    if args.floor:
        rows = run_floor()
        print_table(rows)
        if args.json:
            args.json.write_text(json.dumps({"graph": None, "pages": rows}, indent=2),
                                 encoding="utf-8")
        return
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
