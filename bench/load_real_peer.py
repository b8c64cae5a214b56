"""The rows of the real-data build as `falkordb-bulk-loader` CSV files (the peer of load_real).

The records are the ones the product path writes: each loader's records after entity
resolution (`resolved_records`, with the organisations the graph held before that load),
without rejects, deduplicated the way the writers merge them: one node per (label, key)
with later values winning and role labels added up, one relationship per (type, ends,
identity properties). A relationship whose end no loader gave (a reject in our load) is left
out, as the bulk loader cannot write it. The CSVs are typed (`--enforce-schema`), one file
per label string (`Organization:Firm`) and per (type, source label, target label).
"""

from __future__ import annotations

import csv
import pickle
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from innochain.graph.schema import node_type
from innochain.loaders.records import EdgeRecord, NodeRecord, Record

_TYPES = {bool: "BOOL", int: "INT", float: "DOUBLE", str: "STRING", list: "ARRAY"}
EdgeKey = tuple[str, str, str, str, str, tuple[tuple[str, Any], ...]]


@dataclass
class RowSet:
    """Distinct nodes and relationships, merged the way the graph writers merge them."""

    nodes: dict[tuple[str, str], tuple[dict[str, Any], set[str]]] = field(default_factory=dict)
    edges: dict[EdgeKey, dict[str, Any]] = field(default_factory=dict)

    def add(self, records: Iterable[Record]) -> None:
        for rec in records:
            if isinstance(rec, NodeRecord):
                held = self.nodes.setdefault((rec.label, rec.key), ({}, set()))
                held[0].update(rec.props)
                if rec.role:
                    held[1].add(rec.role)
            elif isinstance(rec, EdgeRecord):
                key = (rec.rel, rec.src_label, rec.src, rec.dst_label, rec.dst,
                       tuple(sorted((rec.rkey or {}).items())))
                self.edges.setdefault(key, {}).update({**rec.props, **(rec.rkey or {})})

    def merge(self, other: RowSet) -> None:
        for key, (props, roles) in other.nodes.items():
            held = self.nodes.setdefault(key, ({}, set()))
            held[0].update(props)
            held[1].update(roles)
        for edge, props in other.edges.items():
            self.edges.setdefault(edge, {}).update(props)

    def writable_edges(self) -> dict[EdgeKey, dict[str, Any]]:
        """The relationships whose two ends are nodes of this set."""
        return {k: p for k, p in self.edges.items()
                if (k[1], k[2]) in self.nodes and (k[3], k[4]) in self.nodes}

    def dump(self, path: Path) -> None:
        path.write_bytes(pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL))

    @staticmethod
    def load(path: Path) -> RowSet:
        rows = pickle.loads(path.read_bytes())
        assert isinstance(rows, RowSet)
        return rows


def graph_shape(store: Any) -> dict[str, int]:
    """Nodes per label set and relationships per type, but for our `LoadRun` nodes."""
    shape: dict[str, int] = {}
    for row in store.run("MATCH (n) RETURN labels(n) AS l, count(n) AS c").to_dict("records"):
        if "LoadRun" not in row["l"]:
            shape[":".join(sorted(row["l"]))] = int(row["c"])
    for row in store.run("MATCH ()-[r]->() RETURN type(r) AS t, count(r) AS c").to_dict(
            "records"):
        shape[f"[{row['t']}]"] = int(row["c"])
    return shape


def run_peer_graph(file_args: list[str], data_dir: Path, log: Path
                   ) -> tuple[float, float, dict[str, int]]:
    """`falkordb-bulk-insert` into a fresh embedded server, timed as scale_bulk times it;
    (seconds, server peak MiB, graph_shape). Unlike scale_bulk's run, a load without
    firms (a classification scheme alone) is fine here."""
    from scale_backends import peak_rss_mib  # type: ignore[import-not-found]
    from scale_bulk import timed_bulk_insert  # type: ignore[import-not-found]

    with timed_bulk_insert(file_args, data_dir, log) as (seconds, pid, peer):
        return seconds, peak_rss_mib(pid), graph_shape(peer)


def _column_types(rows: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Property -> bulk-loader type; int mixed with float is DOUBLE, other mixes STRING."""
    seen: dict[str, set[str]] = defaultdict(set)
    for props in rows:
        for name, value in props.items():
            if value is not None:
                seen[name].add(_TYPES.get(type(value), "STRING"))
    out = {}
    for name, types in sorted(seen.items()):
        out[name] = types.pop() if len(types) == 1 else \
            "DOUBLE" if types == {"INT", "DOUBLE"} else "STRING"
    return out


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "ARRAY":
        return repr([str(v) for v in value])
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, float) else str(value)


def _write(path: Path, head: list[str], ids: list[list[str]],
           props: list[dict[str, Any]]) -> None:
    types = _column_types(props)
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(head + [f"{name}:{kind}" for name, kind in types.items()])
        for id_cells, row in zip(ids, props, strict=True):
            out.writerow(id_cells + [_cell(row.get(n), k) for n, k in types.items()])


def write_bulk_csvs(rows: RowSet, folder: Path) -> tuple[list[str], int, int]:
    """The CSV files; returns the loader's -N/-R arguments, nodes and relationships."""
    folder.mkdir(parents=True, exist_ok=True)
    groups: dict[tuple[str, str], list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for (label, key), (props, roles) in rows.nodes.items():
        key_prop = node_type(label).key
        kept = {k: v for k, v in props.items() if v is not None and k != key_prop}
        groups[(label, ":".join([label, *sorted(roles)]))].append((key, kept))
    args: list[str] = []
    for number, ((label, label_string), members) in enumerate(sorted(groups.items())):
        path = folder / f"node_{number}.csv"
        _write(path, [f"{node_type(label).key}:ID({label})"], [[k] for k, _ in members],
               [p for _, p in members])
        args += ["-N", label_string, str(path)]
    edges = rows.writable_edges()
    by_type: dict[tuple[str, str, str], list[tuple[str, str, dict[str, Any]]]] = \
        defaultdict(list)
    for (rel, src_label, src, dst_label, dst, _), props in edges.items():
        kept = {k: v for k, v in props.items() if v is not None}
        by_type[(rel, src_label, dst_label)].append((src, dst, kept))
    for number, ((rel, src_label, dst_label), links) in enumerate(sorted(by_type.items())):
        path = folder / f"rel_{number}.csv"
        _write(path, [f":START_ID({src_label})", f":END_ID({dst_label})"],
               [[s, d] for s, d, _ in links], [p for _, _, p in links])
        args += ["-R", rel, str(path)]
    return args, len(rows.nodes), len(edges)


def run_peer_alone(rows_file: Path, work: Path) -> dict[str, Any]:
    """One data set's rows through falkordb-bulk-insert into a fresh server of its own."""
    work.mkdir()
    args, nodes, edges = write_bulk_csvs(RowSet.load(rows_file), work / "csv")
    # Real values hold commas, quotes and backslashes: standard quoting, no escape character.
    seconds, peak, shape = run_peer_graph(["--quote", "0", "--escapechar", "none", *args],
                                          work / "falkordb", work / "peer.log")
    return {"nodes": nodes, "relationships": edges, "seconds": seconds, "db_peak_mib": peak,
            "shape": shape}
