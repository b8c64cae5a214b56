"""布棋 Gaps & attraction: broken and weak links, white space, whom to attract for a gap."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from innochain.dashboard.choosers import choose_segment, segment_names
from innochain.dashboard.i18n import t
from innochain.dashboard.page_frame import page_header, require_park
from innochain.dashboard.tables import query_section, scored_section

RECENT_WINDOW_YEARS = 3


def gap_segments(park_id: str, broken: pd.DataFrame | None,
                 weak: pd.DataFrame | None) -> list[str]:
    """Broken links first, then weak links, then the other segments in chain order."""
    first = [*(broken["segment_id"] if broken is not None and len(broken) else []),
             *(weak["segment_id"] if weak is not None and len(weak) else [])]
    rest = [s for s in segment_names(park_id) if s not in first]
    return list(dict.fromkeys([*first, *rest]))


def gap_tables(park_id: str) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """Broken and weak links side by side."""
    left, right = st.columns(2)
    with left:
        broken = query_section("layout.broken_links", {"park_id": park_id}, key="gaps_broken")
    with right:
        weak = query_section("layout.weak_links", {"park_id": park_id}, key="gaps_weak")
    return broken, weak


def attraction(park_id: str, segment_id: str) -> None:
    """Firms and inventors to attract for the chosen segment, with their evidence."""
    scored_section("layout.attract_firms", {"park_id": park_id, "segment_id": segment_id},
                   key="gaps_attract_firms", name_column="firm")
    query_section("layout.attract_inventors", {"segment_id": segment_id},
                  key="gaps_attract_inventors")


def directions(park_id: str) -> None:
    """White space and fast-growing technologies: where to point R&D."""
    query_section("layout.white_space", {}, key="gaps_white_space")
    since = st.number_input(t("recent_since"), min_value=1990, max_value=2100, step=1,
                            value=dt.date.today().year - RECENT_WINDOW_YEARS,
                            key="gaps_since")
    query_section("layout.growth_technologies", {"park_id": park_id, "since": int(since)},
                  key="gaps_growth")


def render() -> None:
    """The page."""
    park_id = require_park()
    page_header("gaps", "gap_intro")
    broken, weak = gap_tables(park_id)
    st.divider()
    st.subheader(t("choose_gap"))
    segment_id = choose_segment(park_id, "gaps_segment",
                                options=gap_segments(park_id, broken, weak))
    if segment_id:
        attraction(park_id, segment_id)
    st.divider()
    directions(park_id)


render()
