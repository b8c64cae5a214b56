"""Streaming RDF documents: blocks (one subject and its statements) are spelled straight into the
output in each format, so memory holds one page of blocks, never the whole graph.

The writers are our own (rdflib serialises through an in-memory Graph at a few thousand triples
per second); every file they write parses in rdflib (tests/integration/test_rdf_roundtrip.py).
N-Triples: one triple per line, the list cells of a block right after it, blank-node labels
unique in the document. Turtle: one prefix block, then one statement group per block, lists
inline as ``( ... )``. JSON-LD: one ``@context`` and one top-level ``@graph`` array of node
objects. RDF/XML: one ``rdf:RDF`` element of ``rdf:Description`` elements, lists as cells
with ``rdf:nodeID``. Every double is written in full (Python's repr), so it reads back exact.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import IO, Any, Protocol

from rdflib import Namespace
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SDO, SKOS, XSD

from innochain.errors import ConfigError
from innochain.rdf.terms import (
    RDF_FIRST,
    RDF_NIL,
    RDF_REST,
    RDF_TYPE,
    XSD_STRING,
    Iri,
    Lit,
    Obj,
    RdfList,
    nt_literal,
    quoted_string,
)
from innochain.rdf.triples import Block
from innochain.rdf.vocabulary import VOCAB_IRI

PREFIXES: dict[str, Namespace] = {
    prefix: Namespace(str(iri)) for prefix, iri in (
        ("ic", VOCAB_IRI), ("org", ORG._NS), ("skos", SKOS._NS), ("dcterms", DCTERMS._NS),
        ("prov", PROV._NS), ("schema", SDO._NS), ("rdf", RDF._NS), ("rdfs", RDFS._NS),
        ("xsd", XSD._NS))
}
FORMATS: dict[str, str] = {"turtle": "ttl", "nt": "nt", "json-ld": "jsonld", "xml": "rdf"}
"""Export formats and their usual file suffix."""

NT_GROUPED_MARK = "# innochain-rdf: grouped by subject, nodes before relationships"
"""First line of an N-Triples export: the importer may stream such a file (see rdf_loader)."""

_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


@lru_cache(maxsize=1024)
def qname(iri: str) -> str | None:
    """`prefix:local` for an IRI in one of PREFIXES, else None."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and _LOCAL.fullmatch(iri[len(namespace):]):
            return f"{prefix}:{iri[len(namespace):]}"
    return None


def _cells(items: RdfList) -> int:
    return 2 * len(items)


class DocumentWriter(Protocol):
    """Writes one RDF document block by block."""

    def write_blocks(self, blocks: Iterable[Block]) -> int:
        """Append the blocks; returns how many triples they hold."""
        ...

    def close(self) -> None:
        """Write whatever ends the document (the file itself stays open)."""
        ...


class NTriplesWriter:
    """N-Triples: one triple per line; a block's list cells follow it."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.lists = 0
        out.write((NT_GROUPED_MARK + "\n").encode("utf-8"))

    def write_blocks(self, blocks: Iterable[Block]) -> int:
        lines: list[str] = []
        count = 0
        for subject, pairs in blocks:
            s = "<" + subject + "> "
            cells: list[RdfList] = []
            for predicate, obj in pairs:
                if isinstance(obj, Iri):
                    text = "<" + obj + ">"
                elif isinstance(obj, Lit):
                    text = nt_literal(obj)
                elif obj:
                    cells.append(obj)
                    text = f"_:l{self.lists + len(cells)}"
                else:
                    text = "<" + RDF_NIL + ">"
                lines.append(s + "<" + predicate + "> " + text + " .\n")
            count += len(pairs)
            for items in cells:
                self.lists += 1
                count += _cells(items)
                lines.extend(self._list_lines(items))
        self.out.write("".join(lines).encode("utf-8"))
        return count

    def _list_lines(self, items: RdfList) -> Iterable[str]:
        head = f"_:l{self.lists}"
        for n, item in enumerate(items):
            cell = head if n == 0 else f"{head}_{n}"
            rest = f"{head}_{n + 1}" if n + 1 < len(items) else "<" + RDF_NIL + ">"
            yield f"{cell} <{RDF_FIRST}> {nt_literal(item)} .\n{cell} <{RDF_REST}> {rest} .\n"

    def close(self) -> None:
        return None


def _ttl_term(obj: Obj) -> str:
    if isinstance(obj, Iri):
        return qname(obj) or "<" + obj + ">"
    if isinstance(obj, Lit):
        if obj.lang:
            return quoted_string(obj.lex) + "@" + obj.lang
        if obj.datatype and obj.datatype != XSD_STRING:
            return quoted_string(obj.lex) + "^^" + (qname(obj.datatype)
                                                    or "<" + obj.datatype + ">")
        return quoted_string(obj.lex)
    return "(" + "".join(" " + _ttl_term(item) for item in obj) + " )"


class TurtleWriter:
    """Turtle: all prefixes once at the top, then one statement group per block."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items()) + "\n"
        out.write(header.encode("utf-8"))

    def write_blocks(self, blocks: Iterable[Block]) -> int:
        parts: list[str] = []
        count = 0
        for subject, pairs in blocks:
            lines: list[str] = []
            last = None
            for predicate, obj in pairs:
                term = _ttl_term(obj)
                if predicate == last:
                    lines[-1] += ", " + term
                else:
                    verb = "a" if predicate == RDF_TYPE else (qname(predicate)
                                                              or "<" + predicate + ">")
                    lines.append(verb + " " + term)
                    last = predicate
                count += 1 + (_cells(obj) if isinstance(obj, RdfList) else 0)
            parts.append("<" + subject + "> " + " ;\n    ".join(lines) + " .\n")
        self.out.write("".join(parts).encode("utf-8"))
        return count

    def close(self) -> None:
        return None


