"""A load into an empty FalkorDB graph takes the create-only path (GRAPH.BULK) and leaves the
graph the MERGE path leaves: the same content checksum, counts, report and rejects."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from innochain.errors import InnoChainError
from innochain.graph import falkordb_bulk
from innochain.graph.falkordb_store import FalkorDBStore
from innochain.graph.schema import schema_plan
from innochain.graph.store import GraphStore
from innochain.graph.store_proxy import StoreProxy
from innochain.loaders.chain_template import load_chain_template
from innochain.loaders.load_run import LoadReport, run_load
from innochain.loaders.records import EdgeRecord, NodeRecord, Origin, Record, Reject
from innochain.loaders.synthetic_patents import generate_portfolio, power_law_holders, supply_links
from tests.graph_checksum import graph_checksum, node_counts, rel_counts

pytestmark = pytest.mark.falkordb
PV = Path(__file__).resolve().parents[2] / "seed_data" / "chains" / "pv.yaml"


class MergeOnly(StoreProxy):
    """The same store without the create-only capability: every load goes through MERGE."""


@pytest.fixture
def merge_store(falkordb_dir: Path) -> Iterator[FalkorDBStore]:
    """A second empty graph on the session's server, for the MERGE path."""
    store = FalkorDBStore(f"falkordb://{falkordb_dir}?graph=merge_twin", data_dir=falkordb_dir,
                          graph="merge_twin")
    store.clear()
    store.ensure_schema()
    yield store
    store.clear()
    store.close()


