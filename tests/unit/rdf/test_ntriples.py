"""Our N-Triples reader reads what rdflib reads, escapes included, and refuses what it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef

from innochain.rdf.ntriples import NTriplesError, read_ntriples
from innochain.rdf.terms import Blank, Iri, Lit

TRICKY = r"""# a comment line, then a blank line

<http://ex.org/s> <http://ex.org/p> "plain" .
<http://ex.org/s> <http://ex.org/p> "tab\there \"quoted\" back\\slash\nnew\rline" .
<http://ex.org/s> <http://ex.org/p> "\u00e9t\u00E9 \U0001F600 隆基 \b\f\'" .
<http://ex.org/s> <http://ex.org/p> "hello"@en-GB .
<http://ex.org/s> <http://ex.org/p> "42"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://ex.org/s> <http://ex.org/p> ""^^<http://www.w3.org/2001/XMLSchema#string> .
<http://ex.org/s\u00E9> <http://ex.org/p> <http://ex.org/o%3A%E9> .
_:b0 <http://ex.org/first> _:b.1 .
_:b.1	<http://ex.org/p>	"tabs between terms"	.
<http://ex.org/s> <http://ex.org/p> "trailing comment" . # here
"""


def _as_rdflib(term: object) -> object:
    if isinstance(term, Lit):
        return Literal(term.lex, lang=term.lang,
                       datatype=URIRef(term.datatype) if term.datatype else None)
    if isinstance(term, Blank):
        return ("blank", str(term))
    return URIRef(str(term))


def _rdflib_terms(term: object) -> object:
    return ("blank", None) if isinstance(term, BNode) else term


def test_the_reader_gives_the_triples_rdflib_gives(tmp_path: Path) -> None:
    path = tmp_path / "tricky.nt"
    path.write_text(TRICKY, encoding="utf-8")
    ours = list(read_ntriples(TRICKY.splitlines(keepends=True)))
    theirs = list(Graph().parse(path, format="nt"))
    assert len(ours) == len(theirs) == 10
    mine = {tuple(("blank", None) if isinstance(t, tuple) else t
                  for t in (_as_rdflib(s), URIRef(p), _as_rdflib(o))) for s, p, o in ours}
    assert mine == {tuple(_rdflib_terms(t) for t in triple) for triple in theirs}


def test_terms_keep_their_kind_and_whitespace_between_iris_is_optional() -> None:
    (s, p, o), = read_ntriples(['_:x <http://ex.org/p> <http://ex.org/o> .'])
    assert isinstance(s, Blank) and s == "x" and p == "http://ex.org/p" and isinstance(o, Iri)
    # The W3C grammar allows it (rdflib's parser does not).
    assert len(list(read_ntriples(["<http://ex.org/s><http://ex.org/p><http://ex.org/o>."]))) == 1


@pytest.mark.parametrize("line", [
    '<http://ex.org/s> <http://ex.org/p> "unterminated .',
    '<http://ex.org/s> <http://ex.org/p> "bad \\q escape" .',
    '<http://ex.org/s> <http://ex.org/p> <http://ex.org/o>',
    '"literal" <http://ex.org/p> <http://ex.org/o> .',
    '<http://ex.org/s> _:p <http://ex.org/o> .',
    '<http://ex org/s> <http://ex.org/p> <http://ex.org/o> .',
    '<http://ex.org/s> <http://ex.org/p> "x"@ .',
    '<http://ex.org/s> <http://ex.org/p> "\\uD800" .',
])
def test_a_line_that_is_not_a_triple_names_its_number(line: str) -> None:
    """Stricter than rdflib where the grammar is: an unknown escape or a lone surrogate."""
    with pytest.raises(NTriplesError, match="^line 2: "):
        list(read_ntriples(["<http://ex.org/s> <http://ex.org/p> <http://ex.org/o> .\n", line]))
