"""Select boxes fed by the `data` pack: park, segment, organisation, plaintiff, standard ...

A page can preset another page's chooser before switching to it (overview -> a weak
segment -> firms to attract), through `preset(key, value)`.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from innochain.dashboard.i18n import lang, t
from innochain.dashboard.query_access import run_query

PARK_KEY = "park_id"
_PRESET = "preset:"


def preset(key: str, value: str) -> None:
    """Make the chooser `key` show `value` the next time it is drawn (on any page)."""
    st.session_state[_PRESET + key] = value


def widget_key(key: str) -> str:
    """The select box's own key: one per language, because the browser keeps showing the
    old language's name for the chosen option when only the names change."""
    return f"{key}@{lang()}"


def select_id(label: str, options: list[str], names: dict[str, str], key: str,
              sidebar: bool = False) -> str | None:
    """A select box over ids that shows names; keeps its choice across pages and languages.

    The choice lives in session state under `key`; `preset(key, value)` changes it from
    another page.
    """
    if not options:
        return None
    # A preset from another page wins, then the box's own state (the user just chose),
    # then the choice made under the other language, then the first option.
    candidates = (st.session_state.pop(_PRESET + key, None),
                  st.session_state.get(widget_key(key)), st.session_state.get(key))
    chosen = next((c for c in candidates if c in options), options[0])
    st.session_state[widget_key(key)] = chosen
    where = st.sidebar if sidebar else st
    choice = where.selectbox(label, options, key=widget_key(key),
                             format_func=lambda o: names.get(o, o))
    st.session_state[key] = choice
    return str(choice) if choice is not None else None


def display_name(row: dict[str, Any], zh: str = "name", en: str = "name_en") -> str:
    """The row's name in the current language (falls back to the Chinese name)."""
    value = row.get(en) if lang() == "en" else None
    return str(value or row.get(zh) or "")


def _rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]


def parks() -> pd.DataFrame:
    """Every park in the graph."""
    return run_query("data.parks").frame


def choose_park() -> str | None:
    """The sidebar park chooser; None when the graph holds no park."""
    frame = parks()
    names = {str(r["park_id"]): display_name(r) for r in _rows(frame)}
    return select_id(t("park"), list(frame["park_id"]), names, PARK_KEY, sidebar=True)


def current_park() -> str | None:
    """The park chosen in the sidebar."""
    value = st.session_state.get(PARK_KEY)
    return str(value) if value else None


def segments(park_id: str) -> pd.DataFrame:
    """The park's segments in chain order."""
    return run_query("data.segments", {"park_id": park_id}).frame


def segment_names(park_id: str) -> dict[str, str]:
    """Segment id -> name in the current language."""
    return {str(r["segment_id"]): display_name(r, "name_zh", "name_en")
            for r in _rows(segments(park_id))}


def choose_segment(park_id: str, key: str, options: list[str] | None = None) -> str | None:
    """A segment of the park (or of the given ids), by name."""
    names = segment_names(park_id)
    return select_id(t("segment"), options if options is not None else list(names), names, key)


def choose_organization(key: str, *, label: str | None = None, role: str | None = None,
                        in_park: bool | None = None) -> str | None:
    """An organisation by name, park organisations first."""
    frame = run_query("data.organizations", {"role": role, "in_park": in_park}).frame
    names = {str(r["org_id"]): display_name(r) for r in _rows(frame)}
    return select_id(label or t("organization"), list(frame["org_id"]), names, key)


def choose_plaintiff(park_id: str, key: str) -> str | None:
    """Organisations outside the park with patents in its chain, those with cases first."""
    frame = run_query("data.plaintiff_candidates", {"park_id": park_id}).frame
    names = {str(r["org_id"]): t("plaintiff_option", name=r["name"], country=r["country"] or "?",
                                 cases=r["cases_as_plaintiff"], patents=r["patents"])
             for r in _rows(frame)}
    return select_id(t("plaintiff"), list(frame["org_id"]), names, key)


def choose_case(key: str, plaintiff_id: str | None = None) -> str | None:
    """A case (the plaintiff's cases when one is given)."""
    frame = run_query("data.cases", {"plaintiff_id": plaintiff_id}).frame
    names = {str(r["case_id"]): f"{r['title']} ({r['year']})" for r in _rows(frame)}
    return select_id(t("case"), list(frame["case_id"]), names, key)


def choose_standard(key: str) -> str | None:
    """A standard by name."""
    frame = run_query("data.standards").frame
    names = {str(r["standard_id"]): f"{r['name']} ({r['essential_patents']})"
             for r in _rows(frame)}
    return select_id(t("standard"), list(frame["standard_id"]), names, key)


def choose_technology(park_id: str, key: str) -> str | None:
    """A technology of the park's chain."""
    frame = run_query("data.technologies", {"park_id": park_id}).frame
    names = {str(r["technology_id"]): display_name(r, "name_zh", "name_en")
             for r in _rows(frame)}
    return select_id(t("technology"), list(frame["technology_id"]), names, key)


def choose_alliance(key: str) -> str | None:
    """An alliance by name."""
    frame = run_query("data.alliances").frame
    names = {str(r["alliance_id"]): f"{r['name']} ({r['members']})" for r in _rows(frame)}
    return select_id(t("alliance"), list(frame["alliance_id"]), names, key)


def choose_patent(org_id: str, key: str) -> str | None:
    """One of an organisation's patents, or '' for the whole portfolio."""
    frame = run_query("data.org_patents", {"org_id": org_id}).frame
    names = {"": t("patent_any"),
             **{str(r["patent_id"]): f"{r['patent_id']} · {r['title']} ({r['year']})"
                for r in _rows(frame)}}
    return select_id(t("patent"), list(names), names, key)