def _synthetic(patents: int) -> list[Record]:
    template = load_chain_template(PV)
    holders = power_law_holders(template, max(patents // 50, 5), seed=11)
    return [*generate_portfolio(template, holders, patents, seed=11),
            *supply_links(template, holders, per_holder=3.0, seed=12)]


def _hand_made() -> list[Record]:
    """Repeats before and after a batch went out, roles, nulls, identities, dangling links."""
    def o(line: int) -> Origin:
        return Origin("hand.csv", line)
    return [
        NodeRecord("Organization", "a", {"name": "甲", "tags": ["x", "y"], "size": 3}, o(2),
                   role="Firm"),
        NodeRecord("Organization", "b", {"name": "乙", "score": 1.5, "in_park": True}, o(3),
                   role="Institute"),
        NodeRecord("Patent", "P1", {"year": 2020, "title": 'quote " and \\ back'}, o(4)),
        NodeRecord("Patent", "P2", {"year": 2021}, o(5)),
        EdgeRecord("OWNS", "Organization", "a", "Patent", "P1", {"sequence": 1}, o(6)),
        EdgeRecord("LICENSED", "Organization", "b", "Organization", "a", {"year": 2022}, o(7),
                   rkey={"patent": "P1"}),
        EdgeRecord("LICENSED", "Organization", "b", "Organization", "a", {"year": 2023}, o(8),
                   rkey={"patent": "P2"}),
        Reject("hand.csv", 9, "name", "", "empty name"),
        NodeRecord("Organization", "a", {"size": None, "region": "苏州"}, o(10), role="Firm"),
        NodeRecord("Organization", "b", {"name": "乙研究院"}, o(11), role="Firm"),
        EdgeRecord("OWNS", "Organization", "a", "Patent", "P1", {"sequence": 2}, o(12)),
        EdgeRecord("LICENSED", "Organization", "b", "Organization", "a", {"exclusive": True},
                   o(13), rkey={"patent": "P1"}),
        EdgeRecord("SUPPLIES", "Organization", "a", "Organization", "ghost", {}, o(14),
                   field_name="customer"),
        EdgeRecord("OWNS", "Organization", "nobody", "Patent", "P9", {}, o(15),
                   field_name="patent", src_field="holder"),
        NodeRecord("Patent", "P1", {"year": 2019}, o(16)),
        NodeRecord("Patent", "P2", {"year": 2021}, o(17)),
        NodeRecord("Patent", "P1", {"year": 2020, "title": 'quote " and \\ back'}, o(18)),
    ]


def _same_outcome(fast: GraphStore, merge: GraphStore, records: list[Record],
                  batch_size: int = 5000) -> LoadReport:
    fast_report = run_load(fast, "t", iter(records), files=["hand.csv"], batch_size=batch_size)
    merge_report = run_load(MergeOnly(merge), "t", iter(records), files=["hand.csv"],
                            batch_size=batch_size)
    assert graph_checksum(fast) == graph_checksum(merge)
    assert (node_counts(fast), rel_counts(fast)) == (node_counts(merge), rel_counts(merge))
    assert (fast_report.rows_read, fast_report.rows_rejected, fast_report.edges) == \
        (merge_report.rows_read, merge_report.rows_rejected, merge_report.edges)
    assert fast_report.rejects == merge_report.rejects
    return fast_report


@pytest.mark.parametrize("batch", [1, 3, 5000])
def test_repeats_roles_nulls_identities_and_dangling_links_give_the_merge_graph(
        falkordb_store: FalkorDBStore, merge_store: FalkorDBStore,
        monkeypatch: pytest.MonkeyPatch, batch: int) -> None:
    monkeypatch.setattr(falkordb_bulk, "BATCHES_PER_CALL", 1)  # 3: repeats after a send
    report = _same_outcome(falkordb_store, merge_store, _hand_made(), batch)
    assert report.rows_rejected == 3
    reasons = {r.line: r.reason for r in report.rejects}
    assert "unknown Organization 'ghost'" in reasons[14]
    assert "unknown Organization 'nobody' and unknown Patent 'P9'" in reasons[15]
    a = falkordb_store.run("MATCH (n:Organization {id: 'a'}) RETURN properties(n) AS p, "
                           "labels(n) AS l").iloc[0]
    assert dict(a["p"]) == {"id": "a", "name": "甲", "tags": ["x", "y"], "region": "苏州"}
    b_labels = falkordb_store.run("MATCH (n:Organization {id: 'b'}) RETURN labels(n) AS l")
    assert sorted(b_labels.iloc[0]["l"]) == ["Firm", "Institute", "Organization"]
    licences = falkordb_store.run("MATCH ()-[r:LICENSED]->() RETURN r.patent AS p, "
                                  "r.exclusive AS x ORDER BY p")
    assert licences.values.tolist() == [["P1", True], ["P2", None]]


@pytest.mark.parametrize("batch", [97, 5000])
def test_synthetic_patents_give_the_merge_graph(
        falkordb_store: FalkorDBStore, merge_store: FalkorDBStore, batch: int) -> None:
    report = _same_outcome(falkordb_store, merge_store, _synthetic(1_500), batch)
    assert report.rows_rejected == 0 and report.edges > 5_000


@pytest.mark.shared_data
def test_the_patentsview_sample_gives_the_merge_graph(
        falkordb_store: FalkorDBStore, merge_store: FalkorDBStore, shared_data: Path) -> None:
    from innochain.loaders.load_files import load_files

    folder = shared_data / "patentsview-sample"
    fast = load_files(falkordb_store, "patentsview", [folder]).report
    merge = load_files(MergeOnly(merge_store), "patentsview", [folder]).report
    assert graph_checksum(falkordb_store) == graph_checksum(merge_store)
    assert node_counts(falkordb_store) == node_counts(merge_store)
    assert rel_counts(falkordb_store) == rel_counts(merge_store)
    assert (fast.rows_read, fast.rows_rejected) == (merge.rows_read, merge.rows_rejected)


def test_only_an_empty_graph_takes_the_create_only_path_and_a_reload_changes_nothing(
        falkordb_store: FalkorDBStore, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[bool] = []
    real = FalkorDBStore.open_fresh_load

    def spy(self: FalkorDBStore, batch_size: int = 5000) -> Any:
        fresh = real(self, batch_size)
        opened.append(fresh is not None)
        return fresh

    monkeypatch.setattr(FalkorDBStore, "open_fresh_load", spy)
    records = _synthetic(300)
    run_load(falkordb_store, "t", iter(records), files=["x"])
    first = graph_checksum(falkordb_store)
    again = run_load(falkordb_store, "t", iter(records), files=["x"])
    assert opened == [True, False]  # the second load found nodes: MERGE
    assert graph_checksum(falkordb_store) == first and again.rows_rejected == 0
    more = [NodeRecord("Patent", "EXTRA1", {"year": 2024}, Origin("y", 1))]
    run_load(falkordb_store, "t", iter(more), files=["y"])
    assert opened == [True, False, False]
    assert node_counts(falkordb_store)["Patent"] == 301  # nothing was cleared


def test_indexes_and_unique_keys_hold_after_a_fresh_load(falkordb_store: FalkorDBStore) -> None:
    run_load(falkordb_store, "t", iter(_synthetic(200)), files=["x"])
    indexed = falkordb_store.run("CALL db.indexes() YIELD label, properties "
                                 "RETURN label, properties")
    have = {(r["label"], p) for r in indexed.to_dict("records") for p in r["properties"]}
    assert {(i.label, i.prop) for i in schema_plan().indexes} <= have
    assert falkordb_store.run("MATCH (r:LoadRun) RETURN count(r) AS n").iloc[0]["n"] == 1
    some = falkordb_store.run("MATCH (p:Patent) RETURN p.id AS id LIMIT 1").iloc[0]["id"]
    with pytest.raises(InnoChainError, match="unique"):
        falkordb_store.run("CREATE (:Patent {id: $id})", {"id": some}, read_only=False)


@pytest.mark.parametrize("bad", [{"m": 1}, [1, None]])
def test_a_value_the_graph_refuses_fails_the_fresh_load_as_it_fails_merge(
        falkordb_store: FalkorDBStore, merge_store: FalkorDBStore, bad: object) -> None:
    records: list[Record] = [NodeRecord("Patent", "P1", {"x": bad}, Origin("f", 1))]
    with pytest.raises(InnoChainError):
        run_load(MergeOnly(merge_store), "t", iter(records), files=["f"])
    with pytest.raises(InnoChainError):
        run_load(falkordb_store, "t", iter(records), files=["f"])


def test_a_nul_in_a_string_is_stored_as_the_replacement_character_on_both_paths(
        falkordb_store: FalkorDBStore, merge_store: FalkorDBStore) -> None:
    # FalkorDB's parser ends a string at NUL; a cell holding one must not fail the load.
    records: list[Record] = [
        NodeRecord("Organization", "n1", {"name": "bad\x00name"}, Origin("nul.csv", 2)),
        NodeRecord("Organization", "n2", {"name": "fine"}, Origin("nul.csv", 3)),
    ]
    report = _same_outcome(falkordb_store, merge_store, records)
    assert report.rows_rejected == 0
    names = falkordb_store.run("MATCH (n:Organization) RETURN n.name AS name ORDER BY name")
    assert names["name"].tolist() == ["bad\ufffdname", "fine"]
