"""A build of several kinds that derives once at the end leaves the graph that deriving after
every load leaves (`load_files(..., derive=False)` then `derive_after`), on both backends."""

from __future__ import annotations

from pathlib import Path

from innochain.graph.store import GraphStore
from innochain.loaders.load_files import derive_after, load_files
from tests.graph_checksum import graph_checksum, graph_lines, rel_counts

ROOT = Path(__file__).resolve().parents[2]
# A chain, the park's organisations, patents (membership to derive), then links and cases.
BUILD = (
    ("chain", ROOT / "seed_data" / "chains" / "pv.yaml"),
    ("parks", ROOT / "seed_data" / "park" / "parks.csv"),
    ("organizations", ROOT / "seed_data" / "park" / "organizations.csv"),
    ("cnipa", ROOT / "tests" / "fixtures" / "cnipa" / "cnipa_export.csv"),
    ("pv-supply-links", ROOT / "tests" / "fixtures" / "pv-supply-links" / "supply_links.csv"),
    ("supply-links", ROOT / "seed_data" / "park" / "supply-links.csv"),
)


def _build(store: GraphStore, *, derive_each: bool) -> tuple[dict[str, int], list[str]]:
    store.clear()
    store.ensure_schema()
    for kind, path in BUILD:
        outcome = load_files(store, kind, [path], derive=derive_each)
        assert outcome.derived == {} or derive_each
    if not derive_each:
        derived = derive_after(store, [kind for kind, _ in BUILD])
        assert set(derived) == {"pv"}  # a chain and patents were loaded: membership again
    return rel_counts(store), graph_lines(store)


def test_deriving_once_after_the_loads_gives_the_graph_of_deriving_after_each(
        store: GraphStore) -> None:
    each = _build(store, derive_each=True)
    once = _build(store, derive_each=False)
    assert once[0] == each[0]
    differ = sorted(set(once[1]) ^ set(each[1]))
    assert not differ, differ[:4]  # the lines of the graph that differ, whole
    assert each[0].get("IN_SEGMENT", 0) > 0 and each[0].get("HOLDS_IN", 0) > 0


def test_derive_after_other_kinds_only_recomputes_the_summaries(store: GraphStore) -> None:
    store.ensure_schema()
    for kind, path in BUILD[:4]:
        load_files(store, kind, [path])
    before = graph_checksum(store)
    assert derive_after(store, ["pv-supply-links", "supply-links"]) == {}
    assert graph_checksum(store) == before
