"""What the FalkorDB and Neo4j crash trials share: watching a load, killing its process.

Each trial module defines `run_child_load(target)`: open the store named by `target`, print
"loading", load the seeded portfolio (slowly enough to be caught mid-way), print "done".
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from innochain.graph.store import GraphStore
from tests.graph_checksum import node_counts

ROOT = Path(__file__).resolve().parents[1]


def wait_for_patents(open_reader: Callable[[], GraphStore], target: int, *, timeout: float,
                     pause: float) -> int:
    """Poll the graph as a reader until it holds `target` patents; the count seen."""
    watcher = open_reader()
    try:
        deadline = time.monotonic() + timeout
        while (seen := node_counts(watcher).get("Patent", 0)) < target:
            assert time.monotonic() < deadline, f"the load never reached {target} patents"
            time.sleep(pause)
        return seen
    finally:
        watcher.close()


def kill_child_load(module: str, target: str, wait_for_kill_point: Callable[[], object]) -> None:
    """Run `module.run_child_load(target)` in a child process and SIGKILL it once
    `wait_for_kill_point` returns; fails if the load finished before the kill."""
    code = (f"import sys; sys.path.append(sys.argv[1]); from {module} import run_child_load;"
            "run_child_load(sys.argv[2])")
    child = subprocess.Popen([sys.executable, "-P", "-c", code, str(ROOT), target],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "loading"
        wait_for_kill_point()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        assert child.returncode == -signal.SIGKILL
        assert "done" not in child.stdout.read(), "the load finished before the kill"
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
