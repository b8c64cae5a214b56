"""What every page starts with: its title, the chosen park, the empty-graph state."""

from __future__ import annotations

import streamlit as st

from innochain.dashboard.choosers import current_park
from innochain.dashboard.i18n import page_title, t


def page_header(page: str, intro_key: str | None = None) -> None:
    """The page's bilingual title and, when given, one line saying what it is for."""
    st.title(page_title(page))
    if intro_key:
        st.caption(t(intro_key))


def require_park() -> str:
    """The sidebar's park; when the graph holds none, say what to load and stop the page."""
    park_id = current_park()
    if not park_id:
        st.info(t("empty_graph"))
        st.stop()
    return park_id
