"""Write what a loader yields, nodes before relationships, and account for every row.

Contract for loaders: yield each node before any relationship that needs it (within one
run); a relationship to a node that is neither earlier in the run nor already in the graph
is a reject naming the missing end, never a silently created empty node.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tqdm import tqdm

from innochain.graph.store import FreshGraphLoad, GraphStore, SupportsFreshLoad
from innochain.graph.writes import existing_keys, upsert_nodes, upsert_relationships
from innochain.loaders.key_screen import screen_keys
from innochain.loaders.records import EdgeRecord, NodeRecord, Origin, Record, Reject


@dataclass
class LoadReport:
    """Rows read, loaded and rejected by one run of one loader (read = loaded + rejected)."""

    kind: str
    files: list[str]
    rows_read: int = 0
    rows_rejected: int = 0
    nodes: int = 0  # node writes after merging repeats within a batch
    edges: int = 0  # relationships written (dangling ones are rejects instead)
    seconds: float = 0.0
    dry_run: bool = False
    rejects: list[Reject] = field(default_factory=list)

    @property
    def rows_loaded(self) -> int:
        return self.rows_read - self.rows_rejected

    def summary(self) -> str:
        """One line for the terminal."""
        verb = "would load" if self.dry_run else "loaded"
        return (f"{self.kind}: {self.rows_read} rows read, {verb} {self.rows_loaded}, "
                f"rejected {self.rows_rejected} ({self.nodes} nodes, {self.edges} relationships, "
                f"{self.seconds:.1f} s)")


class _BatchedWriter:
    """Buffers records per label or type and writes them in fixed-size batches.

    Memory stays O(batch size) whatever the file size. Before any relationship batch is
    written, every buffered node is written first, so a relationship whose nodes came
    earlier in the same run always finds them (loaders yield a node before its edges).
    """

    def __init__(self, store: GraphStore | None, report: LoadReport, batch_size: int) -> None:
        self.store, self.report, self.batch_size = store, report, batch_size
        # label -> key -> (props, role labels): one entry per node whatever its roles, so
        # "later values win" holds even when two rows give one node two roles
        self.nodes: dict[str, dict[str, tuple[dict[str, Any], set[str]]]] = defaultdict(dict)
        self.edges: dict[tuple[str, str, str], list[EdgeRecord]] = defaultdict(list)
        self.rejects: list[Reject] = []

    def add_node(self, rec: NodeRecord) -> None:
        bucket = self.nodes[rec.label]
        held = bucket.get(rec.key)
        if held is not None:  # the same node from two rows: later values win, none lost
            held[0].update(rec.props)
            if rec.role:
                held[1].add(rec.role)
        else:
            bucket[rec.key] = (dict(rec.props), {rec.role} if rec.role else set())
        if len(bucket) >= self.batch_size:
            self._flush_nodes(rec.label)

    def add_edge(self, rec: EdgeRecord) -> None:
        bucket = self.edges[(rec.rel, rec.src_label, rec.dst_label)]
        bucket.append(rec)
        if len(bucket) >= self.batch_size:
            self.flush_all_nodes()
            self._flush_edges((rec.rel, rec.src_label, rec.dst_label))

    def _flush_nodes(self, label: str) -> None:
        bucket = self.nodes.pop(label, {})
        if not bucket:
            return
        self.report.nodes += len(bucket)
        if self.store is None:
            return
        by_role: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
        for key, (props, roles) in bucket.items():
            ordered: list[str | None] = [*sorted(roles)] or [None]
            by_role[ordered[0]].append({"key": key, "props": props})
            for role in ordered[1:]:  # a second role label: the properties went with the first
                by_role[role].append({"key": key, "props": {}})
        for role, rows in by_role.items():
            upsert_nodes(self.store, label, rows, role=role, batch_size=self.batch_size)

    def flush_all_nodes(self) -> None:
        for label in list(self.nodes):
            self._flush_nodes(label)

    def _flush_edges(self, key: tuple[str, str, str]) -> None:
        edges = self.edges.pop(key, [])
        if not edges:
            return
        if self.store is None:
            self.report.edges += len(edges)
            return
        rel, src_label, dst_label = key
        rows = [{"src": e.src, "dst": e.dst, "props": e.props, "rkey": e.rkey or {}}
                for e in edges]
        outcome = upsert_relationships(self.store, rel, src_label, dst_label, rows,
                                       batch_size=self.batch_size)
        self.report.edges += len(outcome.written)
        self.rejects.extend(_dangling(self.store, [edges[i] for i in outcome.dangling]))

    def flush(self) -> None:
        self.flush_all_nodes()
        for key in list(self.edges):
            self._flush_edges(key)


class _FreshWriter:
    """Hands records to a store's create-only load (an empty graph); same accounting."""

    def __init__(self, store: GraphStore, fresh: FreshGraphLoad, report: LoadReport) -> None:
        self.store, self.fresh, self.report = store, fresh, report
        self.rejects: list[Reject] = []

    def add_node(self, rec: NodeRecord) -> None:
        self.fresh.add_node(rec.label, rec.key, rec.props, rec.role)

    def add_edge(self, rec: EdgeRecord) -> None:
        self.fresh.add_relationship(rec.rel, rec.src_label, rec.src, rec.dst_label, rec.dst,
                                    rec.props, rec.rkey, rec)

    def flush(self) -> None:
        result = self.fresh.finish()
        self.report.nodes += result.nodes
        self.report.edges += result.relationships
        self.rejects.extend(_dangling(self.store, result.dangling))


