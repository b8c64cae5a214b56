"""联盟 Alliance: members, combined portfolio by segment, licences among members, disputes
between members with the mediation view (modes 3, 8, 10, 11)."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from innochain.dashboard.charts import segment_axis
from innochain.dashboard.choosers import choose_alliance
from innochain.dashboard.i18n import column_labels, t
from innochain.dashboard.page_frame import page_header, require_park
from innochain.dashboard.query_access import query_spec
from innochain.dashboard.tables import query_section

CHART_HEIGHT = 300


def portfolio_chart(portfolio: pd.DataFrame) -> None:
    """The alliance's share of each segment's patents, in chain order."""
    labels = column_labels(query_spec("data.alliance_portfolio"))
    order = list(portfolio.sort_values("order")["segment"])
    chart = alt.Chart(portfolio).mark_bar(color="#1565c0").encode(
        x=alt.X("segment:N", sort=order, title=labels["segment"],
                axis=segment_axis(len(order))),
        y=alt.Y("share:Q", axis=alt.Axis(format="%"), title=labels["share"],
                scale=alt.Scale(domain=[0, 1])),
        tooltip=["segment", alt.Tooltip("share:Q", format=".0%"), "patents"])
    st.altair_chart(chart.properties(height=CHART_HEIGHT), width="stretch")


def render() -> None:
    """The page."""
    park_id = require_park()
    page_header("alliance", "alliance_intro")
    alliance_id = choose_alliance("alliance_alliance")
    if alliance_id is None:
        st.info(t("no_alliance"))
        return
    query_section("data.alliance_members", {"alliance_id": alliance_id}, key="alliance_members")
    portfolio = query_section("data.alliance_portfolio",
                              {"park_id": park_id, "alliance_id": alliance_id},
                              key="alliance_portfolio")
    if portfolio is not None and len(portfolio):
        portfolio_chart(portfolio)
    query_section("data.alliance_licences", {"alliance_id": alliance_id},
                  key="alliance_licences",
                  empty_hint=t("empty_section", kinds="licences"))
    st.warning(t("risk_disclaimer"), icon=":material/gavel:")
    query_section("data.alliance_disputes", {"alliance_id": alliance_id},
                  key="alliance_disputes", empty_hint=t("empty_section", kinds="cases"))


render()
