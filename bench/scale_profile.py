"""Why is a pack query slow? Its profile on FalkorDB (GRAPH.PROFILE) or Neo4j (PROFILE), and
before/after timings of a rewritten text or a load-time change on a graph kept by run.py.

    python bench/scale_profile.py --falkordb DIR  --query landscape.chain_map [--variant F]
    python bench/scale_profile.py --neo4j-home DIR --query landscape.chain_map [--variant F]
        [--setup "CYPHER"]... [--setup-file F.cypher]... [--repeats 3] [--no-profile]
    python bench/scale_profile.py --falkordb DIR --all [--derive] [--repeats 3] [--json F]

`--all` times every pack query as run.py does (p50/p95), after `--derive` has run the derive
step (timed) on the kept graph: the before/after of a model change without reloading.

`--variant` is a .cypher file with the same parameters (the proposed text); `--setup` runs a
write statement first (an index, a materialised property) so the "after" figure includes it
and its own cost is printed. DIR is `--workdir/falkordb` or `--workdir/neo4j` of run.py.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the scale_* modules beside this file

from scale_backends import (  # noqa: E402
    BackendSession,
    falkordb_session,
    neo4j_session,
    set_query_timeout,
)
from scale_queries import bench_params, targets_of, time_all_queries  # noqa: E402

from innochain.graph.neo4j_store import Neo4jStore  # noqa: E402
from innochain.graph.store import GraphStore  # noqa: E402
from innochain.queries.pack_library import load_library  # noqa: E402


def profile_text(session: BackendSession, cypher: str, params: dict[str, Any]) -> str:
    """The profiled plan with rows (and db hits on Neo4j) per operator."""
    store: Any = session.store
    if session.name == "falkordb":
        return "\n".join(str(line) for line in store._graph.profile(cypher, params).plan)
    with store._driver.session() as neo:
        result = neo.run("PROFILE " + cypher, params)
        list(result)  # Neo4j fills in the profile only once the rows have been read
        summary = result.consume()
    lines: list[str] = []
    _neo4j_plan(summary.profile, 0, lines)
    return "\n".join(lines)


def _neo4j_plan(op: dict[str, Any], depth: int, out: list[str]) -> None:
    args = op.get("args", {})
    detail = str(args.get("Details", ""))[:110]
    out.append(f"{'  ' * depth}{op['operatorType']:<36} rows={op.get('rows', '?'):>9} "
               f"dbHits={op.get('dbHits', '?'):>10}  {detail}")
    for child in op.get("children", []):
        _neo4j_plan(child, depth + 1, out)


def timed(store: GraphStore, cypher: str, params: dict[str, Any],
          repeats: int) -> tuple[list[float], list[tuple[Any, ...]]]:
    """Seconds of `repeats` runs after one warm-up, and the rows (floats rounded) to compare."""
    frame = store.run(cypher, params)
    out = []
    for _ in range(repeats):
        started = time.perf_counter()
        store.run(cypher, params)
        out.append(time.perf_counter() - started)
    rows = [tuple(round(v, 6) if isinstance(v, float) else str(v) for v in row)
            for row in frame.itertuples(index=False)]
    return out, rows


@contextmanager
def open_session(args: argparse.Namespace) -> Iterator[BackendSession]:
    if args.falkordb:
        with falkordb_session(args.falkordb) as session:
            yield session
    elif args.neo4j_uri:
        store = Neo4jStore(args.neo4j_uri)
        try:
            yield BackendSession("neo4j", store, 0, Path("."))
        finally:
            store.close()
    else:
        with neo4j_session(args.neo4j_home) as session:
            yield session


def time_everything(args: argparse.Namespace) -> int:
    """Derive (optionally, timed), then p50/p95 of every pack query; figures as run.py's."""
    from innochain.loaders.chain_loader import derive_segment_membership

    records: list[dict[str, Any]] = []
    with open_session(args) as session:
        if args.derive:
            started = time.perf_counter()
            patents, links = derive_segment_membership(session.store, "pv")
            seconds = time.perf_counter() - started
            records.append({"name": "materialise.derive_seconds", "value": seconds, "unit": "s",
                            "note": f"derived {patents} IN_SEGMENT, {links} ACTIVE_IN"})
            print(f"derive: {seconds:.1f} s ({patents} IN_SEGMENT, {links} ACTIVE_IN)",
                  flush=True)
        print(f"  {set_query_timeout(session, args.query_timeout)}", flush=True)
        top = session.store.run("MATCH (o:Organization) WHERE o.in_park = true "
                                "RETURN o.id AS id ORDER BY id LIMIT 1").iloc[0]["id"]
        for t in time_all_queries(session.store, targets_of(session.store, str(top)),
                                  args.repeats):
            for q in (0.5, 0.95):
                value = t.percentile(q) * 1000 if t.seconds else None
                records.append({"name": f"query.{t.query_id}.p{int(q * 100)}", "value": value,
                                "unit": "ms", "note": t.note})
    if args.json:
        args.json.write_text(json.dumps(records, indent=2, ensure_ascii=False))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--falkordb", type=Path, help="data dir of a kept embedded FalkorDB")
    where.add_argument("--neo4j-home", type=Path, help="home of a kept Neo4j (started here)")
    where.add_argument("--neo4j-uri", help="a running Neo4j (python -m innochain.neo4j_devserver)")
    parser.add_argument("--query", help="pack query id")
    parser.add_argument("--all", action="store_true", help="time every pack query")
    parser.add_argument("--derive", action="store_true", help="with --all: run derive first")
    parser.add_argument("--json", type=Path, help="with --all: write the figures here")
    parser.add_argument("--query-timeout", type=int, default=60, help="with --all: seconds")
    parser.add_argument("--variant", type=Path, help="a rewritten .cypher text to compare")
    parser.add_argument("--setup", action="append", default=[], help="write statement(s) "
                        "run before the variant (an index, a materialised property)")
    parser.add_argument("--setup-file", type=Path, action="append", default=[],
                        help="a .cypher file holding one such statement")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-profile", action="store_true")
    args = parser.parse_args(argv)
    if args.all:
        return time_everything(args)
    if not args.query:
        parser.error("give --query ID or --all")
    spec = load_library().query(args.query)
    with open_session(args) as session:
        # Holder ids follow portfolio size, so the smallest in-park id is run.py's choice too.
        top = session.store.run("MATCH (o:Organization) WHERE o.in_park = true "
                                "RETURN o.id AS id ORDER BY id LIMIT 1").iloc[0]["id"]
        params, note = bench_params(spec, targets_of(session.store, str(top)))
        assert params is not None, note
        print(f"{args.query} on {session.name} with {params} {note}")
        if not args.no_profile:
            print(profile_text(session, spec.cypher, params))
        if not args.repeats:
            return 0
        before, before_rows = timed(session.store, spec.cypher, params, args.repeats)
        print(f"before: median {statistics.median(before):.3f} s of {before}")
        for statement in [*args.setup, *(f.read_text() for f in args.setup_file)]:
            started = time.perf_counter()
            session.store.run(statement, read_only=False)
            print(f"setup {statement[:80]!r}: {time.perf_counter() - started:.2f} s")
        if args.setup and session.name == "neo4j":
            session.store.run("CALL db.awaitIndexes(600)", read_only=False)
        if args.variant or args.setup or args.setup_file:
            text = args.variant.read_text() if args.variant else spec.cypher
            if args.variant and not args.no_profile:
                print(profile_text(session, text, params))
            after, after_rows = timed(session.store, text, params, args.repeats)
            print(f"after: median {statistics.median(after):.3f} s of {after}")
            print(f"same rows: {after_rows == before_rows} ({len(before_rows)} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
