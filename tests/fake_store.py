"""A GraphStore that needs no database: records every call and answers with canned frames.

Like graph-data-science-client's fake runner: unit tests check which query was sent, with
which parameters and tag, and feed back the frame they choose.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from innochain.graph.store import WriteResult, check_params


@dataclass
class SentQuery:
    """One call to `run`."""

    cypher: str
    params: dict[str, Any]
    read_only: bool
    tag: str | None


@dataclass
class FakeStore:
    """Answers `run` from `answers` (tag -> frame, or a function of the parameters)."""

    answers: dict[str, pd.DataFrame | Callable[[dict[str, Any]], pd.DataFrame]] = field(
        default_factory=dict)
    sent: list[SentQuery] = field(default_factory=list)
    uri: str = "fake://"
    backend: str = "fake"

    @property
    def last_query(self) -> str:
        """The Cypher text of the last call."""
        return self.sent[-1].cypher

    @property
    def last_params(self) -> dict[str, Any]:
        """The parameters of the last call."""
        return self.sent[-1].params

    def run(self, cypher: str, params: Mapping[str, Any] | None = None, *,
            read_only: bool = True, tag: str | None = None) -> pd.DataFrame:
        checked = check_params(params)  # the same refusal of odd types as the real stores
        self.sent.append(SentQuery(cypher, checked, read_only, tag))
        answer = self.answers.get(tag or "", pd.DataFrame())
        return answer(checked) if callable(answer) else answer.copy()

    def write_batches(self, cypher: str, rows: Iterable[Mapping[str, Any]],
                      batch_size: int = 5000) -> WriteResult:
        rows = list(rows)
        self.sent.append(SentQuery(cypher, {"rows": rows}, False, None))
        return WriteResult(rows_sent=len(rows), batches=1)

    def ensure_schema(self) -> None:
        """Nothing to create."""

    def clear(self) -> None:
        self.sent.clear()

    def finish_bulk_load(self) -> None:
        """Nothing to flush."""

    def server_info(self) -> dict[str, str]:
        return {"backend": "fake"}

    def close(self) -> None:
        """Nothing to release."""
