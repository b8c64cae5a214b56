"""Restart time of the embedded store after a load: stop, start, wait until a query answers.

Measured twice: before the append-only file is rewritten (the server replays every write
command since the last automatic rewrite) and after `finish_bulk_load()` (BGREWRITEAOF).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from scale_backends import BackendSession, aof_mib, falkordb_uri, wait_rewrite_done

from innochain.graph import falkordb_server
from innochain.graph.falkordb_store import FalkorDBStore


@dataclass
class RestartFigures:
    """Seconds to answer again, before and after the rewrite, and the files' sizes."""

    without_rewrite_s: float
    rewrite_s: float
    after_rewrite_s: float
    aof_before_mib: float
    aof_after_mib: float


def restart(session: BackendSession) -> float:
    """Stop the server, start it again, return seconds until a query answered."""
    session.store.close()
    falkordb_server.stop(session.home)
    started = time.perf_counter()
    store = FalkorDBStore(falkordb_uri(session.home), data_dir=session.home)
    store.run("MATCH (s:Segment) RETURN count(s) AS c")
    seconds = time.perf_counter() - started
    session.store, session.pid = store, int(store.pid or 0)
    return seconds


def restart_figures(session: BackendSession) -> RestartFigures:
    """Restart without rewrite, rewrite (timed until done), restart again."""
    aof_before = aof_mib(session.home)
    without = restart(session)
    store = session.store
    assert isinstance(store, FalkorDBStore) and store.socket is not None
    started = time.perf_counter()
    store.finish_bulk_load()
    wait_rewrite_done(store.socket)
    rewrite = time.perf_counter() - started
    aof_after = aof_mib(session.home)
    after = restart(session)
    return RestartFigures(without, rewrite, after, aof_before, aof_after)
