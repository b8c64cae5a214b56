"""The `CYPHER name=value ...` header FalkorDB reads its parameters from, checked and written
in one pass.

The falkordb client writes parameters as Cypher text in front of the query; checking them
(`store.check_params`) and then letting the client write them walked every value of a
5,000-row batch twice, in the two slowest functions of a load. This writes the same text
as the client (strings in double quotes with backslash and quote escaped, map keys in
backticks, None as null) while checking each value once. A NUL in a string, which FalkorDB's
parser cannot read, is written as U+FFFD. Anything it does not accept is
handed to `check_params`, so the refusal carries the same message as before.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from innochain.errors import ParameterTypeError
from innochain.graph.store import INT64_MAX, INT64_MIN, check_params

_CHECKED_KEYS: set[str] = set()  # map keys already seen to be plain (no backtick, not empty)


class _Refused(Exception):
    """A value the header cannot carry; check_params names it."""


def params_header(params: Mapping[str, Any] | None) -> str:
    """`CYPHER `a`=1 `b`="x" ` for {"a": 1, "b": "x"}; '' without parameters."""
    if not params:
        if params is not None and not isinstance(params, Mapping):
            check_params(params)
        return ""
    if not isinstance(params, Mapping):
        check_params(params)  # raises, naming the type
    out: list[str] = ["CYPHER "]
    try:
        for name, value in params.items():
            if type(name) is not str or not name or "`" in name:
                raise _Refused
            out.append(f"`{name}`=")
            _write(value, out)
            out.append(" ")
    except (_Refused, RecursionError):
        check_params(params)  # raises with the precise message
        raise ParameterTypeError("parameters must be str, int, float, bool, None, lists "
                                 "or maps with plain string keys") from None
    return "".join(out)


def _write(value: Any, out: list[str]) -> None:
    kind = type(value)
    if kind is str:
        if "\x00" in value:
            # FalkorDB's query parser ends a string at NUL ("Invalid input"), so a NUL (never
            # meaningful in text) is stored as U+FFFD, the replacement character.
            value = value.replace("\x00", "\ufffd")
        if not value:
            out.append('""')
        elif "\\" in value or '"' in value:
            out.append('"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"')
        else:
            out.append('"' + value + '"')
    elif value is None:
        out.append("null")
    elif kind is bool:
        out.append("True" if value else "False")
    elif kind is int:
        if not INT64_MIN <= value <= INT64_MAX:
            raise _Refused
        out.append(str(value))
    elif kind is float:
        if not math.isfinite(value):
            raise _Refused
        out.append(str(value))
    elif kind is dict or isinstance(value, Mapping):
        _write_map(value, out)
    elif kind is list or kind is tuple:
        out.append("[")
        first = True
        for item in value:
            if not first:
                out.append(",")
            first = False
            _write(item, out)
        out.append("]")
    elif isinstance(value, int):  # subclasses, as check_params lets them through
        _write(int(value), out)
    elif isinstance(value, float):
        _write(float(value), out)
    elif isinstance(value, str):
        _write(str(value), out)
    else:
        raise _Refused  # dates, Decimals, numpy integers ...


def _write_map(value: Mapping[str, Any], out: list[str]) -> None:
    out.append("{")
    first = True
    for key, item in value.items():
        if key not in _CHECKED_KEYS:
            if type(key) is not str or not key or "`" in key:
                raise _Refused
            if len(_CHECKED_KEYS) < 10_000:
                _CHECKED_KEYS.add(key)
        out.append(f"`{key}`:" if first else f",`{key}`:")
        first = False
        _write(item, out)
    out.append("}")
