"""Read CSV and XLSX files into rows keyed by canonical column names.

Encodings are tried in order (UTF-8 with or without BOM, then GB18030, which covers GBK
and GB2312); headers are matched against Chinese or English aliases; line numbers are the
row numbers a spreadsheet user sees (header = line 1). Formula cells are never evaluated.
"""

from __future__ import annotations

import codecs
import csv
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from innochain.errors import LoadError
from innochain.loaders.field_parsing import PARSERS, FieldError, date_from_cell
from innochain.loaders.records import Reject

ENCODINGS = ("utf-8-sig", "gb18030")
TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm")
# Control and zero-width characters that spreadsheets and web copies leave in cells.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_LINE_BREAKS = re.compile(r"[\r\n\t]+")
_HEADER_NOISE = re.compile(r"[\s_\-*:：]+")
_CHUNK_BYTES = 1 << 20


@dataclass(frozen=True)
class ColumnSpec:
    """One column of a template: canonical name, header aliases, type and documentation."""

    name: str
    type: str = "text"  # text, int, float, bool, year, date, list (`;`-separated)
    required: bool = False
    zh: tuple[str, ...] = ()
    en: tuple[str, ...] = ()
    example: str = ""
    description: str = ""

    @property
    def headers(self) -> tuple[str, ...]:
        """Every header text accepted for this column, canonical name first."""
        return (self.name, *self.en, *self.zh)


def header_key(text: str) -> str:
    """Compare headers ignoring width, case, spaces, underscores and `*` required marks."""
    return _HEADER_NOISE.sub("", unicodedata.normalize("NFKC", text)).casefold()


def clean_cell(value: Any) -> str:
    """Cell text with control characters removed and whitespace stripped."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return date_from_cell(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a year typed into Excel comes back as 2021.0
    text = str(value)
    if text.isprintable():  # no line break nor invisible character: the common case, fast
        return text.strip()
    return _INVISIBLE.sub("", _LINE_BREAKS.sub(" ", text)).strip()


def map_header(header: Sequence[str], columns: Sequence[ColumnSpec], path: Path,
               template: str | None = None) -> dict[int, str]:
    """Position -> canonical name; LoadError naming every missing required column."""
    by_alias: dict[str, str] = {}
    for spec in columns:
        for alias in spec.headers:
            by_alias.setdefault(header_key(alias), spec.name)
    positions: dict[int, str] = {}
    for pos, text in enumerate(header):
        name = by_alias.get(header_key(clean_cell(text)))
        if name is not None and name not in positions.values():
            positions[pos] = name
    missing = [c for c in columns if c.required and c.name not in positions.values()]
    if missing:
        names = ", ".join(f"{c.name} ({'/'.join(c.zh[:1] or c.en[:1] or (c.name,))})"
                          for c in missing)
        hint = (f"copy the header row from {template}" if template
                else "accepted headers: " + "; ".join("/".join(c.headers[:3]) for c in missing))
        raise LoadError(f"{path}: missing required column(s) {names}; {hint}")
    return positions


def decode_text(path: Path) -> str:
    """The file's text in the first encoding that decodes it (UTF-8, then GB18030)."""
    data = path.read_bytes()
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _undecodable(path)


def file_encoding(path: Path) -> str:
    """The first encoding that decodes the whole file, read in chunks (a 200 MB export is
    never held in memory); LoadError when none does."""
    for encoding in ENCODINGS:
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with path.open("rb") as fh:
                while chunk := fh.read(_CHUNK_BYTES):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        return encoding
    raise _undecodable(path)


def _undecodable(path: Path) -> LoadError:
    return LoadError(f"{path}: neither UTF-8 nor GB18030 (GBK/GB2312) decodes this file; "
                     "save it as 'CSV UTF-8' from the spreadsheet program")


def check_readable(path: Path) -> None:
    """LoadError for a missing path, a directory, or an unknown file type."""
    if not path.exists():
        raise LoadError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise LoadError(f"{path} is a directory; give the file inside it")
    if path.suffix.lower() not in TABLE_SUFFIXES:
        raise LoadError(f"{path}: unsupported file type '{path.suffix}'; "
                        f"use one of {', '.join(TABLE_SUFFIXES)}")


