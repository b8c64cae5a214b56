"""总览 Overview: the chain map, the park's headline figures, and one segment in detail."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from innochain.dashboard.choosers import choose_segment, preset, segment_names, segments
from innochain.dashboard.i18n import column_labels, lang, score_labels, t
from innochain.dashboard.network import (
    CLASS_COLOURS,
    chain_map_height,
    chain_map_html,
    show_network,
)
from innochain.dashboard.page_frame import page_header, require_park
from innochain.dashboard.query_access import query_spec, run_query, run_scored
from innochain.dashboard.tables import query_section, show_score_parts, show_table

STRENGTH = "landscape.segment_strength"
CLASSES = ("strong", "weak", "missing")


def headline(strength: pd.DataFrame, firms: pd.DataFrame) -> None:
    """Five figures for the whole park."""
    total = float(pd.to_numeric(strength["patents_weighted"]).fillna(0.0).sum())
    park = float(pd.to_numeric(strength["park_weighted"]).fillna(0.0).sum())
    counts = strength["strength"].value_counts()
    cols = st.columns(5)
    cols[0].metric(t("headline_segments"), len(strength))
    cols[1].metric(t("headline_patents"), f"{total:g}")
    cols[2].metric(t("headline_park_share"), f"{park / total:.0%}" if total else "—")
    cols[3].metric(t("headline_park_firms"), firms["firm_id"].nunique() if len(firms) else 0)
    cols[4].metric(t("headline_classes"),
                   " / ".join(str(int(counts.get(c, 0))) for c in CLASSES))


def chain_map(park_id: str, strength: pd.DataFrame, firms: pd.DataFrame) -> None:
    """The network map: segments in chain order, coloured by class, park firms below."""
    st.subheader(t("chain_map"))
    st.caption(t("chain_map_help"))
    legend = " ".join(f":{_colour_name(c)}-badge[{t(c)}]" for c in CLASSES)
    st.markdown(legend)
    links = run_query("data.segment_links", {"park_id": park_id}).frame
    classes = dict(zip(strength["segment_id"], strength["strength"], strict=False))
    chain = segments(park_id)
    height = chain_map_height([str(s) for s in chain["segment_id"]], firms)
    html = chain_map_html(chain, links, firms_named(firms), classes, segment_names(park_id),
                          {c: t(c) for c in (*CLASSES, "unscored")}, height=height)
    show_network(html, height)


def firms_named(firms: pd.DataFrame) -> pd.DataFrame:
    """The park firms with `firm` in the current language (firm_en falls back to Chinese)."""
    if lang() != "en" or firms.empty:
        return firms
    return firms.assign(firm=firms["firm_en"].fillna(firms["firm"]))


def _colour_name(cls: str) -> str:
    return {"strong": "green", "weak": "orange", "missing": "red"}.get(cls, "gray")


def segment_detail(park_id: str, strength: pd.DataFrame, firms: pd.DataFrame) -> None:
    """The chosen segment: its class and parts, its park firms, its top holders."""
    st.subheader(t("segment_detail"))
    segment_id = choose_segment(park_id, "overview_segment")
    if segment_id is None:
        return
    row = strength[strength["segment_id"] == segment_id]
    if len(row):
        _segment_figures(row.iloc[0])
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{t('park_firms_here')}**")
        here = firms[firms["segment_id"] == segment_id].drop(columns=["segment_id"])
        if here.empty:
            st.info(t("no_rows"))
        else:
            show_table(here, key="overview_firms", file_stem=f"park-firms-{segment_id}",
                       spec=query_spec("data.segment_park_firms"))
    with right:
        query_section("landscape.top_holders", {"park_id": park_id, "segment_id": segment_id,
                                                 "limit": 10}, key="overview_holders")
    with st.container(horizontal=True):
        attract = st.button(t("go_attract"), key="overview_go_attract", type="primary")
        landscape = st.button(t("go_landscape"), key="overview_go_landscape")
    if attract:
        preset("gaps_segment", segment_id)
        st.switch_page("views/gaps.py")
    if landscape:
        preset("landscape_segment", segment_id)
        st.switch_page("views/landscape.py")


def _segment_figures(row: pd.Series) -> None:
    cls = str(row["strength"])
    st.markdown(f"<span style='background:{CLASS_COLOURS.get(cls, '#78909c')};color:white;"
                f"padding:2px 10px;border-radius:4px'>{t(cls)}</span> {row['reason']}",
                unsafe_allow_html=True)
    cols = st.columns(4)
    labels = score_labels(["park_share", "rta", "foreign_share", "hhi"])
    for col, key in zip(cols, ("park_share", "rta", "foreign_share", "hhi"), strict=True):
        value = row[key]
        col.metric(labels[key], "—" if value is None or value != value else f"{value:.2f}")


def strength_table(strength: pd.DataFrame) -> None:
    """Every segment's class with its parts; each row expands into the reason."""
    spec = query_spec(STRENGTH)
    extra = score_labels(list(strength.columns))
    shown = strength[["order", "segment", "strength", "park_share", "rta", "rta_reliable",
                      "foreign_share", "hhi", "patents_weighted", "park_weighted",
                      "park_holders", "holders", "reason"]]
    show_table(shown, key="overview_strength", file_stem="segment-strength", spec=spec,
               extra_labels=extra, download=strength)
    show_score_parts(strength, name_column="segment", score_column=None, key="overview_strength",
                     parts=["park_share", "rta", "foreign_share", "hhi"],
                     labels={**column_labels(spec), **extra},
                     evidence=["strength", "reason", "patents_weighted", "park_weighted"])


def render() -> None:
    """The page."""
    park_id = require_park()
    page_header("overview")
    strength = run_scored(STRENGTH, {"park_id": park_id})
    if strength.empty:
        st.info(t("empty_graph"))
        return
    firms = run_query("data.segment_park_firms", {"park_id": park_id}).frame
    headline(strength, firms)
    chain_map(park_id, strength, firms)
    segment_detail(park_id, strength, firms)
    st.divider()
    st.subheader(t("strength_title"))
    strength_table(strength)
    query_section("landscape.chain_map", {"park_id": park_id}, key="overview_chain")


render()
