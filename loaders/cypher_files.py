"""The loaders' own Cypher, kept in `loaders/cypher/*.cypher` (never inline in Python)."""

from __future__ import annotations

from pathlib import Path

from innochain.graph.cypher_text import package_cypher


def read_cypher(name: str) -> str:
    """The text of `loaders/cypher/<name>.cypher`, comment lines removed."""
    return package_cypher("innochain.loaders", Path(__file__).resolve().parent, name)
