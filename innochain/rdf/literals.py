"""Property values to RDF objects and back, by the kind each property declares.

Python type -> RDF: str -> plain literal (``@zh``/``@en`` for name_zh/name_en), int ->
xsd:integer, float -> xsd:double, bool -> xsd:boolean, a full ISO date in a date property ->
xsd:date (partial dates such as ``2021-03`` stay strings), list -> rdf:List of literals
(order and duplicates kept), source -> an IRI under id/source/. Decoding gives back the
same Python value, so a round trip is exact; a literal of another datatype is refused.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from innochain.rdf.iris import IriError, source_iri, source_of_iri
from innochain.rdf.mapping import PropertySpec

_NUMBER_TYPES = {XSD.integer, XSD.int, XSD.long, XSD.short, XSD.byte, XSD.nonNegativeInteger,
                 XSD.positiveInteger, XSD.negativeInteger, XSD.nonPositiveInteger,
                 XSD.unsignedLong, XSD.unsignedInt, XSD.unsignedShort, XSD.unsignedByte}
_FLOAT_TYPES = {XSD.double, XSD.float, XSD.decimal}


class ValueProblem(ValueError):
    """A value that does not fit its property (wrong datatype, IRI, list shape)."""


def _is_full_date(text: str) -> bool:
    try:
        return dt.date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def scalar_literal(value: Any, spec: PropertySpec) -> Literal:
    """The literal for one scalar value of a property."""
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int | float):
        return Literal(value)
    text = str(value)
    if spec.kind in ("date", "dateish") and _is_full_date(text):
        return Literal(text, datatype=XSD.date)
    return Literal(text, lang=spec.lang)


def encode_value(graph: Graph, value: Any, spec: PropertySpec) -> Node:
    """The RDF object for `value`; lists become rdf:Lists added to `graph`."""
    if spec.kind == "source":
        return source_iri(str(value))
    if isinstance(value, list | tuple):
        if not value:
            return RDF.nil
        head = BNode()
        Collection(graph, head, [scalar_literal(v, spec) for v in value])
        return head
    return scalar_literal(value, spec)


def contract_breach(value: Any, spec: PropertySpec) -> str | None:
    """Why a stored value breaks the documented kind (so its import would be refused)."""
    try:
        _check_python(value, spec)
    except ValueProblem as exc:
        return str(exc)
    return None


def _check_python(value: Any, spec: PropertySpec) -> None:
    kind = spec.kind
    is_num = isinstance(value, int | float) and not isinstance(value, bool)
    ok = {
        "str": isinstance(value, str), "source": isinstance(value, str),
        "int": is_num and isinstance(value, int), "num": is_num,
        "bool": isinstance(value, bool), "date": isinstance(value, str),
        "dateish": isinstance(value, str) or (is_num and isinstance(value, int)),
        "scalar": isinstance(value, str) or is_num,
        "list": isinstance(value, list | tuple)
        and all(isinstance(v, str | int | float) for v in value),
    }[kind]
    if not ok:
        raise ValueProblem(f"{spec.name} expects {kind}, got {type(value).__name__}")


def decode_value(graph: Graph, obj: Node, spec: PropertySpec) -> Any:
    """The Python value of an RDF object for `spec`; ValueProblem when it does not fit."""
    if spec.kind == "source":
        if not isinstance(obj, URIRef):
            raise ValueProblem(f"{spec.name} must be an IRI under id/source/, got a literal")
        try:
            return source_of_iri(obj)
        except IriError as exc:
            raise ValueProblem(str(exc)) from None
    if spec.kind == "list":
        if obj != RDF.nil and not isinstance(obj, BNode):
            raise ValueProblem(f"{spec.name} must be an rdf:List of literals")
        items = list(Collection(graph, obj))
        return [_decode_scalar(item, spec, in_list=True) for item in items]
    return _decode_scalar(obj, spec)


def _decode_scalar(obj: Node, spec: PropertySpec, in_list: bool = False) -> Any:
    if not isinstance(obj, Literal):
        raise ValueProblem(f"{spec.name} must be a literal, got {obj.n3()}")
    if obj.ill_typed:
        raise ValueProblem(f"{spec.name}: {str(obj)!r} is not a valid {obj.datatype}")
    datatype = obj.datatype
    if datatype in (None, XSD.string, RDF.langString):
        value: Any = str(obj)
        allowed: tuple[str, ...] = ("str", "date", "dateish", "scalar")
    elif datatype == XSD.date:
        value, allowed = str(obj), ("date", "dateish")
    elif datatype == XSD.boolean:
        value, allowed = bool(obj.toPython()), ("bool",)
    elif datatype in _NUMBER_TYPES:
        value, allowed = int(obj.toPython()), ("int", "num", "dateish", "scalar")
    elif datatype in _FLOAT_TYPES:
        value, allowed = float(obj.toPython()), ("num", "scalar")
    else:
        raise ValueProblem(f"{spec.name} has an unsupported datatype {datatype}")
    if in_list:  # list items may be strings or numbers; the list itself was checked
        allowed = ("list",)
    if spec.kind not in allowed:
        raise ValueProblem(f"{spec.name} expects {spec.kind}, got a literal typed "
                           f"{datatype or 'xsd:string'}")
    return value
