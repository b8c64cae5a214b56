"""The full load of every shared real data set, through the product's own path, per backend.

    python bench/load_real.py [--backends falkordb,neo4j] [--only KIND,...] [--json FILE]
                              [--skip-peer] [--workdir DIR] [--derive-each] [--fresh-each]

Each data set is one `load_files(store, KIND, PATHS)` call (what `innochain load KIND PATH`
runs) in a process of its own, in the order below, into one graph that starts empty on a
backend started for the run (as bench/query_latency.py does). The loads leave the derived
values (chain membership, summaries) to one `derive_after` call with every kind, made by the
last load's process and counted in its time, as a build of several kinds does; with
`--derive-each` every load derives, as separate `innochain load` commands do. Per loader:
rows read, loaded, rejected, wall time of the `load_files` call (and of the derivation the
last load runs), rows read per second, the loader process's peak RSS (ru_maxrss) and the database
process's peak RSS during that load (VmHWM, reset before each load through
/proc/<pid>/clear_refs). Then the same rows through `falkordb-bulk-insert` into a fresh
embedded server (bench/load_real_peer.py) and our rows/s as a ratio of its rate.

With `--fresh-each` (FalkorDB) each data set is loaded alone into a graph of its own that
starts empty, as a user's first `innochain load` is, so it takes the create-only GRAPH.BULK
path; its derivation follows in the same process, timed apart. The peer loads exactly that
data set's rows into a fresh server of its own, and the two graphs are compared label by
label and type by type. Method and results: bench/load_real.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from load_real_fresh import print_fresh  # type: ignore[import-not-found]
from load_real_peer import (  # type: ignore[import-not-found]
    RowSet,
    graph_shape,
    run_peer_alone,
    write_bulk_csvs,
)
from scale_backends import (  # type: ignore[import-not-found]
    BackendSession,
    falkordb_session,
    neo4j_session,
    peak_rss_mib,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("INNOCHAIN_SHARED_DATA", ROOT.parent / "shared" / "data"))
# (kind, files); seed_data paths are relative to the project, the others to the shared data
STEPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("chain", ("seed_data/chains/pv.yaml",)),
    ("ipc", ("ipc/all_ipc.csv",)),
    ("ipc-technology", ("ipc/ipc_technology.csv",)),
    ("patentsview", ("patentsview-sample",)),
    ("cec-pv", ("pv-products/sam-library-cec-modules-2019-03-05.csv",
                "pv-products/sam-library-cec-inverters-2019-03-05.csv")),
    ("pv-supply-links", ("pv-supply-links/supply_links.csv",)),
    ("pv-litigation", ("pv-litigation/cases.csv",)),
    ("apple-suppliers", ("apple-suppliers/apple-supplier-list.csv",)),
    ("chainkg", ("chainkg",)),
    ("ickg", ("ickg-subset",)),
)
TARGET_SECONDS, TARGET_RATIO = 60.0, 0.8


def step_paths(files: tuple[str, ...]) -> list[Path]:
    return [ROOT / f if f.startswith("seed_data/") else SHARED / f for f in files]


# -- one loader, in its own process -----------------------------------------------------------
def run_child(kind: str, uri: str, paths: list[Path], rows_out: Path | None,
              derive: str | None, shape: bool = False, resolve: bool = True
              ) -> dict[str, Any]:
    """One `load_files` call timed; with `rows_out`, the rows it wrote pickled for the peer.

    `derive`: "each" to derive after this load as `innochain load` does, a comma-separated
    list of the build's kinds to derive once for all of them after it (timed apart), or None.
    `shape`: the graph's shape (graph_shape) between the load and the derivation, not timed.
    `resolve`: False loads as `innochain load --no-resolve` does (each spelling's normalised
    key is its node), and the peer gets those same unresolved rows.
    """
    from innochain.graph.connect import open_store
    from innochain.loaders.cypher_files import read_cypher
    from innochain.loaders.load_files import context_from, derive_after, load_files
    from innochain.loaders.organization_resolution import resolved_records
    from innochain.loaders.registry import loader_spec
    from innochain.settings import Settings

    store = open_store(Settings(graph_uri=uri))
    try:
        if rows_out is not None:  # what load_files will see, taken before it writes
            context = context_from(store)
            known = store.run(read_cypher("organization_names"), read_only=True).to_dict(
                "records")
        baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started, cpu_started = time.perf_counter(), time.process_time()
        report = load_files(store, kind, paths, derive=derive == "each", resolve=resolve).report
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started  # every thread of this process
        loaded_shape = graph_shape(store) if shape else None
        derive_seconds = 0.0
        if derive and derive != "each":
            started = time.perf_counter()
            derive_after(store, derive.split(","))
            derive_seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if rows_out is not None:  # after the timed load: warm caches cannot help it
            spec = loader_spec(kind)
            if resolve:
                records, _ = resolved_records(lambda: spec.load(paths, context), known)
            else:
                records = iter(spec.load(paths, context))
            rows = RowSet()
            rows.add(records)
            rows.dump(rows_out)
    finally:
        store.close()
    return {"kind": kind, "rows_read": report.rows_read, "rows_loaded": report.rows_loaded,
            "rows_rejected": report.rows_rejected, "nodes": report.nodes,
            "edges": report.edges, "seconds": seconds + derive_seconds,
            "derive_seconds": derive_seconds, "run_load_seconds": report.seconds,
            "rss_baseline_mib": baseline / 1024,
            "rss_peak_mib": peak / 1024,
            **({"shape": loaded_shape, "cpu_seconds": cpu_seconds}
               if loaded_shape is not None else {})}


def reset_peak(pid: int) -> bool:
    """Reset a process's VmHWM (Linux >= 4.0); False when not permitted."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def load_step(session: BackendSession, uri: str, kind: str, paths: list[Path],
              rows_out: Path | None, derive: str | None, shape: bool = False,
              resolve: bool = True) -> dict[str, Any]:
    per_load = reset_peak(session.pid)
    cmd = [sys.executable, __file__, "--child", kind, "--uri", uri,
           *(["--rows-out", str(rows_out)] if rows_out else []), *(["--shape"] if shape else []),
           *([] if resolve else ["--no-resolve"]),
           *(["--derive", derive] if derive else []), *map(str, paths)]
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"{kind} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["process_seconds"] = time.perf_counter() - started
    result["db_peak_mib"] = peak_rss_mib(session.pid)
    result["db_peak_scope"] = "this load" if per_load else "since start"
    return result


