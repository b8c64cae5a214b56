"""Triples per second of the RDF export and import (issue 9).

    python -P bench/rdf_throughput.py [--graph synthetic|demo|scale] [--patents 10000]
        [--scale 100k|1m] [--data-dir DIR] [--backend falkordb|neo4j]
        [--formats nt,turtle,json-ld,xml] [--json FILE]

--graph synthetic: a seeded graph written through graph.writes (organisations, patents with
owners, classes, citations and fractional segment membership, a CPC hierarchy, a chain, supply
links). --graph demo: the demo park (innochain.demo_build). Either is built once; then per
format: export the whole graph to a temp file, clear the store, import the file with the rdf
loader and run_load (so the next format exports what the import gave back).
--graph scale: the scale benchmark's graph (bench/scale_graph.py, 1M patents at `1m`) put into
an embedded FalkorDB by falkordb-bulk-loader (kept in --data-dir between runs), exported by
us, imported into an empty graph on the same server. Wrap it in
`flock /tmp/innochain-bigbench.lock`.
Import time includes parsing. FalkorDB runs embedded; Neo4j 5 is started from Maven Central
or NEO4J_URI.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from innochain.graph.store import GraphStore
from innochain.graph.writes import upsert_nodes, upsert_relationships
from innochain.loaders.load_run import LoadReport, run_load
from innochain.loaders.rdf_loader import records
from innochain.rdf.export import export_rdf
from innochain.rdf.serializers import FORMATS
from innochain.rdf.triples import ExportStats

sys.path.insert(0, str(Path(__file__).resolve().parent))  # scale_graph, scale_bulk beside us
from store_write import falkordb_backend, neo4j_backend  # noqa: E402


@contextmanager
def open_backend(name: str, tmp: Path) -> Iterator[GraphStore]:
    """An empty store on the named backend, closed (and its server stopped) afterwards."""
    backend = falkordb_backend if name == "falkordb" else neo4j_backend
    with backend(tmp) as store:
        yield store


def _rels(store: GraphStore, rel: str, src: str, dst: str, rows: list[dict[str, Any]]) -> None:
    outcome = upsert_relationships(store, rel, src, dst, rows)
    assert not outcome.dangling, f"{rel}: {len(outcome.dangling)} dangling rows"


def generate(store: GraphStore, patents: int, seed: int = 9) -> None:
    """A seeded graph of `patents` patents and proportionate other nodes."""
    rng = random.Random(seed)
    store.clear()
    store.ensure_schema()
    segs = [f"pv:s{i}" for i in range(5)]
    orgs = [f"org:{i}" for i in range(max(patents // 20, 10))]
    cpcs = [f"H01L31/{i}" for i in range(200)]
    upsert_nodes(store, "Chain", [{"key": "pv", "props": {"name_zh": "光伏", "name_en": "PV"}}])
    upsert_nodes(store, "Segment", [{"key": s, "props": {"chain": "pv", "order": i,
                                                         "name_zh": f"环节{i}"}}
                                    for i, s in enumerate(segs)])
    upsert_nodes(store, "CPC", [{"key": "H01L", "props": {"scheme": "cpc", "level": "subclass"}}]
                 + [{"key": c, "props": {"scheme": "cpc", "level": "group", "title": f"t {c}"}}
                    for c in cpcs])
    upsert_nodes(store, "Organization", [
        {"key": o, "props": {"name": f"企业{i}", "aliases": [f"E{i}", f"企{i}"],
                             "country": rng.choice(["CN", "CN", "US", "DE", "JP"]),
                             "in_park": rng.random() < 0.2, "founded": 1990 + i % 30,
                             "source": "bench"}} for i, o in enumerate(orgs)], role="Firm")
    ids = [f"CN{100000000 + i}A" for i in range(patents)]
    upsert_nodes(store, "Patent", [
        {"key": p, "props": {"title": f"一种光伏装置 {i}", "year": 2000 + i % 24,
                             "filing_date": f"{2000 + i % 24}-0{1 + i % 9}-1{i % 10}",
                             "jurisdiction": "CN", "source": "bench"}}
        for i, p in enumerate(ids)])
    _rels(store, "IN_CHAIN", "Segment", "Chain", [{"src": s, "dst": "pv", "props": {}}
                                                  for s in segs])
    _rels(store, "FEEDS", "Segment", "Segment", [{"src": a, "dst": b, "props": {"source": "b"}}
                                                 for a, b in zip(segs, segs[1:], strict=False)])
    _rels(store, "CHILD_OF", "CPC", "CPC", [{"src": c, "dst": "H01L", "props": {}} for c in cpcs])
    _patent_edges(store, rng, ids, orgs, cpcs, segs)
    _rels(store, "SUPPLIES", "Organization", "Organization", [
        {"src": rng.choice(orgs), "dst": o, "props": {"product": "硅片", "since": 2015,
                                                      "source": "bench"}} for o in orgs[::3]])


def _patent_edges(store: GraphStore, rng: random.Random, ids: list[str], orgs: list[str],
                  cpcs: list[str], segs: list[str]) -> None:
    owns, classes, cites, in_seg = [], [], [], []
    for i, p in enumerate(ids):
        for n, org in enumerate(sorted(set(rng.sample(orgs, rng.choice([1, 1, 2]))))):
            owns.append({"src": org, "dst": p, "props": {"sequence": n + 1, "source": "bench"}})
        for n, cpc in enumerate(sorted(set(rng.sample(cpcs, rng.choice([1, 2, 3]))))):
            classes.append({"src": p, "dst": cpc, "props": {"main": n == 0, "source": "bench"}})
        if i:
            cites.append({"src": p, "dst": ids[rng.randrange(i)], "props": {"source": "bench"}})
        chosen = sorted(set(rng.sample(segs, rng.choice([1, 1, 2]))))
        in_seg += [{"src": p, "dst": s, "props": {"weight": 1.0 / len(chosen),
                                                  "technologies": ["t"], "source": "derived:pv"}}
                   for s in chosen]
    _rels(store, "OWNS", "Organization", "Patent", owns)
    _rels(store, "CLASSIFIED_AS", "Patent", "CPC", classes)
    _rels(store, "CITES", "Patent", "Patent", cites)
    _rels(store, "IN_SEGMENT", "Patent", "Segment", in_seg)


def export_file(store: GraphStore, fmt: str, path: Path) -> ExportStats:
    """Export the whole graph in `fmt` to `path`."""
    with path.open("wb") as fh:
        return export_rdf(store, fh, fmt)


def import_file(store: GraphStore, path: Path) -> tuple[LoadReport, float]:
    """Load `path` into the (empty) store; the report and the wall seconds."""
    started = time.perf_counter()
    report = run_load(store, "rdf", records([path]), files=[str(path)])
    return report, time.perf_counter() - started


def measure(store: GraphStore, target: GraphStore, fmt: str, tmp: Path) -> dict[str, Any]:
    """Export `store` in `fmt`, then import the file into the empty `target`."""
    path = tmp / f"bench.{FORMATS[fmt]}"
    stats = export_file(store, fmt, path)
    print(f"{fmt}: exported {stats.triples} triples in {stats.seconds:.1f} s "
          f"({stats.triples / stats.seconds:.0f}/s)", flush=True)
    for line in stats.warnings():
        print(f"  warning: {line}", flush=True)
    target.clear()
    report, seconds = import_file(target, path)
    assert not report.rejects, report.rejects[:3]
    assert report.edges == stats.edges, (report.edges, stats.edges)
    row = {"format": fmt, "nodes": stats.nodes, "edges": stats.edges, "triples": stats.triples,
           "bytes": path.stat().st_size, "export_s": round(stats.seconds, 2),
           "import_s": round(seconds, 2),
           "export_triples_per_s": round(stats.triples / stats.seconds),
           "import_triples_per_s": round(stats.triples / seconds),
           "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}
    path.unlink()
    return row


def build_graph(store: GraphStore, graph: str, patents: int) -> None:
    """The demo park (innochain.demo_build) or the seeded synthetic graph."""
    if graph == "demo":
        from innochain.demo_build import build_demo

        build_demo(store, rebuild=True)
    else:
        generate(store, patents)


def run_small(args: argparse.Namespace, tmp: Path) -> list[dict[str, Any]]:
    """Demo or synthetic graph: build once; per format export, clear, import, so the next
    format exports the graph the import gave back."""
    rows = []
    with open_backend(args.backend, tmp) as store:
        build_graph(store, args.graph, args.patents)
        for fmt in args.formats.split(","):
            rows.append({"backend": args.backend, "graph": args.graph,
                         **measure(store, store, fmt, tmp)})
    return rows


def run_scale(args: argparse.Namespace, tmp: Path) -> list[dict[str, Any]]:
    """The scale benchmark's synthetic graph (bench/scale_graph.py), put into an embedded
    FalkorDB by falkordb-bulk-loader, exported by us, imported into an empty graph beside it."""
    from scale_bulk import PEER_GRAPH, run_bulk_loader, write_bulk_csvs
    from scale_graph import scale_spec

    from innochain.graph.falkordb_store import FalkorDBStore

    data_dir = args.data_dir or tmp / "fdb"
    if not (data_dir / "bulk.done").exists():
        file_args = write_bulk_csvs(scale_spec(args.scale), tmp / "csv")
        bulk = run_bulk_loader(file_args, data_dir, tmp / "bulk.log")
        print(f"bulk loader: {bulk.nodes} nodes, {bulk.edges} relationships, "
              f"{bulk.seconds:.0f} s", flush=True)
        (data_dir / "bulk.done").write_text("ok")
    source = FalkorDBStore(f"falkordb://{data_dir}?graph={PEER_GRAPH}", data_dir=data_dir,
                           graph=PEER_GRAPH)
    target = FalkorDBStore(f"falkordb://{data_dir}?graph=rdf_import", data_dir=data_dir,
                           graph="rdf_import")
    rows = []
    try:
        for fmt in args.formats.split(","):
            rows.append({"backend": "falkordb", "graph": f"scale {args.scale}",
                         **measure(source, target, fmt, tmp)})
            target.clear()
            print(rows[-1], flush=True)
    finally:
        target.close()
        source.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", choices=["synthetic", "demo", "scale"], default="synthetic")
    parser.add_argument("--patents", type=int, default=10_000, help="synthetic graph size")
    parser.add_argument("--scale", choices=["100k", "1m"], default="1m",
                        help="scale graph size (--graph scale, FalkorDB only)")
    parser.add_argument("--data-dir", type=Path, help="keep the scale graph here between runs")
    parser.add_argument("--backend", choices=["falkordb", "neo4j"], default="falkordb")
    parser.add_argument("--formats", default="nt,turtle,json-ld,xml")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        rows = run_scale(args, tmp) if args.graph == "scale" else run_small(args, tmp)
    print(f"{'backend':9} {'graph':10} {'format':8} {'triples':>10} {'MB':>7} {'export t/s':>11} "
          f"{'import t/s':>11} {'RSS MiB':>8}")
    for r in rows:
        print(f"{r['backend']:9} {r['graph']:10} {r['format']:8} {r['triples']:>10} "
              f"{r['bytes'] / 1e6:>7.1f} {r['export_triples_per_s']:>11} "
              f"{r['import_triples_per_s']:>11} {r['peak_rss_mib']:>8}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
