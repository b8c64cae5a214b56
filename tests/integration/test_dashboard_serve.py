"""`innochain dashboard` as a user starts it from the checkout: a real server, on the
loopback only, on the given port, serving Streamlit's page, gone when its PID is stopped.
The pages themselves are drawn in test_dashboard_browser.py (Chromium)."""

from __future__ import annotations

import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.dashboard_browser import START_TIMEOUT_S, free_port, innochain_command

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not Path("/proc/net/tcp").exists(),
                                reason="reads the listening sockets from Linux /proc/net/tcp")


def _listening(port: int) -> set[str]:
    """Local addresses (hex, as the kernel shows them) listening on TCP `port`."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, hex_port = fields[1].rsplit(":", 1)
            if fields[3] == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def _get(url: str) -> tuple[int, bytes] | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status), bytes(response.read())
    except OSError:
        return None


def test_serves_on_loopback_port_until_stopped(tmp_path: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    # The graph is opened only when a page asks for it: any embedded URI will do here.
    uri = f"falkordb://{tmp_path / 'never-opened'}"
    log_path = tmp_path / "dashboard.log"
    with log_path.open("wb") as log:
        # From the checkout's root, whose bare innochain/ folder must not hide the
        # installed package (as with `make demo`).
        process = subprocess.Popen([*innochain_command(), "dashboard", "--uri", uri,
                                    "--port", str(port)], cwd=ROOT, stdout=log,
                                   stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + START_TIMEOUT_S
            while (health := _get(f"{base}/_stcore/health")) is None:
                assert process.poll() is None, log_path.read_text(errors="replace")
                assert time.monotonic() < deadline, "no answer on /_stcore/health"
                time.sleep(0.2)
            assert health == (200, b"ok")
            assert _listening(port) == {"0100007F"}  # 127.0.0.1, and no other address
            page = _get(f"{base}/")
            assert page is not None and page[0] == 200
            assert b"<title>Streamlit</title>" in page[1]
        finally:
            process.terminate()
            process.wait(timeout=15)
    # The PID the command ran as was the server: stopping it leaves nothing serving.
    assert not _listening(port)
    output = log_path.read_text(errors="replace")
    assert "Traceback" not in output
    assert f"http://127.0.0.1:{port}" in output
