"""撮合 Partners: a firm's suppliers, customers and co-innovation partners; its network;
experts for a technology."""

from __future__ import annotations

import streamlit as st

from innochain.dashboard.choosers import choose_organization, choose_technology, display_name
from innochain.dashboard.i18n import t
from innochain.dashboard.network import ego_network_html, show_network
from innochain.dashboard.page_frame import lazy_tabs, page_header, require_park
from innochain.dashboard.query_access import query_spec, run_query
from innochain.dashboard.tables import query_section, scored_section, show_table

EGO_HEIGHT = 460


def ego_network(org_id: str) -> None:
    """The firm and its direct links as an interactive network, and the links as a table."""
    st.subheader(t("ego_network"))
    st.caption(t("ego_help"))
    edges = run_query("data.ego_network", {"org_id": org_id}).frame
    if edges.empty:
        st.info(t("no_rows"))
        return
    found = run_query("data.organizations", {"org_id": org_id}).frame
    centre = display_name(found.iloc[0].to_dict()) if len(found) else org_id
    show_network(ego_network_html(org_id, centre, edges, height=EGO_HEIGHT), EGO_HEIGHT)
    show_table(edges, key="partners_ego", file_stem=f"network-{org_id}",
               spec=query_spec("data.ego_network"))


def partners(firm_id: str) -> None:
    """Suppliers, customers and co-innovation partners, with their evidence."""
    scored_section("match.partners", {"firm_id": firm_id}, key="partners_partners",
                   name_column="partner")
    query_section("match.co_innovation", {"org_id": firm_id}, key="partners_co_innovation")


def experts(park_id: str) -> None:
    """The expert pool for a technology, and institute-firm pairs."""
    st.subheader(t("experts"))
    technology_id = choose_technology(park_id, "partners_technology")
    if technology_id:
        query_section("match.experts", {"technology_id": technology_id}, key="partners_experts",
                      heading=False)
    query_section("match.institute_firm_pairs", {}, key="partners_pairs")


def render() -> None:
    """The page: the firm, then three tabs, each drawn when opened."""
    park_id = require_park()
    page_header("partners", "partners_intro")
    firm_id = choose_organization("partners_firm", label=t("firm"), role="firm")
    if firm_id is None:
        st.info(t("empty_section", kinds="organizations"))
        return
    lazy_tabs("partners_tab", [("tab_partners", lambda: partners(firm_id)),
                               ("tab_network", lambda: ego_network(firm_id)),
                               ("tab_experts", lambda: experts(park_id))])


render()
