"""Timed loads through InnoChain's own path: `run_load` (streaming batched MERGE), then the
chain template and the derived segment membership the query packs read."""

from __future__ import annotations

import importlib
import time
from dataclasses import dataclass

from scale_graph import CHAIN_FILE, GraphCount, ScaleSpec, scale_records

from innochain.graph.store import GraphStore
from innochain.loaders.chain_loader import load_chain
from innochain.loaders.load_context import LoadContext
from innochain.loaders.load_run import run_load


@dataclass
class LoadTiming:
    """Wall seconds of the load, with and without the generator's own time."""

    seconds: float
    generate_seconds: float
    rows: int

    @property
    def rows_per_s(self) -> float:
        """Rows per second of writing alone (the generator runs in the same thread)."""
        return self.rows / max(self.seconds - self.generate_seconds, 1e-9)

    @property
    def gross_rows_per_s(self) -> float:
        """Rows per second including generating the records."""
        return self.rows / self.seconds


def load_synthetic(store: GraphStore, spec: ScaleSpec, count: GraphCount) -> LoadTiming:
    """The synthetic graph through run_load into an empty graph."""
    started = time.perf_counter()
    report = run_load(store, "synthetic", scale_records(spec), files=[f"<synthetic {spec.label}>"])
    seconds = time.perf_counter() - started
    if report.rows_rejected:
        first = report.rejects[0]
        raise RuntimeError(f"{report.rows_rejected} synthetic rows rejected, e.g. {first}")
    return LoadTiming(seconds, count.generate_seconds, count.rows)


def materialise(store: GraphStore) -> tuple[float, float, str]:
    """Load the PV chain template, then derive IN_SEGMENT and ACTIVE_IN if the loader has it.

    Returns (chain load seconds, derive seconds, a note)."""
    started = time.perf_counter()
    run_load(store, "chain", load_chain([CHAIN_FILE], LoadContext()), files=[str(CHAIN_FILE)])
    chain_seconds = time.perf_counter() - started
    module = importlib.import_module("innochain.loaders.chain_loader")
    derive = getattr(module, "derive_segment_membership", None)
    if derive is None:
        return chain_seconds, 0.0, "derive_segment_membership missing: no IN_SEGMENT edges"
    started = time.perf_counter()
    memberships, links = derive(store, "pv")
    return chain_seconds, time.perf_counter() - started, \
        f"derived {memberships} IN_SEGMENT, {links} ACTIVE_IN"
