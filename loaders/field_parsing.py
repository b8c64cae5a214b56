"""Typed parsing of one spreadsheet cell: int, float, bool, year, ISO date, lists.

Each parser takes the cleaned cell text and returns a plain value or raises `FieldError`
with a reason a data owner understands; loaders turn that into a Reject.

>>> parse_date("2021/3/5"), parse_date("20210305"), parse_date("44260")
('2021-03-05', '2021-03-05', '2021-03-05')
>>> parse_bool("是"), parse_bool("no")
(True, False)
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

TRUE_WORDS = frozenset({"是", "有", "y", "yes", "true", "t", "1", "√", "对"})
FALSE_WORDS = frozenset({"否", "无", "n", "no", "false", "f", "0", "×", "不"})
_EXCEL_EPOCH = date(1899, 12, 30)  # Excel's day 0 (it counts the phantom 1900-02-29)
_SEPARATED = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SERIAL = re.compile(r"^(\d{5})(?:\.0+)?$")
_ISO_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$")
_YEAR = re.compile(r"^(\d{4})(?:\.0+)?$")
_LIST_SEPARATORS = re.compile(r"[;；]")


class FieldError(ValueError):
    """A cell that cannot be read as its column's type; the message is the reason."""


def parse_int(text: str) -> int:
    """Whole numbers, with thousands separators and a harmless `.0` from spreadsheets."""
    cleaned = text.replace(",", "").replace("，", "").strip()
    if re.fullmatch(r"[+-]?\d+(\.0+)?", cleaned):
        return int(cleaned.split(".")[0])
    raise FieldError(f"'{text}' is not a whole number")


def parse_float(text: str) -> float:
    """Decimal numbers; a trailing % is read as a share (`35%` -> 0.35)."""
    cleaned = text.replace(",", "").replace("，", "").strip()
    share = cleaned.endswith("%")
    try:
        value = float(cleaned.rstrip("%"))
    except ValueError:
        raise FieldError(f"'{text}' is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise FieldError(f"'{text}' is not a finite number")
    return value / 100 if share else value


def parse_bool(text: str) -> bool:
    """是/否, yes/no, true/false, 1/0 (any case)."""
    word = text.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise FieldError(f"'{text}' is not yes or no (write 是/否, yes/no, true/false or 1/0)")


def parse_year(text: str) -> int:
    """A four-digit year (1800-2100), or the year of a full date."""
    match = _YEAR.match(text.strip())
    year = int(match.group(1)) if match else int(parse_date(text)[:4])
    if not 1800 <= year <= 2100:
        raise FieldError(f"'{text}' is not a plausible year (1800-2100)")
    return year


def parse_date(text: str) -> str:
    """An ISO date string from `2021-03-05`, `2021/3/5`, `2021.03.05`, `20210305`,
    `2021年3月5日`, an ISO timestamp, or an Excel serial day number (`44260`)."""
    value = text.strip()
    if match := _ISO_TIME.match(value):
        value = match.group(1)
    if match := _SEPARATED.match(value) or _COMPACT.match(value):
        year, month, day = (int(g) for g in match.groups())
        try:
            parsed = date(year, month, day)
        except ValueError:
            raise FieldError(f"'{text}' is not a real calendar date") from None
    elif match := _SERIAL.match(value):
        # Five-digit serials cover 1927-2173; four digits would be read as a year instead.
        parsed = _EXCEL_EPOCH + timedelta(days=int(match.group(1)))
    elif _YEAR.match(value):
        raise FieldError(f"'{text}' is a year, not a date (write e.g. {value}-01-01)")
    else:
        raise FieldError(f"'{text}' is not a date (write 2021-03-05, 2021/3/5 or 20210305)")
    if not 1800 <= parsed.year <= 2100:
        raise FieldError(f"'{text}' is not a plausible date (year {parsed.year})")
    return parsed.isoformat()


def date_from_cell(value: datetime | date) -> str:
    """The ISO date of a spreadsheet date cell (time of day dropped)."""
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def split_list(text: str) -> list[str]:
    """Items separated by `;` or `；`, stripped, empty items and repeats dropped."""
    out: list[str] = []
    for item in _LIST_SEPARATORS.split(text):
        item = item.strip()
        if item and item not in out:
            out.append(item)
    return out


PARSERS = {"int": parse_int, "float": parse_float, "bool": parse_bool, "year": parse_year,
           "date": parse_date, "list": split_list, "text": str}
