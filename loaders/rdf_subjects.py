"""One subject of an RDF graph in the InnoChain vocabulary -> node or edge records, or a reject.

Used by `innochain.loaders.rdf_loader`; kept apart because this is where the vocabulary is
read back term by term (classes, properties, reified statements, plain relationship triples).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import ORG
from rdflib.term import Node

from innochain.graph.schema import RELS
from innochain.loaders.records import EdgeRecord, NodeRecord, Origin, Record, Reject
from innochain.rdf.iris import IriError, is_edge_iri, node_of_iri
from innochain.rdf.literals import ValueProblem, decode_value
from innochain.rdf.mapping import (
    CLASS_LABEL,
    CLASS_ROLE,
    KEY_PREDICATE,
    KNOWN_EXTRA_TYPES,
    PREDICATE_PROPERTY,
    PREDICATE_REL,
)

_STATEMENT_PARTS = (RDF.subject, RDF.predicate, RDF.object)
_MEMBERSHIP_PARTS = (ORG.member, ORG.organization)


class SubjectRejected(Exception):
    """Why one subject is not loaded: the field and the words for the data owner."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason


@dataclass(frozen=True)
class _PlainEdge:
    rel: str
    src: tuple[str, str]
    dst: tuple[str, str]
    origin: Origin
    field: str


def _short(graph: Graph, term: Node) -> str:
    try:
        return graph.namespace_manager.normalizeUri(term) if isinstance(term, URIRef) \
            else term.n3()
    except Exception:  # normalizeUri refuses some IRIs; the full form is fine then
        return term.n3()


def _endpoint(iri: Node, field: str) -> tuple[str, str]:
    if not isinstance(iri, URIRef):
        raise SubjectRejected(field, f"expected a node IRI, got {iri.n3()}")
    try:
        return node_of_iri(iri)
    except IriError as exc:
        raise SubjectRejected(field, str(exc)) from None


def _check_endpoints(rel: str, src: tuple[str, str], dst: tuple[str, str], field: str) -> None:
    if (src[0], dst[0]) not in RELS[rel].endpoints:
        raise SubjectRejected(field, f"{rel} does not join {src[0]} to {dst[0]} "
                                     f"(declared: {RELS[rel].endpoints})")


