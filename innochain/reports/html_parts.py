"""HTML building blocks of a report: the page, bilingual headings, tables, notes.

Everything from the graph is escaped here (names come from public files). The page is one
self-contained file: CSS inline, figures inline SVG, no scripts, so it prints and mails well.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

PAGE_CSS = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
       "Helvetica Neue", Arial, sans-serif; color: #1f2933; margin: 0; background: #f5f7fa; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; }
h1 { font-size: 26px; margin: 8px 0 4px; }
h1 .en, h2 .en, h3 .en { color: #52606d; font-weight: normal; font-size: 0.72em; margin-left: 8px; }
h2 { font-size: 20px; border-bottom: 2px solid #1f6feb; padding-bottom: 4px; margin-top: 36px; }
h3 { font-size: 16px; margin: 22px 0 6px; }
p, li { line-height: 1.55; font-size: 14px; }
.meta { color: #52606d; font-size: 13px; margin: 0 0 12px; }
.synthetic { background: #fff4e5; border-left: 4px solid #f59e0b; padding: 8px 12px;
             font-size: 14px; margin: 12px 0; }
.disclaimer { background: #eef2ff; border-left: 4px solid #4f46e5; padding: 8px 12px;
              font-size: 13px; margin: 10px 0; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 4px; font-size: 12.5px; }
th { background: #e4e7eb; text-align: left; padding: 5px 6px; vertical-align: bottom; }
th .en { display: block; font-weight: normal; color: #52606d; font-size: 11px; }
td { border-top: 1px solid #e4e7eb; padding: 4px 6px; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr:nth-child(even) td { background: #fafbfc; }
.source { color: #7b8794; font-size: 11.5px; margin: 0 0 10px; }
.figure { margin: 8px 0 2px; overflow-x: auto; }
.empty { color: #7b8794; font-style: italic; font-size: 13px; }
.tag-strong { color: #137333; font-weight: 600; } .tag-weak { color: #b26a00; font-weight: 600; }
.tag-missing { color: #b91c1c; font-weight: 600; }
ul.actions li { margin-bottom: 4px; }
.figure svg { max-width: 100%; height: auto; }
@page { size: A4 landscape; margin: 12mm; }
@media print { body { background: #fff; } main { max-width: none; padding: 0; }
               h2, h3 { break-after: avoid; } tr, svg { break-inside: avoid; } }
"""


@dataclass(frozen=True)
class Column:
    """A table column: the frame's column, its Chinese and English headings, a format."""

    name: str
    zh: str
    en: str
    fmt: str = "text"  # text, int, year, float1, float2, pct, list, bool


def esc(value: Any) -> str:
    """HTML-escaped text of any value."""
    return html.escape("" if value is None else str(value))


def heading(level: int, zh: str, en: str, anchor: str | None = None) -> str:
    """A bilingual heading: Chinese first, English beside."""
    ident = f' id="{esc(anchor)}"' if anchor else ""
    return f'<h{level}{ident}>{esc(zh)}<span class="en">{esc(en)}</span></h{level}>'


def cell_text(value: Any, fmt: str) -> str:
    """One value as the table shows it."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if fmt == "int":
        return f"{int(value):,}"
    if fmt == "year":
        return str(int(value))
    if fmt == "float1":
        return f"{float(value):,.1f}"
    if fmt == "float2":
        return f"{float(value):,.2f}"
    if fmt == "pct":
        return f"{100 * float(value):.1f}%"
    if fmt == "bool":
        return "是 yes" if value else "否 no"
    if fmt == "list":
        return ", ".join(str(v) for v in value) if isinstance(value, list | tuple) else str(value)
    return str(value)


def table(frame: pd.DataFrame, columns: Sequence[Column], *, limit: int | None = None,
          empty: str = "无 none") -> str:
    """An HTML table of the given columns (bilingual headings); a note when empty."""
    if frame.empty:
        return f'<p class="empty">{esc(empty)}</p>'
    rows = frame.head(limit) if limit else frame
    head = "".join(f'<th>{esc(c.zh)}<span class="en">{esc(c.en)}</span></th>' for c in columns)
    body = []
    for record in rows.to_dict("records"):
        cells = []
        for c in columns:
            css = ' class="num"' if c.fmt in ("int", "year", "float1", "float2", "pct") else ""
            text = cell_text(record.get(c.name), c.fmt)
            if c.name == "strength":
                css = f' class="tag-{esc(record.get(c.name))}"'
            cells.append(f"<td{css}>{esc(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    more = ""
    if limit and len(frame) > limit:
        more = (f'<p class="source">前 {limit} 行，共 {len(frame)} 行 (first {limit} of '
                f"{len(frame)} rows; all in the XLSX)</p>")
    return (f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
            + more)


def source_line(*query_ids: str, note: str = "") -> str:
    """Where a table's numbers come from: the queries (and scoring) that produced them."""
    text = "来源 Source: " + ", ".join(f"innochain query {q}" for q in query_ids)
    return f'<p class="source">{esc(text)}{esc("; " + note) if note else ""}</p>'


def page(title_zh: str, title_en: str, meta: str, banners: Sequence[str],
         sections: Sequence[str]) -> str:
    """The whole self-contained HTML page."""
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            f"<title>{esc(title_zh)} {esc(title_en)}</title><style>{PAGE_CSS}</style></head>"
            f"<body><main>{heading(1, title_zh, title_en)}<p class=\"meta\">{esc(meta)}</p>"
            + "".join(banners) + "".join(sections) + "</main></body></html>\n")


def synthetic_banner(patents: int, synthetic: int) -> str:
    """The visible line saying how many patent records are generated demo data."""
    if synthetic == 0:
        return ""
    return ('<p class="synthetic"><strong>合成数据提示 Synthetic data:</strong> '
            f"{synthetic:,} / {patents:,} 件专利记录为演示用合成数据（synthetic-demo），"
            "并非真实专利；园区成员为虚构机构。 "
            f"{synthetic:,} of the {patents:,} patent records are generated demo records "
            "(source synthetic-demo), not real patents; the park's members are fictional.</p>")


def disclaimer() -> str:
    """Risk output is a signal, never a legal opinion (DESIGN.md)."""
    return ('<p class="disclaimer">风险部分为需要进一步核查的暴露信号，不是侵权或自由实施（FTO）'
            "结论。 The risk figures are exposure signals for people to look into, never a "
            "legal conclusion or a freedom-to-operate opinion.</p>")


def bullet_list(items: Sequence[str], css: str = "") -> str:
    """A list of already-escaped HTML items."""
    if not items:
        return '<p class="empty">无 none</p>'
    cls = f' class="{css}"' if css else ""
    return f"<ul{cls}>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
