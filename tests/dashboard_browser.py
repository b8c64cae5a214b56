"""Drive the real dashboard: `innochain dashboard` as a process, Debian's Chromium by Playwright.

Used by tests/integration/test_dashboard_browser.py and bench/dashboard.py, both on the demo
park (`innochain demo --build-only` into a data directory of their own). The browser is
/usr/bin/chromium; `playwright install` is never run.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# page key -> URL path (st.Page url_path); the overview is the default page at "/".
PAGE_PATHS = {"overview": "", "landscape": "landscape", "gaps": "gaps", "risk": "risk",
              "licensing": "licensing", "partners": "partners", "alliance": "alliance",
              "reports": "reports", "data": "data"}
START_TIMEOUT_S = 90
DEMO_BUILD_TIMEOUT_S = 900
# The app's root carries the script state; "notRunning" once a run has finished.
SCRIPT_DONE_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.getAttribute('data-test-script-state') === 'notRunning'
    && !!document.querySelector('h1')
    && !document.querySelector('[data-testid="stSkeleton"], [data-testid="stSpinner"]');
}"""
TITLE_JS = "() => !!document.querySelector('[data-testid=\"stMain\"] h1')"


def chromium_available() -> bool:
    """Whether Debian's Chromium is installed."""
    return Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def innochain_command() -> list[str]:
    """The installed `innochain` script beside this Python, else `python -m innochain`."""
    script = Path(sys.executable).with_name("innochain")
    found = str(script) if script.is_file() else shutil.which("innochain")
    return [found] if found else [sys.executable, "-m", "innochain"]


def build_demo_graph(data_dir: Path) -> str:
    """`innochain demo --build-only` into `data_dir` (embedded FalkorDB); returns its URI.

    The embedded server keeps running afterwards; `falkordb_server.stop(data_dir)` ends it.
    """
    uri = f"falkordb://{data_dir}"
    done = subprocess.run([*innochain_command(), "demo", "--build-only", "--uri", uri],
                          capture_output=True, text=True, timeout=DEMO_BUILD_TIMEOUT_S,
                          check=False)
    if done.returncode != 0:
        raise RuntimeError(f"innochain demo --build-only failed ({done.returncode}): "
                           f"{(done.stdout + done.stderr)[-3000:]}")
    return uri


def _healthy(base: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@contextmanager
def dashboard_server(uri: str, log_path: Path, port: int | None = None) -> Iterator[str]:
    """`innochain dashboard --uri URI --port N` until the block ends; yields the base URL."""
    port = port or free_port()
    base = f"http://127.0.0.1:{port}"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("wb") as log:
        process = subprocess.Popen([*innochain_command(), "dashboard", "--uri", uri,
                                    "--port", str(port)], stdout=log, stderr=subprocess.STDOUT,
                                   cwd=log_path.parent)
        try:
            _wait_healthy(process, base, log_path)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)


def _wait_healthy(process: subprocess.Popen[bytes], base: str, log_path: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"innochain dashboard exited with {process.returncode}: "
                               f"{log_path.read_text(errors='replace')[-2000:]}")
        if _healthy(base):
            return
        time.sleep(0.2)
    raise RuntimeError(f"innochain dashboard did not answer on {base} within "
                       f"{START_TIMEOUT_S}s; log: {log_path}")


def launch_chromium(playwright: Any) -> Any:
    """Debian's Chromium, headless, with no background traffic."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def wait_page_done(page: Any, timeout_ms: int = 60_000) -> None:
    """Until the page's script run has finished and nothing is loading."""
    page.wait_for_function(SCRIPT_DONE_JS, timeout=timeout_ms)


def visit(page: Any, base: str, key: str, timeout_ms: int = 60_000) -> tuple[float, float]:
    """Open one page; return seconds to its title (first render) and to interactive."""
    started = time.perf_counter()
    page.goto(f"{base}/{PAGE_PATHS[key]}")
    page.wait_for_function(TITLE_JS, timeout=timeout_ms)
    first = time.perf_counter() - started
    wait_page_done(page, timeout_ms)
    return first, time.perf_counter() - started


def choose(page: Any, label: str, typed: str, option: str | None = None,
           timeout_ms: int = 60_000) -> None:
    """Pick an option in the select box labelled `label`: type `typed` to filter the list
    (the demo's boxes hold hundreds of organisations), click the first option whose name
    contains `option` (default: the typed text), then wait for the rerun to finish."""
    box = page.get_by_test_id("stSelectbox").filter(
        has=page.get_by_test_id("stWidgetLabel").get_by_text(label, exact=True)).first
    field = box.locator("input")
    field.click()
    field.fill(typed)
    page.get_by_role("option", name=option or typed).first.click(timeout=timeout_ms)
    page.wait_for_timeout(400)  # the rerun starts after the widget's message goes out
    wait_page_done(page, timeout_ms)


def switch_by_sidebar(page: Any, title: str, timeout_ms: int = 60_000) -> tuple[float, float]:
    """Click a page in the sidebar navigation; the same two timings as `visit`."""
    started = time.perf_counter()
    page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()
    page.wait_for_function(
        f"() => {{ const h = document.querySelector('[data-testid=\"stMain\"] h1');"
        f" return !!h && h.innerText.includes({title!r}); }}", timeout=timeout_ms)
    first = time.perf_counter() - started
    wait_page_done(page, timeout_ms)
    return first, time.perf_counter() - started
