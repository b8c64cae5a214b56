"""Streaming RDF documents: each page of the export is a small rdflib Graph serialised and
appended, so memory holds one page, never the whole graph.

N-Triples pages are simply concatenated. Turtle pages are concatenated after one prefix
block. JSON-LD pages become items of one top-level ``@graph`` array under one ``@context``.
RDF/XML pages become children of one ``rdf:RDF`` element. Blank nodes (the cells of rdf:Lists)
get rdflib's globally unique ids, so pages never share one by accident.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from typing import IO, Protocol

from rdflib import Graph, Literal, Namespace
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SDO, SKOS, XSD
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.term import Node

from innochain.errors import ConfigError
from innochain.rdf.vocabulary import VOCAB_IRI

PREFIXES: dict[str, Namespace] = {
    prefix: Namespace(str(iri)) for prefix, iri in (
        ("ic", VOCAB_IRI), ("org", ORG._NS), ("skos", SKOS._NS), ("dcterms", DCTERMS._NS),
        ("prov", PROV._NS), ("schema", SDO._NS), ("rdf", RDF._NS), ("rdfs", RDFS._NS),
        ("xsd", XSD._NS))
}
FORMATS: dict[str, str] = {"turtle": "ttl", "nt": "nt", "json-ld": "jsonld", "xml": "rdf"}
"""Export formats and their usual file suffix."""


def page_graph() -> Graph:
    """An empty graph with the InnoChain prefixes bound (rdflib's defaults left out)."""
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


class DocumentWriter(Protocol):
    """Writes one RDF document page by page."""

    def write_page(self, graph: Graph) -> None:
        """Append the triples of one page."""
        ...

    def close(self) -> None:
        """Write whatever ends the document (the file itself stays open)."""
        ...


class NTriplesWriter:
    """N-Triples: one triple per line, pages concatenated."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out

    def write_page(self, graph: Graph) -> None:
        self.out.write(graph.serialize(format="nt", encoding="utf-8"))

    def close(self) -> None:
        return None


class ExactTurtleSerializer(TurtleSerializer):
    """rdflib's Turtle, except doubles: its bare form (`3.333333e-01`) keeps 7 digits only."""

    def label(self, node: Node, position: int) -> str:
        if isinstance(node, Literal) and node.datatype == XSD.double:
            return node._literal_n3(use_plain=False,
                                    qname_callback=lambda dt: self.get_pname(dt, True))
        return super().label(node, position)


def turtle_text(graph: Graph) -> str:
    """The graph as Turtle with every double written in full."""
    buffer = io.BytesIO()
    ExactTurtleSerializer(graph).serialize(buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")


class TurtleWriter:
    """Turtle: all prefixes once at the top, then each page's statements."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items()) + "\n"
        out.write(header.encode("utf-8"))

    def write_page(self, graph: Graph) -> None:
        text = turtle_text(graph)
        lines = text.split("\n")
        start = 0  # drop only the leading prefix block: a literal may hold a line "@prefix"
        while start < len(lines) and (lines[start].startswith("@prefix")
                                      or not lines[start].strip()):
            start += 1
        self.out.write(("\n".join(lines[start:]).rstrip() + "\n\n").encode("utf-8"))

    def close(self) -> None:
        return None


class JsonLdWriter:
    """JSON-LD: one document, one @context, every page's node objects in one @graph."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.context = {p: str(ns) for p, ns in PREFIXES.items()}
        self.first = True
        head = '{\n"@context": ' + json.dumps(self.context) + ',\n"@graph": [\n'
        out.write(head.encode("utf-8"))

    def write_page(self, graph: Graph) -> None:
        if not len(graph):
            return
        data = json.loads(graph.serialize(format="json-ld", context=self.context))
        if "@graph" in data:
            items = data["@graph"]
        else:  # a page with one subject compacts to that node object itself
            items = [{k: v for k, v in data.items() if k != "@context"}]
        for item in items:
            sep = "" if self.first else ",\n"
            self.out.write((sep + json.dumps(item, ensure_ascii=False)).encode("utf-8"))
            self.first = False

    def close(self) -> None:
        self.out.write(b"\n]\n}\n")


_RDF_OPEN = re.compile(r"<rdf:RDF\b[^>]*>")


class RdfXmlWriter:
    """RDF/XML: one rdf:RDF element declaring every prefix; each page's descriptions inside."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        xmlns = "".join(f'\n   xmlns:{p}="{ns}"' for p, ns in PREFIXES.items())
        out.write(f'<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF{xmlns}\n>\n'.encode())

    def write_page(self, graph: Graph) -> None:
        if not len(graph):
            return
        text = graph.serialize(format="xml")
        opening = _RDF_OPEN.search(text)
        closing = text.rfind("</rdf:RDF>")
        if opening is None or closing < 0:
            raise RuntimeError("rdflib wrote RDF/XML without an rdf:RDF element")
        self.out.write(text[opening.end():closing].strip("\n").encode("utf-8") + b"\n")

    def close(self) -> None:
        self.out.write(b"</rdf:RDF>\n")


def document_writer(fmt: str, out: IO[bytes]) -> DocumentWriter:
    """The streaming writer for one of FORMATS."""
    writers: dict[str, Callable[[IO[bytes]], DocumentWriter]] = {
        "turtle": TurtleWriter, "nt": NTriplesWriter, "json-ld": JsonLdWriter,
        "xml": RdfXmlWriter}
    if fmt not in writers:
        raise ConfigError(f"unknown RDF format {fmt!r}; use one of: {', '.join(FORMATS)}")
    return writers[fmt](out)