class SubjectReader:
    """Reads subjects of one graph; remembers plain edges until every statement is known."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._plain: list[_PlainEdge] = []
        self._reified: set[tuple[str, tuple[str, str], tuple[str, str]]] = set()

    def records(self, subject: URIRef, origin: Origin) -> Iterator[Record]:
        """The records of one subject, or one Reject naming it."""
        is_statement = (subject, RDF.type, RDF.Statement) in self.graph or is_edge_iri(subject)
        try:
            found = (self._statement(subject, origin) if is_statement
                     else self._node(subject, origin))
        except SubjectRejected as exc:
            yield Reject(origin.file, origin.line, exc.field, str(subject), exc.reason)
            return
        yield from found

    def plain_edges(self, file: str) -> Iterator[EdgeRecord]:
        """Plain relationship triples that no statement qualifies: edges without properties."""
        for edge in self._plain:
            if (edge.rel, edge.src, edge.dst) in self._reified:
                continue
            yield EdgeRecord(edge.rel, edge.src[0], edge.src[1], edge.dst[0], edge.dst[1], {},
                             edge.origin, None, field_name=edge.field)

    # -- nodes --------------------------------------------------------------------------
    def _node(self, subject: URIRef, origin: Origin) -> list[Record]:
        label, key = _endpoint(subject, "subject")
        roles = self._node_types(subject, label)
        props: dict[str, Any] = {}
        plain: list[_PlainEdge] = []
        for predicate, obj in sorted(self.graph.predicate_objects(subject)):
            if predicate == RDF.type:
                continue
            if predicate == KEY_PREDICATE:
                if not isinstance(obj, Literal) or str(obj) != key:
                    raise SubjectRejected("dcterms:identifier",
                                          f"identifier {obj.n3()} differs from the IRI's key "
                                          f"{key!r}")
                continue
            rel = PREDICATE_REL.get(predicate) if isinstance(predicate, URIRef) else None
            if rel is not None:
                field = _short(self.graph, predicate)
                dst = _endpoint(obj, field)
                _check_endpoints(rel, (label, key), dst, field)
                plain.append(_PlainEdge(rel, (label, key), dst, origin, field))
                continue
            self._property(props, predicate, obj)
        self._plain.extend(plain)
        role_labels: list[str | None] = list(roles) or [None]
        return [NodeRecord(label, key, dict(props), origin, role) for role in role_labels]

    def _node_types(self, subject: URIRef, label: str) -> list[str]:
        labels, roles = [], []
        for cls in self.graph.objects(subject, RDF.type):
            if cls in CLASS_LABEL:
                labels.append(CLASS_LABEL[cls])  # type: ignore[index]
            elif cls in CLASS_ROLE:
                roles.append(CLASS_ROLE[cls])  # type: ignore[index]
            elif cls not in KNOWN_EXTRA_TYPES:
                raise SubjectRejected("rdf:type", f"unknown class {_short(self.graph, cls)}")
        if labels != [label]:
            raise SubjectRejected("rdf:type", f"a {label} IRI must have the one class "
                                              f"ic:{label}, found {sorted(labels) or 'none'}")
        if label == "LoadRun":
            raise SubjectRejected("rdf:type", "LoadRun nodes record a store's own loads; "
                                              "they are not imported")
        if roles and label != "Organization":
            raise SubjectRejected("rdf:type", f"role classes {roles} apply to Organization only")
        return sorted(roles)

    def _property(self, props: dict[str, Any], predicate: Node, obj: Node) -> None:
        spec = PREDICATE_PROPERTY.get(predicate) if isinstance(predicate, URIRef) else None
        if spec is None:
            raise SubjectRejected(_short(self.graph, predicate),
                                  "unknown property (not in the InnoChain vocabulary)")
        if spec.name in props:
            raise SubjectRejected(spec.name, f"{spec.name} has more than one value; the "
                                             "graph holds one per node or relationship")
        try:
            props[spec.name] = decode_value(self.graph, obj, spec)
        except ValueProblem as exc:
            raise SubjectRejected(spec.name, str(exc)) from None

    # -- reified relationships ------------------------------------------------------------
    def _statement(self, subject: URIRef, origin: Origin) -> list[Record]:
        if not is_edge_iri(subject):
            raise SubjectRejected("subject", "a relationship statement needs an IRI under "
                                             "https://w3id.org/innochain/id/rel/")
        parts = {p: list(self.graph.objects(subject, p)) for p in _STATEMENT_PARTS}
        missing = [_short(self.graph, p) for p, found in parts.items() if len(found) != 1]
        if missing:
            raise SubjectRejected(missing[0], "a statement needs exactly one rdf:subject, "
                                              "rdf:predicate and rdf:object")
        predicate = parts[RDF.predicate][0]
        rel = PREDICATE_REL.get(predicate) if isinstance(predicate, URIRef) else None
        if rel is None:
            raise SubjectRejected("rdf:predicate", f"{predicate.n3()} is not a relationship "
                                                   "of the InnoChain vocabulary")
        src = _endpoint(parts[RDF.subject][0], "rdf:subject")
        dst = _endpoint(parts[RDF.object][0], "rdf:object")
        _check_endpoints(rel, src, dst, "rdf:predicate")
        self._reified.add((rel, src, dst))
        props: dict[str, Any] = {}
        for p, obj in sorted(self.graph.predicate_objects(subject)):
            if p in _STATEMENT_PARTS or p in _MEMBERSHIP_PARTS:
                continue
            if p == RDF.type:
                if obj not in (RDF.Statement, ORG.Membership):
                    raise SubjectRejected("rdf:type", f"unknown class {_short(self.graph, obj)}")
                continue
            self._property(props, p, obj)
        rkey = None
        if RELS[rel].key_props:
            absent = [k for k in RELS[rel].key_props if props.get(k) is None]
            if absent:
                raise SubjectRejected(absent[0], f"{rel} needs {absent[0]} to tell it apart "
                                                 "from other links between the same nodes")
            rkey = {k: props[k] for k in RELS[rel].key_props}
        return [EdgeRecord(rel, src[0], src[1], dst[0], dst[1], props, origin, rkey,
                           field_name="rdf:object", src_field="rdf:subject")]
