"""Light RDF terms for the fast export and import paths, and their N-Triples spelling.

rdflib's term objects validate and normalise on every construction, which costs more than the
rest of an export or import together; these are plain strings and tuples. An IRI is an `Iri`
(a str), a blank node a `Blank` (a str, its label), a literal a `Lit` (lexical form, datatype
IRI or None, language tag or None) and an rdf:List of literals an `RdfList`.

    >>> nt_object(Lit('say "hi"\\n', None, "en"))
    '"say \\\\"hi\\\\"\\\\n"@en'
    >>> nt_object(Iri("https://w3id.org/innochain/id/patent/CN1A"))
    '<https://w3id.org/innochain/id/patent/CN1A>'
"""

from __future__ import annotations

import math
from typing import NamedTuple

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = RDF_NS + "type"
RDF_FIRST = RDF_NS + "first"
RDF_REST = RDF_NS + "rest"
RDF_NIL = RDF_NS + "nil"
RDF_STATEMENT = RDF_NS + "Statement"
RDF_LANGSTRING = RDF_NS + "langString"
XSD_STRING = XSD_NS + "string"
XSD_INTEGER = XSD_NS + "integer"
XSD_DOUBLE = XSD_NS + "double"
XSD_BOOLEAN = XSD_NS + "boolean"
XSD_DATE = XSD_NS + "date"


class Iri(str):
    """An IRI (absolute, as written between angle brackets)."""

    __slots__ = ()


class Blank(str):
    """A blank node, by its label in the document."""

    __slots__ = ()


class Lit(NamedTuple):
    """A literal: lexical form, datatype IRI (None for a plain string), language tag."""

    lex: str
    datatype: str | None = None
    lang: str | None = None


class RdfList(tuple):  # type: ignore[type-arg]
    """An rdf:List of literals (order and duplicates kept); written as rdf:first/rdf:rest."""

    __slots__ = ()


Term = Iri | Blank | Lit
Obj = Iri | Lit | RdfList

# N-Triples and Turtle share the short string form: '"' and '\' and line breaks escaped.
_STRING_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def quoted_string(text: str) -> str:
    """`text` as a double-quoted N-Triples / Turtle string."""
    return '"' + text.translate(_STRING_ESCAPES) + '"'


def double_lex(value: float) -> str:
    """The xsd:double lexical form that gives back exactly `value` (Python's repr)."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "INF" if value > 0 else "-INF"
    return repr(float(value))


def nt_literal(lit: Lit) -> str:
    """One literal in N-Triples."""
    if lit.lang:
        return quoted_string(lit.lex) + "@" + lit.lang
    if lit.datatype and lit.datatype != XSD_STRING:
        return quoted_string(lit.lex) + "^^<" + lit.datatype + ">"
    return quoted_string(lit.lex)


def nt_object(obj: Term) -> str:
    """An IRI, blank node or literal in N-Triples (not an RdfList: see the writers)."""
    if isinstance(obj, Iri):
        return "<" + obj + ">"
    if isinstance(obj, Blank):
        return "_:" + obj
    return nt_literal(obj)
