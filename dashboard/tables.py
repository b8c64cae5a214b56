"""Tables as the pages show them: header labels, CSV/XLSX downloads, scores with their parts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from innochain.dashboard.i18n import bilingual, class_label, column_labels, score_labels, t
from innochain.dashboard.query_access import (
    has_query,
    is_scored,
    query_spec,
    run_query,
    run_scored,
)
from innochain.errors import BackendUnavailable, InnoChainError
from innochain.queries.pack_format import QuerySpec
from innochain.tabular_export import csv_bytes, xlsx_bytes

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHOWN_SCORE_ROWS = 10
BAR_STEPS = 10
# Columns whose values are words the pages translate (park/domestic/foreign, firm ...).
CLASS_WORD_COLUMNS = frozenset({"class", "supplier_class", "strength", "supply_link", "role"})


def labelled(frame: pd.DataFrame, spec: QuerySpec | None,
             extra: dict[str, str] | None = None) -> pd.DataFrame:
    """The frame with header labels as column names (unique, so Arrow accepts them)."""
    labels = {**(column_labels(spec) if spec else {}), **(extra or {})}
    names: list[str] = []
    for column in frame.columns:
        label = labels.get(str(column), str(column))
        names.append(label if label not in names else f"{label} ({column})")
    out = frame.copy()
    out.columns = names
    return out


def for_display(frame: pd.DataFrame) -> pd.DataFrame:
    """Numbers as numbers (the runner keeps them as objects), fractions to three places.

    Only the screen is rounded; the downloads keep every digit.
    """
    out = frame.copy()
    for column in out.columns:
        values = [v for v in out[column] if v is not None and v == v]
        if values and all(isinstance(v, int | float) and not isinstance(v, bool)
                          for v in values):
            numbers = pd.to_numeric(out[column])
            out[column] = numbers.round(3) if any(isinstance(v, float) for v in values) \
                else numbers
    return out


def _class_words(frame: pd.DataFrame) -> pd.DataFrame:
    """park/domestic/foreign and strong/weak/missing in the current language."""
    out = frame.copy()
    for column in CLASS_WORD_COLUMNS.intersection(out.columns):
        out[column] = out[column].map(lambda v: class_label(v) if isinstance(v, str) else v)
    return out


def download_payloads(frame: pd.DataFrame, sheet: str) -> tuple[bytes, bytes]:
    """CSV and XLSX bytes of a shown table, spreadsheet formulas neutralised."""
    return csv_bytes(frame), xlsx_bytes(frame, sheet=sheet)


def download_buttons(frame: pd.DataFrame, file_stem: str, key: str) -> None:
    """CSV and XLSX buttons side by side; the files are built only when clicked."""
    safe_stem = "".join(c if c.isalnum() or c in "._-" else "_" for c in file_stem)
    with st.container(horizontal=True):
        st.download_button(t("download_csv"), data=lambda: csv_bytes(frame),
                           file_name=f"{safe_stem}.csv", mime="text/csv", key=f"{key}_csv",
                           on_click="ignore", icon=":material/download:")
        st.download_button(t("download_xlsx"), data=lambda: xlsx_bytes(frame, sheet=safe_stem),
                           file_name=f"{safe_stem}.xlsx", mime=XLSX_MIME, key=f"{key}_xlsx",
                           on_click="ignore", icon=":material/download:")


def show_table(frame: pd.DataFrame, *, key: str, file_stem: str, spec: QuerySpec | None = None,
               extra_labels: dict[str, str] | None = None, height: int | None = None,
               download: pd.DataFrame | None = None) -> None:
    """One table with labels in the current language and its two downloads.

    `download` is a wider frame to offer as the files (e.g. with every score part).
    """
    shown = labelled(_class_words(frame), spec, extra_labels)
    st.dataframe(for_display(shown), hide_index=True, width="stretch",
                 height=height if height is not None else "auto")
    files = shown if download is None else labelled(download, spec, extra_labels)
    download_buttons(files, file_stem, key)


def section_heading(query_id: str) -> bool:
    """A query's title and description, for a section whose choosers come before its table."""
    return _section_spec(query_id, heading=True) is not None


def _section_spec(query_id: str, heading: bool) -> QuerySpec | None:
    """The query's header, with its title and description shown; None if it is not there."""
    if not has_query(query_id):
        st.info(t("waits_for", query=query_id))
        return None
    spec = query_spec(query_id)
    if heading:
        st.subheader(bilingual(spec.title))
        st.caption(bilingual(spec.description))
    return spec


def _fetch(query_id: str, params: dict[str, Any] | None, scored: bool) -> pd.DataFrame | None:
    try:
        return run_scored(query_id, params) if scored else run_query(query_id, params).frame
    except BackendUnavailable:
        raise
    except InnoChainError as exc:
        st.error(t("query_failed", error=exc))
        return None


