"""Run a pack query on any GraphStore: check the parameters, run read-only, check the columns."""

from __future__ import annotations

import difflib
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from innochain.errors import QueryPackError
from innochain.graph.store import GraphStore
from innochain.queries.pack_format import ParamSpec, QuerySpec
from innochain.queries.pack_library import PackInfo, QueryLibrary, load_library
from innochain.queries.param_coercion import QueryParameterError, coerce_params

LOOKUP_PACK = "_lookups"
# Labels with few nodes: a missing id is answered with close ids from the graph.
_LISTABLE = ("Park", "Segment", "Technology", "Standard", "Case")
_FINDERS = {"Organization": "match.find_organization -p name=..."}


@dataclass(frozen=True)
class QueryResult:
    """A query's rows with what produced them: the query's metadata and the parameters used."""

    spec: QuerySpec
    params: dict[str, Any]
    frame: pd.DataFrame
    seconds: float
    backend: str


def list_packs(library: QueryLibrary | None = None) -> list[PackInfo]:
    """The public packs in listing order."""
    return (library or load_library()).ordered_packs()


def list_queries(pack: str | None = None, library: QueryLibrary | None = None) -> list[QuerySpec]:
    """The queries of one pack, or of every public pack."""
    lib = library or load_library()
    ids = lib.pack(pack).queries if pack else tuple(lib.public_ids())
    return [lib.queries[qid] for qid in ids]


def run(store: GraphStore, query_id: str, params: Mapping[str, Any] | None = None, *,
        library: QueryLibrary | None = None) -> QueryResult:
    """Run one query by id with parameters (strings are converted to the declared types)."""
    lib = library or load_library()
    spec = lib.query(query_id)
    values = coerce_params(spec, params)
    check_references(store, lib, spec, values)
    started = time.perf_counter()
    frame = store.run(spec.cypher, values, read_only=True, tag=spec.id)
    seconds = time.perf_counter() - started
    check_columns(spec, frame)
    return QueryResult(spec=spec, params=values, frame=normalise_types(spec, frame),
                       seconds=seconds, backend=getattr(store, "backend", "?"))


def check_references(store: GraphStore, library: QueryLibrary, spec: QuerySpec,
                     values: Mapping[str, Any]) -> None:
    """Every parameter declared `ref: <Label>` must name existing nodes of that label."""
    for param in spec.params.values():
        value = values.get(param.name)
        if param.ref is None or value is None or value == []:
            continue
        ids = list(value) if isinstance(value, list) else [value]
        lookup = library.query(f"{LOOKUP_PACK}.{param.ref.lower()}")
        found = store.run(lookup.cypher, {"ids": ids}, read_only=True, tag=lookup.id)
        known = set(found["id"]) if "id" in found.columns else set()
        missing = [i for i in ids if i not in known]
        if missing:
            raise QueryParameterError(spec.id, param.name,
                                      _missing_message(store, library, param, missing[0]))


def _missing_message(store: GraphStore, library: QueryLibrary, param: ParamSpec,
                     missing: str) -> str:
    text = f"parameter {param.name}: no {param.ref} with id {missing!r} in the graph"
    if param.ref in _LISTABLE:
        listing = library.query(f"{LOOKUP_PACK}.{str(param.ref).lower()}_ids")
        frame = store.run(listing.cypher, {}, read_only=True, tag=listing.id)
        ids = [str(i) for i in frame["id"]] if "id" in frame.columns else []
        close = difflib.get_close_matches(missing, ids, n=3, cutoff=0.7)
        if close:
            return f"{text} (did you mean {', '.join(close)}?)"
        return f"{text}; it has {', '.join(ids[:8]) or 'none'}"
    if param.ref in _FINDERS:
        return f"{text}; find ids with `innochain query {_FINDERS[str(param.ref)]}`"
    return text


def check_columns(spec: QuerySpec, frame: pd.DataFrame) -> None:
    """The returned columns must be the header's, in the header's order."""
    declared, returned = list(spec.columns), list(frame.columns)
    if declared != returned:
        missing = [c for c in declared if c not in returned]
        extra = [c for c in returned if c not in declared]
        detail = f"missing {missing}, extra {extra}" if missing or extra else "order differs"
        raise QueryPackError(f"{spec.path}:{spec.body_line}: {spec.id} returned columns "
                             f"{returned} but its header declares {declared} ({detail})")


def normalise_types(spec: QuerySpec, frame: pd.DataFrame) -> pd.DataFrame:
    """Integral floats in int columns become ints, ints in float columns floats.

    FalkorDB and Neo4j disagree on some numeric types (a sum of integers is a float on
    FalkorDB), so the declared column type decides what the user sees.
    """
    out = frame.copy()
    for name, column in spec.columns.items():
        if column.type in ("int", "float") and name in out.columns:
            out[name] = pd.Series([_number(v, column.type) for v in out[name]],
                                  index=out.index, dtype=object)
    return out


def _number(value: Any, type_name: str) -> Any:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, float) and value != value:  # NaN from an empty pandas cell
        return None
    if type_name == "int" and isinstance(value, float) and value.is_integer():
        return int(value)
    if type_name == "float" and isinstance(value, int):
        return float(value)
    return value
