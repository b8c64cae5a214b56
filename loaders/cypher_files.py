"""The loaders' own Cypher, kept in `loaders/cypher/*.cypher` (never inline in Python)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path


@cache
def read_cypher(name: str) -> str:
    """The text of `loaders/cypher/<name>.cypher`, comment lines removed."""
    resource = files("innochain.loaders") / "cypher" / f"{name}.cypher"
    if resource.is_file():
        text = resource.read_text(encoding="utf-8")
    else:
        # Strict editable installs link modules only; the source tree sits behind the link.
        text = (Path(__file__).resolve().parent / "cypher" / f"{name}.cypher").read_text(
            encoding="utf-8")
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
