"""CPC/IPC class nodes with their CHILD_OF chain up to the section, each emitted once.

Every loader that names a class (patent tables, the IPC scheme, chain templates) builds the
same node the same way: canonical code, `scheme`, `level` in the contract's words, and a
CHILD_OF edge to the nearest ancestor derivable from the symbol.
"""

from __future__ import annotations

from collections.abc import Iterator

from innochain.loaders.ipc_symbols import level_and_parent
from innochain.loaders.records import EdgeRecord, NodeRecord, Origin, Record

# ipc_symbols says "main group"; the graph contract says "group".
_LEVELS = {"main group": "group"}


class ClassNodes:
    """Emits each class node (and its ancestors) once per load, with CHILD_OF edges."""

    def __init__(self, scheme: str, source: str) -> None:
        self.scheme, self.source = scheme, source
        self.seen: set[str] = set()
        self._facts: dict[str, tuple[str, str | None]] = {}  # code -> (level, parent)

    def records(self, code: str, origin: Origin | None,
                title: str | None = None) -> Iterator[Record]:
        """The node for `code` (title set when given) and any ancestor not yet emitted."""
        if code in self.seen and title is None:
            return
        facts = self._facts.get(code)
        if facts is None:  # one parse per code, however many lines name it
            level, parent = level_and_parent(code)
            facts = self._facts[code] = (_LEVELS.get(level, level), parent)
        props = {"scheme": self.scheme, "level": facts[0], "source": self.source}
        if title:
            props["title"] = title
        yield NodeRecord("CPC", code, props, origin)
        if code in self.seen:
            return
        self.seen.add(code)
        parent = facts[1]
        if parent is None:
            return
        yield from self.records(parent, origin)
        yield EdgeRecord("CHILD_OF", "CPC", code, "CPC", parent, {"source": self.source},
                         origin, field_name="parent")
