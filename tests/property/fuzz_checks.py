"""What a user relies on after loading any file of any kind, checked on one fuzzed case.

- Nothing escapes but a LoadError of one line (what the CLI prints).
- Rows read = loaded + rejected, counted again here from what the loader yields: every
  (file, line) a record came from is read; a line the loader rejects gives nothing else.
- Every reject names one of the given files, a line and a reason.
- With a store: the graph holds what it held before plus the nodes of the rows not rejected
  and every relationship whose two ends exist; a relationship whose end is missing is never
  written and its row is a reject saying which end is unknown. A file refused with a
  LoadError changes nothing.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from innochain.errors import LoadError
from innochain.graph.schema import MATERIALISED_REL_TYPES, NODES
from innochain.graph.store import GraphStore
from innochain.loaders.cypher_files import read_cypher
from innochain.loaders.key_screen import screen_keys
from innochain.loaders.load_files import context_from, load_files
from innochain.loaders.load_run import LoadReport
from innochain.loaders.organization_resolution import resolved_records
from innochain.loaders.records import EdgeRecord, NodeRecord, Record, Reject
from innochain.loaders.registry import loader_spec
from tests.graph_checksum import run_test_query

ARTIFACTS = Path(os.environ.get("INNOCHAIN_TEST_ARTIFACTS",
                                Path(__file__).resolve().parents[2] / "artifacts"))
Node = tuple[str, str]
Edge = tuple[str, str, str, str, str]
_PROBLEM_LIST = re.compile(r"chain template (.+) has (\d+) problem\(s\):")
# Recomputed from the facts after a load (segment summaries), not written by a loader.
_MATERIALISED = {r.type for r in MATERIALISED_REL_TYPES}
# The one reject that may share its row with loaded records: an RDF subject's plain triple of
# a relationship type that needs identity properties is held until the end of the document
# (a statement may still qualify it), after the subject's node was written.
_DEFERRED_EDGE = "to tell it apart from other links between the same nodes"


def one_line(exc: LoadError) -> None:
    """The message the CLI prints: one non-empty line, no traceback (a chain template's
    list of problems aside: a head line, then one `file:line: what` line per problem)."""
    message = str(exc)
    head, *problems = message.split("\n")
    listed = _PROBLEM_LIST.fullmatch(head)
    if listed and problems:
        assert len(problems) == int(listed[2]), message
        assert all(p.startswith(f"  {listed[1]}:") for p in problems), message
    else:
        assert head.strip() and not problems, message
    assert "Traceback" not in message, message


def expected_records(store: GraphStore | None, kind: str, path: Path) -> list[Record]:
    """What the loader yields for `path`, organisations resolved as `load_files` does, rows
    with an overlong key refused as `run_load` does."""
    spec = loader_spec(kind)
    context = context_from(store)
    known: list[dict[str, Any]] = []
    if store is not None:
        known = store.run(read_cypher("organization_names"), read_only=True,
                          tag="tests/organization_names").to_dict("records")
    if not spec.resolves:  # as load_files: RDF ids are already resolved, schemes name none
        return list(screen_keys(spec.load([path], context)))
    records, _ = resolved_records(lambda: spec.load([path], context), known)
    return list(screen_keys(records))


def graph_content(store: GraphStore) -> tuple[set[Node], set[Edge]]:
    """(label, key) of every node and (labels, keys, type) of every relationship."""
    def primary(labels: list[str]) -> str:
        return next(label for label in labels if label in NODES)

    nodes = {(primary(r["labels"]), str(r["props"].get("id", r["props"].get("code"))))
             for r in run_test_query(store, "all_nodes")}
    edges = {(primary(r["src_labels"]), str(r["src"]), r["type"], primary(r["dst_labels"]),
              str(r["dst"])) for r in run_test_query(store, "all_edges")
             if r["type"] not in _MATERIALISED}
    return nodes, edges


def check_load(store: GraphStore | None, kind: str, path: Path) -> LoadReport | None:
    """Load `path` (a dry run without a store) and check the invariants above; the report,
    or None when the file was refused as a whole with one LoadError line."""
    before = graph_content(store) if store is not None else (set(), set())
    try:
        records: list[Record] | None = expected_records(store, kind, path)
    except LoadError as exc:
        one_line(exc)
        records = None
    try:
        report = load_files(store, kind, [path], dry_run=store is None).report
    except LoadError as exc:
        one_line(exc)
        assert records is None, "LoadError on one run of the loader and not on the other"
        if store is not None:
            assert graph_content(store) == before, "a refused file changed the graph"
        return None
    assert records is not None, "the loader raised LoadError once and then loaded"
    _check_accounting(report, records, path)
    if store is not None:
        _check_graph(store, records, report, before)
    return report


def _origin(rec: Record) -> tuple[str, int] | None:
    if isinstance(rec, Reject):
        return rec.file, rec.line
    return (rec.origin.file, rec.origin.line) if rec.origin else None


def _whole_rejects(records: list[Record]) -> set[tuple[str, int]]:
    """Rows the loader rejected as a whole."""
    return {(r.file, r.line) for r in records
            if isinstance(r, Reject) and _DEFERRED_EDGE not in r.reason}


def _check_accounting(report: LoadReport, records: list[Record], path: Path) -> None:
    rejected = {(r.file, r.line) for r in records if isinstance(r, Reject)}
    made = {o for r in records if not isinstance(r, Reject) and (o := _origin(r))}
    both = made & _whole_rejects(records)
    assert not both, f"rows both loaded and rejected: {sorted(both)[:3]}"
    assert report.rows_read == len(made | rejected)
    assert report.rows_read == report.rows_loaded + report.rows_rejected
    assert 0 <= report.rows_rejected <= report.rows_read
    reported = {(r.file, r.line) for r in report.rejects}
    assert reported >= rejected and reported <= made | rejected
    assert report.rows_rejected == len(reported)
    inside = {str(path)} | ({str(p) for p in path.rglob("*")} if path.is_dir() else set())
    for rej in report.rejects:
        assert rej.reason.strip(), rej
        assert rej.file in inside and rej.line >= 1, rej


def _check_graph(store: GraphStore, records: list[Record], report: LoadReport,
                 before: tuple[set[Node], set[Edge]]) -> None:
    loader_rejected = _whole_rejects(records)
    kept = [r for r in records if not isinstance(r, Reject) and _origin(r) not in loader_rejected]
    nodes = before[0] | {(r.label, r.key) for r in kept if isinstance(r, NodeRecord)}
    edges = set(before[1])
    dangling = set()
    for rec in (r for r in kept if isinstance(r, EdgeRecord)):
        if (rec.src_label, rec.src) in nodes and (rec.dst_label, rec.dst) in nodes:
            edges.add((rec.src_label, rec.src, rec.rel, rec.dst_label, rec.dst))
        else:
            dangling.add(_origin(rec))
    found_nodes, found_edges = graph_content(store)
    assert found_nodes == nodes, (sorted(found_nodes ^ nodes)[:5])
    assert found_edges == edges, (sorted(found_edges ^ edges)[:5])
    unknown = {(r.file, r.line) for r in report.rejects if "unknown" in r.reason}
    assert dangling <= unknown, "a relationship that was not written is not reported"


# -- failing cases are kept --------------------------------------------------------------------
def write_case(folder: Path, files: dict[str, bytes]) -> None:
    """The case's files in `folder` (emptied first)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)


class FailureKeeper:
    """Keeps the last failing case (after shrinking, the smallest) in
    artifacts/fuzz-failures/<kind>/<digest>/, from where it is moved into the corpus."""

    def __init__(self, kind: str) -> None:
        self.kind, self.last = kind, dict[str, bytes]()

    def run(self, fuzz: Callable[[], None]) -> None:
        try:
            fuzz()
        except BaseException:
            if self.last:
                digest = hashlib.sha256(b"".join(self.last.values())).hexdigest()[:12]
                write_case(ARTIFACTS / "fuzz-failures" / self.kind / digest, self.last)
            raise
