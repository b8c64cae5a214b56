"""RDF export -> import into an empty store gives the same graph, on FalkorDB and Neo4j."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal

from innochain.cli import cli
from innochain.graph.schema import MATERIALISED_PROPERTIES, MATERIALISED_REL_TYPES
from innochain.graph.store import GraphStore
from innochain.loaders.load_run import run_load
from innochain.loaders.rdf_loader import records
from innochain.rdf.export import WHOLE_GRAPH, Scope, export_rdf
from innochain.rdf.iris import node_of_iri
from innochain.rdf.mapping import LABEL_CLASS
from innochain.rdf.serializers import FORMATS
from tests.fixture_graph import build_fixture_graph
from tests.graph_checksum import graph_checksum, graph_lines, node_counts, rel_counts
from tests.rdf_fixture_graph import PARK, build_rdf_fixture

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "rdf"
RDFLIB_FORMAT = {"turtle": "turtle", "nt": "nt", "json-ld": "json-ld", "xml": "xml"}


def _data_counts(store: GraphStore) -> dict[str, int]:
    """Nodes per label without LoadRun (the load adds its own LoadRun node)."""
    return {k: v for k, v in node_counts(store).items() if k != "LoadRun"}


def _export(store: GraphStore, path: Path, fmt: str, scope: Scope = WHOLE_GRAPH) -> int:
    with path.open("wb") as fh:
        stats = export_rdf(store, fh, fmt, scope=scope, page_size=3)  # small pages: many joins
    assert not stats.warnings()
    return stats.triples


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_then_import_into_an_empty_store_is_exact(store: GraphStore, tmp_path: Path,
                                                         fmt: str) -> None:
    build_rdf_fixture(store)
    before = (graph_checksum(store), _data_counts(store), rel_counts(store))
    path = tmp_path / f"graph.{FORMATS[fmt]}"
    triples = _export(store, path, fmt)
    assert len(Graph().parse(path, format=RDFLIB_FORMAT[fmt])) == triples
    store.clear()
    report = run_load(store, "rdf", records([path]), files=[str(path)])
    assert report.rejects == []
    after = (graph_checksum(store), _data_counts(store), rel_counts(store))
    assert after == before, _diff(before, after)


def _diff(before: tuple, after: tuple) -> str:  # type: ignore[type-arg]
    return f"counts before {before[1:]} after {after[1:]}"


def _facts(store: GraphStore) -> list[str]:
    """graph_lines without what derive materialises (the export leaves it out: derive
    recomputes it after a load)."""
    derived_rels = {r.type for r in MATERIALISED_REL_TYPES}
    out = []
    for line in graph_lines(store):
        item = json.loads(line)
        if item[0] == "rel":
            if item[3] in derived_rels:
                continue
        else:
            derived = {p for label in item[1] for p in MATERIALISED_PROPERTIES.get(label, ())}
            item[2] = {k: v for k, v in item[2].items() if k not in derived}
        out.append(json.dumps(item, ensure_ascii=False, sort_keys=True))
    return sorted(out)


def test_the_shared_pack_fixture_round_trips_too(store: GraphStore, tmp_path: Path) -> None:
    build_fixture_graph(store)
    facts = _facts(store)
    path = tmp_path / "fixture.nt"
    _export(store, path, "nt")
    store.clear()
    report = run_load(store, "rdf", records([path]), files=[str(path)])
    assert report.rejects == []
    assert _facts(store) == facts


def test_sparql_over_the_export_answers_like_cypher(store: GraphStore, tmp_path: Path) -> None:
    build_rdf_fixture(store)
    frame = store.run((FIXTURES / "landscape_by_holder.cypher").read_text(), {"park": PARK})
    by_cypher = {r["segment"]: (r["park_patents"], r["foreign_patents"])
                 for r in frame.to_dict("records")}
    path = tmp_path / "graph.ttl"
    _export(store, path, "turtle")
    rows = Graph().parse(path).query((FIXTURES / "landscape_by_holder.rq").read_text(),
                                     initBindings={"wanted_park": Literal(PARK)})
    by_sparql = {str(r.segment): (float(r.park_patents), float(r.foreign_patents))
                 for r in rows}
    assert by_sparql.keys() == by_cypher.keys() == {"pv:cell", "pv:module", "pv:silicon"}
    for segment, (park, foreign) in by_cypher.items():
        assert math.isclose(by_sparql[segment][0], park, abs_tol=1e-9), segment
        assert math.isclose(by_sparql[segment][1], foreign, abs_tol=1e-9), segment
    assert math.isclose(by_cypher["pv:cell"][1], 0.5) and by_cypher["pv:cell"][0] == 1.0


def _nodes_in(path: Path) -> set[tuple[str, str]]:
    graph = Graph().parse(path)
    classes = set(LABEL_CLASS.values())
    return {node_of_iri(s) for s, o in graph.subject_objects(
        predicate=Graph().namespace_manager.expand_curie("rdf:type")) if o in classes}


def test_segment_subgraph_holds_its_patents_owners_and_classes(store: GraphStore,
                                                               tmp_path: Path) -> None:
    build_rdf_fixture(store)
    path = tmp_path / "cell.ttl"
    _export(store, path, "turtle", Scope(segment="pv:cell"))
    assert _nodes_in(path) == {
        ("Segment", "pv:cell"), ("Chain", "pv"), ("Technology", "pv:perc"),
        ("Patent", "CN114123456A"), ("Patent", "US9893215B2"),
        ("Organization", "org:longi"), ("Organization", "org:ybu"),
        ("Organization", "org:solarx"), ("CPC", "H01L31/18")}


def test_park_subgraph_holds_its_organisations_their_patents_and_links(
        store: GraphStore, tmp_path: Path) -> None:
    build_rdf_fixture(store)
    path = tmp_path / "park.nt"
    _export(store, path, "nt", Scope(park=PARK))
    assert _nodes_in(path) == {
        ("Park", PARK), ("Organization", "org:longi"), ("Organization", "org:sunrise"),
        ("Organization", "org:ybu"), ("Patent", "CN114123456A")}
    text = path.read_text(encoding="utf-8")
    assert "vocab#supplies" in text and "org%3Awacker" not in text  # links inside only


@pytest.mark.falkordb
def test_cli_export_rdf_writes_a_file_and_refuses_an_unknown_segment(
        falkordb_store: GraphStore, tmp_path: Path) -> None:
    build_rdf_fixture(falkordb_store)
    out = tmp_path / "g.jsonld"
    runner = CliRunner()
    done = runner.invoke(cli, ["export", "rdf", "--format", "json-ld", "--out", str(out),
                               "--uri", falkordb_store.uri])
    assert done.exit_code == 0, done.output
    assert len(Graph().parse(out, format="json-ld")) > 100
    refused = runner.invoke(cli, ["export", "rdf", "--segment", "pv:nope", "--out",
                                  str(tmp_path / "x.ttl"), "--uri", falkordb_store.uri])
    assert refused.exit_code == 1
    assert refused.output.strip().splitlines() == [
        "Error: no Segment 'pv:nope' in the graph: check the id (e.g. with the landscape pack) "
        "or load the chain template first"]
    assert not (tmp_path / "x.ttl").exists()
