"""Publication and application numbers in one canonical spelling."""

from __future__ import annotations

import pytest

from innochain.loaders.publication_numbers import (
    normalise_application_number,
    normalise_publication_number,
)


@pytest.mark.parametrize(("raw", "canonical"), [
    ("CN 114123456 A", "CN114123456A"), ("US 9,893,215 B2", "US9893215B2"),
    ("EP 2 220 689", "EP2220689"), ("US 8,222,516", "US8222516"),
    ("cn114123456a", "CN114123456A"), ("ＣＮ１１４１２３４５６Ａ", "CN114123456A"),
    ("CN-114123456-A", "CN114123456A"), ("WO 2020/123456 A1", "WO2020123456A1"),
    ("US 2019/0123456 A1", "US20190123456A1"), ("USD515086S1", "USD515086S1"),
    ("EP 2 297 788 B1", "EP2297788B1"),
])
def test_publication_numbers(raw: str, canonical: str) -> None:
    assert normalise_publication_number(raw) == canonical


@pytest.mark.parametrize("raw", ["", "hello", "123456", "ZL 2019 1 0123456.7"])
def test_invalid_publication_numbers_say_why(raw: str) -> None:
    with pytest.raises(ValueError, match="publication number"):
        normalise_publication_number(raw)


@pytest.mark.parametrize(("raw", "canonical"), [
    ("ZL 2019 1 0123456.7", "CN201910123456.7"), ("201910123456.7", "CN201910123456.7"),
    ("CN201910123456.7", "CN201910123456.7"), ("ZL98123456.X", "CN98123456.X"),
    ("US 16/123,456", "US16123456"),
])
def test_application_numbers(raw: str, canonical: str) -> None:
    assert normalise_application_number(raw) == canonical
