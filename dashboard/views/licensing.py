"""用权 Licensing & pools: licensees for an institute or a patent, cross-licences, pools."""

from __future__ import annotations

import streamlit as st

from innochain.dashboard.choosers import (
    choose_organization,
    choose_patent,
    choose_segment,
    choose_standard,
)
from innochain.dashboard.i18n import t
from innochain.dashboard.page_frame import lazy_tabs, page_header, require_park
from innochain.dashboard.tables import query_section, scored_section, section_heading


def licensees() -> None:
    """An institute (or any holder) and optionally one patent -> ranked licensees."""
    st.caption(t("licensing_intro"))
    left, mid, right = st.columns([2, 2, 1])
    with left:
        holder_id = choose_organization("licensing_holder", label=t("licensor"),
                                        role="institute")
        if holder_id is None:
            holder_id = choose_organization("licensing_holder_any", label=t("licensor"))
    if holder_id is None:
        st.info(t("empty_section", kinds="organizations"))
        return
    with mid:
        patent_id = choose_patent(holder_id, "licensing_patent")
    with right:
        park_only = st.toggle(t("park_only"), key="licensing_park_only")
    scored_section("exploit.licensees", {"holder_id": holder_id, "patent_id": patent_id or None,
                                         "park_only": park_only},
                   key="licensing_licensees", name_column="firm")


def cross_licensing() -> None:
    """A park firm -> competitors to cross-license with instead of suing."""
    if not section_heading("exploit.cross_licensing"):
        return
    firm_id = choose_organization("licensing_firm", label=t("firm"), role="firm", in_park=True)
    if firm_id:
        query_section("exploit.cross_licensing", {"firm_id": firm_id}, key="licensing_cross",
                      heading=False)


def pools(park_id: str) -> None:
    """Pool candidates for a standard, and aggregation targets in a segment."""
    if section_heading("exploit.pool_candidates"):
        standard_id = choose_standard("licensing_standard")
        if standard_id is None:
            st.info(t("empty_section", kinds="standards"))
        else:
            query_section("exploit.pool_candidates", {"standard_id": standard_id},
                          key="licensing_pool", heading=False)
    st.divider()
    if section_heading("exploit.aggregation_targets"):
        segment_id = choose_segment(park_id, "licensing_segment")
        query_section("exploit.aggregation_targets", {"segment_id": segment_id},
                      key="licensing_aggregation", heading=False)


def render() -> None:
    """The page: three tabs, each drawn when opened."""
    park_id = require_park()
    page_header("licensing")
    lazy_tabs("licensing_tab", [("tab_licensees", licensees), ("tab_cross", cross_licensing),
                                ("tab_pools", lambda: pools(park_id))])


render()
