"""Triples per second of the RDF export and import (issue 9).

    python -P bench/rdf_throughput.py [--patents 10000] [--backend falkordb|neo4j]
                                      [--formats nt,turtle,json-ld,xml] [--json FILE]

Generates a seeded graph through graph.writes (organisations, patents with owners, classes,
citations and fractional segment membership, a CPC hierarchy, a chain, supply links), then per
format: export the whole graph to a temp file (streaming, page by page), clear the store and
import the file with the rdf loader and run_load. Import time includes parsing with rdflib.
FalkorDB runs embedded in a temp dir; Neo4j 5 is started from Maven Central or NEO4J_URI.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from innochain.graph.store import GraphStore
from innochain.graph.writes import upsert_nodes, upsert_relationships
from innochain.loaders.load_run import run_load
from innochain.loaders.rdf_loader import records
from innochain.rdf.export import export_rdf
from innochain.rdf.serializers import FORMATS


@contextmanager
def open_backend(name: str, tmp: Path) -> Iterator[GraphStore]:
    """An empty store on the named backend, closed (and its server stopped) afterwards."""
    if name == "falkordb":
        from innochain.graph.falkordb_store import FalkorDBStore

        store: GraphStore = FalkorDBStore(f"falkordb://{tmp / 'fdb'}", data_dir=tmp / "fdb")
        try:
            yield store
        finally:
            store.close()
        return
    from innochain.graph.neo4j_store import Neo4jStore

    uri = os.environ.get("NEO4J_URI")
    if uri:
        store = Neo4jStore(uri, username=os.environ.get("NEO4J_USERNAME"),
                           password=os.environ.get("NEO4J_PASSWORD"))
        try:
            yield store
        finally:
            store.close()
        return
    from innochain.neo4j_devserver import start_neo4j

    with start_neo4j(tmp / "neo4j", heap="2g") as server:
        store = Neo4jStore(server.uri)
        try:
            yield store
        finally:
            store.close()


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


def measure(store: GraphStore, fmt: str, patents: int, tmp: Path) -> dict[str, Any]:
    """Export then import one format on a freshly generated graph."""
    generate(store, patents)
    path = tmp / f"bench.{FORMATS[fmt]}"
    with path.open("wb") as fh:
        stats = export_rdf(store, fh, fmt)
    store.clear()
    started = time.perf_counter()
    report = run_load(store, "rdf", records([path]), files=[str(path)])
    seconds = time.perf_counter() - started
    assert not report.rejects, report.rejects[:3]
    return {"format": fmt, "patents": patents, "nodes": stats.nodes, "edges": stats.edges,
            "triples": stats.triples, "bytes": path.stat().st_size,
            "export_s": round(stats.seconds, 2), "import_s": round(seconds, 2),
            "export_triples_per_s": round(stats.triples / stats.seconds),
            "import_triples_per_s": round(stats.triples / seconds)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patents", type=int, default=10_000)
    parser.add_argument("--backend", choices=["falkordb", "neo4j"], default="falkordb")
    parser.add_argument("--formats", default="nt,turtle,json-ld,xml")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        with open_backend(args.backend, tmp) as store:
            for fmt in args.formats.split(","):
                rows.append({"backend": args.backend, **measure(store, fmt, args.patents, tmp)})
    print(f"{'backend':9} {'format':8} {'triples':>9} {'MB':>6} {'export t/s':>11} "
          f"{'import t/s':>11}")
    for r in rows:
        print(f"{r['backend']:9} {r['format']:8} {r['triples']:>9} {r['bytes'] / 1e6:>6.1f} "
              f"{r['export_triples_per_s']:>11} {r['import_triples_per_s']:>11}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
