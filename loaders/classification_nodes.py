"""CPC/IPC class nodes with their CHILD_OF chain up to the section, each emitted once.

Every loader that names a class (patent tables, the IPC scheme, chain templates) builds the
same node the same way: canonical code, `scheme`, `level` in the contract's words, and a
CHILD_OF edge to the nearest ancestor derivable from the symbol.
"""

from __future__ import annotations

from collections.abc import Iterator

from innochain.loaders.ipc_symbols import ancestors, ipc_level
from innochain.loaders.records import EdgeRecord, NodeRecord, Origin, Record

# ipc_symbols says "main group"; the graph contract says "group".
_LEVELS = {"main group": "group"}


def class_level(code: str) -> str:
    """section, class, subclass, group or subgroup (docs/graph-model.md)."""
    level = ipc_level(code)
    return _LEVELS.get(level, level)


def parent_code(code: str) -> str | None:
    """The nearest ancestor of a canonical code, or None for a section."""
    found = ancestors(code)
    return found[0] if found else None


class ClassNodes:
    """Emits each class node (and its ancestors) once per load, with CHILD_OF edges."""

    def __init__(self, scheme: str, source: str) -> None:
        self.scheme, self.source = scheme, source
        self.seen: set[str] = set()

    def records(self, code: str, origin: Origin | None,
                title: str | None = None) -> Iterator[Record]:
        """The node for `code` (title set when given) and any ancestor not yet emitted."""
        if code in self.seen and title is None:
            return
        props = {"scheme": self.scheme, "level": class_level(code), "source": self.source}
        if title:
            props["title"] = title
        yield NodeRecord("CPC", code, props, origin)
        if code in self.seen:
            return
        self.seen.add(code)
        parent = parent_code(code)
        if parent is None:
            return
        yield from self.records(parent, origin)
        yield EdgeRecord("CHILD_OF", "CPC", code, "CPC", parent, {"source": self.source},
                         origin, field_name="parent")
