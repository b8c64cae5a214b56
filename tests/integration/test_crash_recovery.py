"""Crash recovery: kill the embedded server, or the loading process, mid-load; re-run; compare.

A seeded synthetic PV portfolio (a few seconds of writes in small batches) is loaded into a
fresh data directory; at a random moment the FalkorDB server or the loader gets SIGKILL.
After a restart, running the same load again must give exactly the graph of a clean load
(`graph_checksum`): a killed first load leaves a non-empty graph, and the re-run MERGEs
the rest (the first load into an empty graph is create-only). See docs/reliability.md.
"""

from __future__ import annotations

import os
import random
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from innochain.errors import BackendUnavailable, InnoChainError
from innochain.graph import falkordb_bulk, falkordb_server
from innochain.graph.falkordb_store import FalkorDBStore
from innochain.graph.writes import upsert_nodes
from innochain.loaders.chain_template import load_chain_template
from innochain.loaders.load_run import LoadReport, run_load
from innochain.loaders.records import Record
from innochain.loaders.synthetic_patents import generate_portfolio, power_law_holders
from tests.crash_trials import kill_child_load, wait_for_patents
from tests.graph_checksum import graph_checksum, node_counts

pytestmark = pytest.mark.falkordb

ROOT = Path(__file__).resolve().parents[2]
PV = ROOT / "seed_data" / "chains" / "pv.yaml"
PATENTS, HOLDERS, SEED, BATCH = 1500, 40, 11, 50
GRAPH = "crash"


def portfolio() -> Iterator[Record]:
    """The same seeded portfolio every time, in this process or a child."""
    template = load_chain_template(PV)
    holders = power_law_holders(template, HOLDERS, seed=SEED)
    return generate_portfolio(template, holders, PATENTS, seed=SEED)


def _paced(records: Iterator[Record]) -> Iterator[Record]:
    """The records with a 20 ms pause every 100, like a slow source file."""
    for i, record in enumerate(records):
        if i % 100 == 99:
            time.sleep(0.02)
        yield record


def load_portfolio(store: FalkorDBStore, paced: bool = False) -> LoadReport:
    """The load under test: the portfolio through run_load in small batches.

    A first load into the empty graph goes through GRAPH.BULK, which on a quiet machine can
    finish between the moment the watcher sees the kill point and the kill. The load to be
    killed is therefore `paced` (about 2 s) and sends one batch per GRAPH.BULK call."""
    saved = falkordb_bulk.BATCHES_PER_CALL
    falkordb_bulk.BATCHES_PER_CALL = 1
    try:
        records = _paced(portfolio()) if paced else portfolio()
        return run_load(store, "synthetic", records, files=["<synthetic>"], batch_size=BATCH)
    finally:
        falkordb_bulk.BATCHES_PER_CALL = saved


def _open(data_dir: Path) -> FalkorDBStore:
    return FalkorDBStore(f"falkordb://{data_dir}?graph={GRAPH}", data_dir=data_dir, graph=GRAPH)


def _kill_server(data_dir: Path) -> None:
    """SIGKILL the server of `data_dir` (no flush, no goodbye) and reap it."""
    paths = falkordb_server.server_paths(data_dir)
    pid = int(paths.pid_file.read_text())
    os.kill(pid, signal.SIGKILL)
    try:
        os.waitpid(pid, 0)  # our child: reap it so its pid does not linger as a zombie
    except ChildProcessError:
        pass