def _fresh_load(store: GraphStore, batch_size: int) -> FreshGraphLoad | None:
    """The store's create-only load when it has one and the graph is empty, else None."""
    if isinstance(store, SupportsFreshLoad):
        return store.open_fresh_load(batch_size)
    return None


def run_load(store: GraphStore | None, kind: str, records: Iterable[Record], *,
             files: list[str], dry_run: bool = False, batch_size: int = 5000,
             progress: bool = False) -> LoadReport:
    """Write a loader's records in batches; dangling references become rejects."""
    started = time.monotonic()
    report = LoadReport(kind, files, dry_run=dry_run)
    if not dry_run:
        if store is None:
            raise ValueError("a store is needed unless dry_run")
        store.ensure_schema()
    fresh = None if dry_run or store is None else _fresh_load(store, batch_size)
    writer: _BatchedWriter | _FreshWriter
    if fresh is not None and store is not None:
        writer = _FreshWriter(store, fresh, report)
    else:
        writer = _BatchedWriter(None if dry_run else store, report, batch_size)
    origins: dict[str, set[int]] = defaultdict(set)  # file -> lines read
    with _collector_paused():
        _consume(screen_keys(records), writer, origins, progress)
        writer.flush()
    report.rejects = sorted(writer.rejects, key=lambda r: (r.file, r.line))
    report.rows_read = sum(len(lines) for lines in origins.values())
    report.rows_rejected = len({(r.file, r.line) for r in writer.rejects})
    report.seconds = time.monotonic() - started
    if not dry_run and store is not None:
        _record_run(store, report)
        if report.rows_read >= 100_000:
            store.finish_bulk_load()
    return report


def _consume(records: Iterable[Record], writer: _BatchedWriter | _FreshWriter,
             origins: dict[str, set[int]], progress: bool) -> None:
    """Hand every record to the writer; note each source row it came from."""
    last_origin: Origin | None = None
    bar = tqdm(records, unit=" records", disable=not (progress and sys.stderr.isatty()),
               file=sys.stderr, mininterval=0.5)
    add_node, add_edge = writer.add_node, writer.add_edge
    for rec in bar:
        kind = type(rec)
        if kind is not EdgeRecord and kind is not NodeRecord and isinstance(rec, Reject):
            writer.rejects.append(rec)
            origins[rec.file].add(rec.line)
            continue
        origin = rec.origin
        if origin is not last_origin and origin is not None:  # a row's records share one
            origins[origin.file].add(origin.line)
            last_origin = origin
        if kind is EdgeRecord or not isinstance(rec, NodeRecord):
            add_edge(rec)
        else:
            add_node(rec)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Let Python's cycle collector run far less often while a load runs.

    Records are plain data without reference cycles, yet every 700 new containers the
    collector walks the young ones (and, ever more often as the load grows, all old ones):
    measured at 45 % of the CPU of a 160k-row load. It still runs, rarely, so a loader that
    does make cyclic garbage cannot grow without bound; the old thresholds come back after.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(200_000, 50, 1_000)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _dangling(store: GraphStore, edges: list[EdgeRecord]) -> list[Reject]:
    """Say which end of each unwritten relationship is missing, per source row."""
    if not edges:
        return []
    known: dict[str, set[str]] = {}
    for label in {e.src_label for e in edges} | {e.dst_label for e in edges}:
        keys = sorted({e.src for e in edges if e.src_label == label}
                      | {e.dst for e in edges if e.dst_label == label})
        known[label] = existing_keys(store, label, keys)
    out = []
    for e in edges:
        missing = [(lbl, key) for lbl, key in ((e.src_label, e.src), (e.dst_label, e.dst))
                   if key not in known[lbl]]
        what = " and ".join(f"unknown {lbl} '{key}'" for lbl, key in missing) or "not written"
        origin = e.origin or Origin("?", 0)
        field_name = e.src_field if e.src_field and missing[:1] == [(e.src_label, e.src)] \
            else e.field_name
        out.append(Reject(origin.file, origin.line, field_name or e.rel,
                          ", ".join(k for _, k in missing) or f"{e.src}->{e.dst}",
                          f"{what}: load it first (a {e.rel} link never creates an empty node)"))
    return out


def _record_run(store: GraphStore, report: LoadReport) -> None:
    """A LoadRun node per kind and file set, so the data page can say what is loaded."""
    run_id = f"{report.kind}:" + hashlib.sha256("\n".join(sorted(report.files)).encode()
                                                ).hexdigest()[:12]
    props: dict[str, Any] = {
        "kind": report.kind, "files": report.files, "rows_read": report.rows_read,
        "rows_loaded": report.rows_loaded, "rows_rejected": report.rows_rejected,
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": round(report.seconds, 3),
    }
    upsert_nodes(store, "LoadRun", [{"key": run_id, "props": props}])


def write_rejects(report: LoadReport, path: Path) -> None:
    """The rejects file: file, line, field, value, reason (UTF-8 with BOM for spreadsheets)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.DictWriter(fh, ["file", "line", "field", "value", "reason"])
        writer.writeheader()
        for rej in report.rejects:
            writer.writerow(rej.as_row())
