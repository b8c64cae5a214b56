"""Reading a package's `cypher/*.cypher` files: the one way Python gets fixed Cypher text.

Fixed statements live in `.cypher` files beside the code that runs them (the adapters'
`graph/cypher/`, the loaders' `loaders/cypher/`); statements generated from the schema
(`graph/writes.py`, the adapters' DDL) are the only Cypher written in Python.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path


@cache
def package_cypher(package: str, source_dir: Path, name: str) -> str:
    """The text of `<package>/cypher/<name>.cypher`, comment lines removed. `source_dir` is
    the package's folder in the source tree: strict editable installs link modules only."""
    resource = files(package) / "cypher" / f"{name}.cypher"
    if resource.is_file():
        text = resource.read_text(encoding="utf-8")
    else:
        text = (source_dir / "cypher" / f"{name}.cypher").read_text(encoding="utf-8")
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))


def graph_cypher(name: str) -> str:
    """One of the adapters' own statements, `graph/cypher/<name>.cypher`."""
    return package_cypher("innochain.graph", Path(__file__).resolve().parent, name)