@pytest.fixture(scope="module")
def clean_load(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The checksum of an uninterrupted load."""
    data_dir = tmp_path_factory.mktemp("clean")
    store = _open(data_dir)
    try:
        report = load_portfolio(store)
        assert report.rows_rejected == 0 and node_counts(store)["Patent"] == PATENTS
        return graph_checksum(store)
    finally:
        store.close()
        falkordb_server.stop(data_dir)


def _wait_for_patents(data_dir: Path, target: int) -> int:
    return wait_for_patents(lambda: FalkorDBStore(f"falkordb://{data_dir}?graph={GRAPH}",
                                                  data_dir=data_dir, graph=GRAPH,
                                                  read_only=True),
                            target, timeout=60.0, pause=0.01)


def run_child_load(data_dir: str) -> None:
    """The load a loader-kill trial runs in its child process."""
    store = _open(Path(data_dir))
    print("loading", flush=True)
    load_portfolio(store, paced=True)
    print("done", flush=True)


def _server_kill_trial(data_dir: Path, target: int) -> tuple[str, int]:
    """Load, SIGKILL the server once `target` patents are in, restart, re-run;
    returns (checksum, patents kept after the restart)."""
    store = _open(data_dir)
    failure: list[BaseException] = []

    def load() -> None:
        try:
            load_portfolio(store, paced=True)
        except BaseException as exc:  # the assertion below names whatever came
            failure.append(exc)

    loader = threading.Thread(target=load)
    loader.start()
    acknowledged = _wait_for_patents(data_dir, target)
    _kill_server(data_dir)
    loader.join(timeout=60)
    assert not loader.is_alive()
    assert failure, "the load finished before the kill: the kill point is not mid-load"
    assert isinstance(failure[0], BackendUnavailable), repr(failure[0])
    assert "\n" not in str(failure[0])
    store.close()
    again = _open(data_dir)  # starts a new server, which replays the append-only file
    try:
        kept = node_counts(again).get("Patent", 0)
        assert kept >= acknowledged, "the restart lost writes the server had acknowledged"
        load_portfolio(again)
        return graph_checksum(again), kept
    finally:
        again.close()
        falkordb_server.stop(data_dir)


def _loader_kill_trial(data_dir: Path, target: int) -> tuple[str, int]:
    """Load in a child process, SIGKILL it once `target` patents are in, re-run here."""
    falkordb_server.start_or_reuse(data_dir)
    kill_child_load("tests.integration.test_crash_recovery", str(data_dir),
                    lambda: _wait_for_patents(data_dir, target))
    store = _open(data_dir)
    try:
        kept = node_counts(store).get("Patent", 0)
        load_portfolio(store)
        return graph_checksum(store), kept
    finally:
        store.close()
        falkordb_server.stop(data_dir)


def _trials(tmp_path: Path, clean_load: str, n: int, seed: int) -> None:
    checksum = clean_load
    rng = random.Random(seed)
    for i in range(n):
        # Kill points spread over the load: from the first batches to well before the last.
        server = _server_kill_trial(tmp_path / f"server{i}", rng.randint(50, PATENTS * 4 // 5))
        loader = _loader_kill_trial(tmp_path / f"loader{i}", rng.randint(50, PATENTS * 4 // 5))
        for what, (found, kept) in (("server", server), ("loader", loader)):
            assert found == checksum, f"trial {i} ({what} killed, {kept} patents kept) differs"
            print(f"trial {i}: {what} killed with {kept}/{PATENTS} patents kept; repaired")


def test_a_rerun_after_a_killed_server_or_loader_equals_a_clean_load(
        tmp_path: Path, clean_load: str) -> None:
    _trials(tmp_path, clean_load, n=1, seed=1)


@pytest.mark.slow
def test_ten_seeded_kill_points_each_repair_to_a_clean_load(
        tmp_path: Path, clean_load: str) -> None:
    _trials(tmp_path, clean_load, n=5, seed=2026)  # 10 kill points, 5 of each kind


def test_writes_acknowledged_before_a_server_kill_survive_it(tmp_path: Path) -> None:
    """A SIGKILLed server loses nothing it acknowledged: the append-only file is written
    before the reply goes out; only an OS crash or power cut can lose the last ~1 s."""
    store = _open(tmp_path)
    upsert_nodes(store, "Patent", [{"key": f"P{i}", "props": {"n": i}} for i in range(500)],
                 batch_size=100)
    _kill_server(tmp_path)
    store.close()
    again = _open(tmp_path)
    try:
        assert node_counts(again).get("Patent") == 500
    finally:
        again.close()
        falkordb_server.stop(tmp_path)


def test_a_store_whose_server_was_killed_says_so_in_one_line(tmp_path: Path) -> None:
    store = _open(tmp_path)
    _kill_server(tmp_path)
    with pytest.raises(InnoChainError) as caught:
        node_counts(store)
    assert "lost FalkorDB" in str(caught.value) and "\n" not in str(caught.value)
    store.close()
    falkordb_server.stop(tmp_path)
