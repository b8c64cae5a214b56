"""The vocabulary covers the graph model, is closed, and matches the published Turtle."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph

from innochain.graph.schema import (
    MATERIALISED_PROPERTIES,
    NODE_TYPES,
    ORGANIZATION_ROLES,
    REL_TYPES,
)
from innochain.rdf.export import cypher_text
from innochain.rdf.mapping import EXPORTED_LABELS, PROPERTIES, REL_PREDICATE
from innochain.rdf.vocabulary import IC, VOCAB_IRI, term_names

ROOT = Path(__file__).resolve().parents[3]


def _published() -> Graph:
    text = (files("innochain.rdf") / "innochain.ttl").read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def test_a_typo_in_a_term_fails_at_once() -> None:
    assert str(IC.Patent) == VOCAB_IRI + "Patent"
    with pytest.raises(AttributeError):
        _ = IC.Patnet


def test_the_turtle_and_the_namespace_list_the_same_terms() -> None:
    graph = _published()
    declared = {str(s)[len(VOCAB_IRI):] for s in graph.subjects(RDF.type, None)
                if str(s).startswith(VOCAB_IRI)}
    assert declared == set(term_names())


def test_every_term_has_a_label_and_a_comment_in_chinese_and_english() -> None:
    graph = _published()
    for name in term_names():
        for predicate in (RDFS.label, RDFS.comment):
            langs = {getattr(o, "language", None) for o in graph.objects(IC[name], predicate)}
            assert langs == {"zh", "en"}, (name, predicate)


def test_every_label_relationship_and_documented_property_has_a_term() -> None:
    names = set(term_names())
    assert {n.label for n in NODE_TYPES} | set(ORGANIZATION_ROLES) <= names
    assert set(REL_PREDICATE) == {r.type for r in REL_TYPES}
    derived = {p for props in MATERIALISED_PROPERTIES.values() for p in props} - set(PROPERTIES)
    assert _documented_properties() - derived == set(PROPERTIES)  # derive's values: not exported


def _documented_properties() -> set[str]:
    """First backticked word of each comma-separated item in the property tables."""
    text = (ROOT / "docs" / "graph-model.md").read_text(encoding="utf-8")
    found: set[str] = set()
    for line in text.splitlines():
        if not line.startswith("| `"):
            continue
        cell = line.rstrip("|").split("|")[2]
        while re.search(r"\([^()]*\)", cell):
            cell = re.sub(r"\([^()]*\)", "", cell)
        found |= {w for w in re.findall(r"`([^`]+)`", cell) if re.fullmatch(r"[a-z][a-z0-9_]*", w)}
    return found


def test_established_equivalents_are_declared_in_the_turtle() -> None:
    graph = _published()
    for spec in PROPERTIES.values():
        if spec.predicate != spec.term:
            assert (spec.term, OWL.equivalentProperty, spec.predicate) in graph, spec.name


def test_every_exported_label_has_its_paging_queries_in_the_package() -> None:
    keys = {n.label: n.key for n in NODE_TYPES}
    for label in EXPORTED_LABELS:
        assert f"n.{keys[label]} > $after" in cypher_text(f"keys_{label.lower()}")
        assert f"MATCH (n:{label} {{{keys[label]}: k}})" in cypher_text(f"page_{label.lower()}")
        assert f"MATCH (n:{label} {{{keys[label]}: k}})-[r]->(b)" in \
            cypher_text(f"edges_{label.lower()}")
    assert "LoadRun" not in EXPORTED_LABELS
