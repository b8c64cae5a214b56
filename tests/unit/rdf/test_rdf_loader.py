"""The rdf loader: records from a file in the vocabulary, rejects in words, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from innochain.errors import LoadError
from innochain.loaders.rdf_loader import graph_records, parse_rdf, records
from innochain.loaders.records import EdgeRecord, NodeRecord, Reject

PREFIXES = """@prefix ic: <https://w3id.org/innochain/vocab#> .
@prefix id: <https://w3id.org/innochain/id/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .
@prefix org: <http://www.w3.org/ns/org#> .
"""
LONGI = "<https://w3id.org/innochain/id/organization/org%3Alongi>"
YBU = "<https://w3id.org/innochain/id/organization/org%3Aybu>"


def _load(tmp_path: Path, body: str, name: str = "g.ttl") -> list[object]:
    path = tmp_path / name
    path.write_text(PREFIXES + body, encoding="utf-8")
    return list(records([path]))


def test_nodes_with_roles_lists_and_typed_values(tmp_path: Path) -> None:
    got = _load(tmp_path, f"""{LONGI} a ic:Organization, ic:Firm, org:Organization ;
        schema:name "隆基" ; ic:aliases ("隆基" "LONGi") ; ic:founded 2000 ; ic:inPark true ;
        prov:hadPrimarySource <https://w3id.org/innochain/id/source/template%3Aorgs> .""")
    assert got == [NodeRecord("Organization", "org:longi",
                              {"name": "隆基", "aliases": ["隆基", "LONGi"], "founded": 2000,
                               "in_park": True, "source": "template:orgs"},
                              got[0].origin, "Firm")]  # type: ignore[union-attr]


def test_a_statement_carries_the_edge_properties_and_its_plain_triple_is_not_doubled(
        tmp_path: Path) -> None:
    got = _load(tmp_path, f"""{LONGI} a ic:Organization . {YBU} a ic:Organization .
        {YBU} ic:licensed {LONGI} .
        id:rel\\/licensed\\/1 a rdf:Statement ; rdf:subject {YBU} ; rdf:predicate ic:licensed ;
            rdf:object {LONGI} ; ic:patent "CN1A" ; ic:date "2022-01-10"^^xsd:date .
        id:rel\\/licensed\\/2 a rdf:Statement ; rdf:subject {YBU} ; rdf:predicate ic:licensed ;
            rdf:object {LONGI} ; ic:patent "CN2B" .""")
    edges = [r for r in got if isinstance(r, EdgeRecord)]
    assert sorted((e.rkey or {}).get("patent") for e in edges) == ["CN1A", "CN2B"]
    assert [e.props.get("date") for e in edges if e.props["patent"] == "CN1A"] == ["2022-01-10"]


@pytest.mark.parametrize(("body", "field", "words"), [
    (f"{LONGI} a ic:Widget .", "rdf:type", "unknown class"),
    (f"{LONGI} a ic:Organization ; ic:colour \"red\" .", "ic:colour", "unknown property"),
    ("<https://example.org/x> a ic:Organization .", "subject", "outside the InnoChain id"),
    (f"{LONGI} a ic:Organization ; ic:founded \"2000\" .", "founded", "expects int"),
    (f"{LONGI} a ic:Organization ; ic:founded \"20x0\"^^xsd:integer .", "founded", "not a valid"),
    (f"{LONGI} a ic:Organization ; ic:aliases \"隆基\" .", "aliases", "rdf:List"),
    (f"{LONGI} a ic:Patent .", "rdf:type", "must have the one class"),
    (f"{LONGI} a ic:Organization ; ic:owns <https://example.org/p> .", "ic:owns", "outside"),
    (f"{LONGI} a ic:Organization ; ic:cites {YBU} .", "ic:cites", "does not join"),
    ("id:rel\\/party_to\\/1 a rdf:Statement ; rdf:subject <https://w3id.org/innochain/id/"
     "organization/a> ; rdf:predicate ic:partyTo ; rdf:object <https://w3id.org/innochain/id/"
     "case/c> .", "side", "needs side"),
])
def test_rejects_name_the_subject_field_and_reason(tmp_path: Path, body: str, field: str,
                                                   words: str) -> None:
    got = _load(tmp_path, body)
    rejects = [r for r in got if isinstance(r, Reject)]
    assert len(rejects) == 1 and rejects[0].field == field and words in rejects[0].reason, got
    assert rejects[0].line == 1 and rejects[0].file.endswith("g.ttl")
    assert not [r for r in got if isinstance(r, NodeRecord)]


def test_malformed_rdf_is_one_line_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.ttl"
    path.write_text(PREFIXES + f"{LONGI} a ic:Organization ;; schema:name \"x\" ", "utf-8")
    with pytest.raises(LoadError) as err:
        parse_rdf(path)
    message = str(err.value)
    assert "\n" not in message and str(path) in message and "not valid turtle RDF" in message


def test_an_unknown_suffix_asks_for_the_format(tmp_path: Path) -> None:
    path = tmp_path / "graph.dat"
    path.write_text("", "utf-8")
    with pytest.raises(LoadError, match="cannot tell the RDF format"):
        parse_rdf(path)
    assert list(graph_records(parse_rdf(path, "nt"), str(path))) == []


def test_nodes_come_before_relationships_whatever_the_iris(tmp_path: Path) -> None:
    """run_load writes edges in batches as they come: an edge finds only earlier nodes."""
    seg = "<https://w3id.org/innochain/id/segment/s>"
    pat = "<https://w3id.org/innochain/id/patent/P1>"
    got = _load(tmp_path, f"""{seg} a ic:Segment . {pat} a ic:Patent .
        id:rel\\/in_segment\\/1 a rdf:Statement ; rdf:subject {pat} ;
            rdf:predicate ic:inSegment ; rdf:object {seg} ; ic:weight 0.5e0 .""")
    kinds = [type(r).__name__ for r in got]
    assert kinds == ["NodeRecord", "NodeRecord", "EdgeRecord"]
    assert [r.origin.line for r in got] == [1, 2, 3]  # type: ignore[union-attr]
