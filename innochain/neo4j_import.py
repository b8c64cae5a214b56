"""Neo4j admin-import files from any InnoChain graph: the first load of a large Neo4j.

`neo4j-admin database import full` builds a store offline far faster than transactional
MERGE. This module reads the graph page by page (key-range paging per label, each page with
its nodes' outgoing relationships, so each relationship is read once) and writes:

- `nodes_<Label>.csv`: `id:ID(<Label>)` (CPC: `code:ID(CPC)`), `:LABEL` (role labels too),
  typed properties (`year:int`, `aliases:string[]`, `in_park:boolean`);
- `rels_<TYPE>_<Start>_<End>.csv`: `:START_ID(<Start>)`, `:END_ID(<End>)`, `:TYPE`, typed
  properties (one file per endpoint pair, as each label is its own id space);
- `import.sh` with the exact `neo4j-admin database import full` command line.

Every value keeps its type: rows whose values disagree on a property's type (an int in one
row, a float in another) go to a second file of the same label or type (`nodes_Segment.2.csv`).
Types are only known once every value has been seen, so rows are spooled to JSON-lines files
first and each CSV (header, then rows) is written at the end: memory holds one page, the disk
holds the data twice for a moment. One loss: the importer cannot store an empty list
(neo4j/neo4j#13566), so such a property is absent after the import (counted in the manifest).
"""

from __future__ import annotations

import csv
import json
import shlex
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from innochain.graph.schema import NODE_TYPES, NODES
from innochain.graph.store import GraphStore

CYPHER_DIR = Path(__file__).resolve().parent / "neo4j_import_cypher"
DEFAULT_PAGE_SIZE = 5000
# Arrays are joined with U+001F (unit separator): a character no name, title or alias holds.
ARRAY_DELIMITER = "\x1f"
ARRAY_DELIMITER_OPTION = "U+001F"
INT32 = 2**31
SCRIPT_NAME = "import.sh"


def cypher_text(name: str) -> str:
    """The text of innochain/neo4j_import_cypher/<name>.cypher."""
    return (CYPHER_DIR / f"{name}.cypher").read_text(encoding="utf-8")


Shape = tuple[bool, str | None]  # (is a list, base type); (True, None) is an empty list


_SCALARS: dict[type, Shape] = {bool: (False, "bool"), int: (False, "int"),
                               float: (False, "float"), str: (False, "str")}


def shape_of(value: Any) -> Shape:
    """What a column must be to hold `value` as it is: bool, int, float or str, or a list."""
    scalar = _SCALARS.get(type(value))
    if scalar is not None:
        return scalar
    items = value if isinstance(value, list) else [value]
    kinds = {"bool" if isinstance(v, bool) else "int" if isinstance(v, int) else
             "float" if isinstance(v, float) else "str" for v in items}
    if not kinds:
        base = None
    elif len(kinds) == 1:
        base = kinds.pop()
    else:  # a mixed list: Neo4j stores only lists of one type
        base = "float" if kinds <= {"int", "float"} else "str"
    return isinstance(value, list), base


_IMPORT_TYPES = {"bool": "boolean", "int": "int", "float": "double", "str": "string",
                 None: "string"}


class _Column:
    """One property column of one file: the shape every value in it has."""

    def __init__(self, shape: Shape) -> None:
        self.shape = shape
        self.small_ints = True

    def see(self, value: Any) -> None:
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, int) and not isinstance(item, bool) and not (
                    -INT32 <= item < INT32):
                self.small_ints = False

    def import_type(self) -> str:
        is_list, base = self.shape
        name = "long" if base == "int" and not self.small_ints else _IMPORT_TYPES[base]
        return name + ("[]" if is_list else "")


@dataclass
class ImportFile:
    """One CSV file: nodes of a label, or relationships of a type between two labels.

    A label or type whose rows disagree on a property's type (an int here, a float there)
    gets a second file, so every value keeps its own type.
    """

    name: str
    kind: str  # "nodes" or "relationships"
    id_columns: list[str]
    rows: int = 0
    columns: dict[str, _Column] = field(default_factory=dict)
    spool: IO[str] | None = None

    def header(self) -> list[str]:
        typed = [f"{k}:{c.import_type()}" for k, c in sorted(self.columns.items())]
        return [*self.id_columns, *typed]

    def fits(self, shapes: dict[str, Shape]) -> bool:
        """True when every value can go in this file's columns without changing its type."""
        for key, shape in shapes.items():
            column = self.columns.get(key)
            if column is None or column.shape == shape:
                continue
            if not (shape[0] and column.shape[0] and None in (shape[1], column.shape[1])):
                return False
        return True

    def take(self, props: dict[str, Any], shapes: dict[str, Shape]) -> None:
        """Widen the columns to this row (new columns; an empty list's type once known)."""
        for key, shape in shapes.items():
            column = self.columns.get(key)
            if column is None:
                column = self.columns[key] = _Column(shape)
            elif column.shape[1] is None:
                column.shape = shape
            column.see(props[key])


