"""`innochain report landscape|review`: the landscape report (mode 12) and the IP review of
a project (mode 7) as HTML, with XLSX tables and an optional PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from innochain.commands.options import settings_from, uri_option

if TYPE_CHECKING:
    import pandas as pd

FILE = click.Path(path_type=Path, dir_okay=False)


@click.group()
def report() -> None:
    """Reports (报告): landscape publication and project IP review."""


@report.command()
@uri_option
@click.option("--park", "park_id", default=None, metavar="ID",
              help="Park id (default: the only park in the graph).")
@click.option("--since", type=click.IntRange(1900, 2100), default=date.today().year - 3,
              show_default="three years ago", help="Year of the previous report: what changed "
                                                   "since then (预警).")
@click.option("--out", required=True, type=FILE, help="HTML file to write.")
@click.option("--xlsx", type=FILE, default=None, help="Also write the tables as XLSX.")
@click.option("--pdf", type=FILE, default=None, help="Also print to PDF (needs Chromium).")
def landscape(uri: str | None, park_id: str | None, since: int, out: Path,
              xlsx: Path | None, pdf: Path | None) -> None:
    """The periodic patent landscape report (专利态势发布)."""
    from innochain.graph.connect import open_store
    from innochain.reports.landscape_data import gather_landscape
    from innochain.reports.landscape_report import landscape_tables, render_landscape

    store = open_store(settings_from(uri), read_only=True)
    try:
        data = gather_landscape(store, park_id, since)
    finally:
        store.close()
    _write(render_landscape(data), landscape_tables(data), out, xlsx, pdf)


@report.command()
@uri_option
@click.option("--firm", "firm_id", required=True, metavar="ID", help="The firm's id.")
@click.option("--technology", "technology_id", required=True, metavar="ID",
              help="The technology's id (e.g. pv:topcon).")
@click.option("--out", required=True, type=FILE, help="HTML file to write.")
@click.option("--xlsx", type=FILE, default=None, help="Also write the tables as XLSX.")
@click.option("--pdf", type=FILE, default=None, help="Also print to PDF (needs Chromium).")
def review(uri: str | None, firm_id: str, technology_id: str, out: Path, xlsx: Path | None,
           pdf: Path | None) -> None:
    """IP review of a proposed project (项目知识产权评议) for a firm and a technology."""
    from innochain.graph.connect import open_store
    from innochain.reports.review_report import gather_review, render_review, review_tables

    store = open_store(settings_from(uri), read_only=True)
    try:
        data = gather_review(store, firm_id, technology_id)
    finally:
        store.close()
    _write(render_review(data), review_tables(data), out, xlsx, pdf)


def _write(html_text: str, tables: dict[str, pd.DataFrame], out: Path, xlsx: Path | None,
           pdf: Path | None) -> None:
    from innochain.reports.report_files import write_html, write_pdf, write_xlsx

    write_html(html_text, out)
    click.echo(f"wrote {out}")
    if xlsx is not None:
        write_xlsx(tables, xlsx)
        click.echo(f"wrote {xlsx} ({len(tables)} sheets)")
    if pdf is not None:
        write_pdf(html_text, pdf)
        click.echo(f"wrote {pdf}")
