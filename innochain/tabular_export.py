"""Tables out as CSV and XLSX, with spreadsheet formulas neutralised.

A cell that starts with =, +, -, @ (or a tab/CR) is run as a formula by spreadsheet programs;
a firm name or a patent title from a public file must never become one. Such text cells get
a leading apostrophe. Numbers stay numbers.
"""

from __future__ import annotations

import io
from typing import Any

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    if isinstance(value, list | tuple):  # one text cell; only its start can make a formula
        return neutralise_cell("; ".join(str(v) for v in value))
    if isinstance(value, dict):
        return neutralise_cell("; ".join(f"{k}={v}" for k, v in value.items()))
    return value


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of the frame that is safe to open in a spreadsheet."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object:
            out[column] = out[column].map(neutralise_cell)
    out.columns = [str(neutralise_cell(str(c))) for c in out.columns]
    return out


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM, so spreadsheet programs read Chinese text correctly."""
    return neutralised(frame).to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    """One sheet; text cells are written as strings, never as formulas."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        neutralised(frame).to_excel(writer, index=False, sheet_name=sheet[:31] or "data")
    return buffer.getvalue()
