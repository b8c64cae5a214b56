"""p50/p95 of every public pack query on one store, with each parameter's declared example.

An example that names a node of the small test fixture (`fx:cell`, `org:deneng`) is replaced
by the benchmark graph's counterpart (`pv:cell`, the largest in-park holder) and the
replacement is noted; a query whose required reference has no counterpart (no Case or
Standard in the synthetic graph) is skipped with a note.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from innochain.errors import InnoChainError
from innochain.graph.store import GraphStore
from innochain.queries.pack_format import QuerySpec
from innochain.queries.runner import list_queries, run

SLOW_S = 30.0  # a query slower than this once is not repeated (its figure is that one run)
BUDGET_S = 20.0  # timed runs per query stop near this total, but never fewer than MIN_RUNS
MIN_RUNS = 3


@dataclass
class QueryTiming:
    """Run times of one query in seconds (the runner's own timing of the statement)."""

    query_id: str
    seconds: list[float]
    rows: int
    note: str = ""

    def percentile(self, q: float) -> float:
        """Nearest-rank percentile; with few runs p95 is the slowest run."""
        ordered = sorted(self.seconds)
        return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


@dataclass(frozen=True)
class BenchTargets:
    """Node ids of the benchmark graph that stand in for the fixture's examples."""

    segments: frozenset[str]
    technologies: frozenset[str]
    organization: str
    fallback_segment: str = "pv:cell"
    fallback_technology: str = "pv:topcon"


def targets_of(store: GraphStore, organization: str) -> BenchTargets:
    """The segments that exist, and the organisation to use for firm parameters."""
    segments = store.run("MATCH (s:Segment) RETURN s.id AS id")
    technologies = store.run("MATCH (t:Technology) RETURN t.id AS id")
    return BenchTargets(frozenset(segments["id"]), frozenset(technologies["id"]), organization)


def bench_params(spec: QuerySpec, targets: BenchTargets) -> tuple[dict[str, Any] | None, str]:
    """Parameters for one query and a note on what was replaced; None when it cannot run."""
    params: dict[str, Any] = {}
    notes: list[str] = []
    for name, param in spec.params.items():
        value = param.example if param.example is not None else param.default
        if value is None:
            continue
        if param.ref == "Segment" and value not in targets.segments:
            candidate = f"pv:{str(value).split(':', 1)[-1]}"
            value = candidate if candidate in targets.segments else targets.fallback_segment
            notes.append(f"{name}={value}")
        elif param.ref == "Technology" and value not in targets.technologies:
            candidate = f"pv:{str(value).split(':', 1)[-1]}"
            value = candidate if candidate in targets.technologies else targets.fallback_technology
            notes.append(f"{name}={value}")
        elif param.ref == "Organization":
            value = targets.organization
            notes.append(f"{name}={value}")
        elif param.ref in ("Case", "Standard"):
            if param.required:
                return None, f"skipped: no {param.ref} nodes in the synthetic graph"
            continue
        elif param.ref == "Patent":
            continue  # optional filter on one fixture patent: run unfiltered
        params[name] = value
    return params, ("params " + ", ".join(notes)) if notes else ""


def time_query(store: GraphStore, spec: QuerySpec, params: dict[str, Any],
               repeats: int) -> QueryTiming:
    """One warm-up run, then up to `repeats` timed runs within BUDGET_S (at least MIN_RUNS);
    a query slower than SLOW_S is timed by its first run alone."""
    first = run(store, spec.id, params)
    timing = QueryTiming(spec.id, [], len(first.frame))
    if first.seconds > SLOW_S:
        timing.seconds.append(first.seconds)
        timing.note = f"slower than {SLOW_S:.0f} s: one run"
        return timing
    runs = max(MIN_RUNS, min(repeats, int(BUDGET_S / max(first.seconds, 1e-3))))
    for _ in range(runs):
        timing.seconds.append(run(store, spec.id, params).seconds)
    return timing


def time_all_queries(store: GraphStore, targets: BenchTargets, repeats: int,
                     progress: Callable[[str], None] = print) -> list[QueryTiming]:
    """Every public query; skipped and failed ones come back with no times and a note."""
    out: list[QueryTiming] = []
    for spec in list_queries():
        params, note = bench_params(spec, targets)
        if params is None:
            out.append(QueryTiming(spec.id, [], 0, note))
            continue
        started = time.perf_counter()
        try:
            timing = time_query(store, spec, params, repeats)
        except InnoChainError as exc:
            timing = QueryTiming(spec.id, [], 0, f"failed: {str(exc).splitlines()[0][:160]}")
        timing.note = "; ".join(n for n in (note, timing.note) if n)
        out.append(timing)
        median = statistics.median(timing.seconds) * 1000 if timing.seconds else float("nan")
        progress(f"  {spec.id:<40} p50 {median:10.1f} ms  rows {timing.rows:>6}  "
                 f"({time.perf_counter() - started:.1f} s) {timing.note}")
    return out
