"""Parameters from the CLI and the dashboard arrive as strings: make them the declared types."""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from typing import Any

from innochain.errors import QueryPackError
from innochain.queries.pack_format import ParamSpec, QuerySpec

_TRUE = {"true", "t", "yes", "y", "1", "on", "是"}
_FALSE = {"false", "f", "no", "n", "0", "off", "否"}
_TYPE_WORDS = {
    "str": "a text",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "list[str]": "a comma-separated list of texts",
    "list[int]": "a comma-separated list of whole numbers",
}


class QueryParameterError(QueryPackError):
    """A parameter is missing, unknown, of the wrong type or out of bounds."""

    def __init__(self, query_id: str, param: str, message: str) -> None:
        super().__init__(f"{query_id}: {message}")
        self.query_id = query_id
        self.param = param


def example_hint(param: ParamSpec) -> str:
    """`-p name=example` for messages, from the declared example or default."""
    sample = param.example if param.example is not None else param.default
    if sample is None:
        sample = {"int": 1, "float": 0.5, "bool": "true"}.get(param.type, "...")
    if isinstance(sample, list):
        sample = ",".join(str(s) for s in sample)
    if isinstance(sample, bool):
        sample = str(sample).lower()
    return f"-p {param.name}={sample}"


def coerce_params(spec: QuerySpec, given: Mapping[str, Any] | None) -> dict[str, Any]:
    """Declared parameters with defaults filled and values of the declared types."""
    given = dict(given or {})
    for name in given:
        if name not in spec.params:
            close = difflib.get_close_matches(name, list(spec.params), n=3, cutoff=0.5)
            hint = f"did you mean {', '.join(close)}?" if close else (
                f"it takes {', '.join(spec.params) or 'no parameters'}")
            raise QueryParameterError(spec.id, name, f"unknown parameter {name!r}: {hint}")
    out: dict[str, Any] = {}
    for name, param in spec.params.items():
        value = given.get(name)
        if value is None or (isinstance(value, str) and value == "" and param.type != "str"):
            if param.required:
                raise QueryParameterError(
                    spec.id, name, f"missing parameter {name} ({param.type}: "
                    f"{param.description.en}), e.g. {example_hint(param)}")
            out[name] = param.default
            continue
        out[name] = _coerce(spec.id, param, value)
        _check_bounds(spec.id, param, out[name])
    return out


def _coerce(query_id: str, param: ParamSpec, value: Any) -> Any:
    try:
        if param.type.startswith("list["):
            item_type = param.type[5:-1]
            items = value.split(",") if isinstance(value, str) else value
            if not isinstance(items, list | tuple):
                raise ValueError
            return [_scalar(item_type, i.strip() if isinstance(i, str) else i) for i in items
                    if not (isinstance(i, str) and not i.strip())]
        return _scalar(param.type, value)
    except (ValueError, TypeError):
        raise QueryParameterError(
            query_id, param.name, f"parameter {param.name} must be {_TYPE_WORDS[param.type]} "
            f"({param.type}), got {value!r}; e.g. {example_hint(param)}") from None


def _scalar(type_name: str, value: Any) -> Any:
    """One value of a scalar type, from a string or from a value of a compatible type."""
    if type_name == "str":
        if not isinstance(value, str):
            raise TypeError
        return value
    if type_name == "bool":
        if isinstance(value, bool):
            return value
        word = str(value).strip().lower() if isinstance(value, str | int) else None
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        raise ValueError
    if isinstance(value, bool):  # True is an int in Python, never a number here
        raise TypeError
    if type_name == "int":
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, int):
            return value
        if isinstance(value, str):
            return int(value.strip())
        raise TypeError
    number = float(value.strip()) if isinstance(value, str) else value
    if not isinstance(number, int | float) or not math.isfinite(number):
        raise ValueError
    return float(number)


def _check_bounds(query_id: str, param: ParamSpec, value: Any) -> None:
    values = value if isinstance(value, list) else [value]
    for item in values:
        if not isinstance(item, int | float) or isinstance(item, bool):
            continue
        if param.min is not None and item < param.min:
            raise QueryParameterError(query_id, param.name, f"parameter {param.name} = {item} "
                                      f"is below its minimum {param.min}")
        if param.max is not None and item > param.max:
            raise QueryParameterError(query_id, param.name, f"parameter {param.name} = {item} "
                                      f"is above its maximum {param.max}")
