"""The peer: the same records through `falkordb-bulk-loader` (GRAPH.BULK from CSV files).

The CSV files are written from the same records first (not timed); only the loader's run is
timed, into a graph on a second embedded server of its own (same binaries, unix socket; the
loader takes `unix://` URLs), so its peak memory is measured apart from ours. The loader gets
the same indexes InnoChain creates (`--index Label:prop`), so both end with equal graphs.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from scale_backends import falkordb_session, peak_rss_mib
from scale_graph import ScaleSpec, scale_records

from innochain.graph.falkordb_store import FalkorDBStore
from innochain.graph.schema import node_type, schema_plan
from innochain.loaders.records import EdgeRecord, NodeRecord

PEER_GRAPH = "bulk_peer"
_TYPES = {bool: "BOOL", int: "INT", float: "DOUBLE", str: "STRING"}


@dataclass
class BulkResult:
    """The peer's wall seconds, the server's peak memory and what the loader said."""

    seconds: float
    peak_mib: float
    nodes: int
    edges: int


class _CsvSet:
    """One CSV file per label (role labels joined with ':') and per relationship type."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.handles: dict[str, tuple[IO[str], Any, list[str]]] = {}
        self.seen: set[tuple[str, str]] = set()

    def node(self, rec: NodeRecord) -> None:
        if (rec.label, rec.key) in self.seen:
            return  # the generator repeats inventors; the bulk loader wants each id once
        self.seen.add((rec.label, rec.key))
        label = f"{rec.label}:{rec.role}" if rec.role else rec.label
        key = node_type(rec.label).key
        self._write(f"node:{label}", label, [f"{key}:ID({rec.label})"], [rec.key], rec.props)

    def edge(self, rec: EdgeRecord) -> None:
        head = [f":START_ID({rec.src_label})", f":END_ID({rec.dst_label})"]
        self._write(f"rel:{rec.rel}", rec.rel, head, [rec.src, rec.dst], rec.props)

    def _write(self, handle_key: str, name: str, head: list[str], ids: list[str],
               props: dict[str, Any]) -> None:
        if handle_key not in self.handles:
            # Every record of one label or type carries the same keys, in the same order.
            names = sorted(props)
            out: IO[str] = (self.folder / f"{handle_key.replace(':', '_')}.csv").open(
                "w", newline="")
            header_writer = csv.writer(out)
            header_writer.writerow(head + [f"{k}:{_TYPES[type(props[k])]}" for k in names])
            self.handles[handle_key] = (out, header_writer, names)
        fh, writer, names = self.handles[handle_key]
        writer.writerow(ids + [_cell(props.get(k)) for k in names])

    def arguments(self) -> list[str]:
        args: list[str] = []
        for handle_key, (fh, _, _) in self.handles.items():
            fh.close()
            kind, name = handle_key.split(":", 1)
            args += ["-N" if kind == "node" else "-R", name, fh.name]
        return args


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_bulk_csvs(spec: ScaleSpec, folder: Path) -> list[str]:
    """The CSV files of the benchmark graph; returns the loader's -N/-R arguments."""
    folder.mkdir(parents=True, exist_ok=True)
    files = _CsvSet(folder)
    for rec in scale_records(spec):
        if isinstance(rec, NodeRecord):
            files.node(rec)
        elif isinstance(rec, EdgeRecord):
            files.edge(rec)
    return files.arguments()


def index_arguments() -> list[str]:
    """`--index Label:prop` for every index InnoChain's schema creates."""
    return [arg for index in schema_plan().indexes
            for arg in ("--index", f"{index.label}:{index.prop}")]


@contextmanager
def timed_bulk_insert(file_args: list[str], data_dir: Path, log: Path
                      ) -> Iterator[tuple[float, int, FalkorDBStore]]:
    """`falkordb-bulk-insert` into a fresh embedded server in `data_dir`, timed; yields
    (seconds, the server's pid, a store on the graph it made) while the server runs."""
    tool = shutil.which("falkordb-bulk-insert", path=str(Path(sys.executable).parent))
    if tool is None:
        raise RuntimeError("falkordb-bulk-insert not found: pip install falkordb-bulk-loader")
    with falkordb_session(data_dir) as session:
        socket = getattr(session.store, "socket", None)
        # The client's default socket timeout is shorter than one large GRAPH.BULK at 1M.
        cmd = [tool, PEER_GRAPH, "--server-url", f"unix://{socket}?socket_timeout=3600",
               "--enforce-schema", *file_args, *index_arguments()]
        started = time.perf_counter()
        with log.open("w") as out:
            subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT, check=True)
        seconds = time.perf_counter() - started
        peer = FalkorDBStore(f"falkordb://{data_dir}?graph={PEER_GRAPH}", data_dir=data_dir,
                             graph=PEER_GRAPH)
        try:
            yield seconds, session.pid, peer
        finally:
            peer.close()


def run_bulk_loader(file_args: list[str], data_dir: Path, log: Path) -> BulkResult:
    """Time `falkordb-bulk-insert` into a fresh embedded server in `data_dir`."""
    with timed_bulk_insert(file_args, data_dir, log) as (seconds, pid, peer):
        nodes = int(peer.run("MATCH (n) RETURN count(n) AS c").iloc[0]["c"])
        edges = int(peer.run("MATCH ()-[r]->() RETURN count(r) AS c").iloc[0]["c"])
        orgs = int(peer.run("MATCH (n:Organization:Firm) RETURN count(n) AS c").iloc[0]["c"])
        if not orgs:
            raise RuntimeError("the peer made no :Organization:Firm nodes (role labels lost)")
        return BulkResult(seconds, peak_rss_mib(pid), nodes, edges)
