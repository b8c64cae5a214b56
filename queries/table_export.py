"""Writing query results as a table, CSV, JSON or XLSX, safe to open in a spreadsheet."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from innochain.errors import ConfigError
from innochain.tabular_export import csv_bytes, neutralise_cell, xlsx_bytes

FORMATS = ("table", "csv", "json", "xlsx")
__all__ = ["FORMATS", "neutralise_cell", "render", "write_xlsx"]


def render(frame: pd.DataFrame, fmt: str) -> str:
    """Text output for table, csv or json (xlsx is binary: use `write_xlsx`)."""
    if fmt == "table":
        return frame.to_string(index=False) if len(frame) else "(no rows)"
    if fmt == "csv":
        return csv_bytes(frame).decode("utf-8-sig")
    if fmt == "json":
        return json.dumps(frame.to_dict("records"), ensure_ascii=False, indent=2, default=str)
    raise ConfigError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def write_xlsx(frame: pd.DataFrame, path: Path, sheet: str = "result") -> None:
    """One sheet with the rows; text cells that look like formulas are neutralised."""
    # Excel sheet names are at most 31 characters and may not hold []:*?/\
    safe_sheet = "".join(ch for ch in sheet if ch not in "[]:*?/\\")[:31] or "result"
    path.write_bytes(xlsx_bytes(frame, sheet=safe_sheet))