def _csv_records(path: Path) -> Iterator[list[Any]]:
    """Rows streamed from the file: memory stays that of one row whatever the file's size."""
    encoding = file_encoding(path)
    with path.open(encoding=encoding, newline="") as fh:
        first = _text_before_newline(fh)
    delimiter = "\t" if path.suffix.lower() == ".tsv" or first.count("\t") > first.count(",") \
        else ","
    with path.open(encoding=encoding, newline="") as fh:
        yield from csv.reader(fh, delimiter=delimiter)


def _text_before_newline(fh: IO[str]) -> str:
    """The text before the first "\n" (a carriage return alone does not end it)."""
    head = ""
    while chunk := fh.read(_CHUNK_BYTES // 16):
        head += chunk
        if "\n" in chunk:
            break
    return head.split("\n", 1)[0]


def _xlsx_records(path: Path) -> Iterator[list[Any]]:
    from openpyxl import load_workbook

    try:
        # data_only=False: formulas come back as text starting with "=", never evaluated.
        book = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types for a damaged or foreign file
        raise LoadError(f"{path}: cannot open as XLSX ({exc}); save it again as .xlsx") from exc
    try:
        sheet = book.worksheets[0]
        for row in sheet.iter_rows(values_only=True):
            yield list(row)
    except Exception as exc:  # a damaged sheet inside an intact zip fails only while read
        raise LoadError(f"{path}: the sheet is damaged ({_first_line(exc)}); "
                        "save it again as .xlsx") from exc
    finally:
        book.close()


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def raw_records(path: Path) -> Iterator[list[Any]]:
    """Every record of the file (header first) as a list of raw cell values."""
    check_readable(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _xlsx_records(path)
    return _csv_records(path)


def read_table(path: Path, columns: Sequence[ColumnSpec], *,
               template: str | None = None) -> Iterator[tuple[int, dict[str, str]] | Reject]:
    """Rows as (line, {canonical name: text}) with empty cells left out, or a Reject for a
    row holding a formula; LoadError for an empty file or missing required columns."""
    records = raw_records(path)
    header = next(records, None)
    while header is not None and not any(clean_cell(c) for c in header):
        header = next(records, None)  # blank lines above the header
    if header is None:
        raise LoadError(f"{path}: the file is empty; it needs a header row and data rows"
                        + (f" (copy {template})" if template else ""))
    positions = map_header(header, columns, path, template)
    for line, record in enumerate(records, start=2):
        row: dict[str, str] = {}
        formula = None
        for pos, name in positions.items():
            raw = record[pos] if pos < len(record) else None
            if isinstance(raw, str) and raw.strip().startswith("="):
                formula = (name, raw)
            text = clean_cell(raw)
            if text:
                row[name] = text
        if formula is not None:
            yield Reject(str(path), line, formula[0], formula[1],
                         "formula in cell, paste values (InnoChain never evaluates formulas)")
        elif row:
            yield line, row


def typed_row(row: dict[str, str], columns: Sequence[ColumnSpec]) -> dict[str, Any]:
    """The row's values parsed by column type; FieldError carries the failing column."""
    out: dict[str, Any] = {}
    for spec in columns:
        text = row.get(spec.name)
        if text is None:
            if spec.required:
                raise ColumnError(spec.name, "", "required value is empty")
            continue
        try:
            out[spec.name] = PARSERS[spec.type](text)
        except FieldError as exc:
            raise ColumnError(spec.name, text, str(exc)) from None
    return out


class ColumnError(FieldError):
    """A FieldError that knows its column and cell text, ready to become a Reject."""

    def __init__(self, field: str, value: str, reason: str) -> None:
        super().__init__(reason)
        self.field, self.value, self.reason = field, value, reason

    def reject(self, file: str, line: int) -> Reject:
        """This error as a Reject of (file, line)."""
        return Reject(file, line, self.field, self.value, self.reason)
