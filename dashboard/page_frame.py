"""What every page starts with: its title, the chosen park, the empty-graph state; and the
lazy tabs that keep a page's later sections from running until someone opens them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from innochain.dashboard.choosers import current_park
from innochain.dashboard.i18n import every_language, page_title, t


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
    served from the query cache), so a page shows its first section sooner. The open tab
    stays open when the language changes."""
    labels = [t(label) for label, _ in sections]
    _keep_open_tab(key, [label for label, _ in sections], labels)
    tabs = st.tabs(labels, key=key, on_change="rerun")
    for tab, (_, draw) in zip(tabs, sections, strict=True):
        if tab.open:
            with tab:
                draw()


def _keep_open_tab(key: str, label_keys: Sequence[str], labels: Sequence[str]) -> None:
    # st.tabs remembers the open tab by its label: after a language switch that label is
    # gone and Streamlit falls back to the first tab, so carry the choice over by hand.
    chosen = st.session_state.get(key)
    if chosen is None or chosen in labels:
        return
    for label_key, label in zip(label_keys, labels, strict=True):
        if chosen in every_language(label_key):
            st.session_state[key] = label
            return
