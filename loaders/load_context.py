"""What a loader may know beyond its files: organisations already in the graph.

Loaders never query a backend; the caller (the CLI, or a test) builds the context from the
store and hands it in, so a supply link written "LONGi Green Energy" finds the organisation
loaded as "隆基绿能科技股份有限公司" with that English name or alias.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from innochain.loaders.organization_ids import organization_key


@dataclass(frozen=True)
class LoadContext:
    """`known_organizations` maps the name key of every name, English name and alias of the
    organisations in the graph to their node id; empty when loading into an empty graph."""

    known_organizations: Mapping[str, str] = field(default_factory=dict)
    chains: tuple[str, ...] = ()  # ids of the chain templates loaded (segment links need one)
    parks: tuple[str, ...] = ()  # ids of the parks loaded (LOCATED_IN links need one)


def organization_directory(rows: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Name keys -> node id from rows with id, name, name_en, aliases; a key two different
    organisations share is left out (ambiguous: the cell must then give the id)."""
    directory: dict[str, str] = {}
    ambiguous: set[str] = set()
    for row in rows:
        names = [row.get("name"), row.get("name_en"), *(row.get("aliases") or [])]
        for name in names:
            if not isinstance(name, str) or not name.strip():
                continue
            try:
                key = organization_key(name)
            except ValueError:
                continue
            if directory.setdefault(key, row["id"]) != row["id"]:
                ambiguous.add(key)
    for key in ambiguous:
        del directory[key]
    return directory