def _json_value(obj: Obj) -> Any:
    if isinstance(obj, Iri):
        return {"@id": obj}
    if isinstance(obj, Lit):
        if obj.lang:
            return {"@value": obj.lex, "@language": obj.lang}
        if obj.datatype and obj.datatype != XSD_STRING:
            return {"@value": obj.lex, "@type": qname(obj.datatype) or obj.datatype}
        return obj.lex
    return {"@list": [_json_value(item) for item in obj]}


class JsonLdWriter:
    """JSON-LD: one document, one @context, every block one node object in one @graph."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.first = True
        context = {p: str(ns) for p, ns in PREFIXES.items()}
        out.write(('{\n"@context": ' + json.dumps(context) + ',\n"@graph": [\n').encode())

    def write_blocks(self, blocks: Iterable[Block]) -> int:
        parts: list[str] = []
        count = 0
        for subject, pairs in blocks:
            node: dict[str, Any] = {"@id": subject}
            for predicate, obj in pairs:
                count += 1 + (_cells(obj) if isinstance(obj, RdfList) else 0)
                if predicate == RDF_TYPE and isinstance(obj, Iri):
                    node.setdefault("@type", []).append(qname(obj) or obj)
                    continue
                node.setdefault(qname(predicate) or predicate, []).append(_json_value(obj))
            parts.append(("" if self.first and not parts else ",\n")
                         + json.dumps(node, ensure_ascii=False, separators=(",", ":")))
        if parts:
            self.first = False
            self.out.write("".join(parts).encode("utf-8"))
        return count

    def close(self) -> None:
        self.out.write(b"\n]\n}\n")


_XML_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_XML_ATTR = str.maketrans({"&": "&amp;", "<": "&lt;", '"': "&quot;", "\n": "&#10;",
                           "\r": "&#13;", "\t": "&#9;"})
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    if _NOT_XML.search(text):
        raise ConfigError(f"the value {text[:40]!r} holds a character XML cannot carry; "
                          "export as --format nt or turtle instead")
    return text.translate(_XML_TEXT)


def _xml_name(iri: str) -> str:
    name = qname(iri)
    if name is None:
        raise ConfigError(f"{iri} has no prefixed name for RDF/XML; export as --format nt")
    return name


class RdfXmlWriter:
    """RDF/XML: one rdf:RDF element declaring every prefix, one rdf:Description per block."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.lists = 0
        xmlns = "".join(f'\n   xmlns:{p}="{ns}"' for p, ns in PREFIXES.items())
        out.write(f'<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF{xmlns}\n>\n'.encode())

    def _property(self, name: str, obj: Obj, cells: list[tuple[str, RdfList]]) -> str:
        if isinstance(obj, Iri):
            return f'  <{name} rdf:resource="{obj.translate(_XML_ATTR)}"/>\n'
        if isinstance(obj, Lit):
            attr = (f' xml:lang="{obj.lang}"' if obj.lang else
                    f' rdf:datatype="{obj.datatype}"'
                    if obj.datatype and obj.datatype != XSD_STRING else "")
            return f"  <{name}{attr}>{_xml_text(obj.lex)}</{name}>\n"
        if not obj:
            return f'  <{name} rdf:resource="{RDF_NIL}"/>\n'
        self.lists += 1
        cells.append((f"l{self.lists}", obj))
        return f'  <{name} rdf:nodeID="l{self.lists}"/>\n'

    def write_blocks(self, blocks: Iterable[Block]) -> int:
        parts: list[str] = []
        count = 0
        for subject, pairs in blocks:
            cells: list[tuple[str, RdfList]] = []
            parts.append(f'<rdf:Description rdf:about="{subject.translate(_XML_ATTR)}">\n')
            for predicate, obj in pairs:
                count += 1 + (_cells(obj) if isinstance(obj, RdfList) else 0)
                parts.append(self._property(_xml_name(predicate), obj, cells))
            parts.append("</rdf:Description>\n")
            for head, items in cells:
                for n, item in enumerate(items):
                    cell = head if n == 0 else f"{head}_{n}"
                    rest = (f'rdf:nodeID="{head}_{n + 1}"' if n + 1 < len(items)
                            else f'rdf:resource="{RDF_NIL}"')
                    parts.append(f'<rdf:Description rdf:nodeID="{cell}">\n'
                                 + self._property("rdf:first", item, [])
                                 + f"  <rdf:rest {rest}/>\n</rdf:Description>\n")
        self.out.write("".join(parts).encode("utf-8"))
        return count

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
