"""FalkorDBStore: the embedded default (a child redis-server) or a FalkorDB server by address."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import redis
from falkordb import FalkorDB
from falkordb.edge import Edge
from falkordb.node import Node

from innochain.errors import BackendUnavailable, InnoChainError
from innochain.graph import falkordb_server
from innochain.graph.cypher_text import graph_cypher
from innochain.graph.falkordb_bulk import FalkorDBFreshLoad
from innochain.graph.falkordb_params import params_header
from innochain.graph.schema import schema_plan
from innochain.graph.store import (
    WriteResult,
    batched,
    records_to_frame,
    redact_uri,
    tag_cypher,
)

DEFAULT_GRAPH = "innochain"
# The server answers "BUSY preparing to fork" while it readies an append-only rewrite (one
# starts by itself as the file grows during a large load): the command was not run, so it is
# sent again, for up to this long, before the error reaches the caller.
BUSY_WAIT_S = 120.0


class FalkorDBStore:
    """A GraphStore over FalkorDB; read-only calls go through GRAPH.RO_QUERY."""

    backend = "falkordb"

    def __init__(self, uri: str, *, data_dir: Path | None = None, host: str | None = None,
                 port: int | None = None, password: str | None = None,
                 username: str | None = None, graph: str = DEFAULT_GRAPH,
                 read_only: bool = False) -> None:
        self.uri = uri
        self.graph_name = graph
        self.read_only = read_only
        self._data_dir = data_dir
        self._started_here = False
        self.socket: Path | None = None
        if data_dir is not None:
            paths, self.pid, self._started_here = falkordb_server.start_or_reuse(data_dir)
            self.socket = paths.socket
            if read_only:  # the dashboard: a user whose ACL allows only read-only queries
                username = falkordb_server.READER
                password = falkordb_server.reader_password(paths)
            self._db = FalkorDB(unix_socket_path=str(paths.socket), username=username,
                                password=password)
        else:
            self.pid = None
            try:
                # The client connects in its constructor (it asks whether it is a sentinel).
                self._db = FalkorDB(host=host or "localhost", port=port or 6379,
                                    username=username, password=password, socket_timeout=600)
                self._db.connection.ping()
            except redis.AuthenticationError:
                raise BackendUnavailable(
                    f"FalkorDB at {redact_uri(uri)} refused the credentials: put the right "
                    "user:password in the URI") from None
            except (redis.RedisError, OSError) as exc:
                raise BackendUnavailable(
                    f"cannot reach FalkorDB at {redact_uri(uri)} ({_first_line(exc)}): start "
                    "the server or set INNOCHAIN_GRAPH_URI") from None
        self._graph = self._db.select_graph(graph)
        if not read_only and graph not in self._db.list_graphs():
            # A read-only query on a graph that does not exist yet fails ("empty key");
            # creating the schema creates the graph, so every store opens readable.
            self.ensure_schema()

    @property
    def data_dir(self) -> Path | None:
        """The embedded server's data directory (None for a server reached by address)."""
        return self._data_dir

    # -- queries -------------------------------------------------------------------------
    def run(self, cypher: str, params: Mapping[str, Any] | None = None, *,
            read_only: bool = True, tag: str | None = None) -> pd.DataFrame:
        header = params_header(params)  # checks every value, as check_params does
        asked_to_write = not read_only
        if self.read_only:
            read_only = True  # a reader never sends GRAPH.QUERY, whatever the caller asks
        query = header + tag_cypher(cypher, tag)
        send = self._graph.ro_query if read_only else self._graph.query
        try:
            result = retry_while_busy(lambda: send(query))
        except redis.ResponseError as exc:
            if read_only and "empty key" in str(exc).lower():
                if asked_to_write:  # refuse as on an existing graph, not answer "nothing"
                    raise self._refused_write(tag) from None
                return pd.DataFrame()  # the graph does not exist yet: nothing loaded
            raise self._query_error(exc, tag) from None
        except (redis.ConnectionError, OSError) as exc:
            raise BackendUnavailable(f"lost FalkorDB at {redact_uri(self.uri)} "
                                     f"({_first_line(exc)}): check `innochain db status`") from None
        columns = [h[1] for h in result.header] if result.header else []
        rows = ([_plain(v) for v in row] for row in result.result_set)
        return records_to_frame(columns, rows)

    def write_batches(self, cypher: str, rows: Iterable[Mapping[str, Any]],
                      batch_size: int = 5000) -> WriteResult:
        out = WriteResult()
        for chunk in batched(rows, batch_size):
            frame = self.run(cypher, {"rows": chunk}, read_only=False)
            out.rows_sent += len(chunk)
            out.batches += 1
            if not frame.empty:
                out.returned.extend(frame.to_dict("records"))
        return out

    def open_fresh_load(self, batch_size: int = 5000) -> FalkorDBFreshLoad | None:
        """A GRAPH.BULK load if the graph holds no node yet; None means: load with MERGE."""
        if self.read_only:
            return None
        frame = self.run(graph_cypher("node_count"), tag="innochain/fresh_check")
        if not frame.empty and int(frame.iloc[0]["n"]):
            return None
        # Created anew (indexes first), so the server numbers nodes from 0 as the load does.
        self.clear()
        self.ensure_schema()
        return FalkorDBFreshLoad(self, self._bulk_insert, batch_size)

    def _bulk_insert(self, args: list[Any]) -> Any:
        """One GRAPH.BULK call (blocks built by graph.falkordb_bulk), errors in our words."""
        connection = self._db.connection
        try:
            return retry_while_busy(
                lambda: connection.execute_command("GRAPH.BULK", self.graph_name, *args))
        except redis.ResponseError as exc:
            raise self._query_error(exc, "innochain/bulk_insert") from None
        except (redis.ConnectionError, OSError) as exc:
            raise BackendUnavailable(f"lost FalkorDB at {redact_uri(self.uri)} "
                                     f"({_first_line(exc)}): check `innochain db status`") from None

    # -- schema and life cycle -------------------------------------------------------------
    def ensure_schema(self) -> None:
        existing = self._existing_indexes()
        unique = self._existing_unique()
        for index in schema_plan().indexes:
            if (index.label, index.prop) not in existing:
                self._graph.query(f"CREATE INDEX FOR (n:{index.label}) ON (n.{index.prop})")
            if index.unique and (index.label, index.prop) not in unique:
                self._ensure_unique(index.label, index.prop)

    def _existing_unique(self) -> set[tuple[str, str]]:
        """Unique constraints already there: asking again is refused, but the refused command
        still goes to the append-only file, and thousands of them slowed a restart to 38 s."""
        try:
            result = self._graph.query(graph_cypher("falkordb_constraints"))
        except redis.ResponseError:
            return set()
        return {(label, p) for kind, label, props in result.result_set if kind == "UNIQUE"
                for p in props}

    def _existing_indexes(self) -> set[tuple[str, str]]:
        found: set[tuple[str, str]] = set()
        try:
            result = self._graph.query(graph_cypher("falkordb_indexes"))
        except redis.ResponseError:
            return found
        for label, props in result.result_set:
            found.update((label, p) for p in props)
        return found

    def _ensure_unique(self, label: str, prop: str) -> None:
        try:
            self._db.connection.execute_command(
                "GRAPH.CONSTRAINT", "CREATE", self.graph_name, "UNIQUE", "NODE", label,
                "PROPERTIES", 1, prop)
        except redis.ResponseError as exc:
            if "already exists" not in str(exc).lower():
                raise

    def clear(self) -> None:
        try:
            self._graph.delete()
        except redis.ResponseError as exc:
            if "empty key" not in str(exc).lower() and "invalid graph" not in str(exc).lower():
                raise
        self._graph = self._db.select_graph(self.graph_name)

    def finish_bulk_load(self, timeout: float = 600.0) -> None:
        """Rewrite the append-only file and wait for it: restarts replay far fewer commands.

        Waiting matters: a server shut down mid-rewrite keeps the long incremental log, and
        the next start replays all of it (~14 s -> ~4 s at 3M rows).
        """
        conn = self._db.connection
        try:
            conn.execute_command("BGREWRITEAOF")
        except redis.ResponseError as exc:
            if "already in progress" not in str(exc):
                raise
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            info = conn.info("persistence")
            if not info.get("aof_rewrite_in_progress") and not info.get("aof_rewrite_scheduled"):
                return
            time.sleep(0.1)

    def server_info(self) -> dict[str, str]:
        info = self._db.connection.info("server")
        modules = self._db.connection.execute_command("MODULE", "LIST")
        version = "?"
        for mod in modules:
            fields = dict(zip(mod[::2], mod[1::2], strict=False))
            name = fields.get(b"name", fields.get("name"))
            if name in (b"graph", "graph"):
                version = str(fields.get(b"ver", fields.get("ver")))
        where = str(self.socket) if self.socket else redact_uri(self.uri)
        return {"backend": "FalkorDB", "version": _falkordb_version(version),
                "redis": str(info.get("redis_version")), "address": where,
                "data_dir": str(self._data_dir or "-"), "graph": self.graph_name}

    def close(self) -> None:
        try:
            self._db.connection.close()
        except (redis.RedisError, OSError):
            pass
        if self._started_here and self._data_dir is not None and self.socket is not None:
            # Leave the server to others still connected; `innochain db stop` ends it.
            if falkordb_server.connected_clients(self.socket) <= 1:  # the probe itself
                falkordb_server.stop(self._data_dir)
        self._started_here = False

    def _refused_write(self, tag: str | None) -> InnoChainError:
        where = f" in query {tag}" if tag else ""
        return InnoChainError(f"refused{where}: a read-only query tried to write (this "
                              f"connection may only read; graph {self.graph_name!r} does not "
                              "exist yet)")

    def _query_error(self, exc: redis.ResponseError, tag: str | None) -> InnoChainError:
        text = _first_line(exc)
        where = f" in query {tag}" if tag else ""
        if isinstance(exc, redis.exceptions.NoPermissionError) or "no permissions" in text:
            return InnoChainError(f"refused{where}: this connection may only read ({text})")
        if "read-only" in text.lower() or "ro_query" in text.lower():
            return InnoChainError(f"refused{where}: a read-only query tried to write ({text})")
        return InnoChainError(f"FalkorDB rejected the query{where}: {text}")


def _plain(value: Any) -> Any:
    """Nodes and edges become property maps so every result is a plain DataFrame."""
    if isinstance(value, Node):
        return {**value.properties, "_labels": list(value.labels)}
    if isinstance(value, Edge):
        return {**value.properties, "_type": value.relation}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _falkordb_version(encoded: str) -> str:
    """FalkorDB reports its version as an integer such as 41205 for 4.12.5."""
    if encoded.isdigit():
        n = int(encoded)
        return f"{n // 10000}.{(n // 100) % 100}.{n % 100}"
    return encoded


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def retry_while_busy(send: Callable[[], Any], wait_s: float = BUSY_WAIT_S) -> Any:
    """`send()`, again after a pause while the server answers BUSY (it ran nothing then);
    any other error, or BUSY past `wait_s`, goes to the caller."""
    deadline, pause = time.monotonic() + wait_s, 0.05
    while True:
        try:
            return send()
        except redis.ResponseError as exc:
            if not str(exc).startswith("BUSY") or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 1.0)
