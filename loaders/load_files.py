"""One load from files to graph, the same way for the CLI and the tests.

Builds the loader's context from the store (organisations already there), runs the loader
through `run_load`, and afterwards derives chain membership when a chain or patents changed,
or (any other kind) recomputes the materialised summaries the query packs read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from innochain.graph.store import GraphStore
from innochain.loaders.chain_loader import derive_segment_membership
from innochain.loaders.cypher_files import read_cypher
from innochain.loaders.entity_resolution import DEFAULT_THRESHOLD
from innochain.loaders.load_context import LoadContext, organization_directory
from innochain.loaders.load_run import LoadReport, run_load
from innochain.loaders.organization_resolution import Resolution, resolved_records
from innochain.loaders.registry import check_paths, loader_spec
from innochain.loaders.segment_summaries import materialise


@dataclass
class LoadOutcome:
    """The load's report, and per chain the (patent memberships, organisation links) derived."""

    report: LoadReport
    derived: dict[str, tuple[int, int]] = field(default_factory=dict)
    resolution: Resolution | None = None


def context_from(store: GraphStore | None) -> LoadContext:
    """The organisations already in the graph; empty without a store."""
    if store is None:
        return LoadContext()
    frame = store.run(read_cypher("organization_names"), read_only=True,
                      tag="loaders/organization_names")
    return LoadContext(organization_directory(frame.to_dict("records")),
                       chains=tuple(chains_in(store)), parks=tuple(parks_in(store)))


def _known_organizations(store: GraphStore | None) -> list[dict[str, object]]:
    if store is None:
        return []
    frame = store.run(read_cypher("organization_names"), read_only=True,
                      tag="loaders/organization_names")
    return frame.to_dict("records") if not frame.empty else []


def chains_in(store: GraphStore) -> list[str]:
    """Ids of the chains loaded."""
    frame = store.run(read_cypher("chain_ids"), read_only=True, tag="loaders/chain_ids")
    return [str(c) for c in frame["chain"]] if not frame.empty else []


def parks_in(store: GraphStore) -> list[str]:
    """Ids of the parks loaded."""
    frame = store.run(read_cypher("park_ids"), read_only=True, tag="loaders/park_ids")
    return [str(p) for p in frame["park"]] if not frame.empty else []


def load_files(store: GraphStore | None, kind: str, paths: Sequence[Path], *,
               dry_run: bool = False, batch_size: int = 5000, progress: bool = False,
               resolve: bool = True, overrides: Path | None = None,
               threshold: float = DEFAULT_THRESHOLD) -> LoadOutcome:
    """Load `paths` as `kind`; a dry run reads and checks everything and writes nothing.

    With `resolve` (the default) every organisation goes through entity resolution together
    with those already in the graph, `overrides` (same / not_same pairs) winning; kinds whose
    ids are already resolved (RDF exported from a graph) skip it.
    """
    spec = loader_spec(kind)
    check_paths(spec, paths)
    context = context_from(store)
    resolution = None
    if resolve and spec.resolves:
        known = _known_organizations(store)
        records, resolution = resolved_records(lambda: spec.load(list(paths), context), known,
                                               threshold=threshold, overrides=overrides)
    else:
        records = iter(spec.load(list(paths), context))
    report = run_load(None if dry_run else store, kind, records,
                      files=[str(p) for p in paths], dry_run=dry_run, batch_size=batch_size,
                      progress=progress)
    outcome = LoadOutcome(report, resolution=resolution)
    if dry_run or store is None:
        return outcome
    for chain in chains_in(store):
        if kind == "chain" or spec.derives_segments:
            outcome.derived[chain] = derive_segment_membership(store, chain)
        else:
            # Any other load may change owners, in_park or countries: the flags, segment
            # summaries and HOLDS_IN that queries read are recomputed (memberships stand).
            materialise(store, chain)
    return outcome
