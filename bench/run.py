"""The scale benchmark: load rates, query latencies, peak memory and restart, side by side.

    python bench/run.py --size 100k|1m|5m [--json FILE] [--backends falkordb,neo4j]
                        [--neo4j-load driver|import] [--skip-queries] [--skip-peer]
                        [--repeats N] [--workdir DIR --keep]

For each backend: the synthetic graph (bench/scale_graph.py) through `run_load`, the PV chain
template and the derived segment membership, p50/p95 of every pack query, the database
process's peak RSS and (embedded FalkorDB) the restart time before and after the append-only
rewrite. `--neo4j-load import` fills Neo4j through the scale path instead of the driver: the
records as admin-import files, Neo4j's offline importer, then Neo4j started on that store
(bench/scale_admin_import.py). Then the same rows through the `falkordb-bulk-loader` peer.
Ratios are the headline; absolute figures hold for this machine only. Run it under `nice` on a
shared machine.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the scale_* modules beside this file

from scale_admin_import import admin_import  # noqa: E402
from scale_backends import (  # noqa: E402
    BackendSession,
    DeferredRewriteStore,
    clear_query_timeout,
    falkordb_session,
    neo4j_session,
    peak_rss_mib,
    set_query_timeout,
)
from scale_bulk import run_bulk_loader, write_bulk_csvs  # noqa: E402
from scale_graph import SIZES, count_records, scale_spec  # noqa: E402
from scale_load import load_synthetic, materialise  # noqa: E402
from scale_queries import targets_of, time_all_queries  # noqa: E402
from scale_restart import restart_figures  # noqa: E402
from scale_table import print_table  # noqa: E402

from innochain.neo4j_import import graph_counts  # noqa: E402

PEER = "falkordb-bulk-loader"
SESSIONS: dict[str, Callable[[Path], AbstractContextManager[BackendSession]]] = {
    "falkordb": falkordb_session, "neo4j": neo4j_session}


class Recorder:
    """Collects one record per measurement: {name, backend, size, value, unit[, note]}."""

    def __init__(self, size: str) -> None:
        self.size = size
        self.records: list[dict[str, Any]] = []

    def add(self, name: str, backend: str, value: float | None, unit: str,
            note: str = "") -> None:
        record: dict[str, Any] = {"name": name, "backend": backend, "size": self.size,
                                  "value": value, "unit": unit}
        if note:
            record["note"] = note
        self.records.append(record)
        shown = "-" if value is None else f"{value:,.2f}"
        print(f"[{time.strftime('%H:%M:%S')}] {backend:<22}{name:<46}{shown:>16} {unit} {note}",
              flush=True)


def bench_backend(session: BackendSession, args: argparse.Namespace, rec: Recorder,
                  spec: Any, count: Any, *, imported: bool = False) -> None:
    """Load (unless `imported`), materialise, query, measure memory and (FalkorDB) restart."""
    name = session.name
    store = DeferredRewriteStore(session.store)
    if imported:
        check_imported(session, count)
        started = time.perf_counter()
        store.ensure_schema()
        rec.add("admin_import.schema_seconds", name, time.perf_counter() - started, "s",
                "indexes and key constraints on the imported store, until online")
    else:
        timing = load_synthetic(store, spec, count)
        rec.add("load.rows_per_s", name, timing.rows_per_s, "rows/s")
        rec.add("load.gross_rows_per_s", name, timing.gross_rows_per_s, "rows/s",
                "including the generator's own time")
        rec.add("load.seconds", name, timing.seconds, "s")
    chain_s, derive_s, note = materialise(store)
    rec.add("materialise.chain_seconds", name, chain_s, "s")
    rec.add("materialise.derive_seconds", name, derive_s, "s", note)
    if not args.skip_queries:
        print(f"  {set_query_timeout(session, args.query_timeout)}", flush=True)
        organization = top_park_holder(spec)
        for timing_q in time_all_queries(session.store, targets_of(session.store, organization),
                                         args.repeats):
            p50 = timing_q.percentile(0.5) * 1000 if timing_q.seconds else None
            p95 = timing_q.percentile(0.95) * 1000 if timing_q.seconds else None
            rec.add(f"query.{timing_q.query_id}.p50", name, p50, "ms", timing_q.note)
            rec.add(f"query.{timing_q.query_id}.p95", name, p95, "ms")
        clear_query_timeout()
    rec.add("memory.peak_rss", name, peak_rss_mib(session.pid), "MiB",
            "VmHWM of redis-server" if name == "falkordb" else
            "VmHWM of the Neo4j JVM" + (" (the importer ran in a JVM of its own)"
                                        if imported else ""))
    if name == "falkordb":
        figures = restart_figures(session)
        rec.add("restart.without_rewrite", name, figures.without_rewrite_s, "s",
                f"append-only files {figures.aof_before_mib:,.0f} MiB")
        rec.add("restart.rewrite_seconds", name, figures.rewrite_s, "s", "BGREWRITEAOF")
        rec.add("restart.after_rewrite", name, figures.after_rewrite_s, "s",
                f"append-only files {figures.aof_after_mib:,.0f} MiB")


def check_imported(session: BackendSession, count: Any) -> None:
    """The imported store holds what the records make, or the run stops."""
    nodes, edges = graph_counts(session.store)
    if (nodes, edges) != (count.nodes, count.edges):
        raise RuntimeError(f"the admin import made {nodes} nodes, {edges} relationships; "
                           f"the records make {count.nodes}, {count.edges}")


def neo4j_admin_import(workdir: Path, rec: Recorder, spec: Any, count: Any) -> Path:
    """Files from the records (not timed), then the timed offline import; returns the home."""
    home = workdir / "neo4j"
    shutil.rmtree(workdir / "neo4j-import", ignore_errors=True)
    result = admin_import(spec, workdir / "neo4j-import", home)
    if (result.nodes, result.relationships) != (count.nodes, count.edges):
        raise RuntimeError(f"the import files hold {result.nodes} nodes, {result.relationships} "
                           f"relationships; the records make {count.nodes}, {count.edges}")
    rec.add("admin_import.csv_write_seconds", "neo4j", result.csv_seconds, "s",
            f"{result.files} files from the records, not in the rate")
    rec.add("admin_import.rows_per_s", "neo4j", count.rows / result.import_seconds, "rows/s",
            "neo4j-admin database import full: offline, whole store; not a transactional rate")
    rec.add("admin_import.seconds", "neo4j", result.import_seconds, "s",
            f"log {result.log}")
    return home


def top_park_holder(spec: Any) -> str:
    """The in-park holder with the largest portfolio (holders come largest first)."""
    return next(h.org_id for h in spec.holders if h.in_park)


def bench_peer(workdir: Path, rec: Recorder, spec: Any, count: Any) -> None:
    """Write the CSV files (not timed), time the bulk loader, report ratios."""
    for folder in ("bulk-csv", "bulk-falkordb"):
        shutil.rmtree(workdir / folder, ignore_errors=True)
    started = time.perf_counter()
    file_args = write_bulk_csvs(spec, workdir / "bulk-csv")
    rec.add("peer.csv_write_seconds", PEER, time.perf_counter() - started, "s", "not in the rate")
    result = run_bulk_loader(file_args, workdir / "bulk-falkordb", workdir / "bulk-insert.log")
    if (result.nodes, result.edges) != (count.nodes, count.edges):
        raise RuntimeError(f"the bulk loader made {result.nodes} nodes, {result.edges} "
                           f"relationships; the records make {count.nodes}, {count.edges}")
    rate = count.rows / result.seconds
    rec.add("load.rows_per_s", PEER, rate, "rows/s",
            f"graph has {result.nodes:,} nodes, {result.edges:,} relationships")
    rec.add("load.seconds", PEER, result.seconds, "s")
    rec.add("memory.peak_rss", PEER, result.peak_mib, "MiB", "VmHWM of its redis-server")
    for row in list(rec.records):
        if row["name"] == "load.rows_per_s" and row["backend"] in SESSIONS:
            rec.add("load.ratio_vs_bulk_loader", row["backend"], row["value"] / rate, "x",
                    "our rows/s divided by the bulk loader's")
        elif row["name"] == "admin_import.rows_per_s":
            rec.add("admin_import.ratio_vs_bulk_loader", row["backend"], row["value"] / rate,
                    "x", "Neo4j's offline importer rows/s divided by the bulk loader's")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), required=True)
    parser.add_argument("--json", type=Path, help="write the records here")
    parser.add_argument("--backends", default="falkordb,neo4j",
                        help="comma-separated, or 'none' for the peer alone")
    parser.add_argument("--neo4j-load", choices=("driver", "import"), default="driver",
                        help="fill Neo4j through the driver (run_load) or through the scale "
                             "path (admin-import files + neo4j-admin database import full)")
    parser.add_argument("--skip-queries", action="store_true")
    parser.add_argument("--skip-peer", action="store_true", help="no bulk-loader comparison")
    parser.add_argument("--repeats", type=int, default=None,
                        help="timed runs per query (default 10 at 100k, 5 above)")
    parser.add_argument("--query-timeout", type=int, default=120,
                        help="seconds after which a query is cancelled (default 120)")
    parser.add_argument("--workdir", type=Path, help="data directories (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep --workdir for profiling")
    args = parser.parse_args(argv)
    args.repeats = args.repeats or (10 if args.size == "100k" else 5)
    args.backend_names = [] if args.backends == "none" else args.backends.split(",")
    unknown = set(args.backend_names) - set(SESSIONS)
    if unknown:
        parser.error(f"unknown backends {sorted(unknown)}; choose from {sorted(SESSIONS)}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # The driver logs a warning for every unknown label or type a query names: not news here.
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    rec = Recorder(args.size)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="innochain-bench-", dir="/tmp"))
    workdir.mkdir(parents=True, exist_ok=True)
    spec = scale_spec(args.size)
    count = count_records(spec)
    rec.add("graph.nodes", "-", count.nodes, "count")
    rec.add("graph.relationships", "-", count.edges, "count")
    rec.add("generate.seconds", "-", count.generate_seconds, "s", "records only, no writes")
    try:
        for name in args.backend_names:
            shutil.rmtree(workdir / name, ignore_errors=True)  # a kept workdir starts empty
            imported = name == "neo4j" and args.neo4j_load == "import"
            if imported:
                neo4j_admin_import(workdir, rec, spec, count)
            with SESSIONS[name](workdir / name) as session:
                bench_backend(session, args, rec, spec, count, imported=imported)
        if not args.skip_peer:
            bench_peer(workdir, rec, spec, count)
    finally:
        if args.json:
            args.json.write_text(json.dumps(rec.records, indent=2, ensure_ascii=False))
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print_table(rec.records)
    return 0


if __name__ == "__main__":
    sys.exit(main())
