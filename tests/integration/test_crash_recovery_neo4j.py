"""Crash recovery on Neo4j: SIGKILL the server, or the loading process, mid-load; re-run; compare.

The same seeded synthetic PV portfolio as `test_crash_recovery.py` is loaded into a Neo4j 5
server of this module's own (the session's server is never killed). At a random moment the
server's JVM or the loader gets SIGKILL. The server is started again on the same data
directory (Neo4j replays its transaction log), the same load is run again, and the graph
must equal a clean load (`graph_checksum`, counts). See docs/reliability.md.
"""

from __future__ import annotations

import os
import random
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from innochain.errors import BackendUnavailable
from innochain.graph.neo4j_store import Neo4jStore
from innochain.loaders.load_run import LoadReport, run_load
from innochain.neo4j_devserver import Neo4jDevServer, start_neo4j
from tests.crash_trials import kill_child_load, wait_for_patents
from tests.graph_checksum import graph_checksum, node_counts, rel_counts
from tests.integration.test_crash_recovery import BATCH, PATENTS, portfolio

pytestmark = pytest.mark.neo4j
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("INNOCHAIN_TEST_ARTIFACTS", ROOT / "artifacts"))


class KillableNeo4j:
    """A Neo4j server in its own home that a test may SIGKILL and start again."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.server: Neo4jDevServer = start_neo4j(home)

    @property
    def uri(self) -> str:
        return self.server.uri

    def kill(self) -> None:
        """SIGKILL the JVM: no shutdown hook, no checkpoint, no flush."""
        os.kill(self.server.pid, signal.SIGKILL)
        self.server.wait(timeout=30)
        self.server.stop()  # closes the log handle; the process is gone already

    def restart(self) -> None:
        """Start again on the same data directory, on the same port when it is free."""
        try:
            self.server = start_neo4j(self.home, port=self.server.port)
        except BackendUnavailable:
            self.server = start_neo4j(self.home)


@pytest.fixture(scope="module")
def neo4j_crash(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KillableNeo4j]:
    if os.environ.get("NEO4J_URI"):
        pytest.skip("NEO4J_URI names a server these tests must not kill; unset it to let "
                    "them start their own")
    home = tmp_path_factory.mktemp("neo4j-crash")
    try:
        server = KillableNeo4j(home)
    except BackendUnavailable as exc:
        pytest.skip(f"Neo4j 5 server could not be started: {exc}")
    try:
        yield server
    finally:
        server.server.stop()
        log = home / "neo4j.log"
        if log.exists():
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            (ARTIFACTS / "neo4j-crash.log").write_bytes(log.read_bytes())


def _open(uri: str, read_only: bool = False) -> Neo4jStore:
    return Neo4jStore(uri, read_only=read_only)


def load_portfolio(store: Neo4jStore) -> LoadReport:
    """The load under test: the portfolio through run_load in small batches."""
    return run_load(store, "synthetic", portfolio(), files=["<synthetic>"], batch_size=BATCH)


def _fingerprint(store: Neo4jStore) -> tuple[str, dict[str, int], dict[str, int]]:
    return graph_checksum(store), node_counts(store), rel_counts(store)


@pytest.fixture(scope="module")
def clean_load(neo4j_crash: KillableNeo4j) -> tuple[str, dict[str, int], dict[str, int]]:
    """Checksum and counts of an uninterrupted load."""
    store = _open(neo4j_crash.uri)
    try:
        store.clear()
        report = load_portfolio(store)
        assert report.rows_rejected == 0 and node_counts(store)["Patent"] == PATENTS
        return _fingerprint(store)
    finally:
        store.close()


def _wait_for_patents(uri: str, target: int) -> int:
    return wait_for_patents(lambda: _open(uri, read_only=True), target, timeout=120.0,
                            pause=0.02)


def run_child_load(uri: str) -> None:
    """The load a loader-kill trial runs in its child process."""
    store = _open(uri)
    print("loading", flush=True)
    load_portfolio(store)
    print("done", flush=True)


def _server_kill_trial(neo4j: KillableNeo4j, target: int) -> tuple[str, int, str]:
    """Load, SIGKILL the server once `target` patents are committed, start it again on the
    same data directory, re-run; (checksum, patents kept, what the first load did)."""
    store = _open(neo4j.uri)
    store.clear()
    failure: list[BaseException] = []

    def load() -> None:
        try:
            load_portfolio(store)
        except BaseException as exc:  # the assertions below name whatever came
            failure.append(exc)

    loader = threading.Thread(target=load)
    loader.start()
    committed = _wait_for_patents(neo4j.uri, target)
    assert loader.is_alive(), "the load finished before the kill: the kill point is not mid-load"
    neo4j.kill()
    neo4j.restart()
    loader.join(timeout=180)
    assert not loader.is_alive()
    store.close()
    if failure:  # the driver gave up retrying before the server was back
        assert isinstance(failure[0], BackendUnavailable), repr(failure[0])
        assert "\n" not in str(failure[0])
    first = "failed in one line" if failure else "resumed by the driver's retries"
    again = _open(neo4j.uri)
    try:
        kept = node_counts(again).get("Patent", 0)
        assert kept >= committed, "the restart lost transactions Neo4j had committed"
        load_portfolio(again)
        return graph_checksum(again), kept, first
    finally:
        again.close()


def _loader_kill_trial(neo4j: KillableNeo4j, target: int) -> tuple[str, int, str]:
    """Load in a child process, SIGKILL it once `target` patents are in, re-run here."""
    store = _open(neo4j.uri)
    store.clear()
    store.close()
    kill_child_load("tests.integration.test_crash_recovery_neo4j", neo4j.uri,
                    lambda: _wait_for_patents(neo4j.uri, target))
    again = _open(neo4j.uri)
    try:
        kept = node_counts(again).get("Patent", 0)
        load_portfolio(again)
        return graph_checksum(again), kept, "killed"
    finally:
        again.close()


def _trials(neo4j: KillableNeo4j, clean: tuple[str, dict[str, int], dict[str, int]], n: int,
            seed: int) -> None:
    rng = random.Random(seed)
    for i in range(n):
        # Kill points spread over the load: from the first batches to well before the last.
        for what, trial in (("server", _server_kill_trial), ("loader", _loader_kill_trial)):
            target = rng.randint(50, PATENTS * 4 // 5)
            found, kept, first = trial(neo4j, target)
            assert found == clean[0], f"trial {i} ({what} killed, {kept} patents kept) differs"
            store = _open(neo4j.uri, read_only=True)
            try:
                assert (node_counts(store), rel_counts(store)) == clean[1:]
            finally:
                store.close()
            print(f"neo4j trial {i}: {what} killed at >= {target} patents, {kept}/{PATENTS} "
                  f"kept, first load {first}; re-run equals a clean load")


# One slow test only: each trial restarts a Neo4j server (about 30 s apiece on 2 cores), so a
# default pair on top of the ten would only repeat them in `.ci/run`, which runs `slow` too.
@pytest.mark.slow
def test_ten_seeded_neo4j_kill_points_each_repair_to_a_clean_load(
        neo4j_crash: KillableNeo4j,
        clean_load: tuple[str, dict[str, int], dict[str, int]]) -> None:
    _trials(neo4j_crash, clean_load, n=5, seed=2027)  # 10 kill points, 5 of each kind
