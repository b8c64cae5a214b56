"""Neo4j through the scale path: the synthetic records as admin-import files, then Neo4j's own
offline importer (`neo4j-admin database import full`, from Maven Central) into a fresh home.

The files are written straight from the records with `innochain.neo4j_import.ImportWriter` (the
writer behind `innochain export neo4j-import`; not timed in the rate), so no other database has
to hold the graph first. Only the importer's run is timed: the rate is an offline, whole-store
build, not a transactional write rate.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from scale_graph import ScaleSpec, scale_records

from innochain.loaders.records import EdgeRecord, NodeRecord
from innochain.neo4j_import import ImportWriter
from innochain.neo4j_importer import run_import_script

IMPORTER_HEAP = "2g"


@dataclass
class AdminImportResult:
    """What was written and how long each step took."""

    nodes: int
    relationships: int
    files: int
    csv_seconds: float
    import_seconds: float
    log: Path


def write_admin_import_files(spec: ScaleSpec, folder: Path) -> ImportWriter:
    """The benchmark graph as admin-import files (each node once: the generator repeats
    inventors, and the importer refuses a repeated id)."""
    writer = ImportWriter(folder)
    seen: set[tuple[str, str]] = set()
    for rec in scale_records(spec):
        if isinstance(rec, NodeRecord):
            if (rec.label, rec.key) in seen:
                continue
            seen.add((rec.label, rec.key))
            writer.node(rec.label, rec.key, [rec.role] if rec.role else [], rec.props)
        elif isinstance(rec, EdgeRecord):
            writer.relationship(rec.rel, rec.src_label, rec.src, rec.dst_label, rec.dst,
                                {**rec.props, **(rec.rkey or {})})
    writer.finish()
    return writer


def admin_import(spec: ScaleSpec, folder: Path, home: Path) -> AdminImportResult:
    """Write the files into `folder`, then import them into the Neo4j home `home`."""
    started = time.perf_counter()
    writer = write_admin_import_files(spec, folder)
    csv_seconds = time.perf_counter() - started
    log = folder.parent / "neo4j-admin-import.log"
    seconds = run_import_script(folder, home, heap=IMPORTER_HEAP, log=log)
    manifest = writer.manifest
    return AdminImportResult(manifest.nodes, manifest.relationships, len(manifest.files),
                             csv_seconds, seconds, log)
