"""Downloads and exports never carry a live spreadsheet formula."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from innochain.tabular_export import csv_bytes, xlsx_bytes

FRAME = pd.DataFrame({"name": ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "隆基", None],
                      "patents": [1, 2, 3, 4, 5, 6],
                      "evidence": [["=a", "b"], [], ["c"], [], [], []]})


def test_csv_cells_that_look_like_formulas_are_neutralised_and_chinese_survives() -> None:
    text = csv_bytes(FRAME).decode("utf-8-sig")
    back = pd.read_csv(io.StringIO(text))
    assert back["name"].tolist()[:5] == ["'=HYPERLINK(\"http://x\")", "'+1", "'-2+3", "'@SUM(A1)",
                                         "隆基"]
    assert back["patents"].tolist() == [1, 2, 3, 4, 5, 6]
    assert back["evidence"][0] == "'=a; b"


def test_xlsx_has_no_formula_cells() -> None:
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(FRAME)))
    sheet = book.active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert all(not (isinstance(v, str) and v.startswith("=")) for v in values)
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert sheet["B2"].value == 1
