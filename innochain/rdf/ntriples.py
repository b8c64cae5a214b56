"""A streaming N-Triples reader: one line at a time into light terms (`innochain.rdf.terms`).

It follows the W3C N-Triples grammar: IRIs in angle brackets (with \\u and \\U escapes),
blank-node labels, literals with the escapes \\t \\b \\n \\r \\f \\" \\' \\\\ \\uXXXX and
\\UXXXXXXXX, a datatype or a language tag, comments and blank lines. Its output is checked
against rdflib's own N-Triples parser in tests/unit/rdf/test_ntriples.py. A line it cannot
read raises NTriplesError with the line number, so the loader can name file and line.

    >>> next(read_ntriples(['<http://a/s> <http://a/p> "x\\\\ty"@en .']))
    ('http://a/s', 'http://a/p', Lit(lex='x\\ty', datatype=None, lang='en'))
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from innochain.rdf.terms import Blank, Iri, Lit, Term

_IRI = r'<((?:[^\x00-\x20<>"{}|^`\\]++|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*+)>'
_BLANK = r"_:([A-Za-z0-9_\u00B7-\U000EFFFF](?:[A-Za-z0-9_.\-\u00B7-\U000EFFFF]*"
_BLANK += r"[A-Za-z0-9_\-\u00B7-\U000EFFFF])?)"
_STRING = r'"((?:[^"\\\n\r]++|\\[tbnrf"\'\\]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*+)"'
_LANG = r"@([a-zA-Z]+(?:-[a-zA-Z0-9]+)*)"
_TRIPLE = re.compile(
    rf"[ \t]*(?:{_IRI}|{_BLANK})[ \t]*{_IRI}[ \t]*"
    rf"(?:{_IRI}|{_BLANK}|{_STRING}(?:\^\^{_IRI}|{_LANG})?)[ \t]*\.[ \t]*(?:#.*)?")
_EMPTY = re.compile(r"[ \t]*(?:#.*)?")
_ESCAPE = re.compile(r"\\(?:([tbnrf\"'\\])|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))")
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'",
          "\\": "\\"}


class NTriplesError(ValueError):
    """A line that is not an N-Triples triple; `line` is its 1-based number."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line


def _unescape_match(match: re.Match[str]) -> str:
    char, short, long = match.groups()
    if char is not None:
        return _ECHAR[char]
    code = int(short or long, 16)
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        raise ValueError(f"\\u escape {match.group(0)} is not a character")
    return chr(code)


def _unescape(text: str) -> str:
    return _ESCAPE.sub(_unescape_match, text) if "\\" in text else text


def read_ntriples(lines: Iterable[str]) -> Iterator[tuple[Term, str, Term]]:
    """(subject, predicate, object) per triple line; NTriplesError on a line that is not one.

    Subjects are Iri or Blank, predicates plain strings, objects Iri, Blank or Lit.
    """
    match_triple, match_empty = _TRIPLE.fullmatch, _EMPTY.fullmatch
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r\n")
        found = match_triple(line)
        if found is None:
            if match_empty(line):
                continue
            raise NTriplesError(number, f"not a triple: {line[:80]!r}")
        s_iri, s_blank, pred, o_iri, o_blank, lex, datatype, lang = found.groups()
        try:
            subject: Term = Iri(_unescape(s_iri)) if s_iri is not None else Blank(s_blank)
            obj: Term
            if o_iri is not None:
                obj = Iri(_unescape(o_iri))
            elif o_blank is not None:
                obj = Blank(o_blank)
            else:
                obj = Lit(_unescape(lex), _unescape(datatype) if datatype else None,
                          lang.lower() if lang else None)
            yield subject, _unescape(pred), obj
        except ValueError as exc:
            raise NTriplesError(number, str(exc)) from None
