"""What loaders yield: node and relationship records, and rejects, each with its origin.

A loader is a generator of these; it never talks to a backend. `innochain.loaders.load_run`
writes the records through `innochain.graph.writes` and accounts for every source row:
rows read = rows loaded + rows rejected.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, order=True)
class Origin:
    """The file and 1-based line (or record number) a record came from."""

    file: str
    line: int


@dataclass
class NodeRecord:
    """One node, written by its key; `props` are set on it (None removes a property)."""

    label: str
    key: str
    props: dict[str, Any] = field(default_factory=dict)
    origin: Origin | None = None
    role: str | None = None  # Firm, Institute, Agency, Government, Alliance (Organization only)


@dataclass
class EdgeRecord:
    """One relationship between two nodes that must already exist (else a reject)."""

    rel: str
    src_label: str
    src: str
    dst_label: str
    dst: str
    props: dict[str, Any] = field(default_factory=dict)
    origin: Origin | None = None
    rkey: dict[str, Any] | None = None  # identity properties, for types that declare them
    field_name: str = ""  # the source column that named the far end, for reject messages
    src_field: str = ""  # the column that named the near end (reported when that end is missing)


@dataclass(frozen=True)
class Reject:
    """A source row that was not loaded, in words a data owner understands."""

    file: str
    line: int
    field: str
    value: str
    reason: str

    def as_row(self) -> dict[str, Any]:
        """The row written to the rejects file."""
        return {"file": self.file, "line": self.line, "field": self.field,
                "value": self.value, "reason": self.reason}


Record = NodeRecord | EdgeRecord | Reject
