"""What the FalkorDB adapter puts on the wire: the parameter header and GRAPH.BULK blocks."""

from __future__ import annotations

import struct
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from falkordb.helpers import stringify_param_value

from innochain.errors import ParameterTypeError
from innochain.graph import falkordb_bulk_format as fmt
from innochain.graph.falkordb_params import params_header
from innochain.graph.store import check_params

VALUES: list[Any] = [
    "", "plain", 'a "quoted" \\ back\\slash', "中文 ünïcode\n\ttab", 0, -1, 2**63 - 1,
    -(2**63), 1.5, 1e300, -0.0, True, False, None, [], [1, "a", None, [2.5]],
    {"k": 1, "ä-key": "v", "nested": {"deep": [True, None]}}, ("t", 1),
]


def _client_header(params: dict[str, Any]) -> str:
    """The header the falkordb client itself would write for these parameters."""
    return "CYPHER " + "".join(f"`{k}`={stringify_param_value(v)} " for k, v in params.items())


@pytest.mark.parametrize("value", VALUES, ids=lambda v: repr(v)[:30])
def test_the_header_is_the_one_the_client_writes(value: Any) -> None:
    params = {"rows": [{"key": "k1", "props": {"v": value}}], "x": value}
    assert params_header(params) == _client_header(params)


@pytest.mark.parametrize("bad", [date(2024, 1, 1), Decimal("1.5"), float("nan"), 2**63,
                                 {"": 1}, {"a`b": 1}, {1: "x"}, object()])
def test_a_value_check_params_refuses_is_refused_with_its_message(bad: Any) -> None:
    params = {"rows": [{"props": {"v": bad}}]}
    with pytest.raises(ParameterTypeError) as expected:
        check_params(params)
    with pytest.raises(ParameterTypeError) as got:
        params_header(params)
    assert str(got.value) == str(expected.value)


def test_no_parameters_give_no_header() -> None:
    assert params_header(None) == params_header({}) == ""


def test_a_node_block_carries_labels_names_and_typed_values() -> None:
    out = fmt.header("Organization:Firm", ["id", "n", "ok", "x", "tags", "gone"])
    fmt.encode_values(out, ["id", "n", "ok", "x", "tags", "gone"],
                      {"id": "o1", "n": 7, "ok": True, "x": 0.5, "tags": ["a"], "gone": None})
    expected = (b"Organization:Firm\x00" + struct.pack("=I", 6)
                + b"id\x00n\x00ok\x00x\x00tags\x00gone\x00"
                + b"\x03o1\x00" + struct.pack("=Bq", 4, 7) + b"\x01\x01"
                + struct.pack("=Bd", 2, 0.5) + struct.pack("=Bq", 5, 1) + b"\x03a\x00" + b"\x00")
    assert bytes(out) == expected


@pytest.mark.parametrize("bad", [{"m": 1}, [1, None], "nul\x00", 2**64, float("inf"),
                                 date(2024, 1, 1)])
def test_a_value_the_bulk_format_cannot_carry_leaves_the_block_as_it_was(bad: Any) -> None:
    out = fmt.header("Patent", ["id", "v"])
    before = bytes(out)
    with pytest.raises(fmt.Unencodable):
        fmt.encode_values(out, ["id", "v"], {"id": "p", "v": bad})
    assert bytes(out) == before
