"""Reading CSV/XLSX: encodings, headers, line numbers, formulas, empty and broken files."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from innochain.errors import LoadError
from innochain.loaders.records import Reject
from innochain.loaders.tabular import ColumnError, ColumnSpec, read_table, typed_row

COLUMNS = (ColumnSpec("name", required=True, zh=("名称",)),
           ColumnSpec("founded", "year", zh=("成立年份",)),
           ColumnSpec("in_park", "bool", zh=("是否园区企业",)))


def _rows(path: Path) -> list:
    return list(read_table(path, COLUMNS, template="seed_data/templates/x.csv"))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "gb2312"])
def test_chinese_headers_in_every_accepted_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "orgs.csv"
    path.write_bytes("名称,成立年份\n隆基绿能,2000\n".encode(encoding))
    assert _rows(path) == [(2, {"name": "隆基绿能", "founded": "2000"})]


def test_undecodable_file_is_one_line_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"name\n\xff\xfe\xff\x80\n")
    with pytest.raises(LoadError, match="bad.csv: neither UTF-8 nor GB18030"):
        _rows(path)


def test_line_numbers_are_spreadsheet_rows(tmp_path: Path) -> None:
    path = tmp_path / "orgs.csv"
    path.write_text('name,founded\n A \n\n"multi\nline",1999\nC\x07\u200b,\n', encoding="utf-8")
    assert _rows(path) == [(2, {"name": "A"}), (4, {"name": "multi line", "founded": "1999"}),
                           (5, {"name": "C"})]


def test_missing_required_column_names_column_and_template(tmp_path: Path) -> None:
    path = tmp_path / "orgs.csv"
    path.write_text("founded\n2000\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"missing required column\(s\) name .*"
                                        r"copy the header row from seed_data/templates/x.csv"):
        _rows(path)


def test_empty_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "orgs.csv"
    path.write_text("", encoding="utf-8")
    with pytest.raises(LoadError, match="empty"):
        _rows(path)


def test_xlsx_formula_cell_rejects_its_row_and_dates_become_iso(tmp_path: Path) -> None:
    import datetime

    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "Founded", "In park"])
    sheet.append(["A", "=YEAR(TODAY())", "yes"])
    sheet.append(["B", datetime.date(2001, 2, 3), "否"])
    sheet.append(["C", 2002.0, None])
    path = tmp_path / "orgs.xlsx"
    book.save(path)
    rows = _rows(path)
    assert isinstance(rows[0], Reject) and rows[0].line == 2 and "formula" in rows[0].reason
    assert rows[1:] == [(3, {"name": "B", "founded": "2001-02-03", "in_park": "否"}),
                        (4, {"name": "C", "founded": "2002"})]


def test_typed_row_parses_and_names_the_failing_column() -> None:
    assert typed_row({"name": "A", "founded": "2001-02-03", "in_park": "是"}, COLUMNS) == \
        {"name": "A", "founded": 2001, "in_park": True}
    with pytest.raises(ColumnError) as err:
        typed_row({"name": "A", "in_park": "maybe"}, COLUMNS)
    assert err.value.reject("f.csv", 3) == Reject("f.csv", 3, "in_park", "maybe",
                                                  err.value.reason)