# -- a backend's full build -------------------------------------------------------------------
def build(backend: str, home: Path, steps: list[tuple[str, list[Path]]],
          peer_dir: Path | None, derive_each: bool = False
          ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    opener: Callable[[Path], AbstractContextManager[BackendSession]] = \
        falkordb_session if backend == "falkordb" else neo4j_session
    results = []
    with opener(home) as session:
        uri = f"falkordb://{home}" if backend == "falkordb" else session.store.uri
        started = time.perf_counter()
        for number, (kind, paths) in enumerate(steps):
            rows_out = peer_dir / f"{number:02d}-{kind}.pickle" if peer_dir else None
            derive = "each" if derive_each else (
                ",".join(k for k, _ in steps) if number == len(steps) - 1 else None)
            result = load_step(session, uri, kind, paths, rows_out, derive)
            result["backend"] = backend
            results.append(result)
            print(f"{backend:<9} {kind:<16} {result['rows_read']:>8} rows "
                  f"{result['seconds']:>7.1f} s", flush=True)
            if result["derive_seconds"]:
                print(f"{backend:<9} {'(derive once)':<16} {'':>8}      "
                      f"{result['derive_seconds']:>7.1f} s", flush=True)
        wall = time.perf_counter() - started
        counts = {
            "nodes": int(session.store.run("MATCH (n) RETURN count(n) AS c").iloc[0]["c"]),
            "relationships": int(session.store.run(
                "MATCH ()-[r]->() RETURN count(r) AS c").iloc[0]["c"]),
            "load_seconds": sum(r["seconds"] for r in results), "wall_seconds": wall,
            "db_peak_mib": peak_rss_mib(session.pid)}
    return results, counts


def run_peer(peer_dir: Path, ours: list[dict[str, Any]], work: Path) -> dict[str, Any]:
    """The union of every loader's rows through falkordb-bulk-insert into a fresh server."""
    from scale_bulk import run_bulk_loader  # type: ignore[import-not-found]

    rows = RowSet()
    for path in sorted(peer_dir.glob("*.pickle")):
        rows.merge(RowSet.load(path))
    started = time.perf_counter()
    args, nodes, edges = write_bulk_csvs(rows, work / "peer-csv")
    csv_seconds = time.perf_counter() - started
    # Real values hold commas, quotes and backslashes: standard quoting, no escape character.
    result = run_bulk_loader(["--quote", "0", "--escapechar", "none", *args],
                             work / "peer-falkordb", work / "peer.log")
    our_seconds = sum(r["seconds"] for r in ours)
    return {"nodes": nodes, "relationships": edges, "csv_write_seconds": csv_seconds,
            "seconds": result.seconds, "db_peak_mib": result.peak_mib,
            "graph_nodes": result.nodes, "graph_relationships": result.edges,
            "rows_per_s": (nodes + edges) / result.seconds,
            "our_rows_per_s": (nodes + edges) / our_seconds,
            "ratio": result.seconds / our_seconds}


# -- each data set alone into a fresh graph (--fresh-each) -------------------------------------
def fresh_each(work: Path, steps: list[tuple[str, list[Path]]], peer: bool,
               resolve: bool = True) -> list[dict[str, Any]]:
    """Each kind into an empty graph of its own (the GRAPH.BULK path), then at once the peer
    on its rows into another (so both meet the same machine load); the derivation of that
    one kind is timed apart, as in `derive_after`. The peer's CSV files are written in a
    process of its own: Linux keeps a process's peak RSS across exec, so a load process
    started after this one had read the peer's rows would report them."""
    results = []
    for kind, paths in steps:
        home, rows_out = work / f"fresh-{kind}", work / f"fresh-{kind}.pickle"
        with falkordb_session(home) as session:
            result = load_step(session, f"falkordb://{home}", kind, paths,
                               rows_out if peer else None, kind, shape=True, resolve=resolve)
        result["backend"] = "falkordb"
        result["load_seconds"] = result["seconds"] - result["derive_seconds"]
        results.append(result)
        line = f"fresh     {kind:<16} {result['rows_read']:>8} rows " \
               f"{result['load_seconds']:>7.1f} s"
        if peer:
            done = subprocess.run([sys.executable, __file__, "--peer-child", str(rows_out),
                                   str(work / f"peer-{kind}")],
                                  capture_output=True, text=True, check=False)
            if done.returncode:
                raise RuntimeError(f"peer of {kind} failed:\n{done.stderr[-3000:]}")
            result["peer"] = json.loads(done.stdout.strip().splitlines()[-1])
            result["same_graph"] = result["shape"] == result["peer"]["shape"]
            line += f"; peer {result['peer']['seconds']:.1f} s, same graph: " + (
                "yes" if result["same_graph"] else "NO")
        print(line, flush=True)
    return results


# -- output -----------------------------------------------------------------------------------
def print_tables(results: list[dict[str, Any]], totals: dict[str, dict[str, Any]],
                 peer: dict[str, Any] | None) -> None:
    print(f"\n{'backend':<9} {'loader':<16} {'read':>7} {'loaded':>7} {'reject':>6} "
          f"{'wall s':>6} {'write s':>7} {'rows/s':>7} {'py base':>7} {'py peak':>7} "
          f"{'db peak':>7}")
    for r in results:
        rate = r["rows_read"] / r["seconds"] if r["seconds"] else 0.0
        print(f"{r['backend']:<9} {r['kind']:<16} {r['rows_read']:>7} {r['rows_loaded']:>7} "
              f"{r['rows_rejected']:>6} {r['seconds']:>6.1f} {r['run_load_seconds']:>7.1f} "
              f"{rate:>7.0f} {r['rss_baseline_mib']:>7.0f} {r['rss_peak_mib']:>7.0f} "
              f"{r['db_peak_mib']:>7.0f}")
    print("wall s: the load_files call; write s: its run_load part (records and writes), the "
          "rest is resolution's first pass and derivation; MiB: peak RSS")
    for r in results:
        if r.get("derive_seconds"):
            print(f"{r['backend']}: the derivation once after every load, in the {r['kind']} "
                  f"line: {r['derive_seconds']:.1f} s")
    for backend, t in totals.items():
        target = f" (target < {TARGET_SECONDS:.0f} s)" if backend == "falkordb" else ""
        print(f"{backend}: full build {t['load_seconds']:.1f} s in load_files{target}, "
              f"{t['wall_seconds']:.1f} s with process starts and peer rows; "
              f"graph {t['nodes']} nodes, "
              f"{t['relationships']} relationships; database peak {t['db_peak_mib']:.0f} MiB")
    if peer:
        print(f"falkordb-bulk-insert: {peer['nodes']} nodes + {peer['relationships']} "
              f"relationships in {peer['seconds']:.1f} s ({peer['rows_per_s']:.0f} rows/s, "
              f"server peak {peer['db_peak_mib']:.0f} MiB); ours {peer['our_rows_per_s']:.0f} "
              f"rows/s: ratio {peer['ratio']:.2f} (target >= {TARGET_RATIO})")


def json_records(results: list[dict[str, Any]], totals: dict[str, dict[str, Any]],
                 peer: dict[str, Any] | None) -> list[dict[str, Any]]:
    out = [{"name": f"load_real.{r['kind']}", "backend": r["backend"], **r} for r in results]
    out += [{"name": "load_real.total", "backend": b, **t} for b, t in totals.items()]
    if peer:
        out.append({"name": "load_real.bulk_loader", "backend": "falkordb-bulk-loader", **peer})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default="falkordb,neo4j")
    parser.add_argument("--only", help="comma-separated kinds (default: every data set)")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--skip-peer", action="store_true")
    parser.add_argument("--workdir", type=Path, help="keep the stores here (default: a temp dir)")
    parser.add_argument("--derive-each", action="store_true",
                        help="derive after every load (as separate `innochain load` commands "
                             "do) instead of once after the last")
    parser.add_argument("--fresh-each", action="store_true",
                        help="each data set alone into a fresh graph (FalkorDB), and the peer "
                             "on that data set's rows")
    parser.add_argument("--no-resolve", action="store_true",
                        help="with --fresh-each: load without entity resolution (innochain "
                             "load --no-resolve), the peer on the same unresolved rows")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--uri", help=argparse.SUPPRESS)
    parser.add_argument("--rows-out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--derive", help=argparse.SUPPRESS)
    parser.add_argument("--shape", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--peer-child", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peer_child:
        print(json.dumps(run_peer_alone(*args.peer_child)))
        return
    if args.child:
        print(json.dumps(run_child(args.child, args.uri, args.paths, args.rows_out,
                                   args.derive, args.shape, not args.no_resolve)))
        return
    only = set(args.only.split(",")) if args.only else None
    unknown = (only or set()) - {kind for kind, _ in STEPS}
    if unknown:
        parser.error(f"unknown kind(s) {', '.join(sorted(unknown))}; "
                     f"kinds: {', '.join(k for k, _ in STEPS)}")
    steps = [(kind, step_paths(files)) for kind, files in STEPS if not only or kind in only]
    missing = [str(p) for _, paths in steps for p in paths if not p.exists()]
    if missing:
        parser.error(f"missing data: {', '.join(missing)} (set INNOCHAIN_SHARED_DATA)")
    if args.no_resolve and not args.fresh_each:
        parser.error("--no-resolve goes with --fresh-each")
    if args.fresh_each:
        with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
            fresh = fresh_each(Path(tmp), steps, not args.skip_peer, not args.no_resolve)
        print_fresh(fresh, TARGET_RATIO)
        if args.json:
            args.json.write_text(json.dumps(
                [{"name": f"load_real.fresh.{r['kind']}", **r} for r in fresh], indent=2))
        return
    results: list[dict[str, Any]] = []
    totals: dict[str, dict[str, Any]] = {}
    peer = None
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        work = Path(tmp)
        for backend in args.backends.split(","):
            peer_dir = None
            if backend == "falkordb" and not args.skip_peer:
                peer_dir = work / "peer-rows"
                peer_dir.mkdir()
            backend_results, totals[backend] = build(backend, work / backend, steps, peer_dir,
                                                     args.derive_each)
            results += backend_results
            if peer_dir is not None:
                peer = run_peer(peer_dir, backend_results, work)
    print_tables(results, totals, peer)
    if args.json:
        args.json.write_text(json.dumps(json_records(results, totals, peer), indent=2))


if __name__ == "__main__":
    main()
