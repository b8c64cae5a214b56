"""Write what a loader yields, nodes before relationships, and account for every row."""

from __future__ import annotations

import csv
import hashlib
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tqdm import tqdm

from innochain.graph.store import GraphStore
from innochain.graph.writes import existing_keys, upsert_nodes, upsert_relationships
from innochain.loaders.records import EdgeRecord, NodeRecord, Origin, Record, Reject


@dataclass
class LoadReport:
    """Rows read, loaded and rejected by one run of one loader (read = loaded + rejected)."""

    kind: str
    files: list[str]
    rows_read: int = 0
    rows_rejected: int = 0
    nodes: int = 0
    edges: int = 0
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


@dataclass
class _Collected:
    nodes: dict[tuple[str, str | None], dict[str, NodeRecord]] = field(
        default_factory=lambda: defaultdict(dict))
    edges: dict[tuple[str, str, str], list[EdgeRecord]] = field(
        default_factory=lambda: defaultdict(list))
    origins: set[Origin] = field(default_factory=set)
    rejects: list[Reject] = field(default_factory=list)


def _collect(records: Iterable[Record], progress: bool) -> _Collected:
    got = _Collected()
    bar = tqdm(records, unit=" records", disable=not (progress and sys.stderr.isatty()),
               file=sys.stderr, mininterval=0.5)
    for rec in bar:
        if isinstance(rec, Reject):
            got.rejects.append(rec)
            got.origins.add(Origin(rec.file, rec.line))
            continue
        if rec.origin is not None:
            got.origins.add(rec.origin)
        if isinstance(rec, NodeRecord):
            bucket = got.nodes[(rec.label, rec.role)]
            if rec.key in bucket:  # the same node from two rows: later values win, none lost
                bucket[rec.key].props.update(rec.props)
            else:
                bucket[rec.key] = NodeRecord(rec.label, rec.key, dict(rec.props), rec.origin,
                                             rec.role)
        else:
            got.edges[(rec.rel, rec.src_label, rec.dst_label)].append(rec)
    return got


def run_load(store: GraphStore | None, kind: str, records: Iterable[Record], *,
             files: list[str], dry_run: bool = False, batch_size: int = 5000,
             progress: bool = False) -> LoadReport:
    """Collect, then write nodes and relationships; dangling references become rejects."""
    started = time.monotonic()
    report = LoadReport(kind, files, dry_run=dry_run)
    got = _collect(records, progress)
    rejects = list(got.rejects)
    if not dry_run:
        if store is None:
            raise ValueError("a store is needed unless dry_run")
        store.ensure_schema()
        for (label, role), bucket in got.nodes.items():
            rows = [{"key": r.key, "props": r.props} for r in bucket.values()]
            report.nodes += upsert_nodes(store, label, rows, role=role, batch_size=batch_size)
        for (rel, src_label, dst_label), edges in got.edges.items():
            rows = [{"src": e.src, "dst": e.dst, "props": e.props, "rkey": e.rkey or {}}
                    for e in edges]
            outcome = upsert_relationships(store, rel, src_label, dst_label, rows,
                                           batch_size=batch_size)
            report.edges += len(outcome.written)
            rejects.extend(_dangling(store, [edges[i] for i in outcome.dangling]))
    else:
        report.nodes = sum(len(b) for b in got.nodes.values())
        report.edges = sum(len(e) for e in got.edges.values())
    report.rejects = sorted(rejects, key=lambda r: (r.file, r.line))
    report.rows_read = len(got.origins)
    report.rows_rejected = len({(r.file, r.line) for r in rejects})
    report.seconds = time.monotonic() - started
    if not dry_run and store is not None:
        _record_run(store, report)
    return report


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
        out.append(Reject(origin.file, origin.line, e.field_name or e.rel,
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
