"""One contract, both backends: what every GraphStore must do, run against real servers."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from innochain.errors import InnoChainError, ParameterTypeError
from innochain.graph.falkordb_store import FalkorDBStore
from innochain.graph.neo4j_store import Neo4jStore
from innochain.graph.store import GraphStore
from innochain.graph.writes import upsert_nodes, upsert_relationships

ORG_ROWS = [{"key": f"org:{i}", "props": {"name": f"企业{i}", "n": i}} for i in range(10_000)]


def _count(store: GraphStore, cypher: str) -> int:
    return int(store.run(cypher).iloc[0, 0])


def test_schema_creation_twice_is_harmless(store: GraphStore) -> None:
    store.ensure_schema()
    store.ensure_schema()
    upsert_nodes(store, "Patent", [{"key": "CN1A", "props": {"year": 2020}}])
    assert _count(store, "MATCH (p:Patent) RETURN count(p) AS c") == 1


def test_unique_key_is_enforced(store: GraphStore) -> None:
    store.ensure_schema()
    upsert_nodes(store, "Patent", [{"key": "CN1A", "props": {}}])
    with pytest.raises(InnoChainError):
        store.run("CREATE (:Patent {id: 'CN1A'})", read_only=False)
    assert _count(store, "MATCH (p:Patent) RETURN count(p) AS c") == 1


def test_write_batches_of_10000_rows_twice_gives_the_same_counts(store: GraphStore) -> None:
    store.ensure_schema()
    edges = [{"src": f"org:{i}", "dst": f"org:{(i * 7 + 1) % 10_000}", "props": {"since": 2020}}
             for i in range(10_000)]
    for _ in range(2):
        sent = upsert_nodes(store, "Organization", ORG_ROWS, role="Firm", batch_size=3_000)
        outcome = upsert_relationships(store, "SUPPLIES", "Organization", "Organization",
                                       edges, batch_size=3_000)
        assert sent == 10_000
        assert len(outcome.written) == 10_000 and outcome.dangling == []
        assert _count(store, "MATCH (n:Organization) RETURN count(n) AS c") == 10_000
        assert _count(store, "MATCH (n:Firm) RETURN count(n) AS c") == 10_000
        assert _count(store, "MATCH ()-[r:SUPPLIES]->() RETURN count(r) AS c") == 10_000


def test_role_labels_are_added_and_repeated_keys_merged(store: GraphStore) -> None:
    # A new node gets its role when created, one already there gets it set; repeats of a key
    # in one call are one node with the later properties, as MERGE gives.
    store.ensure_schema()
    upsert_nodes(store, "Organization", [{"key": "org:a", "props": {"name": "甲", "v": 0}}])
    sent = upsert_nodes(store, "Organization", [
        {"key": "org:a", "props": {"v": 1}}, {"key": "org:b", "props": {"v": 1, "w": 1}},
        {"key": "org:b", "props": {"v": 2}}], role="Firm")
    upsert_nodes(store, "Organization", [{"key": "org:b", "props": {"w": None}}],
                 role="Institute")
    frame = store.run("MATCH (n:Organization) RETURN n.id AS id, n.name AS name, n.v AS v, "
                      "n.w AS w, n:Firm AS firm, n:Institute AS institute ORDER BY id")
    assert sent == 2
    assert frame.to_dict("records") == [
        {"id": "org:a", "name": "甲", "v": 1, "w": None, "firm": True, "institute": False},
        {"id": "org:b", "name": None, "v": 2, "w": None, "firm": True, "institute": True}]


def test_relationship_to_a_missing_node_is_reported_not_created(store: GraphStore) -> None:
    store.ensure_schema()
    upsert_nodes(store, "Organization", ORG_ROWS[:2])
    outcome = upsert_relationships(store, "SUPPLIES", "Organization", "Organization", [
        {"src": "org:0", "dst": "org:1"}, {"src": "org:0", "dst": "org:nobody"}])
    assert outcome.written == {0}
    assert outcome.dangling == [1]
    assert _count(store, "MATCH (n) RETURN count(n) AS c") == 2


def test_relationship_identity_keeps_two_licences_of_different_patents(store: GraphStore) -> None:
    store.ensure_schema()
    upsert_nodes(store, "Organization", ORG_ROWS[:2])
    rows = [{"src": "org:0", "dst": "org:1", "rkey": {"patent": p}, "props": {"kind": "license"}}
            for p in ("CN1A", "CN2A", "CN1A")]
    upsert_relationships(store, "LICENSED", "Organization", "Organization", rows)
    assert _count(store, "MATCH ()-[r:LICENSED]->() RETURN count(r) AS c") == 2


def test_read_only_calls_reject_writes(store: GraphStore) -> None:
    store.ensure_schema()
    with pytest.raises(InnoChainError, match="read-only"):
        store.run("CREATE (:Organization {id: 'x'})", read_only=True)
    with pytest.raises(InnoChainError):
        store.run("MERGE (n:Organization {id: 'x'}) SET n.name = 'y'")
    assert _count(store, "MATCH (n) RETURN count(n) AS c") == 0


@pytest.mark.parametrize("value", [
    "隆基绿能科技股份有限公司", "", None, ["a", "中文", ""], [1, 2, 3], 2**62, -(2**62),
    3.25, True, False, 'quote " backslash \\ newline \n tab \t', "/* not a comment */ // x",
])
def test_values_round_trip(store: GraphStore, value: object) -> None:
    store.ensure_schema()
    upsert_nodes(store, "Organization", [{"key": "k", "props": {"v": value}}])
    got = store.run("MATCH (n:Organization {id: $id}) RETURN n.v AS v", {"id": "k"}).iloc[0]["v"]
    assert got == value if value is not None else got is None
    echoed = store.run("RETURN $v AS v", {"v": value}).iloc[0]["v"]
    assert echoed == value if value is not None else echoed is None


@pytest.mark.parametrize("bad", [dt.date(2020, 1, 1), object(), float("nan"), 2**70,
                                 {"a": dt.datetime(2020, 1, 1)}, [1, {2, 3}]])
def test_a_parameter_that_is_not_a_plain_type_is_refused(store: GraphStore, bad: object) -> None:
    with pytest.raises(ParameterTypeError, match="parameter v"):
        store.run("RETURN $v AS v", {"v": bad})


def test_empty_result_keeps_its_columns(store: GraphStore) -> None:
    store.ensure_schema()
    frame = store.run("MATCH (n:Patent) RETURN n.id AS id, n.year AS year")
    assert frame.empty and list(frame.columns) == ["id", "year"]


def test_query_tag_does_not_change_the_answer(store: GraphStore) -> None:
    frame = store.run("RETURN 1 AS one", tag="landscape.chain_map")
    assert frame.iloc[0]["one"] == 1


def test_clear_removes_everything(store: GraphStore) -> None:
    store.ensure_schema()
    upsert_nodes(store, "Organization", ORG_ROWS[:50])
    store.clear()
    store.ensure_schema()
    assert _count(store, "MATCH (n) RETURN count(n) AS c") == 0


def _reopen_read_only(store: GraphStore) -> GraphStore:
    if isinstance(store, FalkorDBStore):
        return FalkorDBStore(store.uri, data_dir=store.data_dir,
                             graph=store.graph_name, read_only=True)
    return Neo4jStore(store.uri, read_only=True)


def test_a_store_opened_read_only_cannot_write_even_when_asked(store: GraphStore) -> None:
    store.ensure_schema()
    upsert_nodes(store, "Organization", ORG_ROWS[:3])
    reader = _reopen_read_only(store)
    try:
        with pytest.raises(InnoChainError, match="refused"):
            reader.run("MATCH (n:Organization) DETACH DELETE n", read_only=False)
        with pytest.raises(InnoChainError, match="refused"):
            upsert_nodes(reader, "Organization", [{"key": "new", "props": {}}])
        assert _count(reader, "MATCH (n:Organization) RETURN count(n) AS c") == 3
    finally:
        reader.close()


def test_the_same_relationship_twice_in_one_batch_is_written_once_and_reported_written(
        store: GraphStore) -> None:
    store.ensure_schema()
    upsert_nodes(store, "Organization", ORG_ROWS[:2])
    rows = [{"src": "org:0", "dst": "org:1", "props": {"product": "硅片"}},
            {"src": "org:0", "dst": "org:1", "props": {"product": "电池片"}}]
    outcome = upsert_relationships(store, "SUPPLIES", "Organization", "Organization", rows)
    assert outcome.written == {0, 1} and outcome.dangling == []
    frame = store.run("MATCH ()-[r:SUPPLIES]->() RETURN r.product AS product")
    assert frame["product"].tolist() == ["电池片"]


@pytest.mark.neo4j
def test_neo4j_says_nothing_of_relationship_types_the_graph_lacks(
        neo4j_store: GraphStore, caplog: pytest.LogCaptureFixture) -> None:
    """A pack names types a park may not have yet (no licences): no warning per query."""
    with caplog.at_level(logging.DEBUG, logger="neo4j"):
        frame = neo4j_store.run("MATCH ()-[r:NEVER_WRITTEN_TYPE]->() RETURN count(r) AS n",
                                read_only=True)
    assert int(frame.iloc[0]["n"]) == 0
    noted = [r.getMessage() for r in caplog.records if "UnknownRelationshipType" in
             r.getMessage() or "relationship type" in r.getMessage().lower()]
    assert not noted, noted[:1]