def query_section(query_id: str, params: dict[str, Any] | None, *, key: str,
                  heading: bool = True, hide: Sequence[str] = (),
                  empty_hint: str | None = None, show: bool = True) -> pd.DataFrame | None:
    """Run a pack query and show its title, description and table with downloads.

    Returns the raw frame (for charts and follow-up choices), or None when the packs do
    not have the query yet or it failed; a dead backend is raised for the app to show.
    """
    spec = _section_spec(query_id, heading)
    frame = _fetch(query_id, params, scored=False) if spec else None
    if spec is None or frame is None:
        return None
    if frame.empty:
        st.info(empty_hint or t("no_rows"))
    elif show:
        show_table(frame.drop(columns=[c for c in hide if c in frame.columns]), spec=spec,
                   key=key, file_stem=query_id)
    return frame


def scored_section(query_id: str, params: dict[str, Any] | None, *, key: str,
                   name_column: str, heading: bool = True,
                   empty_hint: str | None = None) -> pd.DataFrame | None:
    """A ranked query: the table with its score, each row expandable into parts and evidence.

    The downloads carry every part and its evidence; the table shows the score only.
    """
    spec = _section_spec(query_id, heading)
    frame = _fetch(query_id, params, scored=is_scored(query_id)) if spec else None
    if spec is None or frame is None:
        return None
    if frame.empty:
        st.info(empty_hint or t("no_rows"))
        return frame
    columns = [str(c) for c in frame.columns]
    parts = [c for c in columns if c.startswith("part_")]
    evidence = [c for c in columns if c.startswith("evidence_")]
    plain = [c for c in columns if c not in parts and c not in evidence and c != "score"]
    order = [name_column, *(["score"] if "score" in columns else []),
             *[c for c in plain if c != name_column]]
    extra = score_labels(columns)
    show_table(frame[order], spec=spec, key=key, file_stem=query_id, extra_labels=extra,
               download=frame[order + parts + evidence])
    labels = {**column_labels(spec), **extra}
    show_score_parts(frame, name_column=name_column, key=key,
                     score_column="score" if "score" in columns else None,
                     parts=parts or [c for c in plain if c != name_column and
                                     not c.endswith("_id")],
                     labels=labels, evidence=evidence)
    return frame


def show_score_parts(frame: pd.DataFrame, *, name_column: str, score_column: str | None,
                     parts: Iterable[str], labels: dict[str, str], key: str,
                     evidence: Iterable[str] = (), rows: int = SHOWN_SCORE_ROWS) -> None:
    """Each of the top rows as an expander: its score, the parts that make it, the evidence.

    A part `part_<name>` is shown with its `evidence_<name>` beside it. The first row is
    open; the others draw their contents only once opened (a rerun served from the cache),
    so a page does not build ten breakdowns before anyone asks for one.
    """
    parts, evidence = list(parts), list(evidence)
    st.markdown(f"**{t('score_parts')}**")
    for i, (_, row) in enumerate(frame.head(rows).iterrows()):
        score = row.get(score_column) if score_column else None
        title = str(row[name_column])
        if isinstance(score, int | float):
            title += f" — {labels.get(str(score_column), score_column)} {float(score):.2f}"
        box = st.expander(title, expanded=i == 0, key=f"{key}_parts_{i}", on_change="rerun")
        if box.open:
            with box:
                st.markdown(_parts_text(row, parts, evidence, labels,
                                        _as_number(score) if score_column else None))


def _bar(value: float | None, total: float | None) -> str:
    """A part's share of the score as a ten-step text bar (cheaper to draw than a chart)."""
    if value is None or not total or total <= 0:
        return ""
    filled = max(0, min(BAR_STEPS, round(BAR_STEPS * value / total)))
    return f"`{'█' * filled}{'░' * (BAR_STEPS - filled)}` "


def _parts_text(row: pd.Series, parts: list[str], evidence: list[str],
                labels: dict[str, str], total: float | None = None) -> str:
    lines, paired = [], set()
    for part in parts:
        value = _as_number(row.get(part))
        bar = _bar(value, total) if part.startswith("part_") else ""
        line = f"- {bar}**{labels.get(part, part)}** {_as_text(row.get(part))}"
        if part.startswith("part_") and f"evidence_{part[5:]}" in evidence:
            paired.add(f"evidence_{part[5:]}")
            line += f" — {_as_text(row.get(f'evidence_{part[5:]}'))}"
        lines.append(line)
    lines += [f"- {labels.get(c, c)}: {_as_text(row.get(c))}" for c in evidence
              if c not in paired]
    return "\n".join(lines)


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int | float) and value == value:
        return float(value)
    if isinstance(value, list):
        return float(len(value))
    return None


def _as_text(value: Any) -> str:
    if isinstance(value, list):
        return "、".join(str(v) for v in value) or "—"
    if value is None or (isinstance(value, float) and value != value):
        return "—"
    if isinstance(value, float):
        return f"{value:.3g}"
    return str(value)
