"""Stable IRIs: one per node from its label and key, one per source, one per reified edge.

    >>> node_iri("Patent", "CN114123456A")
    rdflib.term.URIRef('https://w3id.org/innochain/id/patent/CN114123456A')
    >>> node_iri("CPC", "H01L31/18")
    rdflib.term.URIRef('https://w3id.org/innochain/id/cpc/H01L31%2F18')
    >>> node_of_iri(node_iri("Organization", "org:隆基绿能"))
    ('Organization', 'org:隆基绿能')

The key is percent-encoded as UTF-8 with only RFC 3986 unreserved characters left bare
(`/`, `:`, `|`, spaces and Chinese are encoded), so every key gives exactly one IRI segment
and `node_of_iri` inverts `node_iri`. The label segment is the label in lower case.
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote, unquote

from rdflib import URIRef

from innochain.graph.schema import NODE_TYPES
from innochain.rdf.vocabulary import ID_BASE

SOURCE_SEGMENT = "source"
REL_SEGMENT = "rel"
_SEGMENT_LABEL: dict[str, str] = {n.label.lower(): n.label for n in NODE_TYPES}


class IriError(ValueError):
    """An IRI outside the InnoChain id namespace, or one that names no node."""


def _quoted(key: str) -> str:
    return quote(key, safe="")


def node_iri(label: str, key: str) -> URIRef:
    """The IRI of the node of `label` whose key is `key`."""
    if label not in {n.label for n in NODE_TYPES}:
        raise IriError(f"unknown node label {label!r}")
    return URIRef(f"{ID_BASE}{label.lower()}/{_quoted(str(key))}")


def node_of_iri(iri: str) -> tuple[str, str]:
    """(label, key) of a node IRI; IriError when it is not one."""
    rest = _relative(iri)
    segment, sep, quoted = rest.partition("/")
    label = _SEGMENT_LABEL.get(segment)
    if not sep or label is None or not quoted or "/" in quoted:
        raise IriError(f"{iri} names no InnoChain node (expected {ID_BASE}<label>/<key>)")
    return label, unquote(quoted, errors="strict")


def source_iri(source: str) -> URIRef:
    """The IRI standing for a data set id such as `patentsview` (prov:hadPrimarySource)."""
    return URIRef(f"{ID_BASE}{SOURCE_SEGMENT}/{_quoted(source)}")


def source_of_iri(iri: str) -> str:
    """The data set id of a source IRI; IriError when it is not one."""
    rest = _relative(iri)
    segment, sep, quoted = rest.partition("/")
    if segment != SOURCE_SEGMENT or not sep or not quoted or "/" in quoted:
        raise IriError(f"{iri} is not a source IRI ({ID_BASE}{SOURCE_SEGMENT}/<id>)")
    return unquote(quoted, errors="strict")


def edge_iri(rel: str, src: str, dst: str, rkey: tuple[str, ...] = ()) -> URIRef:
    """A stable IRI for one reified relationship: the same edge always gets the same IRI."""
    return URIRef(edge_iri_text(rel, src, dst, rkey))


def edge_iri_text(rel: str, src: str, dst: str, rkey: tuple[str, ...] = ()) -> str:
    """`edge_iri` as a plain string (the exporter's fast path)."""
    digest = hashlib.sha256("\x1f".join((rel, src, dst, *rkey)).encode()).hexdigest()[:20]
    return f"{ID_BASE}{REL_SEGMENT}/{rel.lower()}/{digest}"


def is_edge_iri(iri: str) -> bool:
    """True for IRIs minted by `edge_iri`."""
    return str(iri).startswith(f"{ID_BASE}{REL_SEGMENT}/")


def _relative(iri: str) -> str:
    text = str(iri)
    if not text.startswith(ID_BASE):
        raise IriError(f"{text} is outside the InnoChain id namespace {ID_BASE}")
    return text[len(ID_BASE):]
