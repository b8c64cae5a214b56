"""数据 Data: what is loaded, which backend, and how to load more."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from innochain.dashboard.i18n import t
from innochain.dashboard.page_frame import page_header
from innochain.dashboard.query_access import server_info, shown_uri
from innochain.dashboard.tables import query_section, show_table


def backend() -> None:
    """The backend's name, version and address; the URI with any password hidden."""
    st.subheader(t("backend"))
    info = server_info()
    rows = pd.DataFrame({"key": ["uri", *info], "value": [shown_uri(), *info.values()]})
    show_table(rows, key="data_backend", file_stem="backend",
               extra_labels={"key": t("setting"), "value": t("value")})


def loaded() -> None:
    """Node and relationship counts, and every load run."""
    st.subheader(t("loaded"))
    left, right = st.columns(2)
    with left:
        query_section("data.node_counts", {}, key="data_nodes", heading=False,
                      empty_hint=t("empty_graph"))
    with right:
        query_section("data.relationship_counts", {}, key="data_rels", heading=False)
    query_section("data.load_runs", {}, key="data_runs", empty_hint=t("no_load_runs"))


def load_kinds() -> pd.DataFrame:
    """The `innochain load` kinds with what each reads (from the loader registry)."""
    try:
        from innochain.loaders.registry import LOADERS
    except ImportError:
        return pd.DataFrame(columns=["kind", "description", "files"])
    return pd.DataFrame([{"kind": s.kind, "description": s.description,
                          "files": ", ".join(s.file_types)} for s in LOADERS])


def how_to_load() -> None:
    """The commands that put more into the graph."""
    st.subheader(t("load_more"))
    st.markdown(t("load_more_intro"))
    kinds = load_kinds()
    if len(kinds):
        show_table(kinds, key="data_kinds", file_stem="load-kinds",
                   extra_labels={"kind": t("kind"), "description": t("meaning"),
                                 "files": t("file_types")})
    st.code("innochain load chain seed_data/<chain>.yaml\n"
            "innochain load organizations orgs.xlsx\n"
            "innochain load cnipa export.xlsx\n"
            "innochain demo", language="bash")


def render() -> None:
    """The page (it works on an empty graph too: that is when it is needed most)."""
    page_header("data")
    backend()
    loaded()
    how_to_load()


render()
