"""Writing a report: the HTML, its tables as one XLSX workbook, and a PDF through headless
Chromium when one is installed (WeasyPrint needs Pango system libraries this project does
not install; Chromium is already a system dependency of the browser tests)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pandas as pd

from innochain.errors import ConfigError
from innochain.tabular_export import neutralised

ENV_CHROMIUM = "INNOCHAIN_CHROMIUM"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
PDF_TIMEOUT = 120


def write_html(text: str, path: Path) -> None:
    """The page as UTF-8."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_xlsx(tables: dict[str, pd.DataFrame], path: Path) -> None:
    """One sheet per table (names cut to Excel's 31 characters); formulas neutralised."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frame in tables.items():
            neutralised(frame).to_excel(writer, index=False, sheet_name=name[:31])


def chromium_path() -> str:
    """The headless browser to print with; ConfigError with a hint when none is found."""
    given = os.environ.get(ENV_CHROMIUM)
    found = given if given and Path(given).exists() else next(
        (p for p in (shutil.which(b) for b in BROWSERS) if p), None)
    if found is None:
        raise ConfigError("--pdf needs Chromium: install it (apt-get install chromium) or set "
                          f"{ENV_CHROMIUM} to the browser's path")
    return found


def write_pdf(html_text: str, path: Path) -> None:
    """Print the page to PDF with headless Chromium."""
    browser = chromium_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(html_text, encoding="utf-8")
        command = [browser, "--headless", "--no-sandbox", "--disable-gpu",
                   f"--user-data-dir={tmp}/profile", "--no-pdf-header-footer",
                   f"--print-to-pdf={path.resolve()}", page.as_uri()]
        done = subprocess.run(command, capture_output=True, text=True, timeout=PDF_TIMEOUT,
                              check=False)
    if done.returncode != 0 or not path.exists():
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise ConfigError(f"Chromium could not print {path}: {last}")
