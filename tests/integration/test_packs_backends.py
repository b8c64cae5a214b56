"""Every pack query on both engines: Neo4j's parser accepts each file, and the rows agree.

Queries run with the examples from their headers (required parameters only) on the fixture
park; the same rows must come back from FalkorDB and Neo4j once ints and floats are made
comparable. This covers every pack found, not only the five analysis packs.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from innochain.graph.store import GraphStore
from innochain.queries.pack_library import load_library
from innochain.queries.runner import run
from tests.fixture_graph import build_fixture_graph

LIBRARY = load_library()
PUBLIC = LIBRARY.public_ids()


def _example_params(query_id: str) -> dict[str, Any]:
    spec = LIBRARY.query(query_id)
    return {n: p.example for n, p in spec.params.items() if p.required}


def _comparable(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return None if isinstance(value, float) and math.isnan(value) else round(float(value), 9)
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in sorted(value.items())}
    return value


def _rows(store: GraphStore, query_id: str) -> list[dict[str, Any]]:
    frame = run(store, query_id, _example_params(query_id), library=LIBRARY).frame
    return [{k: _comparable(v) for k, v in r.items()} for r in frame.to_dict("records")]


@pytest.fixture(scope="module")
def both(falkordb_dir: Any, neo4j_uri: str) -> Any:
    """The fixture park on both engines, built once for this module."""
    import os
    import uuid

    from innochain.graph.falkordb_store import FalkorDBStore
    from innochain.graph.neo4j_store import Neo4jStore

    graph = f"t_{uuid.uuid4().hex[:12]}"
    falkor = FalkorDBStore(f"falkordb://{falkordb_dir}?graph={graph}", data_dir=falkordb_dir,
                           graph=graph)
    neo = Neo4jStore(neo4j_uri, username=os.environ.get("NEO4J_USERNAME"),
                     password=os.environ.get("NEO4J_PASSWORD"))
    neo.clear()
    build_fixture_graph(falkor)
    build_fixture_graph(neo)
    yield falkor, neo
    falkor.clear()
    falkor.close()
    neo.clear()
    neo.close()


@pytest.mark.falkordb
@pytest.mark.neo4j
@pytest.mark.parametrize("query_id", PUBLIC)
def test_same_rows_on_falkordb_and_neo4j(both: Any, query_id: str) -> None:
    falkor, neo = both
    falkor_rows, neo_rows = _rows(falkor, query_id), _rows(neo, query_id)
    assert falkor_rows == neo_rows


@pytest.mark.neo4j
@pytest.mark.parametrize("query_id", sorted(LIBRARY.queries))
def test_neo4j_parses_each_file_unchanged(both: Any, query_id: str) -> None:
    _, neo = both
    text = LIBRARY.query(query_id).path.read_text(encoding="utf-8")
    # The whole file, header comment included, is what a user pastes into Neo4j Browser.
    neo.run("EXPLAIN " + text, _example_params(query_id) | _all_params(query_id))


def _all_params(query_id: str) -> dict[str, Any]:
    spec = LIBRARY.query(query_id)
    return {n: (p.default if p.default is not None else None) for n, p in spec.params.items()
            if not p.required}


@pytest.mark.neo4j
@pytest.mark.parametrize("query_id", [q for q in PUBLIC
                                      if not LIBRARY.query(q).params
                                      or all(p.example is not None
                                             for p in LIBRARY.query(q).params.values()
                                             if p.required)])
def test_whole_files_run_on_neo4j(both: Any, query_id: str) -> None:
    _, neo = both
    text = LIBRARY.query(query_id).path.read_text(encoding="utf-8")
    frame = neo.run(text, _example_params(query_id) | _all_params(query_id))
    assert list(frame.columns) == list(LIBRARY.query(query_id).columns)
