"""观局 Landscape: holders by class, yearly trend, top holders and RTA, per segment."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from innochain.dashboard.charts import segment_axis
from innochain.dashboard.choosers import choose_segment, segment_names
from innochain.dashboard.i18n import class_label, column_labels, score_labels, t
from innochain.dashboard.page_frame import lazy_tabs, page_header, require_park
from innochain.dashboard.query_access import query_spec, run_scored
from innochain.dashboard.tables import query_section, show_table

STRENGTH = "landscape.segment_strength"
CLASS_COLUMNS = {"park_weighted": "park", "domestic_weighted": "domestic",
                 "foreign_weighted": "foreign"}
CLASS_COLOURS = ["#43a047", "#1e88e5", "#e53935"]
CHART_HEIGHT = 300


def holder_mix_chart(strength: pd.DataFrame, names: dict[str, str]) -> None:
    """Stacked bars: weighted patents per segment by park / domestic / foreign holders."""
    st.subheader(t("holder_mix"))
    long = strength.melt(id_vars=["order", "segment_id"], value_vars=list(CLASS_COLUMNS),
                         var_name="class", value_name="weighted")
    long["segment"] = long["segment_id"].map(names)
    long["class"] = long["class"].map(lambda c: class_label(CLASS_COLUMNS[c]))
    order = [names[s] for s in strength.sort_values("order")["segment_id"]]
    classes = [class_label(c) for c in CLASS_COLUMNS.values()]
    chart = alt.Chart(long).mark_bar().encode(
        x=alt.X("segment:N", sort=order, title=t("segment"), axis=segment_axis(len(order))),
        y=alt.Y("weighted:Q", title=t("headline_patents")),
        color=alt.Color("class:N", scale=alt.Scale(domain=classes, range=CLASS_COLOURS),
                        title=None),
        tooltip=["segment", "class", alt.Tooltip("weighted:Q", format=".1f")])
    st.altair_chart(chart.properties(height=CHART_HEIGHT), width="stretch")


def trend_chart(park_id: str, segment_id: str) -> None:
    """Weighted filings per year in the segment, all holders against park holders."""
    trend = query_section("landscape.filing_trend_by_segment", {"park_id": park_id},
                          key="landscape_trend_table", show=False, heading=False)
    if trend is None or trend.empty:
        return
    mine = trend[trend["segment_id"] == segment_id]
    if mine.empty:
        st.info(t("no_rows"))
        return
    labels = column_labels(query_spec("landscape.filing_trend_by_segment"))
    long = mine.melt(id_vars=["year"], value_vars=["patents_weighted", "park_patents_weighted"],
                     var_name="series", value_name="weighted")
    long["series"] = long["series"].map(labels)
    chart = alt.Chart(long).mark_line(point=True).encode(
        x=alt.X("year:O", title=labels["year"], axis=alt.Axis(labelAngle=0)),
        y=alt.Y("weighted:Q", title=t("headline_patents")),
        color=alt.Color("series:N", title=None), tooltip=["year", "series", "weighted"])
    st.altair_chart(chart.properties(height=CHART_HEIGHT), width="stretch")
    show_table(mine.drop(columns=["order", "segment_id"]), key="landscape_trend",
               file_stem=f"trend-{segment_id}",
               spec=query_spec("landscape.filing_trend_by_segment"))


def rta_table(strength: pd.DataFrame) -> None:
    """RTA beside the counts it is made of, flagged when the counts are too small."""
    st.subheader("RTA")
    st.caption(t("rta_note"))
    shown = strength[["order", "segment", "rta", "rta_reliable", "park_share",
                      "park_share_overall", "park_weighted", "patents_weighted",
                      "chain_park_weighted", "chain_weighted", "strength"]]
    show_table(shown, key="landscape_rta", file_stem="rta", spec=query_spec(STRENGTH),
               extra_labels=score_labels(list(strength.columns)), download=strength)


def segment_view(park_id: str, names: dict[str, str]) -> None:
    """One segment: its yearly filings and its top holders."""
    segment_id = choose_segment(park_id, "landscape_segment")
    if segment_id is None:
        return
    st.subheader(f"{t('trend')} · {names.get(segment_id, segment_id)}")
    trend_chart(park_id, segment_id)
    rollup = st.toggle(t("holders_rollup"), key="landscape_rollup")
    query_section("landscape.top_holders", {"park_id": park_id, "segment_id": segment_id,
                                             "rollup": rollup, "limit": 20},
                  key="landscape_holders")


def rta_and_park_holders(park_id: str, strength: pd.DataFrame) -> None:
    """RTA with its counts, and the park's own holders."""
    rta_table(strength)
    query_section("landscape.park_holders", {"park_id": park_id}, key="landscape_park_holders")


def render() -> None:
    """The page: the holder mix, then three tabs, each drawn when opened."""
    park_id = require_park()
    page_header("landscape")
    strength = run_scored(STRENGTH, {"park_id": park_id})
    if strength.empty:
        st.info(t("empty_graph"))
        return
    names = segment_names(park_id)
    holder_mix_chart(strength, names)
    lazy_tabs("landscape_tab", [
        ("tab_segment", lambda: segment_view(park_id, names)),
        ("tab_rta", lambda: rta_and_park_holders(park_id, strength)),
        ("tab_technologies", lambda: query_section(
            "landscape.filing_trend_by_technology", {"park_id": park_id},
            key="landscape_tech_trend"))])


render()
