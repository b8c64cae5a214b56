"""One load from files to graph, the same way for the CLI and the tests.

Builds the loader's context from the store (organisations already there), runs the loader
through `run_load`, and afterwards derives chain membership when a chain or patents changed,
or (any other kind) recomputes the materialised summaries the query packs read. A build that
loads several kinds in a row may pass `derive=False` to each load and call `derive_after`
once with all their kinds: the derived values depend only on the graph as it stands, so the
graph is the same, and the summaries (seconds, even after a load of 28 rows) run once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from innochain.graph.store import GraphStore
from innochain.loaders import chainkg
from innochain.loaders.chain_loader import derive_segment_membership
from innochain.loaders.cypher_files import read_cypher
from innochain.loaders.entity_resolution import DEFAULT_THRESHOLD
from innochain.loaders.load_context import LoadContext, organization_directory
from innochain.loaders.load_run import LoadReport, run_load
from innochain.loaders.organization_resolution import Resolution, resolved_records
from innochain.loaders.records import Record
from innochain.loaders.registry import check_paths, loader_spec
from innochain.loaders.segment_summaries import materialise

# Loaders whose organisations sit in a part of their files: resolution's first pass reads
# only that part (kind -> records of the organisation rows, in the loader's order).
# (It would sit better on LoaderSpec in registry.py.)
ORGANIZATION_PASSES: dict[str, Callable[[list[Path]], Iterable[Record]]] = {
    chainkg.KIND: chainkg.organization_records,
}


@dataclass
class LoadOutcome:
    """The load's report, and per chain the (patent memberships, organisation links) derived."""

    report: LoadReport
    derived: dict[str, tuple[int, int]] = field(default_factory=dict)
    resolution: Resolution | None = None


def context_from(store: GraphStore | None) -> LoadContext:
    """The organisations already in the graph; empty without a store."""
    return _context(store, _known_organizations(store))


def _context(store: GraphStore | None, known: list[dict[str, object]]) -> LoadContext:
    if store is None:
        return LoadContext()
    return LoadContext(organization_directory(known), chains=tuple(chains_in(store)),
                       parks=tuple(parks_in(store)))


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
               threshold: float = DEFAULT_THRESHOLD, derive: bool = True) -> LoadOutcome:
    """Load `paths` as `kind`; a dry run reads and checks everything and writes nothing.

    With `resolve` (the default) every organisation goes through entity resolution together
    with those already in the graph, `overrides` (same / not_same pairs) winning; kinds whose
    ids are already resolved (RDF exported from a graph) skip it. Without `derive` the
    derived values are left stale: the caller must run `derive_after` when its loads end.
    """
    spec = loader_spec(kind)
    check_paths(spec, paths)
    known = _known_organizations(store)  # read once: the context and resolution share it
    context = _context(store, known)
    resolution = None
    if resolve and spec.resolves:
        organizations = ORGANIZATION_PASSES.get(kind)
        records, resolution = resolved_records(
            lambda: spec.load(list(paths), context), known, threshold=threshold,
            overrides=overrides,
            make_organizations=(lambda: organizations(list(paths))) if organizations else None)
    else:
        records = iter(spec.load(list(paths), context))
    report = run_load(None if dry_run else store, kind, records,
                      files=[str(p) for p in paths], dry_run=dry_run, batch_size=batch_size,
                      progress=progress)
    outcome = LoadOutcome(report, resolution=resolution)
    if dry_run or store is None or not derive:
        return outcome
    outcome.derived = derive_after(store, [kind])
    return outcome


def derive_after(store: GraphStore, kinds: Sequence[str]) -> dict[str, tuple[int, int]]:
    """Bring the derived values up to date after loads of `kinds` (in any order).

    After a chain or patents, chain membership is derived again for every chain (summaries
    included); after any other kind only the flags, summaries and HOLDS_IN that queries read
    are recomputed, since owners, in_park or countries may have changed (memberships stand).
    Returns per chain the (patent memberships, organisation links) derived, if derived.
    """
    membership = any(k == "chain" or loader_spec(k).derives_segments for k in kinds)
    derived: dict[str, tuple[int, int]] = {}
    for chain in chains_in(store):
        if membership:
            derived[chain] = derive_segment_membership(store, chain)
        else:
            materialise(store, chain)
    return derived
