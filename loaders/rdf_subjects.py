"""One subject of an RDF document in the InnoChain vocabulary -> node or edge records, or a reject.

Used by `innochain.loaders.rdf_loader`, which groups the triples by subject; kept apart because
this is where the vocabulary is read back term by term (classes, properties, reified
statements, plain relationship triples). Terms are the light ones of `innochain.rdf.terms`.

Plain relationship triples wait in `pending` until the statement that qualifies them arrives
(then they are dropped: the statement carries the edge with its properties) or until the
window is full or the document ends (then they load as relationships without properties).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rdflib.namespace import ORG

from innochain.graph.schema import RELS
from innochain.loaders.records import EdgeRecord, NodeRecord, Origin, Record, Reject
from innochain.rdf.iris import IriError, is_edge_iri, node_of_iri
from innochain.rdf.literals import ListItems, ValueProblem, decode_value
from innochain.rdf.mapping import (
    CLASS_LABEL,
    CLASS_ROLE,
    KEY_PREDICATE,
    KNOWN_EXTRA_TYPES,
    PREDICATE_PROPERTY,
    PREDICATE_REL,
    PropertySpec,
)
from innochain.rdf.serializers import qname
from innochain.rdf.terms import RDF_NS, RDF_STATEMENT, RDF_TYPE, Blank, Iri, Lit, Term

_SUBJECT, _PREDICATE, _OBJECT = RDF_NS + "subject", RDF_NS + "predicate", RDF_NS + "object"
_STATEMENT_PARTS = (_SUBJECT, _PREDICATE, _OBJECT)
_MEMBERSHIP = str(ORG.Membership)
_MEMBERSHIP_PARTS = (str(ORG.member), str(ORG.organization))
_KEY = str(KEY_PREDICATE)
_REL: dict[str, str] = {str(p): rel for p, rel in PREDICATE_REL.items()}
_PROPERTY: dict[str, PropertySpec] = {str(p): spec for p, spec in PREDICATE_PROPERTY.items()}
_LABEL: dict[str, str] = {str(c): label for c, label in CLASS_LABEL.items()}
_ROLE: dict[str, str] = {str(c): role for c, role in CLASS_ROLE.items()}
_EXTRA_TYPES = frozenset(str(t) for t in KNOWN_EXTRA_TYPES)

Pairs = list[tuple[str, Term]]
PlainKey = tuple[str, tuple[str, str], tuple[str, str]]


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


def short(term: Term | str) -> str:
    """A term as a data owner reads it: `ic:owns`, `<https://...>`, `_:b1` or a literal."""
    if isinstance(term, Blank):
        return "_:" + term
    if isinstance(term, Lit):
        return repr(term.lex) + (f"^^{qname(term.datatype) or term.datatype}"
                                 if term.datatype else "")
    return qname(term) or f"<{term}>"


@lru_cache(maxsize=1 << 16)
def _node_of(iri: str) -> tuple[str, str] | str:
    """(label, key) of a node IRI, or why it names none (cached: far ends repeat)."""
    try:
        return node_of_iri(iri)
    except IriError as exc:
        return str(exc)


def _endpoint(iri: Term, field: str) -> tuple[str, str]:
    if not isinstance(iri, Iri):
        raise SubjectRejected(field, f"expected a node IRI, got {short(iri)}")
    found = _node_of(str(iri))
    if isinstance(found, str):
        raise SubjectRejected(field, found)
    return found


def _check_endpoints(rel: str, src: tuple[str, str], dst: tuple[str, str], field: str) -> None:
    if (src[0], dst[0]) not in RELS[rel].endpoints:
        raise SubjectRejected(field, f"{rel} does not join {src[0]} to {dst[0]} "
                                     f"(declared: {RELS[rel].endpoints})")


class SubjectReader:
    """Reads the subjects of one document; holds plain edges until a statement qualifies them.

    `window`: how many plain edges may wait (None: until the end of the document).
    """

    def __init__(self, file: str, list_items: ListItems, window: int | None = None) -> None:
        self.file = file
        self.list_items = list_items
        self.window = window
        self.pending: dict[PlainKey, _PlainEdge] = {}

    def records(self, subject: Term, pairs: Pairs, number: int) -> Iterator[Record]:
        """The records of one subject (its triples in `pairs`), or one Reject naming it."""
        origin = Origin(self.file, number)
        try:
            if not isinstance(subject, Iri):
                raise SubjectRejected("subject", "a blank node subject names no node: give it "
                                                 "an IRI under https://w3id.org/innochain/id/")
            types = [o for p, o in pairs if p == RDF_TYPE]
            if RDF_STATEMENT in types or is_edge_iri(subject):
                found = self._statement(subject, pairs, origin)
            else:
                found = self._node(subject, types, pairs, origin)
        except SubjectRejected as exc:
            yield Reject(origin.file, origin.line, exc.field, str(subject), exc.reason)
            return
        yield from found
        if self.window is not None:
            while len(self.pending) > self.window:
                yield self._plain_record(self.pending.pop(next(iter(self.pending))))

    def plain_edges(self) -> Iterator[Record]:
        """Plain relationship triples that no statement qualified: edges without properties."""
        for edge in self.pending.values():
            yield self._plain_record(edge)
        self.pending.clear()

    @staticmethod
    def _plain_record(edge: _PlainEdge) -> Record:
        if RELS[edge.rel].key_props:
            need = RELS[edge.rel].key_props[0]
            return Reject(edge.origin.file, edge.origin.line, edge.field,
                          f"{edge.src[1]} -> {edge.dst[1]}",
                          f"{edge.rel} needs {need} to tell it apart from other links between "
                          "the same nodes: give it a statement (rdf:Statement) with it")
        return EdgeRecord(edge.rel, edge.src[0], edge.src[1], edge.dst[0], edge.dst[1], {},
                          edge.origin, None, field_name=edge.field)

    # -- nodes --------------------------------------------------------------------------
    def _node(self, subject: Iri, types: list[Term], pairs: Pairs,
              origin: Origin) -> list[Record]:
        label, key = _endpoint(subject, "subject")
        plain: list[_PlainEdge] = []
        props: dict[str, Any] = {}
        raw: dict[str, Term] = {}
        for predicate, obj in pairs:
            if predicate == RDF_TYPE:
                continue
            if predicate == _KEY:
                if not isinstance(obj, Lit) or obj.lex != key:
                    raise SubjectRejected("dcterms:identifier",
                                          f"identifier {short(obj)} differs from the IRI's key "
                                          f"{key!r}")
                continue
            rel = _REL.get(predicate)
            if rel is not None:
                field = short(predicate)
                dst = _endpoint(obj, field)
                _check_endpoints(rel, (label, key), dst, field)
                plain.append(_PlainEdge(rel, (label, key), dst, origin, field))
                continue
            self._property(props, raw, predicate, obj)
        # A subject with relationship triples only states edges, not a node (the relationship
        # section of an export names each source node again).
        roles = self._node_types(types, label) if types or props or not plain else None
        for edge in plain:
            self.pending.setdefault((edge.rel, edge.src, edge.dst), edge)
        if roles is None:
            return []
        role_labels: list[str | None] = list(roles) or [None]
        return [NodeRecord(label, key, dict(props), origin, role) for role in role_labels]

    @staticmethod
    def _node_types(types: list[Term], label: str) -> list[str]:
        labels, roles = [], []
        for cls in dict.fromkeys(types):
            if not isinstance(cls, Iri):
                raise SubjectRejected("rdf:type", f"a class must be an IRI, got {short(cls)}")
            if cls in _LABEL:
                labels.append(_LABEL[cls])
            elif cls in _ROLE:
                roles.append(_ROLE[cls])
            elif cls not in _EXTRA_TYPES:
                raise SubjectRejected("rdf:type", f"unknown class {short(cls)}")
        if labels != [label]:
            raise SubjectRejected("rdf:type", f"a {label} IRI must have the one class "
                                              f"ic:{label}, found {sorted(labels) or 'none'}")
        if label == "LoadRun":
            raise SubjectRejected("rdf:type", "LoadRun nodes record a store's own loads; "
                                              "they are not imported")
        if roles and label != "Organization":
            raise SubjectRejected("rdf:type", f"role classes {roles} apply to Organization only")
        return sorted(roles)

    def _property(self, props: dict[str, Any], raw: dict[str, Term], predicate: str,
                  obj: Term) -> None:
        spec = _PROPERTY.get(predicate)
        if spec is None:
            raise SubjectRejected(short(predicate),
                                  "unknown property (not in the InnoChain vocabulary)")
        if spec.name in raw:
            if raw[spec.name] == obj:
                return  # the same triple twice is one triple
            raise SubjectRejected(spec.name, f"{spec.name} has more than one value; the "
                                             "graph holds one per node or relationship")
        raw[spec.name] = obj
        try:
            props[spec.name] = decode_value(obj, spec, self.list_items)
        except ValueProblem as exc:
            raise SubjectRejected(spec.name, str(exc)) from None

    # -- reified relationships ------------------------------------------------------------
    def _statement(self, subject: Iri, pairs: Pairs, origin: Origin) -> list[Record]:
        if not is_edge_iri(subject):
            raise SubjectRejected("subject", "a relationship statement needs an IRI under "
                                             "https://w3id.org/innochain/id/rel/")
        parts: dict[str, list[Term]] = {p: [] for p in _STATEMENT_PARTS}
        props: dict[str, Any] = {}
        raw: dict[str, Term] = {}
        for p, obj in pairs:
            if p in parts:
                if obj not in parts[p]:
                    parts[p].append(obj)
            elif p == RDF_TYPE:
                if obj not in (RDF_STATEMENT, _MEMBERSHIP):
                    raise SubjectRejected("rdf:type", f"unknown class {short(obj)}")
            elif p not in _MEMBERSHIP_PARTS:
                self._property(props, raw, p, obj)
        missing = [short(p) for p, found in parts.items() if len(found) != 1]
        if missing:
            raise SubjectRejected(missing[0], "a statement needs exactly one rdf:subject, "
                                              "rdf:predicate and rdf:object")
        predicate = parts[_PREDICATE][0]
        rel = _REL.get(predicate) if isinstance(predicate, Iri) else None
        if rel is None:
            raise SubjectRejected("rdf:predicate", f"{short(predicate)} is not a relationship "
                                                   "of the InnoChain vocabulary")
        src = _endpoint(parts[_SUBJECT][0], "rdf:subject")
        dst = _endpoint(parts[_OBJECT][0], "rdf:object")
        _check_endpoints(rel, src, dst, "rdf:predicate")
        self.pending.pop((rel, src, dst), None)
        rkey = None
        if RELS[rel].key_props:
            absent = [k for k in RELS[rel].key_props if props.get(k) is None]
            if absent:
                raise SubjectRejected(absent[0], f"{rel} needs {absent[0]} to tell it apart "
                                                 "from other links between the same nodes")
            rkey = {k: props[k] for k in RELS[rel].key_props}
        return [EdgeRecord(rel, src[0], src[1], dst[0], dst[1], props, origin, rkey,
                           field_name="rdf:object", src_field="rdf:subject")]
