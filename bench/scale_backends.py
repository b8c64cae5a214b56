"""The two backends of the scale benchmark, each with the PID of its database process.

FalkorDB: the embedded server (redis-server + module) in a data directory of its own.
Neo4j: a 5.26 Community server from Maven Central (`start_neo4j`, heap 4g, page cache 2g).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import neo4j
import redis

from innochain.graph import falkordb_server, neo4j_store
from innochain.graph.falkordb_store import FalkorDBStore
from innochain.graph.neo4j_store import Neo4jStore
from innochain.graph.store import GraphStore
from innochain.graph.store_proxy import StoreProxy

# Replaying a large append-only file takes longer than the adapter's 30 s start timeout;
# the benchmark measures how long it takes instead of giving up.
falkordb_server.START_TIMEOUT_S = 3600.0
NEO4J_HEAP, NEO4J_PAGECACHE = "4g", "2g"


@dataclass
class BackendSession:
    """A store on a running backend and the PID whose peak memory is reported."""

    name: str
    store: GraphStore
    pid: int
    home: Path


def peak_rss_mib(pid: int) -> float:
    """VmHWM (peak resident set) of a process, in MiB, from /proc/<pid>/status."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for pid {pid}")


def falkordb_uri(data_dir: Path) -> str:
    """The InnoChain URI of an embedded store in `data_dir`."""
    return f"falkordb://{data_dir}"


@contextmanager
def falkordb_session(data_dir: Path) -> Iterator[BackendSession]:
    """An embedded FalkorDB started in `data_dir` for this run, stopped afterwards."""
    store = FalkorDBStore(falkordb_uri(data_dir), data_dir=data_dir)
    session = BackendSession("falkordb", store, int(store.pid or 0), data_dir)
    try:
        yield session
    finally:
        session.store.close()
        falkordb_server.stop(data_dir)


@contextmanager
def neo4j_session(home: Path) -> Iterator[BackendSession]:
    """A Neo4j 5.26 server in `home` (heap 4g, page cache 2g), stopped afterwards."""
    from innochain.neo4j_devserver import start_neo4j

    home.mkdir(parents=True, exist_ok=True)
    with start_neo4j(home, heap=NEO4J_HEAP, pagecache=NEO4J_PAGECACHE, timeout=300) as server:
        store = Neo4jStore(server.uri)
        try:
            yield BackendSession("neo4j", store, server.pid, home)
        finally:
            store.close()


def set_query_timeout(session: BackendSession, seconds: int) -> str:
    """Cap each read query, so one runaway query cannot stall the benchmark; returns a note."""
    try:
        if session.name == "falkordb":
            store = session.store
            assert isinstance(store, FalkorDBStore) and store.socket is not None
            client = redis.Redis(unix_socket_path=str(store.socket))
            client.execute_command("GRAPH.CONFIG", "SET", "TIMEOUT_DEFAULT", seconds * 1000)
            client.close()
        else:
            # Community has no dbms.setConfigValue: give every transaction the driver's
            # timeout instead (the server ends it), for the query phase only.
            neo4j_store.Query = functools.partial(neo4j.Query, timeout=float(seconds))
    except Exception as exc:  # a backend without the setting still runs, uncapped
        return f"no query timeout ({str(exc).splitlines()[0][:120]})"
    return f"query timeout {seconds} s"


def clear_query_timeout() -> None:
    """Back to the driver's own Query (no transaction timeout)."""
    neo4j_store.Query = neo4j.Query


class DeferredRewriteStore(StoreProxy):
    """Passes everything to a store but skips finish_bulk_load, so the benchmark can time a
    restart before the append-only file is rewritten and again after."""

    def open_fresh_load(self, batch_size: int = 5000) -> Any:
        """The inner store's create-only load into an empty graph, if it has one."""
        opener = getattr(self.inner, "open_fresh_load", None)
        return opener(batch_size) if opener is not None else None

    def finish_bulk_load(self) -> None:
        """Deliberately nothing: the benchmark calls the real one when it wants it."""


def wait_rewrite_done(socket: Path, timeout: float = 3600) -> None:
    """Block until no append-only rewrite is running or scheduled."""
    client = redis.Redis(unix_socket_path=str(socket), socket_timeout=30)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            info = client.info("persistence")
            if not info.get("aof_rewrite_in_progress") and not info.get("aof_rewrite_scheduled"):
                return
            time.sleep(0.1)
    finally:
        client.close()
    raise TimeoutError("the append-only rewrite did not finish")


def aof_mib(data_dir: Path) -> float:
    """Size of the append-only files (base + increments) in MiB."""
    folder = data_dir / "appendonlydir"
    files = folder.glob("*") if folder.is_dir() else data_dir.glob("appendonly.aof*")
    return sum(p.stat().st_size for p in files) / 2**20
