"""Neo4jStore: the scale path through the official `neo4j` driver (server, cluster, Aura)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import neo4j
import pandas as pd
from neo4j import GraphDatabase, Query, RoutingControl
from neo4j.exceptions import (
    AuthError,
    ConfigurationError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
)

from innochain.errors import BackendUnavailable, InnoChainError
from innochain.graph.cypher_text import graph_cypher
from innochain.graph.schema import schema_plan
from innochain.graph.store import (
    WriteResult,
    batched,
    check_params,
    records_to_frame,
    redact_uri,
    tag_cypher,
)


class Neo4jStore:
    """A GraphStore over Neo4j 5; read-only calls run in read transactions (READ routing)."""

    backend = "neo4j"

    def __init__(self, uri: str, *, username: str | None = None, password: str | None = None,
                 database: str | None = None, driver: neo4j.Driver | None = None,
                 read_only: bool = False) -> None:
        self.uri = uri
        self.read_only = read_only
        self.database = database or None
        self._secret = password
        auth = (username, password or "") if username else None
        try:
            # The packs name relationship types a graph may not hold yet (a park with no
            # licences): Neo4j's "unknown relationship type" notices would only be noise.
            self._driver = driver or GraphDatabase.driver(
                uri, auth=auth, notifications_disabled_classifications=[
                    neo4j.NotificationDisabledClassification.UNRECOGNIZED])
            self._driver.verify_connectivity()
        except AuthError:
            raise BackendUnavailable(
                f"Neo4j at {redact_uri(uri)} refused the credentials: set NEO4J_USERNAME and "
                "NEO4J_PASSWORD") from None
        except (ServiceUnavailable, OSError) as exc:
            raise BackendUnavailable(
                f"cannot reach Neo4j at {redact_uri(uri)} ({_first_line(exc, password)}): set "
                "INNOCHAIN_GRAPH_URI or start the server") from None
        except (ConfigurationError, ValueError) as exc:
            raise BackendUnavailable(f"cannot use Neo4j URI {redact_uri(uri)}: "
                                     f"{_first_line(exc, password)}") from None

    def run(self, cypher: str, params: Mapping[str, Any] | None = None, *,
            read_only: bool = True, tag: str | None = None) -> pd.DataFrame:
        checked = check_params(params)
        if self.read_only and not read_only:
            raise InnoChainError("refused: this connection may only read (opened read-only)")
        query = Query(tag_cypher(cypher, tag), metadata={"innochain": tag} if tag else None)
        routing = RoutingControl.READ if read_only else RoutingControl.WRITE
        try:
            return self._driver.execute_query(  # type: ignore[no-any-return]
                query, checked, routing_=routing, database_=self.database,
                result_transformer_=_to_frame)
        except Neo4jError as exc:  # the query's own errors, and the server's limits on it
            raise _query_error(exc, tag, read_only) from None
        except (ServiceUnavailable, DriverError, OSError) as exc:
            raise BackendUnavailable(f"lost Neo4j at {redact_uri(self.uri)} "
                                     f"({_first_line(exc)}): is the server up?") from None

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

    def ensure_schema(self) -> None:
        for index in schema_plan().indexes:
            name = f"{index.label.lower()}_{index.prop}"
            if index.unique:
                ddl = (f"CREATE CONSTRAINT {name}_key IF NOT EXISTS FOR (n:{index.label}) "
                       f"REQUIRE n.{index.prop} IS UNIQUE")
            else:
                ddl = (f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{index.label}) "
                       f"ON (n.{index.prop})")
            self.run(ddl, read_only=False)
        self.run(graph_cypher("neo4j_await_indexes"), read_only=False)

    def clear(self) -> None:
        # In slices, so a large graph never needs one huge transaction.
        while True:
            frame = self.run(graph_cypher("neo4j_delete_slice"), read_only=False)
            if frame.empty or int(frame.iloc[0]["c"]) == 0:
                return

    def finish_bulk_load(self) -> None:
        """Nothing to do: Neo4j checkpoints its own transaction log."""

    def server_info(self) -> dict[str, str]:
        info = self._driver.get_server_info()
        return {"backend": "Neo4j", "version": info.agent, "protocol": str(info.protocol_version),
                "address": redact_uri(self.uri), "database": self.database or "(default)"}

    def close(self) -> None:
        self._driver.close()


def _to_frame(result: neo4j.Result) -> pd.DataFrame:
    keys = list(result.keys())
    rows = [[_plain(v) for v in record.values()] for record in result]
    return records_to_frame(keys, rows)


def _plain(value: Any) -> Any:
    """Nodes and relationships become property maps, as the FalkorDB adapter does."""
    if isinstance(value, neo4j.graph.Node):
        return {**dict(value), "_labels": sorted(value.labels)}
    if isinstance(value, neo4j.graph.Relationship):
        return {**dict(value), "_type": value.type}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _query_error(exc: Neo4jError, tag: str | None, read_only: bool) -> InnoChainError:
    where = f" in query {tag}" if tag else ""
    code = exc.code or ""
    if read_only and ("AccessMode" in code or "ForbiddenDueToTransactionType" in code
                      or "WriteOnReadOnlyAccessDbException" in code):
        return InnoChainError(f"refused{where}: a read-only query tried to write "
                              f"({_first_line(exc)})")
    if "MemoryPoolOutOfMemoryError" in code:
        return InnoChainError(f"Neo4j ran out of query memory{where} ({_first_line(exc)}): "
                              "narrow the query, or raise db.memory.transaction.total.max "
                              "and the heap in the server's neo4j.conf")
    return InnoChainError(f"Neo4j rejected the query{where}: {_first_line(exc)}")


def _first_line(exc: BaseException, secret: str | None = None) -> str:
    # GqlError.message on driver errors is a generic status text; str() has the reason.
    text = (exc.message if isinstance(exc, Neo4jError) else None) or str(exc)
    line = (str(text).strip().splitlines() or [type(exc).__name__])[0]
    return line.replace(secret, "***") if secret else line