@dataclass
class ImportManifest:
    """What was written: the files, the counts, and whether any value spans lines."""

    out_dir: Path
    files: list[ImportFile] = field(default_factory=list)
    nodes: int = 0
    relationships: int = 0
    multiline: bool = False
    empty_lists: int = 0  # values the importer cannot store (neo4j/neo4j#13566): left absent
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


class ImportWriter:
    """Nodes and relationships in, admin-import files out (one spool per file until finish).

    `write_import_files` feeds it from a graph; a caller holding records (the benchmark's
    synthetic graph) can feed it directly. Each node key must come once per label.
    """

    def __init__(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.manifest = ImportManifest(out_dir)
        self.by_name: dict[str, list[ImportFile]] = {}
        self._started = time.monotonic()

    def _file(self, name: str, kind: str, id_columns: list[str],
              shapes: dict[str, Shape]) -> ImportFile:
        variants = self.by_name.setdefault(name, [])
        found = next((f for f in variants if f.fits(shapes)), None)
        if found is None:
            file_name = name if not variants else f"{name}.{len(variants) + 1}"
            found = ImportFile(file_name, kind, id_columns)
            found.spool = (self.manifest.out_dir / f"{file_name}.spool").open(
                "w", encoding="utf-8")
            variants.append(found)
            self.manifest.files.append(found)
        return found

    def _add(self, name: str, kind: str, id_columns: list[str], ids: list[str],
             props: dict[str, Any]) -> None:
        props = {k: v for k, v in props.items() if v is not None}
        shapes = {k: shape_of(v) for k, v in props.items()}
        target = self._file(name, kind, id_columns, shapes)
        target.take(props, shapes)
        for value in props.values():
            if value == []:
                self.manifest.empty_lists += 1
            elif not self.manifest.multiline and isinstance(value, str) and (
                    "\n" in value or "\r" in value):
                self.manifest.multiline = True
        assert target.spool is not None
        target.spool.write(json.dumps([ids, props], ensure_ascii=False) + "\n")
        target.rows += 1

    def node(self, label: str, key: str, other_labels: Iterable[str],
             props: dict[str, Any]) -> None:
        """One node of a declared label (its key property is left out of `props`)."""
        key_prop = NODES[label].key
        # :LABEL is an array column: labels are split on the array delimiter too.
        labels = ARRAY_DELIMITER.join([label] + sorted(x for x in other_labels if x != label))
        self._add(f"nodes_{label}", "nodes", [f"{key_prop}:ID({label})", ":LABEL"],
                  [key, labels], {k: v for k, v in props.items() if k != key_prop})
        self.manifest.nodes += 1

    def relationship(self, rel: str, start_label: str, start: str, end_label: str, end: str,
                     props: dict[str, Any]) -> None:
        """One relationship between two nodes given by declared label and key."""
        self._add(f"rels_{rel}_{start_label}_{end_label}", "relationships",
                  [f":START_ID({start_label})", f":END_ID({end_label})", ":TYPE"],
                  [start, end, rel], props)
        self.manifest.relationships += 1

    def finish(self, database: str = "neo4j") -> ImportManifest:
        """Write every CSV (header from the types seen, then the rows) and import.sh."""
        out_dir = self.manifest.out_dir
        for item in self.manifest.files:
            _write_csv(out_dir, item)
        (out_dir / SCRIPT_NAME).write_text(import_script(self.manifest, database),
                                           encoding="utf-8")
        (out_dir / SCRIPT_NAME).chmod(0o755)
        self.manifest.seconds = time.monotonic() - self._started
        return self.manifest


def _primary_label(labels: list[str]) -> str | None:
    """The declared label of a node (role labels such as Firm sit beside Organization)."""
    return next((lbl for lbl in labels if lbl in NODES), None)


def _node_pages(store: GraphStore, label: str,
                page_size: int) -> Iterator[list[dict[str, Any]]]:
    query, after = cypher_text(f"page_{label.lower()}"), ""
    while True:
        frame = store.run(query, {"after": after, "page": page_size},
                          tag=f"neo4j_import/page_{label}")
        if frame.empty:
            return
        rows = frame.to_dict("records")
        yield rows
        after = str(rows[-1]["key"])


def _spool_row(writer: ImportWriter, label: str, row: dict[str, Any]) -> None:
    writer.node(label, str(row["key"]), row["labels"], dict(row["props"]))
    for edge in row["edges"] or []:
        end_label = _primary_label(list(edge["labels"]))
        end_key = edge["code"] if end_label == "CPC" else edge["id"]
        if end_label is None or end_key is None:
            writer.manifest.warnings.append(
                f"{edge['type']} from {label} {row['key']} to a node with no declared label "
                "or key: left out")
            continue
        writer.relationship(str(edge["type"]), label, str(row["key"]), end_label, str(end_key),
                            dict(edge["props"] or {}))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(_cell(v) for v in value)
    return str(value)


def _write_csv(out_dir: Path, item: ImportFile) -> None:
    """Header from the types seen, then the spooled rows; the spool is removed."""
    assert item.spool is not None
    item.spool.close()
    spool_path = out_dir / f"{item.name}.spool"
    names = sorted(item.columns)
    with (out_dir / f"{item.name}.csv").open("w", newline="", encoding="utf-8") as fh, \
            spool_path.open(encoding="utf-8") as spool:
        writer = csv.writer(fh)
        writer.writerow(item.header())
        for line in spool:
            ids, props = json.loads(line)
            writer.writerow([*ids, *(_cell(props.get(k)) for k in names)])
    spool_path.unlink()


def write_import_files(store: GraphStore, out_dir: Path, *, page_size: int = DEFAULT_PAGE_SIZE,
                       database: str = "neo4j") -> ImportManifest:
    """Read every node and relationship of `store` and write the admin-import files."""
    writer = ImportWriter(out_dir)
    for node in NODE_TYPES:
        for rows in _node_pages(store, node.label, page_size):
            for row in rows:
                _spool_row(writer, node.label, row)
    return writer.finish(database)


def import_arguments(manifest: ImportManifest, database: str = "neo4j") -> list[str]:
    """The arguments after `neo4j-admin`, with file names relative to the output folder."""
    args = ["database", "import", "full", database, "--id-type=string",
            f"--array-delimiter={ARRAY_DELIMITER_OPTION}"]
    if manifest.multiline:
        args.append("--multiline-fields=true")  # slower, so only when a value spans lines
    for item in manifest.files:
        flag = "--nodes" if item.kind == "nodes" else "--relationships"
        args.append(f"{flag}={item.name}.csv")
    return args


def import_script(manifest: ImportManifest, database: str = "neo4j") -> str:
    """import.sh: the exact command, run from the folder holding the CSV files."""
    command = shlex.join(["neo4j-admin", *import_arguments(manifest, database)])
    return "\n".join([
        "#!/bin/sh",
        f"# Written by `innochain export neo4j-import`: {manifest.nodes} nodes, "
        f"{manifest.relationships} relationships in {len(manifest.files)} files.",
        "# Run it on the Neo4j 5 machine with $NEO4J_HOME/bin on PATH and the database stopped;",
        f"# {database!r} must hold no data yet (else add --overwrite-destination=true).",
        "# Then start Neo4j and point InnoChain at it (--uri bolt://... or INNOCHAIN_GRAPH_URI):",
        "# the next `innochain load` creates the indexes and key constraints first.",
        "set -e",
        'cd "$(dirname "$0")"',
        command.replace(" --", " \\\n  --"),
        "",
    ])


def graph_counts(store: GraphStore) -> tuple[int, int]:
    """(nodes, relationships) of a graph, to check an import against its source."""
    nodes = store.run(cypher_text("count_nodes"), tag="neo4j_import/count_nodes")
    rels = store.run(cypher_text("count_relationships"), tag="neo4j_import/count_relationships")
    return int(nodes.iloc[0]["nodes"]), int(rels.iloc[0]["relationships"])


def files_by_kind(manifest: ImportManifest) -> dict[str, list[str]]:
    """File names grouped by kind, for summaries."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for item in manifest.files:
        grouped[item.kind].append(f"{item.name}.csv")
    return dict(grouped)
