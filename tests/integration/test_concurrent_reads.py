"""Readers during a load: pack queries from several read-only stores while a load writes.

The fixture park is built, then a seeded synthetic portfolio is loaded into the same
embedded graph while N reader threads, each with its own read-only store (as the dashboard
opens them), run every pack query and a consistency check in turn. No reader may get an
error, and every read must see a whole graph: each OWNS relationship joins an existing
organisation to an existing patent, and what one reader sees never shrinks.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from innochain.graph.falkordb_store import FalkorDBStore
from innochain.loaders.chain_template import load_chain_template
from innochain.loaders.load_run import run_load
from innochain.loaders.synthetic_patents import generate_portfolio, power_law_holders
from innochain.queries.pack_library import load_library
from innochain.queries.runner import run
from tests.fixture_graph import build_fixture_graph
from tests.graph_checksum import node_counts, run_test_query

pytestmark = pytest.mark.falkordb

PV = Path(__file__).resolve().parents[2] / "seed_data" / "chains" / "pv.yaml"
LIBRARY = load_library()
PUBLIC = LIBRARY.public_ids()


@dataclass
class ReaderLog:
    """What one reader did: queries run, errors met, and the OWNS counts it saw in order."""

    queries: int = 0
    errors: list[str] = field(default_factory=list)
    owns_seen: list[int] = field(default_factory=list)
    broken: int = 0


def _examples(query_id: str) -> dict[str, Any]:
    spec = LIBRARY.query(query_id)
    return {n: p.example for n, p in spec.params.items() if p.required}


def _read_until(store: FalkorDBStore, done: threading.Event, log: ReaderLog, offset: int) -> None:
    """Pack queries round-robin (each reader from its own offset), a consistency check
    between any two, until the load is done and a whole round has been made."""
    i = 0
    while not done.is_set() or i < len(PUBLIC):
        query_id = PUBLIC[(offset + i) % len(PUBLIC)]
        i += 1
        try:
            run(store, query_id, _examples(query_id), library=LIBRARY)
            (check,) = run_test_query(store, "owns_consistency")
            log.queries += 2
        except Exception as exc:  # noqa: BLE001 - any error at all is what this test counts
            log.errors.append(f"{query_id}: {type(exc).__name__}: {exc}")
            continue
        log.owns_seen.append(int(check["edges"]))
        log.broken += int(check["broken_owners"] or 0) + int(check["broken_patents"] or 0)


def _load_while_reading(store: FalkorDBStore, readers: int, patents: int) -> list[ReaderLog]:
    build_fixture_graph(store)
    template = load_chain_template(PV)
    records = generate_portfolio(template, power_law_holders(template, 40, seed=5), patents,
                                 seed=5)
    done = threading.Event()
    logs = [ReaderLog() for _ in range(readers)]
    stores = [FalkorDBStore(store.uri, data_dir=store.data_dir, graph=store.graph_name,
                            read_only=True) for _ in range(readers)]
    threads = [threading.Thread(target=_read_until, args=(s, done, log, k * 7))
               for k, (s, log) in enumerate(zip(stores, logs, strict=True))]
    try:
        for thread in threads:
            thread.start()
        started = time.monotonic()
        report = run_load(store, "synthetic", records, files=["<synthetic>"], batch_size=100)
        seconds = time.monotonic() - started
        done.set()
        for thread in threads:
            thread.join(timeout=300)
    finally:
        done.set()
        for s in stores:
            s.close()
    assert report.rows_rejected == 0 and node_counts(store)["Patent"] >= patents
    total = sum(log.queries for log in logs)
    print(f"{readers} readers x {total} queries during a {seconds:.1f} s load of {patents} "
          f"patents; errors: {sum(len(log.errors) for log in logs)}")
    return logs


def _check(logs: list[ReaderLog]) -> None:
    for log in logs:
        assert log.errors == []
        assert log.broken == 0
        assert log.owns_seen == sorted(log.owns_seen), "a reader saw the graph shrink"
    seen = {n for log in logs for n in log.owns_seen}
    assert len(seen) > 2, "the readers did not overlap the load: no intermediate state seen"


def test_four_readers_during_a_load_see_a_whole_graph_and_no_errors(
        falkordb_store: FalkorDBStore) -> None:
    _check(_load_while_reading(falkordb_store, readers=4, patents=800))


@pytest.mark.slow
def test_eight_readers_during_a_larger_load(falkordb_store: FalkorDBStore) -> None:
    # Measured once at 6,000 patents: 8 readers x 7,534 queries over 144 s, no errors.
    _check(_load_while_reading(falkordb_store, readers=8, patents=2000))
