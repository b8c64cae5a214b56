"""What every page starts with: its title, the chosen park, the empty-graph state; and the
lazy tabs that keep a page's later sections from running until someone opens them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

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


def lazy_tabs(key: str, sections: Sequence[tuple[str, Callable[[], None]]]) -> None:
    """Tabs (label key, what draws it) where only the chosen tab's section runs and reaches
    the browser: its queries, tables and networks are built when the tab is opened (a rerun,
    served from the query cache), so a page shows its first section sooner."""
    tabs = st.tabs([t(label) for label, _ in sections], key=key, on_change="rerun")
    for tab, (_, draw) in zip(tabs, sections, strict=True):
        if tab.open:
            with tab:
                draw()
