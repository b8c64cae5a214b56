"""Read-only by construction: hostile parameter values never change the graph.

Every parameter of every pack query gets each value of an adversarial corpus (Cypher
fragments, quotes, backticks, comment markers, look-alike characters, a 1 MB string, nested
maps) while the query's other parameters keep their header examples. A refusal is fine; a
write is not: the graph's checksum must be the same afterwards, on both backends. The stores
the dashboard and `innochain query` open (`read_only=True`) must refuse a write outright.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

from innochain.errors import InnoChainError
from innochain.graph.connect import open_store
from innochain.graph.store import GraphStore
from innochain.queries.pack_library import load_library
from innochain.queries.runner import run
from innochain.settings import Settings
from tests.fixture_graph import PARK, build_fixture_graph
from tests.graph_checksum import graph_checksum, node_counts

LIBRARY = load_library()
PUBLIC = LIBRARY.public_ids()
WRITES = ("CREATE (:Injected {id: 'x'})", "MATCH (n) DETACH DELETE n",
          "MATCH (n) SET n.pwned = true")

# Each value tries to end the string or identifier it lands in and append a write.
ADVERSARIAL: list[Any] = [
    "x'}) DETACH DELETE n //",
    'x"}) DETACH DELETE n //',
    "park:demo' OR 1=1 MATCH (n) DETACH DELETE n //",
    "`) DETACH DELETE n //",
    "x*/ MATCH (n) DETACH DELETE n /*",
    "// MATCH (n) DETACH DELETE n\n",
    "x\n}) CREATE (:Injected {id: 'x'}) RETURN 1 //",
    "\\' }) SET n.pwned = true //",
    "$park_id",
    "{id: 'x'}",
    "ｐａｒｋ：ｄｅｍｏ＇｝）ＤＥＴＡＣＨ ＤＥＬＥＴＥ ｎ",  # full-width look-alikes
    "park:demo\u200b\u2028\u0000",  # zero-width, line separator, NUL
    "\u02bcx\u02bc}) DETACH DELETE n //",  # modifier-letter apostrophe
    "x" * 1_000_000,
    "",
    "-1",
    "9223372036854775808",
    "NaN",
    {"id": "x'}) DETACH DELETE n //", "nested": {"deeper": ["`", "*/"]}},
    ["x'}) DETACH DELETE n //", "`)"],
    [{"a": {"b": "') DETACH DELETE n //"}}],
]


def _ids(value: Any) -> str:
    text = repr(value)
    return text[:40] + ("..." if len(text) > 40 else "")


def _example_params(query_id: str) -> dict[str, Any]:
    spec = LIBRARY.query(query_id)
    return {n: p.example for n, p in spec.params.items() if p.example is not None}


def _hostile_runs(store: GraphStore, query_id: str) -> tuple[int, int]:
    """Every adversarial value in every parameter of one query: (ran, refused)."""
    ran = refused = 0
    spec = LIBRARY.query(query_id)
    for name in spec.params:
        for value in ADVERSARIAL:
            params = {**_example_params(query_id), name: value}
            try:
                run(store, query_id, params, library=LIBRARY)
                ran += 1
            except InnoChainError:
                refused += 1  # a refused parameter is fine, a write is not
    return ran, refused


@pytest.fixture
def fixture_park(store: GraphStore) -> GraphStore:
    return build_fixture_graph(store)


def test_no_parameter_value_changes_the_graph_through_any_pack_query(
        fixture_park: GraphStore) -> None:
    before = graph_checksum(fixture_park)
    ran = refused = 0
    for query_id in PUBLIC:
        r, f = _hostile_runs(fixture_park, query_id)
        ran, refused = ran + r, refused + f
        assert graph_checksum(fixture_park) == before, f"{query_id} changed the graph"
    assert "Injected" not in node_counts(fixture_park)
    assert ran > 0 and refused > 0  # both paths were taken: values ran and were refused


def _settings_of(store: GraphStore) -> Settings:
    """Settings naming the same graph, as the dashboard would build them."""
    return Settings(graph_uri=store.uri, neo4j_username=os.environ.get("NEO4J_USERNAME"),
                    neo4j_password=os.environ.get("NEO4J_PASSWORD"))


@pytest.mark.parametrize("cypher", WRITES)
def test_a_read_only_store_refuses_writes_even_when_asked_to_write(
        fixture_park: GraphStore, cypher: str) -> None:
    before = graph_checksum(fixture_park)
    reader = open_store(_settings_of(fixture_park), read_only=True)
    try:
        with pytest.raises(InnoChainError):
            reader.run(cypher, read_only=False)
        with pytest.raises(InnoChainError):
            reader.write_batches("UNWIND $rows AS r CREATE (:Injected {id: r.id})",
                                 [{"id": "x"}])
        assert not run(reader, "landscape.chain_map", {"park_id": PARK}).frame.empty
    finally:
        reader.close()
    assert graph_checksum(fixture_park) == before


@pytest.mark.falkordb
def test_the_query_command_opens_a_read_only_store(falkordb_store: GraphStore,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    import innochain.graph.connect as connect
    from innochain.cli import cli

    build_fixture_graph(falkordb_store)
    opened: list[bool] = []
    real = connect.open_store

    def spy(settings: Settings | None = None, *, read_only: bool = False) -> GraphStore:
        opened.append(read_only)
        return real(settings, read_only=read_only)

    monkeypatch.setattr(connect, "open_store", spy)
    done = CliRunner().invoke(cli, ["query", "landscape.chain_map", "-p", f"park_id={PARK}",
                                      "--uri", falkordb_store.uri])
    assert done.exit_code == 0, done.output
    assert opened == [True]



@pytest.mark.falkordb
@pytest.mark.parametrize("cypher", WRITES)
def test_a_read_only_store_refuses_writes_on_a_graph_that_does_not_exist_yet(
        falkordb_store: GraphStore, cypher: str) -> None:
    missing = f"{falkordb_store.uri.split('?')[0]}?graph=never_created_{len(cypher)}"
    reader = open_store(Settings(graph_uri=missing), read_only=True)
    try:
        with pytest.raises(InnoChainError, match="read-only query tried to write"):
            reader.run(cypher, read_only=False)
        with pytest.raises(InnoChainError, match="read-only query tried to write"):
            reader.write_batches("UNWIND $rows AS r CREATE (:Injected {id: r.id})",
                                 [{"id": "x"}])
        # still no graph (an existing one, even empty, would answer count 0): nothing written
        assert reader.run("MATCH (n) RETURN count(n) AS n").empty
    finally:
        reader.close()
