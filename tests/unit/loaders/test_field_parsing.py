"""Typed cell parsing: dates in every spelling people use, yes/no, numbers."""

from __future__ import annotations

import pytest

from innochain.loaders.field_parsing import (
    FieldError,
    parse_bool,
    parse_date,
    parse_float,
    parse_int,
    parse_year,
    split_list,
)


@pytest.mark.parametrize("text", ["2021-03-05", "2021/3/5", "2021.03.05", "20210305",
                                  "2021年3月5日", "44260", "44260.0", "2021-03-05T10:11:12"])
def test_dates(text: str) -> None:
    assert parse_date(text) == "2021-03-05"


@pytest.mark.parametrize("text", ["2021-13-01", "2021-02-30", "yesterday", "2021", "1700-01-01"])
def test_bad_dates_say_why(text: str) -> None:
    with pytest.raises(FieldError):
        parse_date(text)


def test_bool_int_float_year_list() -> None:
    assert [parse_bool(t) for t in ("是", "否", "YES", "no", "true", "False", "1", "0")] == \
        [True, False, True, False, True, False, True, False]
    assert parse_int("1,234") == 1234 and parse_int("12.0") == 12
    assert parse_float("35%") == pytest.approx(0.35) and parse_float("1,5.5") == 15.5
    assert parse_year("2021.0") == 2021 and parse_year("2021/3/5") == 2021
    assert split_list("a; b；a;;c") == ["a", "b", "c"]
    for parse, text in ((parse_bool, "maybe"), (parse_int, "1.5"), (parse_float, "x"),
                        (parse_year, "3000")):
        with pytest.raises(FieldError):
            parse(text)
