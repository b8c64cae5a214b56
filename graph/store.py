"""The GraphStore protocol that every backend adapter implements, and what they share."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Protocol, runtime_checkable

import pandas as pd

from innochain.errors import ParameterTypeError

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


@dataclass
class WriteResult:
    """What a batched write did: rows sent, and the rows the statement returned."""

    rows_sent: int = 0
    batches: int = 0
    returned: list[dict[str, Any]] = field(default_factory=list)


@runtime_checkable
class GraphStore(Protocol):
    """A graph backend. Adapters differ in DDL and quirks, never in this surface."""

    uri: str
    backend: str

    def run(self, cypher: str, params: Mapping[str, Any] | None = None, *,
            read_only: bool = True, tag: str | None = None) -> pd.DataFrame:
        """Run one statement; read-only statements cannot write on either backend."""
        ...

    def write_batches(self, cypher: str, rows: Iterable[Mapping[str, Any]],
                      batch_size: int = 5000) -> WriteResult:
        """Send rows as `$rows` in fixed-size batches, one transaction per batch."""
        ...

    def ensure_schema(self) -> None:
        """Create indexes and constraints of graph.schema; running it twice is harmless."""
        ...

    def clear(self) -> None:
        """Delete every node and relationship (for --rebuild and tests)."""
        ...

    def finish_bulk_load(self) -> None:
        """Called after a large load (FalkorDB rewrites its append-only file)."""
        ...

    def server_info(self) -> dict[str, str]:
        """Backend name, server version and where it lives, for `innochain doctor`."""
        ...

    def close(self) -> None:
        """Release connections; stop an embedded server this store started."""
        ...


@dataclass
class FreshLoadResult:
    """What a create-only load wrote: node and relationship rows, and the rows left out.

    `dangling` holds the tickets of relationships with an end that was never loaded, in
    the order they were given, so the caller can reject them as the MERGE path would.
    """

    nodes: int = 0
    relationships: int = 0
    dangling: list[Any] = field(default_factory=list)


class FreshGraphLoad(Protocol):
    """A create-only load into an empty graph, as fast as the backend's bulk path allows.

    It gives the graph the MERGE path would: a node by its key (repeats merged, later values
    win, role labels added), a relationship once per ends and identity (`key_props`), no
    node created for a relationship to an unknown key. Indexes of ensure_schema exist
    before and after. Nothing is promised to be written before `finish` returns.
    """

    def add_node(self, label: str, key: str, props: Mapping[str, Any],
                 role: str | None = None) -> None:
        """Queue a node; a repeat of a key merges into it (later values win)."""
        ...

    def add_relationship(self, rel: str, src_label: str, src: str, dst_label: str, dst: str,
                         props: Mapping[str, Any], rkey: Mapping[str, Any] | None,
                         ticket: Any) -> None:
        """Queue a relationship; `ticket` comes back in `dangling` if an end is unknown."""
        ...

    def finish(self) -> FreshLoadResult:
        """Write everything still queued and say what was written."""
        ...


@runtime_checkable
class SupportsFreshLoad(Protocol):
    """An optional GraphStore capability: a faster load when the graph is still empty."""

    def open_fresh_load(self, batch_size: int = 5000) -> FreshGraphLoad | None:
        """A create-only load if the graph holds no node yet, else None (use MERGE).

        `batch_size` is the caller's rows per write; a backend may send several at once.
        """
        ...


def check_params(params: Mapping[str, Any] | None) -> dict[str, Any]:
    """Return params as a dict, refusing anything but str, int, float, bool, None, list, map.

    The FalkorDB client writes other types as unquoted text into the query header, so a
    date, a Decimal or a numpy scalar would become Cypher source: refuse them by name.
    """
    if params is None:
        return {}
    if not isinstance(params, Mapping):
        raise ParameterTypeError(f"parameters must be a mapping, not {type(params).__name__}")
    for key, value in params.items():
        if not isinstance(key, str) or not key:
            raise ParameterTypeError(f"parameter names must be non-empty strings, got {key!r}")
        _check_value(value, key)
    return dict(params)


def _check_value(value: Any, path: str) -> None:
    if value is None or isinstance(value, str | bool):
        return
    if isinstance(value, int):
        if not INT64_MIN <= value <= INT64_MAX:
            raise ParameterTypeError(f"parameter {path} = {value} does not fit a 64-bit integer")
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ParameterTypeError(f"parameter {path} is {value}: pass a finite number or None")
        return
    if isinstance(value, list | tuple):
        for i, item in enumerate(value):
            _check_value(item, f"{path}[{i}]")
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str) or not key or "`" in key:
                raise ParameterTypeError(f"parameter {path} has a map key {key!r} that is "
                                         "empty, not a string or holds a backtick")
            _check_value(item, f"{path}.{key}")
        return
    raise ParameterTypeError(
        f"parameter {path} is a {type(value).__name__}; pass str, int, float, bool, None, "
        "a list or a map (convert dates to ISO strings)")


def batched(rows: Iterable[Mapping[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    """Fixed-size lists of rows; the last one may be shorter."""
    if size < 1:
        raise ValueError("batch_size must be at least 1")
    it = iter(rows)
    while chunk := [r if type(r) is dict else dict(r) for r in islice(it, size)]:
        yield chunk  # plain dicts pass as they are: they are only read


def tag_cypher(cypher: str, tag: str | None) -> str:
    """Prefix a query with a comment naming its source, so a slow-query log points home."""
    if not tag:
        return cypher
    safe = re.sub(r"[^\w.:/-]", "_", tag)
    return f"/* innochain:{safe} */ {cypher}"


def redact_uri(uri: str) -> str:
    """The URI with any password replaced by ***, for logs, errors and doctor output.

    The user part ends at the LAST '@' before any query or fragment, so a password holding an
    unencoded '@' or '/' is hidden whole (a regex stopping at the first one leaked the rest).
    """
    match = re.match(r"^([a-zA-Z][\w+.-]*://)([^?#]*)(.*)$", uri, re.DOTALL)
    if not match:
        return uri
    scheme, authority_and_path, rest = match.groups()
    at = authority_and_path.rfind("@")
    userinfo = authority_and_path[:at] if at >= 0 else ""
    if ":" not in userinfo:
        return uri
    user = userinfo.split(":", 1)[0]
    return f"{scheme}{user}:***@{authority_and_path[at + 1:]}{rest}"


def records_to_frame(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> pd.DataFrame:
    """A DataFrame with the given column order even when there are no rows."""
    return pd.DataFrame([list(r) for r in rows], columns=list(columns))
