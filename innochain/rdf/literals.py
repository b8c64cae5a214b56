"""Property values to RDF objects and back, by the kind each property declares.

Python type -> RDF: str -> plain literal (``@zh``/``@en`` for name_zh/name_en), int ->
xsd:integer, float -> xsd:double (written in full, see `double_lex`), bool -> xsd:boolean, a
full ISO date in a date property -> xsd:date (partial dates such as ``2021-03`` stay strings),
list -> rdf:List of literals (order and duplicates kept), source -> an IRI under id/source/.
Decoding gives back the same Python value, so a round trip is exact; a literal of another
datatype, or one whose lexical form is not valid for its datatype, is refused.

    >>> spec = PROPERTIES["weight"]
    >>> decode_value(encode_value(1 / 3, spec), spec, lambda head: [])
    0.3333333333333333
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from innochain.rdf.iris import IriError, source_iri, source_of_iri
from innochain.rdf.mapping import PROPERTIES, PropertySpec
from innochain.rdf.terms import (
    RDF_LANGSTRING,
    RDF_NIL,
    XSD_BOOLEAN,
    XSD_DATE,
    XSD_DOUBLE,
    XSD_INTEGER,
    XSD_NS,
    XSD_STRING,
    Blank,
    Iri,
    Lit,
    Obj,
    RdfList,
    Term,
    double_lex,
)

__all__ = ["PROPERTIES", "ValueProblem", "contract_breach", "decode_value", "encode_value"]

_INTEGER_TYPES = {XSD_NS + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "negativeInteger", "nonPositiveInteger", "unsignedLong", "unsignedInt", "unsignedShort",
    "unsignedByte")}
_FLOAT_TYPES = {XSD_DOUBLE, XSD_NS + "float", XSD_NS + "decimal"}
_INTEGER_LEX = re.compile(r"[+-]?[0-9]+")
_DECIMAL_LEX = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")
_DOUBLE_LEX = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?INF|NaN")
_DATE_LEX = re.compile(r"(-?[0-9]{4,}-[0-9]{2}-[0-9]{2})(Z|[+-][0-9]{2}:[0-9]{2})?")
_BOOLEANS = {"true": True, "1": True, "false": False, "0": False}

ListItems = Callable[[Term], list[Term]]
"""Gives the items of the rdf:List whose head is the given term (ValueProblem if none)."""


class ValueProblem(ValueError):
    """A value that does not fit its property (wrong datatype, IRI, list shape)."""


def _is_full_date(text: str) -> bool:
    try:
        return dt.date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def scalar_literal(value: Any, spec: PropertySpec) -> Lit:
    """The literal for one scalar value of a property."""
    if isinstance(value, bool):
        return Lit("true" if value else "false", XSD_BOOLEAN)
    if isinstance(value, int):
        return Lit(str(value), XSD_INTEGER)
    if isinstance(value, float):
        return Lit(double_lex(value), XSD_DOUBLE)
    text = str(value)
    if spec.kind in ("date", "dateish") and len(text) == 10 and _is_full_date(text):
        return Lit(text, XSD_DATE)
    return Lit(text, None, spec.lang)


@lru_cache(maxsize=4096)
def _source(value: str) -> Iri:
    return Iri(source_iri(value))


@lru_cache(maxsize=4096)
def _source_of(iri: str) -> tuple[str, str]:
    """(source id, "") of a source IRI, or ("", why it is not one)."""
    try:
        return source_of_iri(iri), ""
    except IriError as exc:
        return "", str(exc)


def encode_value(value: Any, spec: PropertySpec) -> Obj:
    """The RDF object for `value`: an IRI (source), an RdfList (lists) or a literal."""
    if spec.kind == "source":
        return _source(str(value))
    if isinstance(value, list | tuple):
        return RdfList(scalar_literal(v, spec) for v in value)
    return scalar_literal(value, spec)


def _fits(value: Any, kind: str) -> bool:
    if kind in ("str", "source", "date"):
        return isinstance(value, str)
    if isinstance(value, bool):
        return kind == "bool"
    if kind == "int":
        return isinstance(value, int)
    if kind == "num":
        return isinstance(value, int | float)
    if kind == "dateish":
        return isinstance(value, str | int)
    if kind == "scalar":
        return isinstance(value, str | int | float)
    if kind == "list":
        return isinstance(value, list | tuple) and all(
            isinstance(v, str | int | float) for v in value)
    return False


def contract_breach(value: Any, spec: PropertySpec) -> str | None:
    """Why a stored value breaks the documented kind (so its import would be refused)."""
    if _fits(value, spec.kind):
        return None
    return f"{spec.name} expects {spec.kind}, got {type(value).__name__}"


def decode_value(obj: Term, spec: PropertySpec, list_items: ListItems) -> Any:
    """The Python value of an RDF object for `spec`; ValueProblem when it does not fit."""
    if spec.kind == "source":
        if not isinstance(obj, Iri):
            raise ValueProblem(f"{spec.name} must be an IRI under id/source/, got a literal")
        source, problem = _source_of(str(obj))
        if problem:
            raise ValueProblem(problem)
        return source
    if spec.kind == "list":
        if obj != RDF_NIL and not isinstance(obj, Blank):
            raise ValueProblem(f"{spec.name} must be an rdf:List of literals")
        return [decode_scalar(item, spec, in_list=True) for item in list_items(obj)]
    return decode_scalar(obj, spec)


def _invalid(spec: PropertySpec, lit: Lit) -> ValueProblem:
    return ValueProblem(f"{spec.name}: {lit.lex!r} is not a valid {lit.datatype}")


def decode_scalar(obj: Term, spec: PropertySpec, in_list: bool = False) -> Any:
    """The Python value of one literal for `spec` (a list item when `in_list`)."""
    if not isinstance(obj, Lit):
        shown = f"<{obj}>" if isinstance(obj, Iri) else f"_:{obj}"
        raise ValueProblem(f"{spec.name} must be a literal, got {shown}")
    datatype, lex = obj.datatype, obj.lex
    value: Any
    allowed: tuple[str, ...]
    if datatype in (None, XSD_STRING, RDF_LANGSTRING):
        value, allowed = lex, ("str", "date", "dateish", "scalar")
    elif datatype == XSD_DATE:
        match = _DATE_LEX.fullmatch(lex)
        if match is None or not _is_full_date(match.group(1)):
            raise _invalid(spec, obj)
        value, allowed = lex, ("date", "dateish")
    elif datatype == XSD_BOOLEAN:
        if lex not in _BOOLEANS:
            raise _invalid(spec, obj)
        value, allowed = _BOOLEANS[lex], ("bool",)
    elif datatype in _INTEGER_TYPES:
        if not _INTEGER_LEX.fullmatch(lex):
            raise _invalid(spec, obj)
        value, allowed = int(lex), ("int", "num", "dateish", "scalar")
    elif datatype in _FLOAT_TYPES:
        pattern = _DECIMAL_LEX if datatype == XSD_NS + "decimal" else _DOUBLE_LEX
        if not pattern.fullmatch(lex):
            raise _invalid(spec, obj)
        value, allowed = float(lex), ("num", "scalar")
    else:
        raise ValueProblem(f"{spec.name} has an unsupported datatype {datatype}")
    if in_list:  # list items may be strings or numbers; the list itself was checked
        allowed = ("list",)
    if spec.kind not in allowed:
        raise ValueProblem(f"{spec.name} expects {spec.kind}, got a literal typed "
                           f"{datatype or XSD_STRING}")
    return value
