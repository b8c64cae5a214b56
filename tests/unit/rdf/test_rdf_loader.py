"""The rdf loader: records from a file in the vocabulary, rejects in words, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from innochain.errors import LoadError
from innochain.loaders.rdf_loader import graph_records, parse_rdf, records
from innochain.loaders.records import EdgeRecord, NodeRecord, Reject
from innochain.rdf.serializers import NT_GROUPED_MARK

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


NT_PREFIX = "https://w3id.org/innochain/"
ORG_A = f"<{NT_PREFIX}id/organization/org%3Aa>"
ORG_B = f"<{NT_PREFIX}id/organization/org%3Ab>"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
NT_BODY = f"""{ORG_A} {TYPE} <{NT_PREFIX}vocab#Organization> .
{ORG_A} <{NT_PREFIX}vocab#aliases> _:l1 .
_:l1 <{RDF}first> "A" .
_:l1 <{RDF}rest> _:l1_1 .
_:l1_1 <{RDF}first> "甲" .
_:l1_1 <{RDF}rest> <{RDF}nil> .
{ORG_B} {TYPE} <{NT_PREFIX}vocab#Organization> .
{ORG_A} <{NT_PREFIX}vocab#supplies> {ORG_B} .
<{NT_PREFIX}id/rel/supplies/1> {TYPE} <{RDF}Statement> .
<{NT_PREFIX}id/rel/supplies/1> <{RDF}subject> {ORG_A} .
<{NT_PREFIX}id/rel/supplies/1> <{RDF}predicate> <{NT_PREFIX}vocab#supplies> .
<{NT_PREFIX}id/rel/supplies/1> <{RDF}object> {ORG_B} .
<{NT_PREFIX}id/rel/supplies/1> <{NT_PREFIX}vocab#since> "2019"^^<{XSD}integer> .
{ORG_B} <{NT_PREFIX}vocab#competesWith> {ORG_A} .
"""


def _records_of(tmp_path: Path, text: str, name: str) -> list[object]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return list(records([path]))


def _content(got: list[object]) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for r in got:
        if isinstance(r, NodeRecord):
            out.append(("node", r.label, r.key, sorted(r.props.items()), r.role))
        elif isinstance(r, EdgeRecord):
            out.append(("edge", r.rel, r.src, r.dst, sorted(r.props.items())))
        else:
            out.append(("reject", r))
    return sorted(out, key=repr)


def test_an_export_marked_file_streams_to_the_same_records_as_a_whole_parse(
        tmp_path: Path) -> None:
    streamed = _records_of(tmp_path, NT_GROUPED_MARK + "\n" + NT_BODY, "marked.nt")
    whole = _records_of(tmp_path, NT_BODY, "plain.nt")
    assert _content(streamed) == _content(whole)
    assert ("node", "Organization", "org:a", [("aliases", ["A", "甲"])], None) in \
        _content(streamed)
    edges = [r for r in streamed if isinstance(r, EdgeRecord)]
    assert sorted((e.rel, e.props.get("since")) for e in edges) == [
        ("COMPETES_WITH", None), ("SUPPLIES", 2019)]  # the plain SUPPLIES triple not doubled


def test_a_keyed_relationship_without_its_statement_is_a_reject(tmp_path: Path) -> None:
    got = _records_of(tmp_path, f"""{ORG_A} {TYPE} <{NT_PREFIX}vocab#Organization> .
{ORG_B} {TYPE} <{NT_PREFIX}vocab#Organization> .
{ORG_A} <{NT_PREFIX}vocab#licensed> {ORG_B} .
""", "keyed.nt")
    rejects = [r for r in got if isinstance(r, Reject)]
    assert len(rejects) == 1 and "LICENSED needs patent" in rejects[0].reason


def test_a_broken_line_in_a_streamed_file_is_one_line_naming_file_and_line(
        tmp_path: Path) -> None:
    path = tmp_path / "broken.nt"
    path.write_text(NT_GROUPED_MARK + "\n" + NT_BODY + f'{ORG_A} <{NT_PREFIX}vocab#x> "a .\n',
                    encoding="utf-8")
    with pytest.raises(LoadError) as err:
        list(records([path]))
    message = str(err.value)
    assert "\n" not in message and str(path) in message and "line 16" in message
