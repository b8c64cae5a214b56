"""A GraphStore that passes every call to another one; a subclass changes one behaviour.

Benchmarks and tests use it to hold back one capability of a real store: the rewrite after a
bulk load (to time a restart before it), or the create-only path (to force MERGE). The proxy
offers the protocol only, so a store's optional capabilities (`open_fresh_load`) are gone
unless a subclass passes them on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from innochain.graph.store import GraphStore, WriteResult


class StoreProxy:
    """Every GraphStore call goes to `inner`."""

    def __init__(self, inner: GraphStore) -> None:
        self.inner = inner
        self.uri: str = getattr(inner, "uri", "")
        self.backend: str = getattr(inner, "backend", "?")

    def run(self, cypher: str, params: Mapping[str, Any] | None = None, *,
            read_only: bool = True, tag: str | None = None) -> pd.DataFrame:
        return self.inner.run(cypher, params, read_only=read_only, tag=tag)

    def write_batches(self, cypher: str, rows: Iterable[Mapping[str, Any]],
                      batch_size: int = 5000) -> WriteResult:
        return self.inner.write_batches(cypher, rows, batch_size)

    def ensure_schema(self) -> None:
        self.inner.ensure_schema()

    def clear(self) -> None:
        self.inner.clear()

    def finish_bulk_load(self) -> None:
        self.inner.finish_bulk_load()

    def server_info(self) -> dict[str, str]:
        return self.inner.server_info()

    def close(self) -> None:
        self.inner.close()
