"""IPC/CPC symbol forms: canonical text, WIPO 14-character form, levels, prefix matching."""

from __future__ import annotations

import pytest

from innochain.loaders.ipc_symbols import (
    ancestors,
    ipc_level,
    normalize_symbol,
    pattern_matches,
    symbol_to_wipo14,
    wipo14_to_symbol,
)


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("H01L31/18", "H01L31/18"),
        ("H01L 31/18", "H01L31/18"),
        ("h01l 31/0747", "H01L31/0747"),
        ("H01L0031180000", "H01L31/18"),
        ("H01L31/18 (2006.01)", "H01L31/18"),
        ("H01L31/1800", "H01L31/18"),
        ("H02S", "H02S"),
        ("H01", "H01"),
        ("H", "H"),
        ("H10K30/", "H10K30/00"),
        ("C30B15", "C30B15/00"),
        ("Y02E 10/547", "Y02E10/547"),
        ("H01L31/022441", "H01L31/022441"),
    ],
)
def test_normalize_symbol(raw: str, canonical: str) -> None:
    assert normalize_symbol(raw) == canonical


@pytest.mark.parametrize(
    "bad", ["", "31/18", "H1L31/18", "H01L31/18/2", "ZZZ", "H01L0/00", "H01L31/1234567"]
)
def test_normalize_symbol_rejects_malformed(bad: str) -> None:
    with pytest.raises(ValueError):
        normalize_symbol(bad)


@pytest.mark.parametrize(
    ("wipo14", "symbol"),
    [
        ("H01L0031180000", "H01L31/18"),
        ("H01L0031000000", "H01L31/00"),
        ("H01L0031022400", "H01L31/0224"),
        ("H02M0007538380", "H02M7/53838"),
        ("A01B0001020000", "A01B1/02"),
        ("H02S", "H02S"),
    ],
)
def test_wipo14_round_trip(wipo14: str, symbol: str) -> None:
    assert wipo14_to_symbol(wipo14) == symbol
    assert symbol_to_wipo14(symbol) == wipo14


def test_wipo14_to_symbol_rejects_slash_form() -> None:
    with pytest.raises(ValueError):
        wipo14_to_symbol("H01L31/18")


@pytest.mark.parametrize(
    ("symbol", "level"),
    [("H", "section"), ("H01", "class"), ("H01L", "subclass"), ("H01L31/00", "main group"),
     ("H01L0031000000", "main group"), ("H01L31/18", "subgroup"), ("H01L31/0747", "subgroup")],
)
def test_ipc_level(symbol: str, level: str) -> None:
    assert ipc_level(symbol) == level


def test_ancestors_up_to_section() -> None:
    assert ancestors("H01L31/0747") == ["H01L31/00", "H01L", "H01", "H"]
    assert ancestors("H01L31/00") == ["H01L", "H01", "H"]
    assert ancestors("H02S") == ["H02", "H"]
    assert ancestors("H") == []


@pytest.mark.parametrize(
    ("pattern", "symbol", "expected"),
    [
        ("H01L31/068", "H01L31/0687", True),   # subgroup digits extend the pattern
        ("H01L31/068", "H01L 31/068", True),
        ("H01L31/068", "H01L31/06", False),    # a parent is not under its child
        ("H01L31/068", "H01L31/0693", False),
        ("H01L31/00", "H01L31/0747", True),    # a main group covers its whole group
        ("H01L31/00", "H01L310/00", False),    # ...but not another main group with more digits
        ("H01L3/00", "H01L31/00", False),
        ("H02S", "H02S40/34", True),
        ("H02S", "H02J3/38", False),
        ("H01L31/18", "H01L0031186000", True),
        ("Y02E10/54", "Y02E10/547", True),
    ],
)
def test_pattern_matches(pattern: str, symbol: str, expected: bool) -> None:
    assert pattern_matches(pattern, symbol) is expected


@pytest.mark.parametrize("symbol", ["H", "H01", "H01L", "H01L31/00", "H01L0031000000",
                                    "H01L31/18", "H01L 31/0747 (2006.01)", "Y02E10/547"])
def test_level_and_parent_from_one_parse_agree_with_level_and_ancestors(symbol: str) -> None:
    from innochain.loaders.ipc_symbols import level_and_parent

    assert level_and_parent(symbol) == (ipc_level(symbol), (ancestors(symbol) or [None])[0])


@pytest.mark.parametrize("wipo14", ["H01L0031180000", "H01L0031000000", "A01B0001000000",
                                    "Y02E0010547000", "h01l0031186000 ", "H02S", "H", "H01",
                                    "H01L0000000000"])
def test_wipo14_to_symbol_is_the_canonical_form(wipo14: str) -> None:
    assert wipo14_to_symbol(wipo14) == normalize_symbol(wipo14)
