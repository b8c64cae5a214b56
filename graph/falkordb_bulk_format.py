"""The binary entity blocks FalkorDB's GRAPH.BULK command reads.

One block per label set (nodes) or relationship type (edges): the name (labels joined by
':'), NUL-terminated; a 4-byte count of property names; each name NUL-terminated; then one
entry per entity. A node entry is its property values in header order; an edge entry is
the source and destination node ids (8 bytes each) and then its values. A value is a type
byte and its payload: 0 null (the property is left out), 1 bool (1 byte), 2 double
(8 bytes), 3 string (UTF-8, NUL-terminated), 4 long (8 bytes), 5 array (8-byte length and
that many values). Everything is in the machine's byte order, as the server reads it.

The command is `GRAPH.BULK graph [BEGIN] nodes edges node_blocks edge_blocks block...`;
the server numbers new nodes in the order they arrive, which is how edges name them.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Mapping, Sequence
from typing import Any

from innochain.graph.store import INT64_MAX, INT64_MIN

_LONG = struct.Struct("=Bq").pack
_DOUBLE = struct.Struct("=Bd").pack
_ENDS = struct.Struct("=QQ").pack
_COUNT = struct.Struct("=I").pack
BLOCK_BYTES = 64 * 2**20  # one block stays well under Redis's 512 MB argument limit


class Unencodable(Exception):
    """A value the bulk format cannot carry (a map, a NUL in a string, an unknown type...)."""


def header(name: str, columns: Sequence[str]) -> bytearray:
    """The block header: entity name, property count, property names."""
    out = bytearray(_cstring(name))
    out += _COUNT(len(columns))
    for column in columns:
        out += _cstring(column)
    return out


def encode_values(out: bytearray, columns: Sequence[str], props: Mapping[str, Any]) -> None:
    """Append one entity's values in column order; on Unencodable `out` is left as it was."""
    mark = len(out)
    get = props.get
    try:
        for column in columns:
            value = get(column)
            if type(value) is str:  # the common cases inline: this runs for every value
                data = value.encode("utf-8")
                if b"\x00" in data:
                    raise Unencodable("a string holds a NUL character")
                out += b"\x03"
                out += data
                out += b"\x00"
            elif value is None:
                out += b"\x00"
            else:
                encode_value(out, value)
    except Unencodable:
        del out[mark:]
        raise


def encode_string(out: bytearray, text: str) -> None:
    """Append one string value (a node's key)."""
    if type(text) is not str:
        encode_value(out, text)
        return
    data = text.encode("utf-8")
    if b"\x00" in data:
        raise Unencodable("a string holds a NUL character")
    out += b"\x03"
    out += data
    out += b"\x00"


def encode_ends(out: bytearray, src: int, dst: int) -> None:
    """Append an edge's source and destination node ids."""
    out += _ENDS(src, dst)


def _cstring(text: str) -> bytes:
    data = text.encode("utf-8")
    if b"\x00" in data:
        raise Unencodable(f"{text!r} holds a NUL character")
    return data + b"\x00"


def encode_value(out: bytearray, value: Any) -> None:
    """Append one value (the caller restores `out` if this raises Unencodable)."""
    kind = type(value)
    if kind is str:
        data = value.encode("utf-8")
        if b"\x00" in data:
            raise Unencodable("a string holds a NUL character")
        out += b"\x03"
        out += data
        out += b"\x00"
    elif value is None:
        out += b"\x00"
    elif kind is bool:
        out += b"\x01\x01" if value else b"\x01\x00"
    elif kind is int:
        if not INT64_MIN <= value <= INT64_MAX:
            raise Unencodable(f"{value} does not fit a 64-bit integer")
        out += _LONG(4, value)
    elif kind is float:
        if not math.isfinite(value):
            raise Unencodable(f"{value} is not a finite number")
        out += _DOUBLE(2, value)
    elif kind is list or kind is tuple:
        out += _LONG(5, len(value))
        for item in value:
            if item is None:  # FalkorDB refuses null in a stored array: let MERGE say so
                raise Unencodable("an array holds a null")
            encode_value(out, item)
    elif isinstance(value, int) and not isinstance(value, bool):
        encode_value(out, int(value))
    elif isinstance(value, float):
        encode_value(out, float(value))
    elif isinstance(value, str):
        encode_value(out, str(value))
    else:
        raise Unencodable(f"a {type(value).__name__} is not a property value")


def fingerprint(props: Mapping[str, Any]) -> int | None:
    """A hash of a property map in its key order, or None when a value is a list.

    Two maps with the same items in another order hash apart: that only costs an update.
    """
    try:
        return hash(tuple(props.items()))
    except TypeError:
        return None
